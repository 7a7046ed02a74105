// Finding task files, their registry and the project configuration on disk.
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAMES, detectKind, MAX_FILE_BYTES } from '../core/index';
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

/** Every task file under the given files and folders (folders recursively), sorted, without repeats. */
export function collectTaskFiles(paths: string[], cwd: string): string[] {
  const found = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let stat;
    try {
      stat = statSync(absolute);
    } catch (error) {
      throw new UsageError('cannotRead', { path, reason: reasonOf(error) });
    }
    if (stat.isDirectory()) walk(absolute, found);
    else found.add(absolute);
  }
  return [...found].sort();
}

function walk(folder: string, found: Set<string>): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new UsageError('cannotRead', { path: folder, reason: reasonOf(error) });
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') && entry.name !== '.') {
      if (entry.isDirectory()) continue; // .git, .vscode, …
    }
    const full = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, found);
    } else if (entry.isFile() && TASK_FILE.test(entry.name) && !(CONFIG_FILE_NAMES as readonly string[]).includes(entry.name)) {
      found.add(full);
    }
  }
}

/**
 * Reads a file's bytes, at most one byte past the size limit: a huge file is refused by the
 * core without being read whole.
 */
export function readTaskFile(absolute: string): Uint8Array {
  const fd = openSync(absolute, 'r');
  try {
    const size = statSync(absolute).size;
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

/**
 * The kind of a task file from its name or first line, reading only the start of the file:
 * the command line reads every file whole only when it lints it.
 */
export function detectTaskFileKind(absolute: string, shown: string): FileKind {
  if (detectKind(shown, '') === 'registry') return 'registry';
  const fd = openSync(absolute, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(4096);
    head = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
  // A first line longer than the head is read whole rather than guessed at.
  if (!head.includes(10) && head.length === 4096) head = Buffer.from(readTaskFile(absolute));
  return detectKind(shown, head.toString('utf8'));
}

/** The nearest agencies.yaml (or .yml) in a folder or above it. */
export function findRegistryAbove(folder: string): string | undefined {
  return findAbove(folder, ['agencies.yaml', 'agencies.yml']);
}

/** The nearest project configuration in a folder or above it. */
export function findConfigAbove(folder: string): string | undefined {
  return findAbove(folder, CONFIG_FILE_NAMES);
}

function findAbove(start: string, names: readonly string[]): string | undefined {
  let folder = resolve(start);
  for (;;) {
    for (const name of names) {
      const candidate = join(folder, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
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
  return error instanceof Error ? error.message : String(error);
}
