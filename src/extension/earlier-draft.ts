// The earlier draft a guideline is compared with — the same file at a git revision, or another
// task file — as an engine Project of its own, so that the engine's diffProjects compares it
// with the workspace's current text. Texts read from a revision are kept for a read-only view.
import * as vscode from 'vscode';
import { Project } from '../core/index';
import type { DiffSide } from '../core/index';
import { editorLocale } from './locale';
import { RevisionError, revisionSourceFor } from './revisions';
import type { RevisionSource } from './revisions';
import { WorkspaceIndex } from './workspace-index';

export interface EarlierDraft {
  side: DiffSide;
  /** How the panel names it: a revision (HEAD, main) or a file name. */
  label: string;
  /** Set when it is a git revision, with how it was read. */
  revision?: string;
  via?: RevisionSource['via'];
  /** Where a measure only this draft has is shown: the file itself, or the read-only view of its text at the revision. */
  documentOf(key: string): vscode.Uri;
}

/** Read-only documents of task files as they were at a revision (scheme taskmatrix-revision:). */
export class RevisionDocuments implements vscode.TextDocumentContentProvider {
  static readonly scheme = 'taskmatrix-revision';
  private static readonly texts = new Map<string, string>();

  static publish(file: vscode.Uri, revision: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: RevisionDocuments.scheme, path: file.path, query: revision });
    RevisionDocuments.texts.set(uri.toString(), text);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return RevisionDocuments.texts.get(uri.toString()) ?? '';
  }
}

/** The guideline at `key` and its registry as they were at `revision`; a RevisionError says why they cannot be read. */
export async function draftAtRevision(index: WorkspaceIndex, key: string, revision: string, source?: RevisionSource): Promise<EarlierDraft> {
  const file = WorkspaceIndex.uri(key);
  source ??= await revisionSourceFor(file);
  if (revision === '' || revision.startsWith('-') || !(await source.exists(revision))) throw new RevisionError(vscode.l10n.t('Unknown revision "{0}": try HEAD, a branch, a tag or a commit.', revision));
  // The same keys as the working tree, so that the registry is found where it is found today.
  const registryKey = index.project.registryPathFor(key);
  const project = new Project({ locale: editorLocale(), registryPath: registryKey });
  const texts = new Map<string, string>();
  for (const wanted of [key, ...(registryKey && registryKey !== key ? [registryKey] : [])]) {
    const text = await source.show(revision, WorkspaceIndex.uri(wanted));
    if (text === undefined) continue;
    project.setFile(wanted, text);
    texts.set(wanted, text);
  }
  // A guideline the revision lacks was added since: the diff then lists every measure as added.
  const paths = texts.has(key) && project.kind(key) === 'guideline' ? [key] : [];
  return {
    side: { project, paths },
    label: revision,
    revision,
    via: source.via,
    documentOf: (of) => RevisionDocuments.publish(WorkspaceIndex.uri(of), revision, texts.get(of) ?? ''),
  };
}

/** Another task file as the earlier draft: the index's own text when it is indexed, else read with the registry beside it (or the current one). */
export async function draftOfFile(index: WorkspaceIndex, key: string, other: vscode.Uri): Promise<EarlierDraft> {
  const otherKey = WorkspaceIndex.key(other);
  const label = other.path.split('/').pop() ?? other.path;
  if (index.project.has(otherKey)) {
    if (index.project.kind(otherKey) !== 'guideline') throw new RevisionError(vscode.l10n.t('{0} is not a guideline (a task YAML file with measures).', label));
    return { side: { project: index.project, paths: [otherKey] }, label, documentOf: () => other };
  }
  const project = new Project({ locale: editorLocale() });
  try {
    project.setFileBytes(otherKey, await vscode.workspace.fs.readFile(other));
  } catch (error) {
    throw new RevisionError(vscode.l10n.t('Could not read {0}: {1}', label, error instanceof Error ? error.message : String(error)));
  }
  if (project.kind(otherKey) !== 'guideline') throw new RevisionError(vscode.l10n.t('{0} is not a guideline (a task YAML file with measures).', label));
  let registry = false;
  for (const name of ['agencies.yaml', 'agencies.yml']) {
    const beside = vscode.Uri.joinPath(other, '..', name);
    const bytes = await Promise.resolve(vscode.workspace.fs.readFile(beside)).catch(() => undefined);
    if (!bytes) continue;
    project.setFileBytes(WorkspaceIndex.key(beside), bytes);
    registry = true;
    break;
  }
  // No registry beside it: read its agencies against the registry the current draft uses.
  const current = index.project.registryPathFor(key);
  const currentText = current && index.project.file(current)?.text;
  if (!registry && current && currentText !== undefined) project.setFile(WorkspaceIndex.key(vscode.Uri.joinPath(other, '..', 'agencies.yaml')), currentText, 'registry');
  return { side: { project, paths: [otherKey] }, label, documentOf: () => other };
}
