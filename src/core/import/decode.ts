// Reading the bytes of a policy document: UTF-8 (with or without BOM), UTF-16 with a BOM, and
// GB18030/GBK, which many government files still use. Valid UTF-8 is taken as UTF-8; anything
// else that decodes as GB18030 is GB18030 (a superset of GBK and GB2312), as a Chinese reader's
// editor would guess. Node's built-in decoders (full ICU) do the decoding; no dependency needed.

import { MAX_FILE_BYTES } from '../document';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export const TEXT_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'];

export type DecodedText = { text: string; encoding: TextEncodingName } | { error: 'too-large' | 'binary' | 'undecodable'; encoding?: TextEncodingName };

/** Decodes the document, detecting the encoding unless one is given. */
export function decodeDocument(bytes: Uint8Array, forced?: TextEncodingName): DecodedText {
  // The task files' limit: a policy document is far smaller, so this is the wrong file.
  if (bytes.length > MAX_FILE_BYTES) return { error: 'too-large' };
  if (forced) return decodeAs(bytes, forced);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeAs(bytes, 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return decodeAs(bytes, 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeAs(bytes, 'utf-16be');
  // A NUL byte never occurs in text of either family: this is a Word or PDF file, not its text.
  if (bytes.includes(0)) return { error: 'binary' };
  const utf8 = decodeAs(bytes, 'utf-8');
  if ('text' in utf8) return utf8;
  return decodeAs(bytes, 'gb18030');
}

function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): DecodedText {
  try {
    // ignoreBOM false: the decoder drops a leading BOM of its own encoding.
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return { text, encoding };
  } catch {
    return { error: 'undecodable', encoding };
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
