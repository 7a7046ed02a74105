// `taskmatrix lint`: diagnostics in the chosen format and the design's exit codes.
import { LINT_FORMATS, counts } from '../formatters/index';
import { loadProject } from '../load';
import { t } from '../messages';
import type { CommandContext } from './command';
import { UsageError } from '../files';

export function lintCommand(context: CommandContext): number {
  const { options, locale } = context;
  const format = String(options.format ?? 'stylish');
  const formatter = LINT_FORMATS[format];
  if (!formatter) throw new UsageError('unknownFormat', { format, command: 'lint', formats: Object.keys(LINT_FORMATS).join(', ') });
  const maxWarnings = parseMaxWarnings(options['max-warnings']);

  const loaded = loadProject(context.paths, context);
  loaded.notes.forEach((note) => context.stderr(`${note}\n`));
  // Each guideline's parse is dropped once it is linted: memory stays flat over many files.
  const { diagnostics, suppressed } = loaded.project.lint(loaded.requested, { release: true });
  context.write(
    formatter({
      diagnostics,
      suppressed,
      files: loaded.requested,
      reportSuppressed: Boolean(options['report-suppressed']),
      locale,
      cwd: context.cwd,
      color: context.color && !options.output,
      version: context.version,
    }),
  );
  const { errors, warnings } = counts(diagnostics);
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    context.stderr(`${t(locale, 'maxWarningsExceeded', { count: warnings, max: maxWarnings })}\n`);
    return 1;
  }
  return 0;
}

function parseMaxWarnings(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d+$/.test(text)) throw new UsageError('badMaxWarnings', { value: text });
  return Number(text);
}
