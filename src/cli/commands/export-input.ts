// What graph, matrix, stats and report share: the project, its guidelines, and a word on
// standard error when the input still has errors (the output shows what can be understood).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LintResult, Project } from '../../core/index';
import { UsageError } from '../files';
import { loadProject } from '../load';
import { t } from '../messages';
import type { CommandContext } from './command';

export interface ExportInput {
  project: Project;
  requested: string[];
  guidelines: string[];
  /** The document's title, or a count when there are several. */
  title: string;
  lint: LintResult;
}

export function loadExportInput(context: CommandContext): ExportInput {
  const loaded = loadProject(context.paths, context);
  loaded.notes.forEach((note) => context.stderr(`${note}\n`));
  const { project, requested } = loaded;
  const guidelines = requested.filter((path) => project.file(path)?.kind === 'guideline');
  context.progress?.start('progressRead', requested.length);
  const lint = project.lint(requested, { onFile: () => context.progress?.advance() });
  const errors = lint.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) context.stderr(`${t(context.locale, 'errorsInInput', { count: errors })}\n`);
  const titles = guidelines.map((path) => project.guideline(path).title ?? path);
  const title = titles.length === 1 ? titles[0]! : t(context.locale, 'guidelinesTitle', { count: titles.length });
  return { project, requested, guidelines, title, lint };
}

/** Mermaid's browser build, put beside the bundle by the build. */
export function mermaidScript(): string {
  try {
    return readFileSync(join(__dirname, 'mermaid.min.js'), 'utf8');
  } catch {
    throw new UsageError('mermaidMissing');
  }
}

/** A nonce for a self-contained page, derived from its content so the same input gives the same file. */
export function contentNonce(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('base64url').slice(0, 24);
}
