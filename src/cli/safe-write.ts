// Writing several files so that a failure loses nothing: each is written to a temporary file in
// its own folder and flushed to disk, and only when all of them are ready are they renamed over
// their targets. A target that is a symbolic link or not a regular file is refused before
// anything is written; a rename that fails undoes the ones before it.
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError, reasonOf, UsageError } from './files';

export interface PlannedWrite {
  /** Absolute path of the target. */
  path: string;
  /** The path as shown to the user. */
  shown: string;
  text: string;
  /** Refuse if the target exists (also if it appears while writing): `-o` without --force. */
  mustNotExist?: boolean;
}

/** The file-system calls used, replaceable in tests to make one of them fail. */
export type WriteOps = Pick<typeof fs, 'lstatSync' | 'mkdirSync' | 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'linkSync' | 'unlinkSync' | 'readFileSync' | 'chmodSync'>;

interface Prepared {
  write: PlannedWrite;
  temp: string;
  /** The target's bytes before, to put back if a later rename fails; undefined when it did not exist. */
  before: Buffer | undefined;
  mode: number | undefined;
}

/** Writes every file or none: throws (a UsageError for the user) with all targets as they were. */
export function writeAllOrNothing(writes: readonly PlannedWrite[], ops: WriteOps = fs): void {
  const prepared: Prepared[] = [];
  try {
    // Refusals first, before any temporary file exists.
    const targets = writes.map((write) => ({ write, ...inspect(write, ops) }));
    for (const { write, before, mode } of targets) {
      try {
        ops.mkdirSync(dirname(write.path), { recursive: true });
        const temp = join(dirname(write.path), `.${basename(write.path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
        prepared.push({ write, temp, before, mode });
        writeFlushed(temp, write.text, mode, ops);
      } catch (error) {
        throw new InputError('writeFailed', { path: write.shown, reason: reasonOf(error) });
      }
    }
  } catch (error) {
    removeTemps(prepared, ops);
    throw error;
  }

  const done: Prepared[] = [];
  for (const item of prepared) {
    try {
      commit(item, ops);
      done.push(item);
    } catch (error) {
      removeTemps(prepared.filter((other) => !done.includes(other)), ops);
      for (const earlier of done.reverse()) undo(earlier, ops);
      if (error instanceof UsageError) throw error;
      throw new InputError('writeFailed', { path: item.write.shown, reason: reasonOf(error) });
    }
  }
  for (const folder of new Set(prepared.map(({ write }) => dirname(write.path)))) syncFolder(folder, ops);
}

/** The target as it is: refused if it is a link, not a regular file, or exists when it must not. */
function inspect(write: PlannedWrite, ops: WriteOps): { before: Buffer | undefined; mode: number | undefined } {
  let stat: fs.Stats;
  try {
    stat = ops.lstatSync(write.path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { before: undefined, mode: undefined };
    throw new InputError('writeFailed', { path: write.shown, reason: reasonOf(error) });
  }
  if (stat.isSymbolicLink()) throw new InputError('writeSymlink', { path: write.shown });
  if (!stat.isFile()) throw new InputError('writeNotFile', { path: write.shown });
  if (write.mustNotExist) throw new UsageError('importExists', { path: write.shown });
  try {
    return { before: ops.readFileSync(write.path), mode: stat.mode & 0o7777 };
  } catch (error) {
    throw new InputError('writeFailed', { path: write.shown, reason: reasonOf(error) });
  }
}

function writeFlushed(path: string, content: string | Buffer, mode: number | undefined, ops: WriteOps): void {
  // 'wx': a temporary name is never someone else's file.
  const fd = ops.openSync(path, 'wx', mode ?? 0o666);
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let written = 0;
    while (written < bytes.length) written += ops.writeSync(fd, bytes, written, bytes.length - written);
    ops.fsyncSync(fd);
  } finally {
    ops.closeSync(fd);
  }
  // The mode of the file it replaces, whatever the umask made of it.
  if (mode !== undefined) ops.chmodSync(path, mode);
}

/** Puts a temporary file in its target's place: a hard link where the target must not exist (atomic), else a rename. */
function commit(item: Prepared, ops: WriteOps): void {
  const { write, temp } = item;
  if (!write.mustNotExist) {
    ops.renameSync(temp, write.path);
    return;
  }
  try {
    ops.linkSync(temp, write.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      ops.unlinkSync(temp);
      throw new UsageError('importExists', { path: write.shown });
    }
    // File systems without hard links: check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (exists(write.path, ops)) {
      ops.unlinkSync(temp);
      throw new UsageError('importExists', { path: write.shown });
    }
    ops.renameSync(temp, write.path);
    return;
  }
  ops.unlinkSync(temp);
}

/** Undoes a committed write: removes a file that did not exist, puts back the bytes of one that did. */
function undo(item: Prepared, ops: WriteOps): void {
  try {
    if (item.before === undefined) {
      ops.unlinkSync(item.write.path);
    } else {
      const temp = `${item.temp}.undo`;
      writeFlushed(temp, item.before, item.mode, ops);
      ops.renameSync(temp, item.write.path);
    }
  } catch {
    // Nothing more can be done; the error that started the undo is what the user sees.
  }
}

function removeTemps(items: readonly Prepared[], ops: WriteOps): void {
  for (const { temp } of items) {
    try {
      ops.unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
  }
}

function exists(path: string, ops: WriteOps): boolean {
  try {
    ops.lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Flushes a folder's entries (the renames) to disk, where the platform allows it. */
function syncFolder(folder: string, ops: WriteOps): void {
  try {
    const fd = ops.openSync(folder, 'r');
    try {
      ops.fsyncSync(fd);
    } finally {
      ops.closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder; its renames are durable enough.
  }
}
