// Real documents made at test time, for the readers' tests and the accuracy runs: Word files by
// the `docx` package, spreadsheets by exceljs, and PDFs printed by headless Chromium, so that the
// readers meet the files that Word, Excel and a browser's "Save as PDF" write, not hand-made XML.
import ExcelJS from 'exceljs';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import { launchBrowser } from '../support/browser';
import type { Browser } from '../support/browser';

/** A Word document with one paragraph per line of the text (empty lines stay empty paragraphs). */
export async function docxFromText(text: string): Promise<Buffer> {
  const children = text.split(/\r?\n/).map((line) => new Paragraph({ children: [new TextRun(line)] }));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/**
 * A Word document holding a table, with an optional title paragraph above it. A cell written as
 * `^` continues the cell above it (a vertical merge), as a task table's 牵头单位 column often does.
 */
export async function docxFromTable(rows: string[][], title?: string): Promise<Buffer> {
  const columns = Math.max(...rows.map((row) => row.length));
  const tableRows = rows.map((row, r) => {
    const cells = [];
    for (let c = 0; c < columns; c++) {
      const text = row[c] ?? '';
      const merged = text === '^' || rows[r + 1]?.[c] === '^';
      cells.push(
        new TableCell({
          children: (text === '^' ? [''] : text.split('\n')).map((line) => new Paragraph(line)),
          verticalMerge: merged ? (text === '^' ? VerticalMergeType.CONTINUE : VerticalMergeType.RESTART) : undefined,
        }),
      );
    }
    return new TableRow({ children: cells });
  });
  const table = new Table({ rows: tableRows, width: { size: 100, type: WidthType.PERCENTAGE } });
  const children = title ? [new Paragraph({ children: [new TextRun(title)], alignment: AlignmentType.CENTER }), table] : [table];
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** An .xlsx workbook with one worksheet holding the rows as given (every cell a string). */
export async function xlsxFromTable(rows: string[][], sheetName = '重点任务'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet(sheetName).addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface PdfOptions {
  /** A running header printed at the top of every page. */
  header?: string;
}

let browser: Promise<Browser> | undefined;

/**
 * A PDF printed by Chromium from a page with one paragraph per line: A4, first-line indent of two
 * characters, a narrow text column so that paragraphs wrap over several lines, the header (if any)
 * on every page and page numbers `- N -` in the footer, as a government document is printed.
 */
export async function pdfFromText(text: string, options: PdfOptions = {}): Promise<Buffer> {
  const paragraphs = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
  return pdfFromHtml(`<!doctype html><html><head><meta charset="utf-8"><style>${PAGE_CSS}</style></head><body>${paragraphs}</body></html>`, {
    displayHeaderFooter: true,
    headerTemplate: `<div style="${MARGIN_STYLE}">${escapeHtml(options.header ?? '')}</div>`,
    footerTemplate: `<div style="${MARGIN_STYLE}">- <span class="pageNumber"></span> -</div>`,
  });
}

/** A PDF printed by Chromium from any HTML page, with no header or footer unless asked for. */
export async function pdfFromHtml(html: string, print: { displayHeaderFooter?: boolean; headerTemplate?: string; footerTemplate?: string } = {}): Promise<Buffer> {
  const page = await (await sharedBrowser()).newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', margin: { top: '30mm', bottom: '30mm', left: '28mm', right: '28mm' }, ...print });
  } finally {
    await page.close();
  }
}

/** Closes the browser that pdfFromText launched; the next call launches a new one. */
export async function closeForms(): Promise<void> {
  const pending = browser;
  browser = undefined;
  await (await pending?.catch(() => undefined))?.close();
}

function sharedBrowser(): Promise<Browser> {
  browser ??= launchBrowser();
  return browser;
}

// 16px CJK text in a 120mm column: about 28 characters a line, so a measure wraps over 3-5 lines.
const PAGE_CSS = `
  body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 16px; line-height: 1.8; width: 120mm; margin: 0; }
  p { text-indent: 2em; margin: 0; text-align: justify; }
`;

// Header and footer templates get no page CSS: a size must be given, or Chromium prints them at 0px.
const MARGIN_STYLE = "font-family: 'Noto Sans CJK SC', sans-serif; font-size: 10px; width: 100%; text-align: center;";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
}
