// The readers of binary formats, with their large libraries (pdfjs, exceljs, jszip, xmldom). The
// bundles load this module only when a Word, Excel or PDF file is read: esbuild.config.js builds it
// into dist/import-readers.js, which dist/cli.js and dist/extension.js require on first use.
import type { SourceDocument, UnreadableDocument } from '../source';
import { readDocx } from './docx';
import { readXlsx } from './xlsx';
import { openZip } from './zip';

import { readPdf } from './pdf';
import type { BinaryReaders } from './readers-api';

export { readPdf };

/** Reads a ZIP-based office file by what it holds: a Word document or an Excel workbook. */
export async function readOfficeFile(bytes: Uint8Array, claimed: string | undefined): Promise<SourceDocument | UnreadableDocument> {
  const zip = await openZip(bytes);
  if (!zip) return { error: 'corrupt', format: claimed ?? 'zip', detail: 'the ZIP archive is damaged or incomplete' };
  if (zip.file('word/document.xml')) return readDocx(zip);
  if (zip.file('xl/workbook.xml')) return readXlsx(bytes);
  if (zip.file('mimetype')) return { error: 'unsupported', format: 'opendocument', detail: 'an OpenDocument file: save it as .docx or .xlsx' };
  if (zip.file('ppt/presentation.xml')) return { error: 'unsupported', format: 'pptx', detail: 'a PowerPoint file: save the text as .docx' };
  return { error: 'unsupported', format: 'zip', detail: 'a ZIP archive that holds no Word document or Excel workbook' };
}

// The interface the engine loads this module by (./readers-api.ts), checked here.
void ({ readOfficeFile, readPdf } satisfies BinaryReaders);
