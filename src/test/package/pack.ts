// The npm package as users get it: `npm pack` of the repository (scripts skipped: the tests build
// dist/ themselves), once per test process, and installed where a user or pre-commit installs it.
import { spawnSync } from 'node:child_process';
import type { SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ROOT } from '../cli/helpers';

export interface PackedTarball {
  path: string;
  /** The paths inside the package, as `npm pack --json` lists them. */
  files: string[];
}

let packed: PackedTarball | undefined;

/** The tarball `npm pack` makes of the repository, in a temporary folder the process leaves behind. */
export function packTarball(): PackedTarball {
  if (packed) return packed;
  ensureBuilt();
  const folder = mkdtempSync(join(tmpdir(), 'taskmatrix-pack-'));
  const result = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', folder], { cwd: ROOT });
  if (result.status !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
  const [info] = JSON.parse(result.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packed = { path: join(folder, info!.filename), files: info!.files.map((file) => file.path).sort() };
  return packed;
}

/** Runs npm quietly (no audit, funding or update notices), failing on nothing itself. */
export function npm(args: string[], options: SpawnSyncOptions & { env?: NodeJS.ProcessEnv } = {}): { status: number | null; stdout: string; stderr: string } {
  // Under `npm test`, npm's own npm_* variables (npm_config_local_prefix: this repository) would steer the inner npm.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  const env = { ...inherited, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...options.env };
  const result = spawnSync('npm', args, { ...options, env, encoding: 'utf8', timeout: 240_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}
