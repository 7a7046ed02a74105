// Reading the Word and Excel files of `export` back with readers that share no code with the
// writers: mammoth (Word → HTML) and exceljs (the Excel model), plus the raw WordprocessingML for
// what mammoth does not show (page orientation, repeated header rows, fonts).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';

export interface WordCell {
  /** The cell's paragraphs as text. */
  paragraphs: string[];
  colspan: number;
  header: boolean;
}

export interface WordDocument {
  html: string;
  /** Paragraphs outside tables, in order. */
  paragraphs: string[];
  /** Each table as rows of cells. */
  tables: WordCell[][][];
}

/** A .docx as mammoth reads it. */
export async function readWord(bytes: Uint8Array): Promise<WordDocument> {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const tables: WordCell[][][] = [];
  const outside = html.replace(/<table>([\s\S]*?)<\/table>/g, (_whole, body: string) => {
    tables.push(
      [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
        [...row!.matchAll(/<(td|th)(?: colspan="(\d+)")?[^>]*>([\s\S]*?)<\/\1>/g)].map(([, tag, span, content]) => ({
          paragraphs: paragraphsOf(content!),
          colspan: span ? Number(span) : 1,
          header: tag === 'th',
        })),
      ),
    );
    return '';
  });
  return { html, paragraphs: paragraphsOf(outside), tables };
}

function paragraphsOf(html: string): string[] {
  return [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map(([, inner]) => unescapeHtml(inner!.replace(/<[^>]+>/g, '')));
}

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** word/document.xml, for the layout mammoth leaves out. */
export async function wordXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('word/document.xml')!.async('string');
}

/** A .xlsx as exceljs reads it. */
export async function readExcel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as plain values (row 1 is the header), dates as YYYY-MM-DD. */
export function sheetRows(sheet: ExcelJS.Worksheet): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: (string | number | null)[] = [];
    for (let column = 1; column <= sheet.columnCount; column++) {
      const value = row.getCell(column).value;
      values.push(value instanceof Date ? value.toISOString().slice(0, 10) : value === null || value === undefined ? null : typeof value === 'object' ? JSON.stringify(value) : (value as string | number));
    }
    rows.push(values);
  });
  return rows;
}
