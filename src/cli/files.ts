// Finding task files, their registry and the project configuration on disk.
import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { candidatesAbove, CONFIG_FILE_NAMES, detectKind, detectKindOfBytes, MAX_FILE_BYTES, REGISTRY_FILE_NAMES } from '../core/index';
import type { FileKind } from '../core/index';
import type { CliMessage } from './messages';

/** A path as shown to the user and used as the file's key: relative to the working folder, with `/`. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  const shown = rel === '' ? '.' : rel.startsWith('..') || resolve(cwd, rel) !== absolute ? absolute : rel;
  return shown.split(sep).join('/');
}

/** A mistake in how the command was called, or an input that cannot be read: exit 2 with one line. */
export class UsageError extends Error {
  constructor(
    readonly key: CliMessage,
    readonly args: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

/** A file the command cannot use, though it was called right: exit 2 with one line and no usage hint. */
export class InputError extends UsageError {}

const TASK_FILE = /\.ya?ml$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out']);
/** The error code (ours) of a file that is not a regular file: a folder, device, pipe or socket. */
const NOT_REGULAR = 'ENOTREG';

/** A file a folder walk left out, and why: said on standard error. */
export interface SkippedFile {
  /** The path as found (a non-UTF-8 name with its bad bytes written \xNN). */
  path: string;
  reason: 'linkOutside' | 'linkBroken' | 'nameNotUtf8';
  /** Where a link points. */
  target?: string;
}

export interface CollectedFiles {
  /** Absolute paths, sorted, each file once however many links lead to it. */
  files: string[];
  skipped: SkippedFile[];
  /** Whether a folder was walked (the command covers a project, not only named files). */
  walked: boolean;
}

interface Walk {
  /** Links are followed only to files and folders inside this one (a real path). */
  project: string;
  /** Real paths of the folders walked, so that a link back up is not walked again. */
  visited: Set<string>;
  /** By real path: the path a file is linted as. */
  found: Map<string, string>;
  skipped: SkippedFile[];
}

/**
 * Every task file under the given files and folders (folders recursively), sorted, without
 * repeats. In folders, symbolic links are followed when they resolve inside the project (the
 * working folder, or the walked folder when it lies elsewhere), each folder walked once; links
 * that point outside, broken links and names that are not UTF-8 are skipped and returned.
 */
export function collectTaskFiles(paths: string[], cwd: string): CollectedFiles {
  const found = new Map<string, string>();
  const skipped: SkippedFile[] = [];
  const visited = new Set<string>();
  let walked = false;
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let stat;
    let real;
    try {
      stat = statSync(absolute);
      real = realpathSync(absolute);
    } catch (error) {
      throw new UsageError('cannotRead', { path, reason: reasonOf(error) });
    }
    if (stat.isDirectory()) {
      walked = true;
      const home = realOrSelf(cwd);
      if (!visited.has(real)) {
        visited.add(real);
        walk(absolute, real, { project: isInside(real, home) ? home : real, visited, found, skipped });
      }
    } else {
      addFound(found, real, absolute);
    }
  }
  return { files: [...found.values()].sort(), skipped, walked };
}

function walk(folder: string, realFolder: string, state: Walk): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    throw new UsageError('cannotRead', { path: folder, reason: reasonOf(error) });
  }
  for (const entry of entries) {
    const name = entry.name.toString('utf8');
    if (name.startsWith('.') && entry.isDirectory()) continue; // .git, .vscode, …
    const candidate = entry.isDirectory() ? !SKIPPED_FOLDERS.has(name) : isTaskFileName(name) || (entry.isSymbolicLink() && !name.startsWith('.'));
    if (!Buffer.from(name, 'utf8').equals(entry.name)) {
      // Its path cannot be given to the engine as a string; the rest is linted all the same.
      if (candidate) state.skipped.push({ path: join(folder, escapeFileName(entry.name)), reason: 'nameNotUtf8' });
      continue;
    }
    if (!candidate) continue;
    const full = join(folder, name);
    if (entry.isSymbolicLink()) followLink(full, name, state);
    else if (entry.isDirectory()) walkOnce(full, join(realFolder, name), state);
    else if (entry.isFile()) addFound(state.found, join(realFolder, name), full);
  }
}

