// Writing user files so that a failure loses nothing: each is written to a temporary file in
// its own folder and flushed to disk, and only when all of them are ready are they renamed over
// their targets. A target that is a symbolic link or not a regular file is refused before
// anything is written; a rename that fails undoes the ones before it. Every file the command
// line writes (import's guideline and registry, report --out, -o, the lint cache) goes through here.
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError, reasonOf, UsageError } from './files';

export interface PlannedWrite {
  /** Absolute path of the target. */
  path: string;
  /** The path as shown to the user. */
  shown: string;
  /** The content: text (written as UTF-8) or bytes. */
  text: string | Uint8Array;
  /** Refuse if the target exists (also if it appears while writing): `-o` without --force. */
  mustNotExist?: boolean;
  /** Fail when the target's folder does not exist, instead of making it (`-o` of lint, graph, matrix, stats). */
  folderMustExist?: boolean;
}

/** The file-system calls used, replaceable in tests to make one of them fail. */
export type WriteOps = Pick<typeof fs, 'lstatSync' | 'statSync' | 'mkdirSync' | 'rmdirSync' | 'readdirSync' | 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'linkSync' | 'unlinkSync' | 'readFileSync' | 'chmodSync'>;

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
  const madeFolders: string[] = [];
  try {
    // Refusals first, before any temporary file exists.
    const targets = writes.map((write) => ({ write, ...inspect(write, ops) }));
    for (const { write, before, mode } of targets) {
      try {
        if (!write.folderMustExist) for (const folder of makeFolders(dirname(write.path), ops)) madeFolders.push(folder);
        const temp = tempPath(write.path);
        prepared.push({ write, temp, before, mode });
        writeFlushed(temp, write.text, mode, ops);
      } catch (error) {
        throw new InputError('writeFailed', { path: write.shown, reason: reasonOf(error) });
      }
    }
  } catch (error) {
    removeTemps(prepared, ops);
    removeFolders(madeFolders, ops);
    throw error;
  }

  // The files replaced keep a second name until every rename is done: a rename then frees no
  // blocks, and the renames follow each other within a fraction of a millisecond instead of
  // some 4 ms each for files of a few MB (the window in which a killed run leaves a mix).
  const kept = prepared.flatMap((item) => (item.before === undefined ? [] : keepOld(item, ops)));
  const done: Prepared[] = [];
  try {
    for (const item of prepared) {
      try {
        commit(item, ops);
        done.push(item);
      } catch (error) {
        removeTemps(prepared.filter((other) => !done.includes(other)), ops);
        for (const earlier of done.reverse()) undo(earlier, ops);
        removeFolders(madeFolders, ops);
        if (error instanceof UsageError) throw error;
        throw new InputError('writeFailed', { path: item.write.shown, reason: reasonOf(error) });
      }
    }
    for (const folder of new Set(prepared.map(({ write }) => dirname(write.path)))) syncFolder(folder, ops);
  } finally {
    for (const old of kept) removeQuietly(old, ops);
  }
  removeStaleTemps(writes, ops);
}

/** A hard link to the file a write replaces, beside it; none where the file system has no hard links. */
function keepOld(item: Prepared, ops: WriteOps): string[] {
  const old = `${item.temp}.old`;
  try {
    ops.linkSync(item.write.path, old);
    return [old];
  } catch {
    return [];
  }
}

function removeQuietly(path: string, ops: WriteOps): void {
  try {
    ops.unlinkSync(path);
  } catch {
    // Gone already.
  }
}

/** The temporary file of a target: hidden, beside it, named after it and the writing process. */
function tempPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
}

/**
 * Removes the temporary files that a killed process left beside these targets (a process
 * killed with SIGKILL cannot remove its own): those named after a target by a process that no
 * longer runs.
 */
