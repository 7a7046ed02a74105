// `taskmatrix diff OLD NEW` and `taskmatrix diff --git REV [paths…]`: whose responsibility changed
// between two drafts. Exit 0 when nothing did, 1 when something did (as `git diff --exit-code`).
import { diffSnapshots, hasChanges, jsonText, readDraft } from '../../core/index';
import { diffMarkdown } from '../formatters/diff-markdown';
import { diffStylish } from '../formatters/diff-stylish';
import type { DiffFormatter } from '../formatters/diff-format';
import { UsageError } from '../files';
import { loadProject } from '../load';
import { t } from '../messages';
import type { CommandContext } from './command';
import { readDraftFiles, readLoadedDraft } from './diff-read';
import type { DraftRead } from './diff-read';
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
  let before: DraftRead;
  let after: DraftRead;
  if (typeof revision === 'string') {
    const current = loadProject(context.paths, context);
    after = readLoadedDraft(current, context.paths, false);
    const registries = [...new Set(after.snapshots.map((snapshot) => current.project.registryPathFor(snapshot.path)).filter((path) => path !== undefined))];
    const atRevision = projectAtRevision(revision, context.paths, registries, context.cwd, context.locale, registries.length === 1 ? registries[0] : undefined);
    before = { ...readDraft(atRevision.project, atRevision.guidelines), notes: [] };
  } else {
    if (context.paths.length !== 2) throw new UsageError('diffNeedsTwo');
    before = readDraftFiles([context.paths[0]!], context);
    after = readDraftFiles([context.paths[1]!], context);
  }
  for (const note of [...before.notes, ...after.notes]) context.stderr(`${note}\n`);
  const errors = before.unreadErrors + after.unreadErrors;
  if (errors) context.stderr(`${t(context.locale, 'diffPartlyRead', { count: errors })}\n`);
  const diff = diffSnapshots(before.snapshots, after.snapshots);
  context.write(formatter({ diff, locale: context.locale, color: context.color }));
  return hasChanges(diff) ? 1 : 0;
}