function followLink(full: string, name: string, state: Walk): void {
  let real: string;
  let stat;
  try {
    real = realpathSync(full);
    stat = statSync(real);
  } catch {
    if (isTaskFileName(name)) state.skipped.push({ path: full, reason: 'linkBroken' });
    return;
  }
  const wanted = stat.isDirectory() ? !SKIPPED_FOLDERS.has(name) : stat.isFile() && isTaskFileName(name);
  if (!wanted) return;
  if (!isInside(real, state.project)) {
    state.skipped.push({ path: full, reason: 'linkOutside', target: real });
    return;
  }
  if (stat.isDirectory()) walkOnce(full, real, state);
  else addFound(state.found, real, full);
}

function walkOnce(folder: string, real: string, state: Walk): void {
  if (state.visited.has(real)) return;
  state.visited.add(real);
  walk(folder, real, state);
}

/**
 * Keeps one path per file, whatever order the folders list it in: the file's own path when it
 * was found by it, else the shortest of the paths through links.
 */
function addFound(found: Walk['found'], real: string, path: string): void {
  const known = found.get(real);
  if (known === undefined || better(path, known, real)) found.set(real, path);
}

function better(path: string, than: string, real: string): boolean {
  if ((path === real) !== (than === real)) return path === real;
  return path.length !== than.length ? path.length < than.length : path < than;
}

function isTaskFileName(name: string): boolean {
  return TASK_FILE.test(name) && !(CONFIG_FILE_NAMES as readonly string[]).includes(name);
}

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** A file name's bytes as text: valid UTF-8 as it is, every other byte as \xNN. */
export function escapeFileName(name: Uint8Array): string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  for (let i = 0; i < name.length; ) {
    const byte = name[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length > 0 && i + length <= name.length) {
      try {
        text += decoder.decode(name.subarray(i, i + length));
        i += length;
        continue;
      } catch {
        // Not a whole character: escaped below.
      }
    }
    text += `\\x${byte.toString(16).padStart(2, '0')}`;
    i += 1;
  }
  return text;
}

/**
 * Reads a file's bytes, at most one byte past the size limit: a huge file is refused by the
 * core without being read whole. Only a regular file is read: a pipe or device is refused
 * (opened without waiting, so that a FIFO cannot hang the command).
 */
export function readTaskFile(absolute: string): Uint8Array {
  const { fd, size } = openRegularFile(absolute);
  try {
    const wanted = Math.min(size, MAX_FILE_BYTES + 1);
    const buffer = Buffer.alloc(wanted);
    let read = 0;
    while (read < wanted) {
      const n = readSync(fd, buffer, read, wanted - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Opens a regular file for reading; anything else is refused with the NOT_REGULAR code, unopened or closed again. */
function openRegularFile(absolute: string): { fd: number; size: number } {
  const before = statSync(absolute);
  if (!before.isFile()) throw notRegular(absolute);
  const fd = openSync(absolute, constants.O_RDONLY | ((constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw notRegular(absolute);
    return { fd, size: stat.size };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** Refuses a path that is not a regular file (a FIFO would hang a read, /dev/zero never ends). */
export function assertRegularFile(absolute: string): void {
  if (!statSync(absolute).isFile()) throw notRegular(absolute);
}

function notRegular(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${path} is not a regular file`), { code: NOT_REGULAR });
}

/**
 * The kind of a task file from its name or first line, reading only the start of the file:
 * the command line reads every file whole only when it lints it.
 */
export function detectTaskFileKind(absolute: string, shown: string): FileKind {
  if (detectKind(shown, '') === 'registry') return 'registry';
  const { fd } = openRegularFile(absolute);
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(4096);
    head = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
  // A first line longer than the head is read whole rather than guessed at.
  if (!head.includes(10) && head.length === 4096) head = Buffer.from(readTaskFile(absolute));
  return detectKindOfBytes(shown, head);
}

/** The nearest agencies.yaml (or .yml) in a folder or above it. */
export function findRegistryAbove(folder: string): string | undefined {
  return findAbove(folder, REGISTRY_FILE_NAMES);
}

/** The nearest project configuration in a folder or above it. */
export function findConfigAbove(folder: string): string | undefined {
  return findAbove(folder, CONFIG_FILE_NAMES);
}

/** The first of the engine's candidates (nearest first) that is a file. */
function findAbove(start: string, names: readonly string[]): string | undefined {
  for (const candidate of candidatesAbove(resolve(start).split(sep).join('/'), names)) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return resolve(candidate);
  }
  return undefined;
}

export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ENOTDIR') return 'not a folder';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EFBIG') return 'file too large';
  if (code === 'EROFS') return 'read-only file system';
  if (code === NOT_REGULAR) return 'not a regular file (a folder, device or pipe)';
  return error instanceof Error ? error.message : String(error);
}