function removeStaleTemps(writes: readonly PlannedWrite[], ops: WriteOps): void {
  const byFolder = new Map<string, Set<string>>();
  for (const { path } of writes) {
    const names = byFolder.get(dirname(path)) ?? new Set<string>();
    names.add(basename(path));
    byFolder.set(dirname(path), names);
  }
  for (const [folder, names] of byFolder) {
    let entries: string[];
    try {
      entries = ops.readdirSync(folder);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const match = /^\.(.+)\.(\d+)\.[a-z0-9]+\.tmp(?:\.undo|\.old)?$/.exec(entry);
      if (!match || !names.has(match[1]!) || Number(match[2]) === process.pid || isRunning(Number(match[2]))) continue;
      removeQuietly(join(folder, entry), ops);
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes one file as writeAllOrNothing does: the target is replaced whole or left as it was. */
export function writeFileSafely(write: PlannedWrite, ops: WriteOps = fs): void {
  writeAllOrNothing([write], ops);
}

/**
 * The refusals of writeAllOrNothing, checked before a command does its work: throws when a
 * target is a symbolic link or not a regular file, or when its folder is not a folder.
 */
export function refuseUnsafeTargets(writes: ReadonlyArray<Pick<PlannedWrite, 'path' | 'shown' | 'folderMustExist'>>, ops: WriteOps = fs): void {
  for (const write of writes) {
    targetStat(write, ops);
    let folder = dirname(write.path);
    for (;;) {
      let stat: fs.Stats;
      try {
        stat = ops.statSync(folder);
      } catch (error) {
        const parent = dirname(folder);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' && parent !== folder && !write.folderMustExist) {
          folder = parent;
          continue;
        }
        throw new InputError('writeFailed', { path: write.shown, reason: reasonOf(error) });
      }
      if (!stat.isDirectory()) throw new InputError('writeFailed', { path: write.shown, reason: reasonOf(notAFolder(folder)) });
      break;
    }
  }
}

/**
 * Makes a folder and the missing ones above it, returning those it made (outermost first).
 * Unlike mkdirSync's recursive option it gives up on the first failure: under /proc that option
 * retries forever.
 */
export function makeFolders(folder: string, ops: WriteOps = fs): string[] {
  const missing: string[] = [];
  for (let current = folder; ; ) {
    let stat: fs.Stats;
    try {
      stat = ops.statSync(current);
    } catch (error) {
      const parent = dirname(current);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === current) throw error;
      missing.push(current);
      current = parent;
      continue;
    }
    if (!stat.isDirectory()) throw notAFolder(current);
    break;
  }
  const made: string[] = [];
  try {
    for (const each of missing.reverse()) {
      ops.mkdirSync(each);
      made.push(each);
    }
  } catch (error) {
    removeFolders(made, ops);
    throw error;
  }
  return made;
}

function notAFolder(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${path} is not a folder`), { code: 'ENOTDIR' });
}

/** Removes folders made for a write that failed (innermost first); a folder no longer empty stays. */
function removeFolders(made: readonly string[], ops: WriteOps): void {
  for (const folder of [...made].reverse()) {
    try {
      ops.rmdirSync(folder);
    } catch {
      // Something else was put there meanwhile.
    }
  }
}

/** The target's own status (not a link's), undefined when it does not exist; refuses links and non-files. */
function targetStat(write: Pick<PlannedWrite, 'path' | 'shown'>, ops: WriteOps): fs.Stats | undefined {
  let stat: fs.Stats;
  try {
    stat = ops.lstatSync(write.path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError('writeFailed', { path: write.shown, reason: reasonOf(error) });
  }
  if (stat.isSymbolicLink()) throw new InputError('writeSymlink', { path: write.shown });
  if (!stat.isFile()) throw new InputError('writeNotFile', { path: write.shown });
  return stat;
}

/** The target as it is: refused if it is a link, not a regular file, or exists when it must not. */
function inspect(write: PlannedWrite, ops: WriteOps): { before: Buffer | undefined; mode: number | undefined } {
  const stat = targetStat(write, ops);
  if (stat === undefined) return { before: undefined, mode: undefined };
  if (write.mustNotExist) throw new UsageError('importExists', { path: write.shown });
  try {
    return { before: ops.readFileSync(write.path), mode: stat.mode & 0o7777 };
  } catch (error) {
    throw new InputError('writeFailed', { path: write.shown, reason: reasonOf(error) });
  }
}

function writeFlushed(path: string, content: string | Uint8Array, mode: number | undefined, ops: WriteOps): void {
  // 'wx': a temporary name is never someone else's file.
  const fd = ops.openSync(path, 'wx', mode ?? 0o666);
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
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
