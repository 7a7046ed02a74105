// Linting many guidelines on every core: the guideline files are shared out among worker
// threads (each a copy of this bundle running the same engine) and the main thread; the
// registries are linted last, on the main thread, with the agency names every guideline uses.
// A worker that fails for any reason (out of memory on a huge file included) costs only time:
// its share is linted again on the main thread.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { compareDiagnostics } from '../core/index';
import type { Locale, LintResult } from '../core/index';
import { UsageError } from './files';
import type { CliMessage } from './messages';
import { loadProject } from './load';
import type { LoadedProject } from './load';

const WORKER_FLAG = 'taskmatrixLintWorker';
/** Below this much text a worker's start-up costs more than it saves (10,000 measures, 10 MB: 0.52 s with two threads, 0.47 s with one). */
const MIN_BYTES = 24 * 1024 * 1024;
const MIN_FILES = 8;
const MAX_THREADS = 4;

interface WorkerJob {
  [WORKER_FLAG]: true;
  cwd: string;
  locale: Locale;
  configPath?: string;
  today?: string;
  files: string[];
}

type WorkerAnswer = { result: LintResult; names: Array<[string, string[]]> } | { usage: { key: CliMessage; args: Record<string, string | number> } } | { failed: true };
/** A worker's word after each file, for the progress line; its answer comes after the last. */
type WorkerMessage = WorkerAnswer | { linted: 1 };

// A worker holds one file at a time, so small heap limits cost it little time and keep the
// process's memory down (100,000 measures: ≈195 MB instead of ≈220 MB with V8's defaults); a
// file too big for them sends that share back to the main thread (see lintFiles).
const WORKER_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

export interface ParallelOptions {
  cwd: string;
  locale: Locale;
  configPath?: string;
  /** The date overdue deadlines are judged against, the same in every thread. */
  today?: string;
  /** --concurrency: 'auto' (default), 'off', or a number of threads. */
  concurrency?: string;
  /** Called after each file is linted, on whichever thread (a worker's files are counted when its word arrives). */
  onFile?: () => void;
}

/**
 * Lints the files as `project.lint(paths, { release: true })` does, with the same result, on
 * several threads when there is enough to do and the command runs from its bundle.
 */
export async function lintFiles(loaded: LoadedProject, paths: string[], options: ParallelOptions): Promise<LintResult> {
  const { project } = loaded;
  const guidelines = paths.filter((path) => project.kind(path) === 'guideline');
  const threads = threadCount(loaded, guidelines, options.concurrency);
  const lintOptions = { release: true, ...(options.onFile ? { onFile: options.onFile } : {}) };
  if (threads <= 1) return project.lint(paths, lintOptions);

  const shares = shareOut(loaded, guidelines, threads);
  const answers = shares.slice(1).map((files) => lintInWorker(files, loaded, options));
  // The main thread's share meanwhile: the workers' answers wait in the event loop.
  const results = [project.lint(shares[0]!, lintOptions)];
  for (const [index, answer] of answers.entries()) {
    const settled = await answer;
    if ('usage' in settled) throw new UsageError(settled.usage.key, settled.usage.args);
    if ('result' in settled) {
      for (const [path, names] of settled.names) project.setUsedNames(path, names);
      results.push(settled.result);
    } else {
      results.push(project.lint(shares[index + 1]!, lintOptions));
    }
  }
  // Registries (and anything else) last: unused-agency now knows every guideline's names.
  results.push(project.lint(paths.filter((path) => project.kind(path) !== 'guideline'), lintOptions));
  return {
    diagnostics: results.flatMap((result) => result.diagnostics).sort(compareDiagnostics),
    suppressed: results.flatMap((result) => result.suppressed).sort(compareDiagnostics),
  };
}

