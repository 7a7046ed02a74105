// Fault injection: taskmatrix killed (SIGKILL, no chance to clean up) at random moments while it
// writes user files, and every file it was writing checked afterwards. A file is damaged when it
// holds neither its bytes from before the run nor the bytes a complete run writes (truncated,
// half-written, empty). The goal is zero. Also counted: runs that left a mix of old and new files
// (the instant between two renames), and temporary files left behind (hidden .*.tmp files that no
// command reads).
//
// Scenarios: `import --update-registry` over an existing guideline (--force) and a registry of some
// 10,000 agencies (1 MB, so that writing it takes a while), and `report --out` over a folder that
// holds the previous report. Half the kills fall anywhere in a run (its length the median of
// three complete runs), half in its writing phase: after the first temporary file appears, within
// the time writing took in the complete runs.
//
//   npx tsx src/bench/fault-injection.ts [--runs 100] [--seed 1] [--bin bin/taskmatrix.js]
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { seededRandom } from './generate-corpus';

const ROOT = resolve(__dirname, '..', '..');

export type Scenario = 'import' | 'report';

export interface FaultReport {
  scenario: Scenario;
  runs: number;
  /** Runs killed before they exited. */
  killed: number;
  /** Runs killed while files were being written (a temporary file, a new file or a mix of both seen after). */
  killedWhileWriting: number;
  /** Files holding neither their old nor their new bytes. */
  damaged: number;
  /** Runs that left some files new and some old. */
  mixed: number;
  /** Temporary files left behind. */
  temporaryFiles: number;
  /** Files checked after each run. */
  files: number;
}

interface Setup {
  /** A folder to copy for each run. */
  template: string;
  args: string[];
  /** The files the command writes, relative to the folder. */
  targets: string[];
  /** The folders the temporary files go to. */
  folders: string[];
}

