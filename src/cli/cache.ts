// `lint --cache`: the findings of unchanged guidelines reused from the last run, as ESLint's
// cache does. An entry is reused only when the file's bytes, the registry it resolves against
// (path and bytes), the configuration, the locale and the taskmatrix version are all the same;
// it also keeps the agency names the file writes, so that a registry's unused-agency check
// needs no unchanged guideline read. Registries themselves are always linted (they are small,
// and their findings depend on every guideline). The file is read only when it is a regular
// file, every entry is checked before it is used, and it is written as every user file is
// (safe-write: a temporary file renamed into place, never through a link).
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RULE_IDS } from '../core/index';
import type { Diagnostic, SuppressedDiagnostic } from '../core/index';
import { InputError, reasonOf } from './files';
import { makeFolders, refuseUnsafeTargets, writeFileSafely } from './safe-write';

/** The file name used when the cache location is a folder. */
const CACHE_FILE = 'lint-cache.json';
const FORMAT = 1;

export interface CachedResult {
  diagnostics: Diagnostic[];
  suppressed: SuppressedDiagnostic[];
  names: string[];
}

interface StoredEntry {
  key: string;
  diagnostics: Omit<Diagnostic, 'file'>[];
  suppressed: Omit<SuppressedDiagnostic, 'file'>[];
  names: string[];
}

/**
 * Where the cache lives: `--cache-location` (a folder, when it exists as one or ends with a
 * slash, gets lint-cache.json inside), else node_modules/.cache/taskmatrix/ when the working
 * folder has node_modules, else .taskmatrixcache.
 */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  if (location === undefined) {
    return existsSync(join(cwd, 'node_modules')) ? join(cwd, 'node_modules', '.cache', 'taskmatrix', CACHE_FILE) : join(cwd, '.taskmatrixcache');
  }
  const path = resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || (existsSync(path) && statSync(path).isDirectory());
  return isFolder ? join(path, CACHE_FILE) : path;
}

/** A digest of the given parts, each length-prefixed so that no two lists collide. */
export function digest(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha1');
  for (const part of parts) {
    hash.update(`${typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength}:`);
    hash.update(part);
  }
  return hash.digest('hex');
}

export class LintCache {
  private readonly entries: Record<string, StoredEntry>;
  private changed = false;

  private constructor(
    readonly file: string,
    private readonly shown: string,
    entries: Record<string, StoredEntry>,
  ) {
    this.entries = entries;
  }

  /**
   * The cache at `file` (`shown` to the user); an absent, unreadable or foreign file is an empty
   * cache. Throws (exit 2) before anything is read when the file is a link or not a regular
   * file, or when its folder cannot be made: the cache could never be written.
   */
  static load(file: string, shown: string): LintCache {
    refuseUnsafeTargets([{ path: file, shown }]);
    try {
      makeFolders(dirname(file));
    } catch (error) {
      throw new InputError('writeFailed', { path: shown, reason: reasonOf(error) });
    }
    const entries = Object.create(null) as Record<string, StoredEntry>;
    try {
      if (lstatSync(file).isFile()) {
        const stored = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; entries?: unknown };
        if (stored.format === FORMAT && isRecord(stored.entries)) {
          // Entries of the wrong shape are left out: their files are linted again and stored afresh.
          for (const [path, entry] of Object.entries(stored.entries)) if (isStoredEntry(entry)) entries[path] = entry;
        }
      }
    } catch {
      // A cache that cannot be used is rebuilt.
    }
    return new LintCache(file, shown, entries);
  }

  /** The stored result of a file, if it was stored under the same key. */
  get(path: string, key: string): CachedResult | undefined {
    const entry = Object.hasOwn(this.entries, path) ? this.entries[path] : undefined;
    if (!entry || entry.key !== key) return undefined;
    return {
      diagnostics: entry.diagnostics.map((d) => ({ ...d, file: path })),
      suppressed: entry.suppressed.map((d) => ({ ...d, file: path })),
      names: entry.names,
    };
  }

  set(path: string, key: string, result: CachedResult): void {
    const strip = <T extends Diagnostic>({ file: _file, ...rest }: T) => rest;
    this.entries[path] = { key, diagnostics: result.diagnostics.map(strip), suppressed: result.suppressed.map(strip), names: result.names };
    this.changed = true;
  }

  /** Writes the cache when it changed; throws when it cannot. */
  save(): void {
    if (!this.changed) return;
    writeFileSafely({ path: this.file, shown: this.shown, text: JSON.stringify({ format: FORMAT, entries: this.entries }) });
  }
}

const SEVERITIES = new Set(['error', 'warning', 'info']);
const RULES = new Set<string>(RULE_IDS);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** Whether a stored entry has the shape `set` writes: a wrong one (edited, truncated, from another tool) is never used. */
function isStoredEntry(entry: unknown): entry is StoredEntry {
  if (!isRecord(entry) || typeof entry.key !== 'string') return false;
  if (!Array.isArray(entry.names) || !entry.names.every((name) => typeof name === 'string')) return false;
  if (!Array.isArray(entry.diagnostics) || !entry.diagnostics.every(isStoredDiagnostic)) return false;
  return Array.isArray(entry.suppressed) && entry.suppressed.every((d) => isStoredDiagnostic(d) && isRecord(d.suppression) && isCount(d.suppression.line) && typeof d.suppression.reason === 'string');
}

function isStoredDiagnostic(d: unknown): d is Record<string, unknown> {
  if (!isRecord(d)) return false;
  if (typeof d.rule !== 'string' || !RULES.has(d.rule) || typeof d.severity !== 'string' || !SEVERITIES.has(d.severity) || typeof d.message !== 'string') return false;
  if (![d.line, d.column, d.endLine, d.endColumn].every(isCount)) return false;
  if (!Array.isArray(d.offset) || d.offset.length !== 2 || !d.offset.every(isCount)) return false;
  return d.data === undefined || (isRecord(d.data) && Object.values(d.data).every((value) => typeof value === 'string'));
}
