// `taskmatrix matrix`: the responsibility matrix as JSON (the design's contract), CSV, Markdown or HTML;
// `--grid` gives measures × agencies instead of one row per measure.
import { buildMatrix, jsonText, matrixToCsv, matrixToHtml, matrixToMarkdown } from '../../core/index';
import type { Matrix } from '../../core/index';
import { UsageError } from '../files';
import type { CommandContext } from './command';
import { contentNonce, loadExportInput } from './export-input';

export const MATRIX_FORMATS = ['json', 'csv', 'markdown', 'html'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

export function matrixCommand(context: CommandContext): number {
  const format = String(context.options.format ?? 'json');
  if (!(MATRIX_FORMATS as readonly string[]).includes(format)) throw new UsageError('unknownFormat', { format, command: 'matrix', formats: MATRIX_FORMATS.join(', ') });
  const grid = Boolean(context.options.grid);
  if (grid && format === 'json') throw new UsageError('gridNotJson');
  const input = loadExportInput(context);
  context.write(renderMatrix(buildMatrix(input.project, input.guidelines), format as MatrixFormat, grid ? 'grid' : 'list', context, input.title));
  return 0;
}

export function renderMatrix(matrix: Matrix, format: MatrixFormat, shape: 'list' | 'grid', context: Pick<CommandContext, 'locale'>, title: string): string {
  switch (format) {
    case 'json':
      return `${jsonText(matrix, 2)}\n`;
    case 'csv':
      return matrixToCsv(matrix, context.locale, shape);
    case 'markdown':
      return matrixToMarkdown(matrix, context.locale, shape);
    case 'html':
      return matrixToHtml(matrix, { locale: context.locale, title, shape, nonce: contentNonce(JSON.stringify(matrix), shape) });
  }
}
