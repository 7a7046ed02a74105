// Reading the bytes of a policy document: UTF-8 (with or without BOM), UTF-16 (with a BOM, or
// without one when the content tells the byte order), and GB18030/GBK, which many government
// files still use. Valid UTF-8 is taken as UTF-8; anything else that decodes as GB18030 is
// GB18030 (a superset of GBK and GB2312), as a Chinese reader's editor would guess. Node's
// built-in decoders (full ICU) do the decoding; no dependency needed.

import { MAX_FILE_BYTES } from '../source/document';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export const TEXT_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'];

export type DecodedText = { text: string; encoding: TextEncodingName } | { error: 'too-large' | 'binary' | 'undecodable'; encoding?: TextEncodingName };

/** Decodes the document, detecting the encoding unless one is given. */
export function decodePolicyText(bytes: Uint8Array, forced?: TextEncodingName): DecodedText {
  // The task files' limit: a policy document is far smaller, so this is the wrong file.
  if (bytes.length > MAX_FILE_BYTES) return { error: 'too-large' };
  if (forced) return decodeAs(bytes, forced);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeAs(bytes, 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return decodeAs(bytes, 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeAs(bytes, 'utf-16be');
  // A NUL byte never occurs in UTF-8 or GB18030 text: this is UTF-16 without a BOM (Notepad's
  // "Unicode" saved by some tools), or a Word or PDF file, not its text.
  if (bytes.includes(0)) return bomlessUtf16(bytes) ?? { error: 'binary' };
  const utf8 = decodeAs(bytes, 'utf-8');
  if ('text' in utf8) return utf8;
  return decodeAs(bytes, 'gb18030');
}

/**
 * UTF-16 without a BOM, told by its content: an even length, NULs in the high bytes of the ASCII
 * (line ends, digits, spaces), and text that reads as text in one byte order only: CJK,
 * ASCII, CJK and full-width punctuation, at least 90% of the characters. Binary files fail it.
 */
function bomlessUtf16(bytes: Uint8Array): DecodedText | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  let best: { text: string; encoding: TextEncodingName; score: number } | undefined;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const decoded = decodeAs(bytes, encoding);
    if (!('text' in decoded)) continue;
    const score = textLikeShare(decoded.text);
    if (score >= 0.9 && (!best || score > best.score)) best = { text: decoded.text, encoding, score };
  }
  return best && { text: best.text, encoding: best.encoding };
}

/** What policy documents are made of: tab and line ends, ASCII, NBSP, ·, dashes, quotes and …, ①, CJK punctuation, CJK, full-width forms, CJK extensions B–G. */
const TEXT_LIKE: ReadonlyArray<[number, number]> = [
  [0x09, 0x0a],
  [0x0d, 0x0d],
  [0x20, 0x7e],
  [0xa0, 0xa0],
  [0xb7, 0xb7],
  [0x2010, 0x2027],
  [0x2460, 0x24ff],
  [0x3000, 0x303f],
  [0x4e00, 0x9fff],
  [0xff01, 0xff5e],
  [0x20000, 0x3134f],
];

/** The share of characters that policy documents are made of. */
function textLikeShare(text: string): number {
  let good = 0;
  let all = 0;
  for (const char of text) {
    all++;
    const code = char.codePointAt(0)!;
    if (TEXT_LIKE.some(([from, to]) => code >= from && code <= to)) good++;
  }
  return all === 0 ? 0 : good / all;
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
