// What a host says about a document it imports: why the file cannot be read, what it was read as,
// and where in it a paragraph is. The CLI and the extension both speak through these, so that a
// drafter meets the same words in the terminal and in the editor.
import { MAX_FILE_BYTES } from '../source/document';
import { formatMessage } from '../wording/messages';
import type { MessageKey } from '../wording/messages';
import type { Locale } from '../types';
import type { TextEncodingName } from './decode';
import { MAX_UNPACKED_BYTES } from './read/zip-size';
import type { DocumentFormat, SourceDocument, UnreadableDocument } from './source';

const FORMAT_NAMES: Record<string, string> = { docx: 'Word (.docx)', xlsx: 'Excel (.xlsx)', pdf: 'PDF', csv: 'CSV', text: 'text', zip: 'ZIP' };

/**
 * One line saying why the file `name` cannot be imported and what to do about it. `forced` is
 * the encoding the user asked for, when the text did not decode as it.
 */
export function unreadableReason(unreadable: UnreadableDocument, name: string, locale: Locale, forced?: TextEncodingName): string {
  const say = (key: MessageKey, args: Record<string, string | number> = {}) => formatMessage(locale, key, { name, ...args });
  switch (unreadable.error) {
    case 'too-large':
      if (unreadable.format === 'docx' || unreadable.format === 'xlsx') return say('import.read.unpacksTooLarge', { limit: MAX_UNPACKED_BYTES / 1024 / 1024 });
      return say('import.read.tooLarge', { limit: MAX_FILE_BYTES / 1024 / 1024 });
    case 'empty':
      return say('import.read.empty');
    case 'binary':
      return say('import.read.binary');
    case 'undecodable':
      return forced ? say('import.read.notEncoding', { encoding: forced.toUpperCase() }) : say('import.read.undecodable');
    case 'legacy-word':
      return say(unreadable.format === 'xls' ? 'import.read.legacyExcel' : 'import.read.legacyWord');
    case 'wps':
      return say('import.read.wps');
    case 'scanned-pdf':
      return say('import.read.scannedPdf');
    case 'encrypted':
      return say('import.read.encrypted');
    case 'corrupt':
      return say('import.read.corrupt', { format: FORMAT_NAMES[unreadable.format ?? ''] ?? unreadable.format ?? '' });
    case 'unsupported': {
      const specific: Record<string, MessageKey> = { rtf: 'import.read.rtf', opendocument: 'import.read.opendocument', pptx: 'import.read.pptx' };
      return say(specific[unreadable.format ?? ''] ?? 'import.read.unsupported');
    }
  }
}

/** What the document was read as, for a summary: `Word`, `PDF, 12 pages`, `UTF-8`, `CSV, GB18030`. */
export function sourceDescription(document: SourceDocument, locale: Locale): string {
  const encoding = (document.encoding ?? 'utf-8').toUpperCase();
  switch (document.format) {
    case 'text':
      return formatMessage(locale, 'import.format.text', { encoding });
    case 'csv':
      return formatMessage(locale, 'import.format.csv', { encoding });
    case 'docx':
      return formatMessage(locale, 'import.format.docx');
    case 'xlsx':
      return formatMessage(locale, 'import.format.xlsx');
    case 'pdf':
      if (document.pages === undefined) return formatMessage(locale, 'import.format.pdf');
      return formatMessage(locale, document.pages === 1 ? 'import.format.pdfPage' : 'import.format.pdfPages', { pages: document.pages });
  }
}

/**
 * Whether positions in a document of this format are lines of a text file, which editors and
 * terminals address as `file:line`. Otherwise they are paragraphs (Word, PDF) or rows (Excel).
 */
export function hasTextLines(format: DocumentFormat): boolean {
  return format === 'text' || format === 'csv';
}

/**
 * Where a paragraph is, in words, for the formats without text lines: `page 3, paragraph 41`
 * (PDF), `paragraph 41` (Word), `row 12` (Excel). Undefined for text and CSV files, which are
 * addressed as `file:line`.
 */
export function placeInDocument(at: { line: number; page?: number }, format: DocumentFormat, locale: Locale): string | undefined {
  if (hasTextLines(format)) return undefined;
  if (format === 'xlsx') return formatMessage(locale, 'import.at.row', { line: at.line });
  if (at.page !== undefined) return formatMessage(locale, 'import.at.page', { page: at.page, line: at.line });
  return formatMessage(locale, 'import.at.paragraph', { line: at.line });
}

/**
 * The document as lines of text, numbered as the import numbers its problems: line N holds the
 * paragraph (or table row, cells joined by ` | `) whose `line` is N. For a host to show a Word,
 * PDF or spreadsheet file's paragraphs where an editor can point at them.
 */
export function documentLines(document: SourceDocument): string[] {
  const lines: string[] = [];
  const put = (line: number, text: string) => {
    const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
    lines[line - 1] = lines[line - 1] ? `${lines[line - 1]} ${flat}` : flat;
  };
  for (const block of document.blocks) {
    if (block.kind === 'text') put(block.line, block.text);
    else block.rows.forEach((row, index) => put(block.line + index, row.map((cell) => cell.trim()).join(' | ')));
  }
  return Array.from(lines, (line) => line ?? '');
}
