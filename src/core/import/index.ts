// Public surface of the importer.
export { importGuideline } from './importer';
export type { ImportOptions, ImportProblem, ImportResult } from './importer';
export { decodePolicyText, TEXT_ENCODINGS } from './decode';
export { readDocument } from './read/index';
export { documentLines, hasTextLines, placeInDocument, sourceDescription, unreadableReason } from './describe';
export type { ReadOptions } from './read/index';
export type { DocumentFormat, SourceBlock, SourceDocument, TableBlock, TextBlock, UnreadableDocument } from './source';
export type { DecodedText, TextEncodingName } from './decode';
export { DOCUMENT_ID, documentIdFromFileName } from './emit';
export type { ImportedGuideline, ImportedMeasure, ImportedChapter } from './emit';
export type { ImportedTarget } from './targets';
