// The task files of a git revision, read with the git on the machine (`git show REV:path`),
// so that `diff --git origin/main` compares a pull request with its base in CI. git is run
// without a shell: revisions and paths are arguments, never command text.
import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { detectKindOfBytes, MAX_FILE_BYTES, Project } from '../../core/index';
import type { Locale } from '../../core/index';
import { UsageError } from '../files';

/** Runs git in `cwd` and returns its standard output; a failure becomes the usage error that says why. */
function git(args: string[], cwd: string, input?: string, maxBuffer = MAX_FILE_BYTES + 1024 * 1024): Buffer {
  try {
    return execFileSync('git', args, { cwd, maxBuffer, ...(input === undefined ? { stdio: ['ignore', 'pipe', 'pipe'] } : { input, stdio: ['pipe', 'pipe', 'pipe'] }), windowsHide: true });
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
  const wanted = [...new Set([...listed, ...registryPaths])];
  const blobs = blobsAt(revision, wanted, cwd);
  for (const path of wanted) {
    const blob = blobs.get(path);
    if (blob === undefined) continue;
    if (blob === OVERSIZED) project.setOversizedFile(path);
    else {
      const bytes = blob;
      // Read (decoded and parsed) only when the diff comes to it, and let go after, as on disk.
      project.setFileReader(path, detectKindOfBytes(path, bytes), () => bytes);
    }
    if (listedSet.has(path) && project.kind(path) === 'guideline') guidelines.push(path);
  }
  return { project, guidelines: guidelines.sort() };
}

const OVERSIZED = 'oversized';

/** How `git cat-file` names a path of the revision: ls-tree names files relative to the working folder, and `./` tells git the same. */
function objectName(revision: string, path: string): string {
  return `${revision}:${path.startsWith('/') ? path : `./${path}`}`;
}

/**
 * The files at a revision, by path: their bytes, OVERSIZED past the size limit, absent when the
 * revision has no such file. Two git processes for all the files (sizes, then contents), where a
 * `git show` per file took 0.9 s for a hundred files; a name with a line break, which the batch
 * protocol cannot carry, falls back to `git show`.
 */
function blobsAt(revision: string, paths: string[], cwd: string): Map<string, Uint8Array | typeof OVERSIZED> {
  const blobs = new Map<string, Uint8Array | typeof OVERSIZED>();
  const batched = paths.filter((path) => !/[\r\n]/.test(path));
  for (const path of paths) {
    if (batched.includes(path)) continue;
    const bytes = showAt(revision, path, cwd);
    if (bytes !== undefined) blobs.set(path, bytes.byteLength > MAX_FILE_BYTES ? OVERSIZED : bytes);
  }
  if (batched.length === 0) return blobs;
  // `<object> <type> <size>` per line, or `<name> missing`.
  const checks = git(['cat-file', '--batch-check'], cwd, batched.map((path) => `${objectName(revision, path)}\n`).join(''))
    .toString('utf8')
    .split('\n');
  const toRead: { path: string; object: string; size: number }[] = [];
  batched.forEach((path, index) => {
    const [object, type, size] = (checks[index] ?? '').split(' ');
    if (type !== 'blob' || object === undefined) return;
    if (Number(size) > MAX_FILE_BYTES) blobs.set(path, OVERSIZED);
    else toRead.push({ path, object, size: Number(size) });
  });
  if (toRead.length === 0) return blobs;
  const total = toRead.reduce((sum, blob) => sum + blob.size + blob.object.length + 32, 0);
  // `<object> blob <size>\n<contents>\n` for each, in the order asked.
  const out = git(['cat-file', '--batch'], cwd, toRead.map((blob) => `${blob.object}\n`).join(''), total + 1024 * 1024);
  let at = 0;
  for (const blob of toRead) {
    const headerEnd = out.indexOf(10, at);
    const header = out.subarray(at, headerEnd).toString('utf8').split(' ');
    const size = Number(header[2]);
    if (headerEnd < 0 || header[1] !== 'blob' || size !== blob.size) throw new UsageError('diffGitFailed', { command: 'cat-file', reason: `unexpected output for ${blob.path}` });
    blobs.set(blob.path, out.subarray(headerEnd + 1, headerEnd + 1 + size));
    at = headerEnd + 1 + size + 1;
  }
  return blobs;
}

/** A file's bytes at a revision, or undefined when the revision has no such file. */
function showAt(revision: string, path: string, cwd: string): Uint8Array | undefined {
  try {
    return git(['show', objectName(revision, path)], cwd);
  } catch (error) {
    if (error instanceof UsageError && error.key === 'diffGitFailed' && /does not exist|exists on disk, but not in|outside repository/i.test(String(error.args.reason))) return undefined;
    throw error;
  }
}
