// `taskmatrix diff OLD NEW` and `taskmatrix diff --git REV [paths…]`: whose responsibility changed
// between two drafts. Exit 0 when nothing did, 1 when something did (as `git diff --exit-code`).
import { diffProjects, hasChanges, jsonText } from '../../core/index';
import type { DiffSide } from '../../core/index';
import { diffMarkdown } from '../formatters/diff-markdown';
import { diffStylish } from '../formatters/diff-stylish';
import type { DiffFormatter } from '../formatters/diff-format';
import { UsageError } from '../files';
import { loadProject } from '../load';
import { t } from '../messages';
import type { CommandContext } from './command';
import { projectAtRevision } from './git-revision';

export const DIFF_FORMATS: Record<string, DiffFormatter> = {
  stylish: diffStylish,
  markdown: diffMarkdown,
  json: ({ diff }) => `${jsonText(diff, 2)}\n`,
};

export function diffCommand(context: CommandContext): number {
  const format = String(context.options.format ?? 'stylish');
  const formatter = DIFF_FORMATS[format];
  if (!formatter) throw new UsageError('unknownFormat', { format, command: 'diff', formats: Object.keys(DIFF_FORMATS).join(', ') });
  const revision = context.options.git;
  let before: DiffSide;
  let after: DiffSide;
  if (typeof revision === 'string') {
    after = sideOf(context.paths, context, false);
    const registries = [...new Set(after.paths.map((path) => after.project.registryPathFor(path)).filter((path) => path !== undefined))];
    const atRevision = projectAtRevision(revision, context.paths, registries, context.cwd, context.locale, registries.length === 1 ? registries[0] : undefined);
    before = { project: atRevision.project, paths: atRevision.guidelines };
    reportErrors(before, context);
  } else {
    if (context.paths.length !== 2) throw new UsageError('diffNeedsTwo');
    before = sideOf([context.paths[0]!], context, true);
    after = sideOf([context.paths[1]!], context, true);
  }
  const diff = diffProjects(before, after);
  context.write(formatter({ diff, locale: context.locale, color: context.color }));
  return hasChanges(diff) ? 1 : 0;
}

/** One draft from files or folders; its lint errors are counted on standard error, as for matrix. */
function sideOf(paths: string[], context: CommandContext, needsGuideline: boolean): DiffSide {
  const loaded = loadProject(paths, context);
  loaded.notes.forEach((note) => context.stderr(`${note}\n`));
  const guidelines = loaded.requested.filter((path) => loaded.project.kind(path) === 'guideline');
  if (needsGuideline && guidelines.length === 0) throw new UsageError('diffNoGuidelines', { paths: paths.join(', ') });
  const side = { project: loaded.project, paths: guidelines };
  reportErrors(side, context);
  return side;
}

function reportErrors(side: DiffSide, context: CommandContext): void {
  const errors = side.project.lint(side.paths).diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) context.stderr(`${t(context.locale, 'errorsInInput', { count: errors })}\n`);
}
