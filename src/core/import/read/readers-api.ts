// What ./readers (the Node-side readers of Word, Excel and PDF files, loaded on first use) offers,
// stated here so that the engine's type check never reaches their libraries, and through them
// Node's types: readers.ts implements this interface, and the check that it does is there.
import type { SourceDocument, UnreadableDocument } from '../source';

export interface BinaryReaders {
  /** A ZIP-based office file, by what it holds: a Word document or an Excel workbook. */
  readOfficeFile(bytes: Uint8Array, claimed: string | undefined): Promise<SourceDocument | UnreadableDocument>;
  readPdf(bytes: Uint8Array): Promise<SourceDocument | UnreadableDocument>;
}
