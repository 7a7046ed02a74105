// `lint --cache`: the findings of unchanged guidelines reused from the last run, as ESLint's
// cache does. An entry is reused only when the file's bytes, the registry it resolves against
// (path and bytes), the configuration, the locale and the taskmatrix version are all the same;
// it also keeps the agency names the file writes, so that a registry's unused-agency check
// needs no unchanged guideline read. Registries themselves are always linted (they are small,
// and their findings depend on every guideline).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic, SuppressedDiagnostic } from '../core/index';

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
    entries: Record<string, StoredEntry>,
  ) {
    this.entries = entries;
  }

  /** The cache at `file`; an absent, unreadable or foreign file is an empty cache. */
  static load(file: string): LintCache {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; entries?: unknown };
      if (stored.format === FORMAT && stored.entries && typeof stored.entries === 'object') return new LintCache(file, stored.entries as Record<string, StoredEntry>);
    } catch {
      // A cache that cannot be used is rebuilt.
    }
    return new LintCache(file, Object.create(null) as Record<string, StoredEntry>);
  }

  /** The stored result of a file, if it was stored under the same key. */
  get(path: string, key: string): CachedResult | undefined {
    const entry = this.entries[path];
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
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify({ format: FORMAT, entries: this.entries }));
  }
}
