// The task files of a git revision, read with the git on the machine (`git show REV:path`),
// so that `diff --git origin/main` compares a pull request with its base in CI. git is run
// without a shell: revisions and paths are arguments, never command text.
import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { MAX_FILE_BYTES, Project } from '../../core/index';
import type { Locale } from '../../core/index';
import { UsageError } from '../files';

/** Runs git in `cwd` and returns its standard output; a failure becomes the usage error that says why. */
function git(args: string[], cwd: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, maxBuffer: MAX_FILE_BYTES + 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer; status?: number };
    if (failure.code === 'ENOENT') throw new UsageError('diffGitMissing');
    const reason = failure.stderr?.toString('utf8').trim().split('\n')[0] || failure.message;
    throw new UsageError('diffGitFailed', { command: args[0]!, reason });
  }
}

/**
 * The project of a revision: its task files under `paths` (default tasks/) and the registries
 * the working tree's guidelines use, read at that revision. A file the revision lacks is simply
 * not there (the document was added since).
 */
export function projectAtRevision(revision: string, paths: string[], registryPaths: string[], cwd: string, locale: Locale, registryPath: string | undefined): { project: Project; guidelines: string[] } {
  // A revision that starts with "-" would be read by git as an option.
  if (revision === '' || revision.startsWith('-')) throw new UsageError('diffBadRevision', { rev: revision });
  let inside: string;
  try {
    inside = git(['rev-parse', '--is-inside-work-tree'], cwd).toString('utf8').trim();
  } catch (error) {
    if (error instanceof UsageError && error.key === 'diffGitMissing') throw error;
    throw new UsageError('diffNotRepository', { path: cwd });
  }
  if (inside !== 'true') throw new UsageError('diffNotRepository', { path: cwd });
  try {
    git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], cwd);
  } catch {
    throw new UsageError('diffUnknownRevision', { rev: revision });
  }
  const specs = (paths.length ? paths : ['tasks/']).map((path) => relative(cwd, resolve(cwd, path)).split('\\').join('/') || '.');
  const listed = git(['ls-tree', '-r', '-z', '--name-only', revision, '--', ...specs], cwd)
    .toString('utf8')
    .split('\0')
    .filter((name) => /\.ya?ml$/i.test(name));
  const listedSet = new Set(listed);
  const project = new Project({ locale, registryPath });
  const guidelines: string[] = [];
  for (const path of new Set([...listed, ...registryPaths])) {
    const bytes = showAt(revision, path, cwd);
    if (bytes === undefined) continue;
    project.setFileBytes(path, bytes);
    if (listedSet.has(path) && project.kind(path) === 'guideline') guidelines.push(path);
  }
  return { project, guidelines: guidelines.sort() };
}

/** A file's bytes at a revision, or undefined when the revision has no such file. */
function showAt(revision: string, path: string, cwd: string): Uint8Array | undefined {
  // ls-tree names files relative to the working folder; `./` tells git show the same.
  const spec = `${revision}:${path.startsWith('/') ? path : `./${path}`}`;
  try {
    return git(['show', spec], cwd);
  } catch (error) {
    if (error instanceof UsageError && error.key === 'diffGitFailed' && /does not exist|exists on disk, but not in|outside repository/i.test(String(error.args.reason))) return undefined;
    throw error;
  }
}
