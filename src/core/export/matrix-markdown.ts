// The matrix as a Markdown table, for pull requests and wikis.
import type { Matrix } from '../matrix';
import type { Locale } from '../types';
import { markdownCell } from './escape';
import { matrixColumns, matrixHeaders, matrixRows } from './matrix-table';

export function matrixToMarkdown(matrix: Matrix, locale: Locale): string {
  const columns = matrixColumns(matrix);
  const headers = matrixHeaders(locale);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const lines = [line(columns.map((c) => markdownCell(headers[c]))), line(columns.map(() => '---'))];
  for (const row of matrixRows(matrix, locale)) lines.push(line(columns.map((c) => markdownCell(row[c]) || ' ')));
  return `${lines.join('\n')}\n`;
}
