// How large a Word or Excel file becomes once unpacked, read from the ZIP's central directory
// before anything is inflated: a small hostile file (a "zip bomb") must not fill the memory of
// the command line or of the editor's extension host.

/** The most a .docx or .xlsx may unpack to; real documents unpack to a few megabytes. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

/** The sum of the entries' unpacked sizes, or undefined when the directory cannot be read. */
export function unpackedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535 bytes, at the end.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let index = 0; index < entries; index++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const size = view.getUint32(at + 24, true);
    // 0xFFFFFFFF defers to a ZIP64 record: no office document needs one.
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}