/** Runs `runs` killed commands of one scenario and counts what they left. */
export async function injectFaults(scenario: Scenario, options: { runs: number; seed?: number; bin?: string }): Promise<FaultReport> {
  const bin = resolve(ROOT, options.bin ?? 'bin/taskmatrix.js');
  const random = seededRandom(options.seed ?? 1);
  const work = mkdtempSync(join(tmpdir(), `taskmatrix-faults-${scenario}-`));
  try {
    const setup = scenario === 'import' ? importSetup(work) : await reportSetup(work, bin);
    // The bytes before (the template's) and after (a complete run's).
    const before = setup.targets.map((target) => readFileSync(join(setup.template, target)));
    // Every run in the same folder: some outputs name it (SARIF's file URIs).
    const dir = join(work, 'run');
    const runs: Array<Awaited<ReturnType<typeof runTimed>>> = [];
    for (let i = 0; i < 3; i++) {
      rmSync(dir, { recursive: true, force: true });
      cpSync(setup.template, dir, { recursive: true });
      const timing = await runTimed(bin, setup.args, dir, setup.folders.map((folder) => join(dir, folder)));
      if (timing.code !== 0) throw new Error(`${scenario}: the complete run failed (exit ${timing.code}): ${timing.stderr}`);
      runs.push(timing);
    }
    const total = median(runs.map((timing) => timing.total));
    const writing = median(runs.map((timing) => timing.total - timing.firstWrite));
    const after = setup.targets.map((target) => readFileSync(join(dir, target)));
    for (const [index, target] of setup.targets.entries()) if (before[index]!.equals(after[index]!)) throw new Error(`${scenario}: ${target} is the same before and after; nothing to check`);

    const report: FaultReport = { scenario, runs: options.runs, killed: 0, killedWhileWriting: 0, damaged: 0, mixed: 0, temporaryFiles: 0, files: 0 };
    for (let run = 0; run < options.runs; run++) {
      rmSync(dir, { recursive: true, force: true });
      cpSync(setup.template, dir, { recursive: true });
      // Even runs are killed anywhere in the command's life; odd ones in its writing phase, timed
      // from the moment its first temporary file appears.
      const kill = run % 2 === 0 ? { delay: random() * total * 1.05 } : { delay: random() * writing * 1.2, afterFirstWrite: setup.folders.map((folder) => join(dir, folder)) };
      const result = await runKilled(bin, setup.args, dir, kill);
      if (result.killed) report.killed++;
      let old = 0;
      let fresh = 0;
      for (const [index, target] of setup.targets.entries()) {
        report.files++;
        const path = join(dir, target);
        const bytes = existsSync(path) ? readFileSync(path) : undefined;
        if (bytes?.equals(before[index]!)) old++;
        else if (bytes?.equals(after[index]!)) fresh++;
        else report.damaged++;
      }
      const temporary = setup.folders.flatMap((folder) => (existsSync(join(dir, folder)) ? readdirSync(join(dir, folder)) : [])).filter((name) => /^\..*\.tmp(\.old|\.undo)?$/.test(name)).length;
      report.temporaryFiles += temporary;
      if (old > 0 && fresh > 0) report.mixed++;
      if (result.killed && (temporary > 0 || fresh > 0 || old + fresh < setup.targets.length)) report.killedWhileWriting++;
    }
    return report;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A registry without two of the bundled agencies, padded to some 10,000 entries, and the bundled guideline to overwrite. */
function importSetup(work: string): Setup {
  const template = join(work, 'template');
  const registry = readFileSync(join(ROOT, 'tasks/agencies.yaml'), 'utf8');
  const [head, ...entries] = registry.split(/^(?=  - name: )/m);
  const kept = entries.filter((entry) => !/^  - name: (省统计局|省体育局)\n/.test(entry));
  const padding = Array.from({ length: 10000 }, (_, i) => `  - name: 测试填充单位${String(i).padStart(5, '0')}\n    fullName: 浙江省测试填充单位第${i}号\n    kind: government\n`);
  writeFiles(template, {
    'tasks/agencies.yaml': head + padding.join('') + kept.join(''),
    'tasks/zj-ai-2027.yaml': readFileSync(join(ROOT, 'tasks/zj-ai-2027.yaml'), 'utf8'),
    'doc.txt': readFileSync(join(ROOT, 'tasks/source/zj-ai-2027.txt'), 'utf8'),
  });
  return {
    template,
    args: ['import', 'doc.txt', '--id', 'zj-ai-2027', '-o', 'tasks/zj-ai-2027.yaml', '--force', '--registry', 'tasks/agencies.yaml', '--update-registry'],
    targets: ['tasks/zj-ai-2027.yaml', 'tasks/agencies.yaml'],
    folders: ['tasks'],
  };
}

/** The bundled tasks, with out/report holding the report of a slightly different version of them. */
async function reportSetup(work: string, bin: string): Promise<Setup> {
  const template = join(work, 'template');
  const guideline = readFileSync(join(ROOT, 'tasks/zj-ai-2027.yaml'), 'utf8');
  writeFiles(template, {
    'tasks/agencies.yaml': readFileSync(join(ROOT, 'tasks/agencies.yaml'), 'utf8'),
    'tasks/zj-ai-2027.yaml': guideline.replace(/^title: .*$/m, 'title: 上一版'),
  });
  const previous = await runTimed(bin, ['report', 'tasks/', '--out', 'out/report'], template, []);
  if (previous.code !== 0) throw new Error(`report: the previous report failed (exit ${previous.code}): ${previous.stderr}`);
  // The run under test: the current guideline, and a measure more to change every file.
  const measure = '      - id: "7.9"\n        title: 新增措施\n        agencies: [省经信厅, 省科技厅]\n';
  writeFileSync(join(template, 'tasks/zj-ai-2027.yaml'), `${guideline.trimEnd()}\n${measure}`);
  const targets = readdirSync(join(template, 'out/report')).map((name) => `out/report/${name}`);
  return { template, args: ['report', 'tasks/', '--out', 'out/report'], targets, folders: ['out/report'] };
}

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A complete run: its exit code, its duration and when its first temporary file appeared (ms from the start). */
function runTimed(bin: string, args: string[], cwd: string, folders: string[]): Promise<{ code: number | null; total: number; firstWrite: number; stderr: string }> {
  return new Promise((done, fail) => {
    const start = performance.now();
    let firstWrite = Number.POSITIVE_INFINITY;
    const watchers = folders.filter((folder) => existsSync(folder)).map((folder) => watch(folder, () => (firstWrite = Math.min(firstWrite, performance.now() - start))));
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => {
      const total = performance.now() - start;
      watchers.forEach((watcher) => watcher.close());
      done({ code, total, firstWrite: Math.min(firstWrite, total * 0.9), stderr });
    });
  });
}

/** Runs the command and kills it `delay` ms after its start, or after the first change in `afterFirstWrite`'s folders. */
function runKilled(bin: string, args: string[], cwd: string, kill: { delay: number; afterFirstWrite?: string[] }): Promise<{ killed: boolean }> {
  return new Promise((done, fail) => {
    let exited = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => (timer ??= setTimeout(() => exited || child.kill('SIGKILL'), kill.delay));
    const watchers = (kill.afterFirstWrite ?? []).filter((folder) => existsSync(folder)).map((folder) => watch(folder, arm));
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: 'ignore' });
    if (!kill.afterFirstWrite) arm();
    child.on('error', fail);
    child.on('exit', (_code, signal) => {
      exited = true;
      clearTimeout(timer);
      watchers.forEach((watcher) => watcher.close());
      done({ killed: signal === 'SIGKILL' });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '100' }, seed: { type: 'string', default: '1' }, bin: { type: 'string' } } });
  const runs = Number(values.runs);
  let damaged = 0;
  for (const scenario of ['import', 'report'] as const) {
    const report = await injectFaults(scenario, { runs, seed: Number(values.seed), ...(values.bin ? { bin: values.bin } : {}) });
    damaged += report.damaged;
    console.log(
      `${scenario}: ${report.runs} runs, ${report.killed} killed (${report.killedWhileWriting} while writing): ${report.damaged} of ${report.files} files damaged, ` +
        `${report.mixed} runs left old and new files mixed, ${report.temporaryFiles} temporary files left`,
    );
  }
  process.exitCode = damaged === 0 ? 0 : 1;
}

if (require.main === module) void main();
