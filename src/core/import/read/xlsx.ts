// Task tables in Excel workbooks (.xlsx), read with exceljs: every visible worksheet that holds
// anything becomes one table of cell texts as the sheet shows them.
import ExcelJS from 'exceljs';
import type { Cell, CellValue, Worksheet } from 'exceljs';
import type { SourceDocument, TableBlock, UnreadableDocument } from '../source';

/** Reads every visible, non-empty worksheet of a workbook as a table block. */
export async function readXlsx(bytes: Uint8Array): Promise<SourceDocument | UnreadableDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    return { error: 'corrupt', format: 'xlsx', detail: (error as Error).message };
  }
  // Hidden sheets hold the lists behind drop-down cells, not tasks.
  const blocks = workbook.worksheets.filter((sheet) => sheet.state === 'visible').flatMap((sheet) => sheetTable(sheet) ?? []);
  if (blocks.length === 0) return { error: 'empty', format: 'xlsx' };
  return { format: 'xlsx', paragraphsKnown: true, blocks };
}

function sheetTable(sheet: Worksheet): TableBlock | undefined {
  const rows: Array<{ number: number; cells: string[] }> = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c)));
    // Empty rows (spacing under a title, the end of a sheet) carry nothing a reader would see.
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ number: r, cells });
  }
  if (rows.length === 0) return undefined;
  const width = rows.reduce((widest, { cells }) => Math.max(widest, cells.reduce((last, cell, index) => (cell.trim() !== '' ? index + 1 : last), 0)), 0);
  return { kind: 'table', rows: rows.map(({ cells }) => cells.slice(0, width)), line: rows[0]!.number, sheet: sheet.name };
}

/** A cell's text as displayed; the cells that a merged cell covers, other than its first, are empty. */
function cellText(cell: Cell): string {
  // exceljs hands a merged cell's value to every cell it covers.
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  return valueText(cell.value, cell.numFmt);
}

function valueText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value, numFmt);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return valueText((value as { result?: CellValue }).result ?? null, numFmt);
  if ('hyperlink' in value) return valueText(value.text as CellValue, numFmt);
  if ('error' in value) return value.error;
  return '';
}

/**
 * A number as Excel shows it under the common formats: General (at most 11 significant digits),
 * fixed decimals (0.00), thousands separators (#,##0), percentages (0%) and literal text around
 * the number (0"家"). Other formats (fractions, scientific) fall back to General.
 */
export function formatNumber(value: number, numFmt: string | undefined): string {
  const general = String(Number(value.toPrecision(11)));
  if (!numFmt || /^(General|@)$/i.test(numFmt)) return general;
  // The first section is for positive numbers (and all numbers when it is the only one).
  const section = numFmt.split(';')[0]!.replace(/\[[^\]]*\]/g, '');
  const placeholder = /[#0?][#0?,]*(?:\.[#0?]*)?/.exec(section.replace(/"[^"]*"|\\./g, (literal) => ' '.repeat(literal.length)));
  if (!placeholder || /[eE][+-]|\//.test(section)) return general;
  const decimals = (placeholder[0].split('.')[1] ?? '').length;
  const percent = section.includes('%');
  let digits = Math.abs(percent ? value * 100 : value).toFixed(decimals);
  if (placeholder[0].split('.')[0]!.includes(',')) digits = digits.replace(/^\d+/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ','));
  const literal = (text: string) => text.replace(/"([^"]*)"|\\(.)|_.|\*./g, (_, quoted?: string, escaped?: string) => quoted ?? escaped ?? '');
  const before = literal(section.slice(0, placeholder.index));
  const after = literal(section.slice(placeholder.index + placeholder[0].length));
  return `${value < 0 ? '-' : ''}${before}${digits}${after}`;
}

/** A date as a Chinese reader expects it: 2025年6月30日 under a 年月日 format, 2025-06-30 otherwise. */
function formatDate(date: Date, numFmt: string | undefined): string {
  // exceljs reads a serial date as UTC midnight of that day.
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  if (numFmt?.includes('年')) return numFmt.includes('日') || numFmt.includes('d') ? `${year}年${month}月${day}日` : `${year}年${month}月`;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
