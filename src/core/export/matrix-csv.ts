// The matrix as CSV for Excel and WPS: UTF-8 with a BOM (or Chinese turns to mojibake),
// RFC 4180 quoting, CRLF rows, formula-like cells neutralised.
import type { Matrix } from '../matrix';
import type { Locale } from '../types';
import { csvField } from './escape';
import { matrixTable } from './matrix-table';

export function matrixToCsv(matrix: Matrix, locale: Locale, shape: 'list' | 'grid' = 'list'): string {
  const table = matrixTable(matrix, locale, shape);
  const lines = [table.headers, ...table.rows].map((cells) => cells.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
