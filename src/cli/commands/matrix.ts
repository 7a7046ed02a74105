// `taskmatrix matrix`: the responsibility matrix as JSON (the design's contract), CSV or Markdown.
import { buildMatrix, matrixToCsv, matrixToMarkdown } from '../../core/index';
import type { Locale, Matrix } from '../../core/index';
import { UsageError } from '../files';
import { loadProject } from '../load';
import { t } from '../messages';
import type { CommandContext } from './command';

const MATRIX_FORMATS: Record<string, (matrix: Matrix, locale: Locale) => string> = {
  json: (matrix) => `${JSON.stringify(matrix, null, 2)}\n`,
  csv: matrixToCsv,
  markdown: matrixToMarkdown,
};

export function matrixCommand(context: CommandContext): number {
  const format = String(context.options.format ?? 'json');
  const render = MATRIX_FORMATS[format];
  if (!render) throw new UsageError('unknownFormat', { format, command: 'matrix', formats: Object.keys(MATRIX_FORMATS).join(', ') });
  const loaded = loadProject(context.paths, context);
  loaded.notes.forEach((note) => context.stderr(`${note}\n`));
  const guidelines = loaded.requested.filter((path) => loaded.project.file(path)?.kind === 'guideline');
  // The matrix shows what can be understood even while the files still have errors.
  const errors = loaded.project.lint(loaded.requested).diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) context.stderr(`${t(context.locale, 'errorsInInput', { count: errors })}\n`);
  context.write(render(buildMatrix(loaded.project, guidelines), context.locale));
  return 0;
}
