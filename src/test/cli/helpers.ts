// Shared by the CLI end-to-end tests: run `node bin/taskmatrix.js …` as a user does, in the
// repository or in a temporary folder holding fixtures that the test writes.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The repository root (the folder of package.json). */
export const ROOT = resolve(__dirname, '../../..');
export const BIN = join(ROOT, 'bin/taskmatrix.js');
export const TASKS = join(ROOT, 'tasks');
export const GUIDELINE = 'tasks/zj-ai-2027.yaml';

/** The measures of the bundled guideline that have no lead: the four no-lead warnings of `lint tasks/`. */
export const NO_LEAD_MEASURES = ['4.2', '4.3', '4.4', '7.1'] as const;

export const RULE_IDS = [
  'yaml-syntax',
  'schema',
  'duplicate-id',
  'unknown-agency',
  'duplicate-agency',
  'no-lead',
  'alias-agency',
  'unused-agency',
  'deadline-format',
  'overdue',
  'missing-deadline',
] as const;

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Variables to set; `undefined` removes one. */
  env?: Record<string, string | undefined>;
}

/** Rebuilds dist/cli.js when it is missing or older than a source it bundles (once per process). */
let built = false;
export function ensureBuilt(): void {
  if (built) return;
  const bundle = join(ROOT, 'dist/cli.js');
  const bundleTime = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  const sources = [join(ROOT, 'src/cli'), join(ROOT, 'src/core'), join(ROOT, 'schemas'), join(ROOT, 'package.json')];
  if (bundleTime === 0 || sources.some((source) => newestTime(source) > bundleTime)) {
    const result = spawnSync(process.execPath, ['esbuild.config.js'], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`node esbuild.config.js failed:\n${result.stdout}${result.stderr}`);
  }
  built = true;
}

function newestTime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestTime(join(path, entry)));
  return newest;
}

/** The environment of a run: plain C locale, no colour, nothing of the test machine's locale. */
function childEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, LANG: 'C', NO_COLOR: '1' };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'TASKMATRIX_LOCALE', 'TASKMATRIX_DEBUG', 'FORCE_COLOR']) delete env[name];
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env as NodeJS.ProcessEnv;
}

/** Runs the command as a user does: `node bin/taskmatrix.js …` in the repository (or `cwd`). */
export function run(args: string[], options: RunOptions = {}): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env: childEnv(options.env), timeout: 15000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** As `run`, with standard output as raw bytes (to see the CSV byte order mark). */
export function runBytes(args: string[], options: RunOptions = {}): { status: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: childEnv(options.env), timeout: 15000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

/** Temporary folders for fixtures; call `cleanup()` in afterEach. */
export class TempDirs {
  private readonly made: string[] = [];

  /** A new empty folder under the system's temporary folder. */
  make(): string {
    const dir = mkdtempSync(join(tmpdir(), 'taskmatrix-cli-'));
    this.made.push(dir);
    return dir;
  }

  /** A new folder holding the given files (paths relative to it, `/`-separated). */
  withFiles(files: Record<string, string>): string {
    const dir = this.make();
    writeFiles(dir, files);
    return dir;
  }

  /** A new folder holding a copy of the bundled tasks/ folder. */
  withBundledTasks(): string {
    const dir = this.make();
    cpSync(TASKS, join(dir, 'tasks'), { recursive: true });
    return dir;
  }

  /** A new folder whose tasks/ holds the bundled registry and the seed with deadlines and statuses (src/test/fixtures/deadlines). */
  withDatedTasks(): string {
    const dir = this.make();
    mkdirSync(join(dir, 'tasks'));
    copyFileSync(join(TASKS, 'agencies.yaml'), join(dir, 'tasks/agencies.yaml'));
    copyFileSync(join(ROOT, 'src/test/fixtures/deadlines/zj-ai-2027.yaml'), join(dir, 'tasks/zj-ai-2027.yaml'));
    return dir;
  }

  cleanup(): void {
    for (const dir of this.made.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

/** A small registry: two government agencies (one with an alias) and a collective. */
export const SMALL_REGISTRY = `# yaml-language-server: $schema=../schemas/agencies.schema.json
agencies:
  - name: 省科技厅
    kind: government
    aliases: [科技厅]
  - name: 省经信厅
    kind: government
  - name: 省数字经济领导小组各成员单位
    kind: collective
`;

/** A guideline whose chapter 2 holds the given measures (YAML list items indented by 6). */
export function guideline(measures: string, id = 'test-doc'): string {
  return `# yaml-language-server: $schema=../schemas/guideline.schema.json
id: ${id}
title: 测试文件
chapters:
  - id: "2"
    title: 第二部分
    measures:
${measures}`;
}

/** Two measures that lead-first and name only registry agencies, so that nothing is reported. */
export const CLEAN_MEASURES = `      - id: "2.1"
        title: 强化前沿基础研究
        agencies: [省科技厅, 省经信厅]
      - id: "2.2"
        title: 加强核心技术攻关
        agencies: [省经信厅, 省科技厅, 省数字经济领导小组各成员单位]
`;

/** A Node.js stack frame line: must never reach the user. */
export const STACK_FRAME = /^\s+at\s.+[(:]/m;

/** Lines of a text, without the empty one after the final newline. */
export function lines(text: string): string[] {
  const all = text.split(/\r?\n/);
  if (all.length && all[all.length - 1] === '') all.pop();
  return all;
}
