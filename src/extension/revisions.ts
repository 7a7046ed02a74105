// The earlier draft of a task file at a git revision, for the responsibility diff. Read through
// VS Code's built-in Git extension where it is enabled; otherwise, in a trusted workspace only,
// with the git on the machine (git-command.ts), where the extension host can start it. git is not
// workspace code, but a repository's own config can name programs, hence trusted workspaces only.
import * as vscode from 'vscode';

/** A revision offered in the quick pick. */
export interface RevisionRef {
  name: string;
  kind: 'head' | 'branch' | 'remote' | 'tag';
  commit?: string;
}

/** Reads files of one repository at a revision. */
export interface RevisionSource {
  /** How the files are read, for messages and tests: the Git extension or the git command. */
  readonly via: 'git-extension' | 'git-command';
  refs(): Promise<RevisionRef[]>;
  /** Whether the revision names a commit. */
  exists(revision: string): Promise<boolean>;
  /** A file's text at the revision, or undefined when the revision has no such file. */
  show(revision: string, file: vscode.Uri): Promise<string | undefined>;
}

/** Why no revision can be read, in words for the drafter. */
export class RevisionError extends Error {}

/** The source of revisions for a file: the Git extension's repository, else the git command, else a RevisionError that says why. */
export async function revisionSourceFor(file: vscode.Uri): Promise<RevisionSource> {
  if (file.scheme !== 'file') throw new RevisionError(vscode.l10n.t('{0} is not on this machine’s disk, so no git revision of it can be read.', file.toString()));
  const viaExtension = await gitExtensionSource(file);
  if (viaExtension) return viaExtension;
  if (!gitCommand) throw new RevisionError(vscode.l10n.t('The Git extension is not available, and git cannot be run from the browser. Open the folder in VS Code on the desktop to compare with a revision.'));
  if (!vscode.workspace.isTrusted) {
    throw new RevisionError(vscode.l10n.t('The Git extension is not available, and taskmatrix runs git itself only in a trusted workspace. Trust this workspace or enable the Git extension to compare with a revision.'));
  }
  return gitCommand(file);
}

let gitCommand: ((file: vscode.Uri) => Promise<RevisionSource>) | undefined;

/** Lets the revisions of a file be read with the git of the machine (given by the Node entry), when the Git extension cannot. */
export function useGitCommand(source: typeof gitCommand): void {
  gitCommand = source;
}

// --- VS Code's Git extension ---------------------------------------------------------------------

/** The parts of the Git extension's API (version 1) used here. */
interface GitApi {
  state: 'uninitialized' | 'initialized';
  onDidChangeState(listener: (state: string) => void): vscode.Disposable;
  getRepository(uri: vscode.Uri): GitRepository | null;
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
}
interface GitRepository {
  rootUri: vscode.Uri;
  state: { refs?: GitRef[]; HEAD?: { commit?: string } };
  show(ref: string, path: string): Promise<string>;
  getCommit(ref: string): Promise<{ hash: string }>;
  getRefs?(query: Record<string, unknown>): Promise<GitRef[]>;
}
/** RefType: 0 a branch, 1 a remote branch, 2 a tag. */
interface GitRef {
  type: 0 | 1 | 2;
  name?: string;
  commit?: string;
}

async function gitExtensionSource(file: vscode.Uri): Promise<RevisionSource | undefined> {
  const extension = vscode.extensions.getExtension<{ enabled: boolean; getAPI(version: 1): GitApi }>('vscode.git');
  if (!extension) return undefined;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    if (!exports?.enabled) return undefined;
    const api = exports.getAPI(1);
    await initialized(api);
    const repository = api.getRepository(file) ?? (await api.openRepository?.(vscode.Uri.joinPath(file, '..'))) ?? null;
    if (!repository) return undefined;
    return {
      via: 'git-extension',
      refs: async () => {
        const refs = (await repository.getRefs?.({})) ?? repository.state.refs ?? [];
        const kinds = ['branch', 'remote', 'tag'] as const;
        return [{ name: 'HEAD', kind: 'head', commit: repository.state.HEAD?.commit }, ...refs.filter((ref) => ref.name).map((ref): RevisionRef => ({ name: ref.name!, kind: kinds[ref.type] ?? 'branch', commit: ref.commit }))];
      },
      exists: (revision) => repository.getCommit(revision).then(
        () => true,
        () => false,
      ),
      show: (revision, target) => repository.show(revision, target.fsPath).then(
        (text) => text,
        () => undefined,
      ),
    };
  } catch {
    // A Git extension that fails (disabled, no git on the machine) is as good as none.
    return undefined;
  }
}

/** Waits (a few seconds at most) for the Git extension to find the repositories. */
async function initialized(api: GitApi): Promise<void> {
  if (api.state === 'initialized') return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, 5000);
    const subscription = api.onDidChangeState((state) => state === 'initialized' && done());
    function done() {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    }
  });
}

// --- asking for a revision -----------------------------------------------------------------------

/** Asks which revision to compare with: HEAD, a branch or tag, or one typed in. */
export async function pickRevision(source: RevisionSource, title: string): Promise<string | undefined> {
  const refs = await source.refs();
  const kindLabel: Record<RevisionRef['kind'], string> = {
    head: vscode.l10n.t('the last commit'),
    branch: vscode.l10n.t('branch'),
    remote: vscode.l10n.t('remote branch'),
    tag: vscode.l10n.t('tag'),
  };
  type Item = vscode.QuickPickItem & { revision?: string };
  const other: Item = { label: `$(edit) ${vscode.l10n.t('Another revision…')}`, detail: vscode.l10n.t('A commit, or anything git understands (HEAD~2, main@{yesterday})') };
  const items: Item[] = [...refs.map((ref): Item => ({ label: ref.name, description: [kindLabel[ref.kind], ref.commit?.slice(0, 8)].filter(Boolean).join(' · '), revision: ref.name })), other];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Compare with which revision?') });
  if (!picked) return undefined;
  if (picked.revision) return picked.revision;
  const typed = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('A revision: a commit, branch, tag or HEAD~N'), validateInput: (value) => (value.trim().startsWith('-') ? vscode.l10n.t('A revision does not start with "-".') : undefined) });
  return typed?.trim() || undefined;
}
