// The earlier draft of a task file at a git revision, for the responsibility diff. Read through
// VS Code's built-in Git extension where it is enabled; otherwise, in a trusted workspace only,
// with the git on the machine (execFile, no shell, revisions and paths as arguments). git is not
// workspace code, but a repository's own config can name programs, hence trusted workspaces only.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { MAX_FILE_BYTES } from '../core/index';

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
  if (!vscode.workspace.isTrusted) {
    throw new RevisionError(vscode.l10n.t('The Git extension is not available, and taskmatrix runs git itself only in a trusted workspace. Trust this workspace or enable the Git extension to compare with a revision.'));
  }
  return gitCommandSource(file);
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
    const repository = api.getRepository(file) ?? (await api.openRepository?.(vscode.Uri.file(path.dirname(file.fsPath)))) ?? null;
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

// --- the git command -----------------------------------------------------------------------------

/** Runs git without a shell; the repository's config may not start a file-system monitor. */
function git(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.fsmonitor=false', '--no-pager', ...args],
      { cwd, maxBuffer: MAX_FILE_BYTES + 1024 * 1024, windowsHide: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
      (error, stdout, stderr) => (error ? reject(Object.assign(error, { stderr })) : resolve(stdout)),
    );
  });
}

async function gitCommandSource(file: vscode.Uri): Promise<RevisionSource> {
  const cwd = path.dirname(file.fsPath);
  try {
    const inside = (await git(['rev-parse', '--is-inside-work-tree'], cwd)).trim();
    if (inside !== 'true') throw new Error(inside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new RevisionError(vscode.l10n.t('git was not found on this machine, and the Git extension is not available.'));
    throw new RevisionError(vscode.l10n.t('{0} is not in a git repository.', vscode.workspace.asRelativePath(file, false)));
  }
  return {
    via: 'git-command',
    refs: async () => {
      const listed = await git(['for-each-ref', '--format=%(refname)%00%(objectname:short)', 'refs/heads', 'refs/remotes', 'refs/tags'], cwd).catch(() => '');
      const head = (await git(['rev-parse', '--short', 'HEAD'], cwd).catch(() => '')).trim();
      const refs: RevisionRef[] = [{ name: 'HEAD', kind: 'head', commit: head || undefined }];
      for (const line of listed.split('\n')) {
        const [full, commit] = line.split('\0');
        const match = /^refs\/(heads|remotes|tags)\/(.+)$/.exec(full ?? '');
        if (match) refs.push({ name: match[2]!, kind: match[1] === 'heads' ? 'branch' : match[1] === 'remotes' ? 'remote' : 'tag', commit });
      }
      return refs;
    },
    // A revision that starts with "-" would be read by git as an option.
    exists: (revision) => (revision === '' || revision.startsWith('-') ? Promise.resolve(false) : git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], cwd).then(() => true, () => false)),
    // `./name` is relative to cwd, the file's own folder.
    show: (revision, target) => git(['show', `${revision}:./${path.relative(cwd, target.fsPath).split(path.sep).join('/')}`], cwd).then(
      (text) => text,
      () => undefined,
    ),
  };
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
