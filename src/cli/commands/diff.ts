// `taskmatrix diff OLD NEW` and `taskmatrix diff --git REV [paths…]`: whose responsibility changed
// between two drafts. Exit 0 when nothing did, 1 when something did (as `git diff --exit-code`).
import { diffSnapshots, hasChanges, jsonText, snapshotOf } from '../../core/index';
import type { DiffSide, DocumentSnapshot } from '../../core/index';
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
  let before: DocumentSnapshot[];
  let after: DocumentSnapshot[];
  if (typeof revision === 'string') {
    const current = sideOf(context.paths, context, false);
    const registries = [...new Set(current.paths.map((path) => current.project.registryPathFor(path)).filter((path) => path !== undefined))];
    after = read(current, context);
    const atRevision = projectAtRevision(revision, context.paths, registries, context.cwd, context.locale, registries.length === 1 ? registries[0] : undefined);
    before = read({ project: atRevision.project, paths: atRevision.guidelines }, context);
  } else {
    if (context.paths.length !== 2) throw new UsageError('diffNeedsTwo');
    before = read(sideOf([context.paths[0]!], context, true), context);
    after = read(sideOf([context.paths[1]!], context, true), context);
  }
  const diff = diffSnapshots(before, after);
  context.write(formatter({ diff, locale: context.locale, color: context.color }));
  return hasChanges(diff) ? 1 : 0;
}

/** One draft from files or folders. */
function sideOf(paths: string[], context: CommandContext, needsGuideline: boolean): DiffSide {
  const loaded = loadProject(paths, context);
  loaded.notes.forEach((note) => context.stderr(`${note}\n`));
  const guidelines = loaded.requested.filter((path) => loaded.project.kind(path) === 'guideline');
  if (needsGuideline && guidelines.length === 0) throw new UsageError('diffNoGuidelines', { paths: paths.join(', ') });
  return { project: loaded.project, paths: guidelines };
}

/**
 * What the diff compares of a draft, its lint errors counted on standard error as for matrix.
 * File by file, each parse let go once read: two drafts of 10,000 measures held whole kept the
 * garbage collector busy for a third of the run.
 */
function read(side: DiffSide, context: CommandContext): DocumentSnapshot[] {
  const snapshots: DocumentSnapshot[] = [];
  let errors = 0;
  for (const path of side.paths) {
    for (const d of side.project.lint([path]).diagnostics) if (d.severity === 'error') errors++;
    for (const snapshot of snapshotOf(side.project, [path])) snapshots.push(snapshot);
    side.project.release(path);
  }
  if (errors) context.stderr(`${t(context.locale, 'errorsInInput', { count: errors })}\n`);
  return snapshots;
}