function threadCount(loaded: LoadedProject, guidelines: string[], concurrency = 'auto'): number {
  if (concurrency === 'off') return 1;
  // Workers run this file again: only the bundle (dist/cli.js) can, not the TypeScript sources.
  if (!__filename.endsWith('.js')) return 1;
  const requested = /^\d+$/.test(concurrency) ? Number(concurrency) : undefined;
  if (requested === undefined) {
    if (guidelines.length < MIN_FILES || totalBytes(loaded, guidelines) < MIN_BYTES) return 1;
    return Math.min(availableParallelism(), MAX_THREADS, Math.floor(guidelines.length / MIN_FILES));
  }
  return requestedThreads(requested, guidelines.length, availableParallelism());
}

/** --concurrency N as threads: never more than the files to share or the cores to run them (256 threads took 3.5 GB). */
export function requestedThreads(requested: number, files: number, cores: number): number {
  return Math.max(1, Math.min(requested, files, cores));
}

function totalBytes(loaded: LoadedProject, paths: string[]): number {
  let total = 0;
  for (const path of paths) total += sizeOf(loaded, path);
  return total;
}

function sizeOf(loaded: LoadedProject, path: string): number {
  try {
    return statSync(loaded.absolute.get(path)!).size;
  } catch {
    return 0;
  }
}

/** Shares of about equal size (largest file first, each to the lightest share so far). */
function shareOut(loaded: LoadedProject, paths: string[], count: number): string[][] {
  const shares = Array.from({ length: count }, () => ({ bytes: 0, paths: [] as string[] }));
  const sized = paths.map((path) => ({ path, bytes: sizeOf(loaded, path) })).sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1));
  for (const { path, bytes } of sized) {
    const lightest = shares.reduce((best, share) => (share.bytes < best.bytes ? share : best));
    lightest.paths.push(path);
    lightest.bytes += bytes;
  }
  return shares.map((share) => share.paths);
}

/** A worker's answer, or `failed` when it died or said something unexpected. */
function lintInWorker(paths: string[], loaded: LoadedProject, options: ParallelOptions): Promise<WorkerAnswer | { failed: true }> {
  const job: WorkerJob = { [WORKER_FLAG]: true, cwd: options.cwd, locale: options.locale, files: paths.map((path) => loaded.absolute.get(path)!), ...(options.configPath ? { configPath: options.configPath } : {}), ...(options.today ? { today: options.today } : {}) };
  return new Promise((resolve) => {
    let answered = false;
    const worker = new Worker(__filename, { workerData: job, resourceLimits: WORKER_LIMITS });
    worker.on('message', (message: WorkerMessage) => {
      if (answered) return;
      // A share that fails is linted again on the main thread and counted twice; the line stops at the total.
      if ('linted' in message) {
        options.onFile?.();
        return;
      }
      answered = true;
      resolve(message);
    });
    worker.once('error', () => resolve({ failed: true }));
    worker.once('exit', () => {
      if (!answered) resolve({ failed: true });
    });
  });
}

/** In a worker thread of this bundle: the job, if this thread is a lint worker. */
export function lintWorkerJob(): WorkerJob | undefined {
  const data = workerData as Partial<WorkerJob> | undefined;
  return data?.[WORKER_FLAG] ? (data as WorkerJob) : undefined;
}

/** A worker's whole life: load its share of the files as the main thread would, lint, answer. */
export function runLintWorker(job: WorkerJob): void {
  let answer: WorkerAnswer;
  try {
    const loaded = loadProject(job.files, { cwd: job.cwd, locale: job.locale, ...(job.configPath ? { configPath: job.configPath } : {}), ...(job.today ? { today: job.today } : {}) });
    const guidelines = loaded.requested.filter((path) => loaded.project.kind(path) === 'guideline');
    const result = loaded.project.lint(guidelines, { release: true, onFile: () => parentPort!.postMessage({ linted: 1 }) });
    answer = { result, names: guidelines.map((path) => [path, [...loaded.project.usedNames(path)]]) };
  } catch (error) {
    // Anything else is retried on the main thread, which then reports it as it always would.
    answer = error instanceof UsageError ? { usage: { key: error.key, args: error.args } } : { failed: true };
  }
  parentPort!.postMessage(answer);
}
