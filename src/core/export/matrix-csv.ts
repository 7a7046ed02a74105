// The matrix as CSV for Excel and WPS: UTF-8 with a BOM (or Chinese turns to mojibake), CRLF rows.
import type { Matrix } from '../matrix';
import type { Locale } from '../types';
import { csvField } from './escape';
import { matrixColumns, matrixHeaders, matrixRows } from './matrix-table';

export function matrixToCsv(matrix: Matrix, locale: Locale): string {
  const columns = matrixColumns(matrix);
  const headers = matrixHeaders(locale);
  const lines = [columns.map((c) => csvField(headers[c])).join(',')];
  for (const row of matrixRows(matrix, locale)) lines.push(columns.map((c) => csvField(row[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
