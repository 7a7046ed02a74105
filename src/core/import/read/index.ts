// The front of the import: bytes in, a SourceDocument out, whatever the file. The format is told
// by the content (a .docx renamed .txt is still a Word file); the file name is only a hint, for
// what the content cannot say (.wps, a CSV without a task-table header).
import { MAX_FILE_BYTES } from '../../source/document';
import { decodePolicyText } from '../decode';
import type { TextEncodingName } from '../decode';
import type { SourceDocument, UnreadableDocument } from '../source';
import type { BinaryReaders } from './readers-api';
import { readCsv, taskTableDelimiter } from './csv';
import { readText } from './text';
import { MAX_UNPACKED_BYTES, unpackedSize } from './zip-size';

export interface ReadOptions {
  /** The file's name or path: its extension is a hint. */
  fileName?: string;
  /** The encoding of a text or CSV file, when it is known; detected otherwise. */
  encoding?: TextEncodingName;
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Reads a policy document or task table of any supported format into blocks, or says why it cannot. */
export async function readDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<SourceDocument | UnreadableDocument> {
  if (bytes.length > MAX_FILE_BYTES) return { error: 'too-large' };
  if (bytes.length === 0) return { error: 'empty' };
  const extension = /\.([^./\\]+)$/.exec(options.fileName ?? '')?.[1]?.toLowerCase();
  if (isZip(bytes)) {
    const unpacked = unpackedSize(bytes);
    if (unpacked !== undefined && unpacked > MAX_UNPACKED_BYTES) return { error: 'too-large', format: extension === 'xlsx' ? 'xlsx' : 'docx', detail: `it unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB` };
    return (await loadReaders()).readOfficeFile(bytes, extension === 'docx' || extension === 'xlsx' ? extension : undefined);
  }
  if (isPdf(bytes)) return (await loadReaders()).readPdf(bytes);
  if (startsWith(bytes, OLE2)) return legacyOfficeFile(bytes, extension);
  if (startsWith(bytes, asciiBytes('{\\rtf'))) return { error: 'unsupported', format: 'rtf', detail: 'an RTF file: save it as .docx' };
  return readTextFile(bytes, extension, options.encoding);
}

function readTextFile(bytes: Uint8Array, extension: string | undefined, encoding: TextEncodingName | undefined): SourceDocument | UnreadableDocument {
  const decoded = decodePolicyText(bytes, encoding);
  if ('error' in decoded) {
    // Binary bytes under the name of a format this reader knows: that file is damaged.
    if (decoded.error === 'binary' && extension && ['docx', 'xlsx', 'pdf'].includes(extension)) return { error: 'corrupt', format: extension, detail: `not a ${extension} file: its signature is missing` };
    return { error: decoded.error, format: 'text', ...(decoded.encoding ? { detail: decoded.encoding } : {}) };
  }
  if (decoded.text.trim() === '') return { error: 'empty', format: 'text' };
  const delimiter = taskTableDelimiter(decoded.text) ?? (extension === 'csv' ? ',' : extension === 'tsv' ? '\t' : undefined);
  if (delimiter) return readCsv(decoded.text, decoded.encoding, delimiter);
  return readText(decoded.text, decoded.encoding);
}

/** Word 97-2003, Excel 97-2003 and WPS files: OLE2 compound files, which this reader does not read. */
function legacyOfficeFile(bytes: Uint8Array, extension: string | undefined): UnreadableDocument {
  if (extension === 'wps') return { error: 'wps', format: 'wps', detail: 'a WPS Writer file (.wps): save it as .docx (WPS: 文件 → 另存为 → .docx)' };
  // The names of an OLE2 file's streams are stored in UTF-16LE in its directory.
  const holds = (name: string) => indexOfBytes(bytes, utf16leBytes(name)) >= 0;
  // A password-protected .docx or .xlsx is an OLE2 file holding the encrypted package.
  if (holds('EncryptedPackage')) return { error: 'encrypted', format: extension === 'xlsx' ? 'xlsx' : 'docx', detail: 'the file is protected by a password' };
  const isWorkbook = holds('Workbook') || (!holds('WordDocument') && (extension === 'xls' || extension === 'et'));
  if (isWorkbook) return { error: 'legacy-word', format: 'xls', detail: 'a legacy Excel file (.xls): save it as .xlsx' };
  return { error: 'legacy-word', format: 'doc', detail: 'a legacy Word file (.doc): save it as .docx' };
}


/**
 * The binary-format readers, loaded on first use. In the bundles `./readers` is dist/import-readers.js
 * (see esbuild.config.js), so that starting the CLI or the extension never parses pdfjs or exceljs.
 */
function loadReaders(): Promise<BinaryReaders> {
  // require(), not import(): the tests run the TypeScript sources through tsx's require hook,
  // which import() bypasses; in the bundles either would do.
  return Promise.resolve().then(() => require('./readers') as BinaryReaders);
}

function isZip(bytes: Uint8Array): boolean {
  // A local file header, or the end record of an empty archive.
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

function isPdf(bytes: Uint8Array): boolean {
  // Readers accept the %PDF- header anywhere in the first kilobyte (some generators put junk before it).
  return indexOfBytes(bytes.subarray(0, 1024), asciiBytes('%PDF-')) >= 0;
}

function startsWith(bytes: Uint8Array, prefix: ArrayLike<number>): boolean {
  for (let index = 0; index < prefix.length; index++) if (bytes[index] !== prefix[index]) return false;
  return true;
}

/** Where `needle` first occurs in `bytes`, or -1 (files here are at most a few MB, and OLE2 directories sit early). */
function indexOfBytes(bytes: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  outer: for (let at = bytes.indexOf(first!); at >= 0 && at + needle.length <= bytes.length; at = bytes.indexOf(first!, at + 1)) {
    for (let k = 1; k < needle.length; k++) if (bytes[at + k] !== needle[k]) continue outer;
    return at;
  }
  return -1;
}

function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

function utf16leBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}
