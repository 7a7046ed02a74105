// The matrix as a Markdown table, for pull requests and wikis.
import type { Matrix } from './matrix';
import type { Locale } from '../types';
import { markdownCell } from './escape';
import { matrixTable } from './matrix-table';

export function matrixToMarkdown(matrix: Matrix, locale: Locale, shape: 'list' | 'grid' = 'list'): string {
  const table = matrixTable(matrix, locale, shape);
  const line = (cells: string[]) => `| ${cells.map((cell) => markdownCell(cell) || ' ').join(' | ')} |`;
  return `${[line(table.headers), `|${table.headers.map(() => ' --- |').join('')}`, ...table.rows.map(line)].join('\n')}\n`;
}
