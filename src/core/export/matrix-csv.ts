// The matrix as CSV for Excel and WPS: UTF-8 with a BOM (or Chinese turns to mojibake),
// RFC 4180 quoting, CRLF rows, formula-like cells neutralised.
import type { Matrix } from './matrix';
import type { Locale } from '../types';
import { csvField } from './escape';
import { matrixTable } from './matrix-table';

/** `rows`: which of the table's rows, in that order (what a panel shows after filter and sort); all by default. */
export function matrixToCsv(matrix: Matrix, locale: Locale, shape: 'list' | 'grid' = 'list', rows?: readonly number[]): string {
  const table = matrixTable(matrix, locale, shape);
  const chosen = rows ? rows.filter((row) => row >= 0 && row < table.rows.length).map((row) => table.rows[row]!) : table.rows;
  const lines = [table.headers, ...chosen].map((cells) => cells.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
