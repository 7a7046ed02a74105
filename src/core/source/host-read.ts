// Reading a file through a host's file system (the extension's workspace.fs): its size first, so
// that a file over the limit is refused from a stat, before a byte of it is read into memory.
import { MAX_FILE_BYTES } from './document';

/** What a host can say about a file: its size, and its bytes. */
export interface HostFile {
  size(): PromiseLike<number> | number;
  read(): PromiseLike<Uint8Array> | Uint8Array;
}

/**
 * The file's bytes, or `tooLarge` when its size is over the limit (then `read` is never called;
 * a file that grew past the limit between the stat and the read is refused too).
 */
export async function readWithinLimit(file: HostFile, limit = MAX_FILE_BYTES): Promise<{ bytes: Uint8Array } | { tooLarge: true }> {
  if ((await file.size()) > limit) return { tooLarge: true };
  const bytes = await file.read();
  return bytes.byteLength > limit ? { tooLarge: true } : { bytes };
}
