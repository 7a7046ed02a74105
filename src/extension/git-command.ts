// The git command as a source of revisions, for Node extension hosts only (src/extension/node.ts):
// execFile, no shell, revisions and paths as arguments. git is not workspace code, but a
// repository's own config can name programs, hence revisions.ts offers it in trusted workspaces only.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { MAX_FILE_BYTES } from '../core/index';
import { RevisionError } from './revisions';
import type { RevisionRef, RevisionSource } from './revisions';

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

/** The revisions of a file read with `git` in its folder, or a RevisionError that says why they cannot be. */
export async function gitCommandSource(file: vscode.Uri): Promise<RevisionSource> {
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
