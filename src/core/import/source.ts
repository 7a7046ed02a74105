// What every format reader hands on to the rest of the import: the document as blocks in reading
// order, whatever file it came from. The stages after the readers (paragraphs → outline → lists →
// measures → YAML) see only this shape, never the file format.
import type { TextEncodingName } from './decode';

export type DocumentFormat = 'text' | 'docx' | 'pdf' | 'xlsx' | 'csv';

/** A run of text: a line of a plain-text file, a paragraph of a Word or PDF file. */
export interface TextBlock {
  kind: 'text';
  text: string;
  /** 1-based position for messages: the line of a text file, the paragraph of a Word or PDF file. */
  line: number;
  /** The PDF page the block starts on. */
  page?: number;
}

/** A table as printed: rows of cell texts; a merged cell is written once, in its first row, and empty below. */
export interface TableBlock {
  kind: 'table';
  rows: string[][];
  /** 1-based position of the table's first row, counted as `line` is for text blocks. */
  line: number;
  /** The worksheet of a spreadsheet. */
  sheet?: string;
}

export type SourceBlock = TextBlock | TableBlock;

export interface SourceDocument {
  format: DocumentFormat;
  /** The text encoding of a .txt or .csv file. */
  encoding?: TextEncodingName;
  /**
   * Whether each text block is already a whole paragraph (Word; PDF, reassembled by the reader
   * from its geometry). Plain text may be hard-wrapped, so its lines are joined by the paragraph
   * stage.
   */
  paragraphsKnown: boolean;
  blocks: SourceBlock[];
  /** The number of pages of a PDF. */
  pages?: number;
}

/** Why a file cannot be read, as one line for the user: the reason key and its arguments. */
export interface UnreadableDocument {
  error: 'too-large' | 'binary' | 'undecodable' | 'legacy-word' | 'wps' | 'scanned-pdf' | 'encrypted' | 'corrupt' | 'unsupported' | 'empty';
  /** The format the bytes were recognised as, when one was. */
  format?: string;
  detail?: string;
}
