// `npm run bench`: taskmatrix side by side with its peers, as whole processes.
//
// For each corpus size it writes a seeded corpus (src/bench/generate-corpus.ts, files of 100
// measures, plus planted-faults.yaml), then runs every tool once per run, round-robin with the
// starting tool rotated each run (so machine noise hits every tool alike), and prints a Markdown
// table of median wall times, taskmatrix's ratio to each peer and each process's peak memory.
// Before any time counts, it checks that every tool reports the same findings; it fails loudly
// (exit 1) when they differ, so no tool wins by checking less.
//
// The diff case (issue 18) writes two corpora of the same size, the second with 1% of its
// measures edited (lead swapped, text reworded), and times `taskmatrix diff A B --format json`
// beside `git diff --no-index --stat A B` on the same two folders, after checking that both see
// every edit.
//
//   npx tsx src/bench/run.ts [--sizes 1000,10000,100000|none] [--runs 5] [--large-runs N] [--quick]
//                            [--tools taskmatrix,spectral,ajv,yaml,js-yaml] [--no-build]
//                            [--diff-sizes 10000|none] [--dir FOLDER] [--keep] [--seed 1]
//                            [--update-docs] [--json FILE]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSync } from 'esbuild';
import { generateCorpus } from './generate-corpus';
import type { CorpusStats } from './generate-corpus';
import { PLANTED_FILE, PLANTED_FINDINGS, PLANTED_MEASURES, PLANTED_TEXT } from './planted-faults';

export const ROOT = resolve(__dirname, '..', '..');
const TIME = '/usr/bin/time';

/** The rules both taskmatrix and the Spectral ruleset check; unused-agency needs the whole folder, Spectral sees one file. */
export const COMPARED_RULES = ['yaml-syntax', 'schema', 'duplicate-id', 'unknown-agency', 'duplicate-agency', 'no-lead', 'alias-agency'] as const;

// ---------------------------------------------------------------------------------------------
// Corpora

export interface Corpus {
  measures: number;
  dir: string;
  files: string[];
  stats: CorpusStats;
  /** The findings taskmatrix must report: the generator's planted counts plus planted-faults.yaml. */
  expected: Record<string, number>;
}

export function writeCorpus(dir: string, measures: number, seed: number): Corpus {
  const registryText = readFileSync(join(ROOT, 'tasks', 'agencies.yaml'), 'utf8');
  const { files, stats } = generateCorpus({ measures, seed, perFile: 100, registryText });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(join(dir, file.name), file.text);
  writeFileSync(join(dir, PLANTED_FILE), PLANTED_TEXT);
  const expected: Record<string, number> = { 'yaml-syntax': 0, ...PLANTED_FINDINGS };
  expected['no-lead'] = PLANTED_FINDINGS['no-lead'] + stats.noLead;
  expected['unknown-agency'] = PLANTED_FINDINGS['unknown-agency'] + stats.unknown;
  expected['alias-agency'] = PLANTED_FINDINGS['alias-agency'] + stats.aliases;
  return { measures, dir, files: [...files.map((file) => file.name), PLANTED_FILE].sort(), stats, expected };
}

// ---------------------------------------------------------------------------------------------
// Tools

export interface Command {
  args: string[];
  /** Exit codes that mean "ran and reported" (findings make linters exit 1). */
  okCodes: number[];
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident set size in kilobytes, when /usr/bin/time could measure it. */
  maxRssKb?: number;
}

/** What a tool reported, in the terms the checks compare. */
export interface Findings {
  /** Findings per rule, totals. */
  counts?: Record<string, number>;
  /** Findings per file (base name) and rule. */
  perFile?: Record<string, Record<string, number>>;
  /** Files the tool read or validated. */
  files?: number;
  /** Measures a parse floor found. */
  measures?: number;
}

export interface Tool {
  key: string;
  label: string;
  checks: string;
  commands(corpus: Corpus, scratch: string): Command[];
  findings(results: ProcessResult[], corpus: Corpus): Findings;
}

function bin(pkg: string, relative: string): string {
  return join(resolve(require.resolve(`${pkg}/package.json`), '..'), relative);
}

function countInto(target: Record<string, Record<string, number>>, file: string, rule: string, by = 1): void {
  const row = (target[file] ??= {});
  row[rule] = (row[rule] ?? 0) + by;
}

function totals(perFile: Record<string, Record<string, number>>): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const row of Object.values(perFile)) for (const [rule, n] of Object.entries(row)) sums[rule] = (sums[rule] ?? 0) + n;
  return sums;
}

function parseJson<T>(text: string, who: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new BenchError(`${who} did not print JSON: ${text.slice(0, 300)}`);
  }
}

export const TOOLS: Tool[] = [
  {
    key: 'taskmatrix',
    label: 'taskmatrix `lint --format json`',
    checks: 'YAML, schema, 6 rules, positions',
    commands: (corpus) => [{ args: [join(ROOT, 'dist', 'cli.js'), 'lint', corpus.dir, '--format', 'json'], okCodes: [0, 1] }],
    findings([result]) {
      const { diagnostics } = parseJson<{ diagnostics: { rule: string; file: string }[] }>(result!.stdout, 'taskmatrix');
      const perFile: Record<string, Record<string, number>> = {};
      for (const d of diagnostics) countInto(perFile, basename(d.file), d.rule);
      return { counts: totals(perFile), perFile };
    },
  },
  {
    key: 'spectral',
    label: 'Spectral 6 (`src/bench/spectral`)',
    checks: 'YAML, schema, 5 rules (no unused-agency), positions',
    commands: (corpus) => [
      {
        args: [bin('@stoplight/spectral-cli', 'dist/index.js'), 'lint', `${corpus.dir}/*.yaml`, '--ruleset', join(ROOT, 'src', 'bench', 'spectral', '.spectral.yaml'), '--format', 'json', '--quiet'],
        okCodes: [0, 1],
      },
    ],
    findings([result]) {
      const text = result!.stdout.trim();
      const results = text === '' ? [] : parseJson<{ code: string | number; source?: string }[]>(text, 'Spectral');
      const perFile: Record<string, Record<string, number>> = {};
      // Spectral's own YAML diagnostics (code "parser") are taskmatrix's yaml-syntax.
      for (const r of results) countInto(perFile, basename(r.source ?? '?'), r.code === 'parser' ? 'yaml-syntax' : String(r.code));
      return { counts: totals(perFile), perFile };
    },
  },
  {
    key: 'ajv',
    label: 'ajv-cli 5 (2 processes: guidelines, registry)',
    checks: 'schema only, no positions',
    commands: (corpus) => {
      const ajv = bin('ajv-cli', 'dist/index.js');
      const common = ['validate', '--spec=draft7', '--strict=true', '--all-errors', '--errors=line'];
      return [
        { args: [ajv, ...common, '-s', join(ROOT, 'schemas', 'guideline.schema.json'), '-d', `${corpus.dir}/!(agencies).yaml`], okCodes: [0, 1] },
        { args: [ajv, ...common, '-s', join(ROOT, 'schemas', 'agencies.schema.json'), '-d', join(corpus.dir, 'agencies.yaml')], okCodes: [0, 1] },
      ];
    },
    findings(results) {
      const perFile: Record<string, Record<string, number>> = {};
      let files = 0;
      for (const result of results) {
        for (const line of result.stdout.split('\n')) if (/ valid$/.test(line)) files++;
        const lines = result.stderr.split('\n');
        for (let i = 0; i < lines.length; i++) {
          const invalid = / invalid$/.exec(lines[i]!);
          if (!invalid) continue;
          files++;
          const errors = parseJson<unknown[]>(lines[++i] ?? '', 'ajv-cli');
          countInto(perFile, basename(lines[i - 1]!.slice(0, invalid.index)), 'schema', errors.length);
        }
      }
      return { counts: { schema: totals(perFile).schema ?? 0 }, perFile, files };
    },
  },
  {
    key: 'yaml',
    label: 'parse floor: `yaml` parseDocument + positions',
    checks: 'parsing only',
    commands: (corpus, scratch) => [{ args: [join(scratch, 'yaml-floor.js'), corpus.dir], okCodes: [0] }],
    findings: ([result]) => floorFindings(result!, 'yaml floor'),
  },
  {
    key: 'js-yaml',
    label: 'parse floor: `js-yaml` load',
    checks: 'parsing only, no positions',
    commands: (corpus, scratch) => [{ args: [join(scratch, 'js-yaml-floor.js'), corpus.dir], okCodes: [0] }],
    findings: ([result]) => floorFindings(result!, 'js-yaml floor'),
  },
];

function floorFindings(result: ProcessResult, who: string): Findings {
  const { files, measures, errors } = parseJson<{ files: number; measures: number; errors: number }>(result.stdout, who);
  return { files, measures, counts: { 'yaml-syntax': errors } };
}

// ---------------------------------------------------------------------------------------------
// The checks

export class BenchError extends Error {}

/**
 * Checks that every tool reported what taskmatrix reported (and taskmatrix what the corpus
 * plants); returns the lines that differ, empty when all agree.
 */
export function compareFindings(corpus: Corpus, found: Record<string, Findings>): string[] {
  const problems: string[] = [];
  const tm = found.taskmatrix;
  if (!tm?.counts || !tm.perFile) return ['taskmatrix reported nothing to compare'];
  for (const rule of COMPARED_RULES) {
    const expected = corpus.expected[rule] ?? 0;
    const actual = tm.counts[rule] ?? 0;
    if (actual !== expected) problems.push(`taskmatrix: ${actual} ${rule}, the corpus plants ${expected}`);
  }
  const spectral = found.spectral;
  if (spectral?.perFile) {
    const extra = Object.keys(spectral.counts ?? {}).filter((rule) => !(COMPARED_RULES as readonly string[]).includes(rule));
    if (extra.length) problems.push(`Spectral reported rules taskmatrix does not compare: ${extra.join(', ')}`);
    for (const rule of COMPARED_RULES) {
      const a = tm.counts[rule] ?? 0;
      const b = spectral.counts?.[rule] ?? 0;
      if (a !== b) problems.push(`${rule}: taskmatrix ${a}, Spectral ${b}`);
    }
    for (const file of corpus.files) {
      for (const rule of COMPARED_RULES) {
        const a = tm.perFile[file]?.[rule] ?? 0;
        const b = spectral.perFile[file]?.[rule] ?? 0;
        if (a !== b) problems.push(`${file} ${rule}: taskmatrix ${a}, Spectral ${b}`);
      }
    }
  }
  const ajv = found.ajv;
  if (ajv?.perFile) {
    if (ajv.files !== corpus.files.length) problems.push(`ajv-cli validated ${ajv.files} files, the corpus has ${corpus.files.length}`);
    const a = tm.counts.schema ?? 0;
    const b = ajv.counts?.schema ?? 0;
    if (a !== b) problems.push(`schema: taskmatrix ${a}, ajv-cli ${b}`);
    for (const file of corpus.files) {
      const x = tm.perFile[file]?.schema ?? 0;
      const y = ajv.perFile[file]?.schema ?? 0;
      if (x !== y) problems.push(`${file} schema: taskmatrix ${x}, ajv-cli ${y}`);
    }
  }
  for (const key of ['yaml', 'js-yaml']) {
    const floor = found[key];
    if (!floor) continue;
    const measures = corpus.measures + PLANTED_MEASURES;
    if (floor.files !== corpus.files.length) problems.push(`${key} floor parsed ${floor.files} files, the corpus has ${corpus.files.length}`);
    if (floor.measures !== measures) problems.push(`${key} floor found ${floor.measures} measures, the corpus has ${measures}`);
    if ((floor.counts?.['yaml-syntax'] ?? 0) !== (tm.counts['yaml-syntax'] ?? 0)) problems.push(`${key} floor: ${floor.counts?.['yaml-syntax']} parse errors, taskmatrix ${tm.counts['yaml-syntax'] ?? 0} yaml-syntax`);
  }
  return problems;
}

/** One line that says what every tool agreed on. */
export function agreementLine(corpus: Corpus, found: Record<string, Findings>): string {
  const tm = found.taskmatrix!.counts!;
  const rules = COMPARED_RULES.filter((rule) => rule !== 'yaml-syntax').map((rule) => `${rule} ${fmtInt(tm[rule] ?? 0)}`);
  const who = ['taskmatrix', found.spectral && 'Spectral'].filter(Boolean).join(' = ');
  const parts = [`${who}: ${rules.join(', ')}`];
  if (found.ajv) parts.push(`ajv-cli: ${fmtInt(found.ajv.counts?.schema ?? 0)} schema errors in ${fmtInt(found.ajv.files ?? 0)} files`);
  const floors = ['yaml', 'js-yaml'].filter((key) => found[key]);
  if (floors.length) parts.push(`parse floors (${floors.join(', ')}): ${fmtInt(corpus.files.length)} files, ${fmtInt(corpus.measures + PLANTED_MEASURES)} measures`);
  return `Findings agree — ${parts.join('; ')}.`;
}

// ---------------------------------------------------------------------------------------------
// Running and measuring

function timeWorks(): boolean {
  if (!existsSync(TIME)) return false;
  return spawnSync(TIME, ['-f', '%M', process.execPath, '-e', '0'], { encoding: 'utf8' }).status === 0;
}

/** Runs `node ARGS` (or another program) as a whole process, under /usr/bin/time for its peak memory when there is one. */
export function runProcess(args: string[], scratch: string, useTime: boolean, program = process.execPath): Promise<ProcessResult> {
  const rssFile = join(scratch, 'rss.txt');
  const [file, argv] = useTime ? [TIME, ['-f', '%M', '-o', rssFile, program, ...args]] : [program, args];
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      let maxRssKb: number | undefined;
      if (useTime && existsSync(rssFile)) {
        const last = readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '';
        maxRssKb = /^\d+$/.test(last) ? Number(last) : undefined;
        rmSync(rssFile, { force: true });
      }
      done({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), seconds, maxRssKb });
    });
  });
}

export interface Sample {
  seconds: number;
  maxRssKb?: number;
}

export interface SizeResult {
  measures: number;
  files: number;
  runs: number;
  samples: Record<string, Sample[]>;
  agreement: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** "2.1× faster" when taskmatrix takes less time than the peer, "1.4× slower" when more. */
export function ratioText(taskmatrixSeconds: number, peerSeconds: number): string {
  const ratio = peerSeconds / taskmatrixSeconds;
  if (ratio >= 1) return `${fmtRatio(ratio)}× faster`;
  return `${fmtRatio(1 / ratio)}× slower`;
}

function fmtRatio(ratio: number): string {
  return ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1);
}

function fmtInt(n: number): string {
  return n.toLocaleString('en-US');
}

function fmtSeconds(s: number): string {
  return s >= 10 ? s.toFixed(1) : s >= 1 ? s.toFixed(2) : s.toFixed(3);
}

async function runSize(tools: Tool[], corpus: Corpus, runs: number, scratch: string, useTime: boolean): Promise<SizeResult> {
  const samples: Record<string, Sample[]> = Object.fromEntries(tools.map((tool) => [tool.key, []]));
  let firstCounts: string | undefined;
  let agreement = '';
  for (let run = 0; run < runs; run++) {
    // Round-robin, starting with a different tool each run.
    const order = tools.map((_, i) => tools[(i + run) % tools.length]!);
    const found: Record<string, Findings> = {};
    for (const tool of order) {
      const results: ProcessResult[] = [];
      for (const command of tool.commands(corpus, scratch)) {
        const result = await runProcess(command.args, scratch, useTime);
        if (!command.okCodes.includes(result.code ?? -1)) {
          throw new BenchError(`${tool.key} exited with ${result.code}: node ${command.args.join(' ')}\n${result.stderr.slice(0, 2000)}`);
        }
        results.push(result);
      }
      const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
      const rss = results.map((r) => r.maxRssKb).filter((kb): kb is number => kb !== undefined);
      samples[tool.key]!.push({ seconds, maxRssKb: rss.length ? rss.reduce((a, b) => Math.max(a, b)) : undefined });
      found[tool.key] = tool.findings(results, corpus);
      process.stderr.write(`  ${fmtInt(corpus.measures)} measures, run ${run + 1}/${runs}: ${tool.key} ${fmtSeconds(seconds)} s\n`);
    }
    // Check on the first run, before more time is spent; later runs must report the same.
    const problems = compareFindings(corpus, found);
    if (problems.length) throw new BenchError(`The tools disagree on the ${fmtInt(corpus.measures)}-measure corpus (${corpus.dir}):\n  ${problems.join('\n  ')}`);
    const sorted = (record: Record<string, number> = {}) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
    const counts = JSON.stringify(tools.map((tool) => [tool.key, sorted(found[tool.key]?.counts), found[tool.key]?.files, found[tool.key]?.measures]));
    if (firstCounts === undefined) {
      firstCounts = counts;
      agreement = agreementLine(corpus, found);
    } else if (counts !== firstCounts) throw new BenchError(`Run ${run + 1} reported other counts than run 1: ${counts} vs ${firstCounts}`);
  }
  return { measures: corpus.measures, files: corpus.files.length, runs, samples, agreement };
}

// ---------------------------------------------------------------------------------------------
// The diff case: two drafts of a corpus

/** Every 100th measure, from the 8th: 1% of the corpus. */
const EDITED_EVERY = 100;

export interface DiffCorpora {
  measures: number;
  before: string;
  after: string;
  /** Measures edited in `after` (their lead swapped and their text reworded). */
  edited: number;
  /** Edited measures whose lead changed: all but those divided by function, which have none. */
  leadChanges: number;
  /** Files that hold an edited measure: what `git diff --stat` must count. */
  filesChanged: number;
}

/**
 * The corpus of `measures` in `before`, and in `after` the same with 1% of its measures edited
 * as a second draft edits them: the first two agencies swapped (a lead change) and a phrase of
 * the text reworded.
 */
export function writeDiffCorpora(root: string, measures: number, seed: number): DiffCorpora {
  const registryText = readFileSync(join(ROOT, 'tasks', 'agencies.yaml'), 'utf8');
  const { files } = generateCorpus({ measures, seed, perFile: 100, registryText });
  const before = join(root, `diff-${measures}-a`);
  const after = join(root, `diff-${measures}-b`);
  for (const dir of [before, after]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  let index = 0;
  let edited = 0;
  let leadChanges = 0;
  let filesChanged = 0;
  for (const file of files) {
    writeFileSync(join(before, file.name), file.text);
    const lines = file.text.split('\n');
    let changed = false;
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith('      - id: ')) continue;
      if (index++ % EDITED_EVERY !== 7) continue;
      const text = i + 2;
      const agencies = i + 3;
      lines[text] = lines[text]!.replace(/^(        text: )(.{4})/, '$1进一步$2');
      lines[agencies] = lines[agencies]!.replace(/^(        agencies: \[)([^,\]]+), ([^,\]]+)/, '$1$3, $2');
      edited++;
      if (lines[i + 4] !== '        division: by-function') leadChanges++;
      changed = true;
    }
    if (changed) filesChanged++;
    writeFileSync(join(after, file.name), changed ? lines.join('\n') : file.text);
  }
  return { measures, before, after, edited, leadChanges, filesChanged };
}

export interface DiffSizeResult {
  measures: number;
  files: number;
  runs: number;
  edited: number;
  samples: { taskmatrix: Sample[]; git: Sample[]; floor: Sample[] };
  agreement: string;
}

const DIFF_KEYS = ['taskmatrix', 'git', 'floor'] as const;

export const DIFF_LABELS = {
  taskmatrix: 'taskmatrix `diff A B --format json`',
  git: '`git diff --no-index --stat A B`',
  floor: 'floor: `js-yaml` load of A and B',
} as const;

const DIFF_REPORTS = {
  taskmatrix: 'measures matched by content; lead, co, division, deadline, text per measure; per agency',
  git: 'changed lines per file',
  // What any diff of the drafts' YAML pays before comparing anything: on a slow machine, the
  // absolute figures mean little and this ratio says how much the diff itself adds.
  floor: 'nothing: only reads both drafts into plain values (no positions)',
} as const;

/** Checks what each tool reported of the edits; returns the lines that differ, empty when both saw them all. */
export function compareDiffs(corpora: DiffCorpora, taskmatrixJson: string, gitStat: string, floorJson?: string): string[] {
  const problems: string[] = [];
  if (floorJson !== undefined) {
    const floor = parseJson<{ measures: number; errors: number }>(floorJson, 'js-yaml floor');
    if (floor.measures !== 2 * corpora.measures || floor.errors !== 0) problems.push(`js-yaml floor: read ${floor.measures} measures with ${floor.errors} error(s), the drafts hold ${2 * corpora.measures}`);
  }
  const { summary, measures } = parseJson<{ summary: Record<string, number>; measures: { lead: unknown }[] }>(taskmatrixJson, 'taskmatrix diff');
  const expected = { added: 0, removed: 0, moved: 0, changed: corpora.edited };
  if (JSON.stringify(summary) !== JSON.stringify(expected)) problems.push(`taskmatrix diff: ${JSON.stringify(summary)}, the corpora differ by ${JSON.stringify(expected)}`);
  const leads = measures.filter((measure) => measure.lead !== null).length;
  if (leads !== corpora.leadChanges) problems.push(`taskmatrix diff: ${leads} lead changes, ${corpora.leadChanges} leads were swapped`);
  const files = Number(/(\d+) files? changed/.exec(gitStat)?.[1] ?? 0);
  if (files !== corpora.filesChanged) problems.push(`git diff --stat: ${files} files changed, ${corpora.filesChanged} were edited`);
  return problems;
}

async function runDiffSize(corpora: DiffCorpora, runs: number, scratch: string, useTime: boolean): Promise<DiffSizeResult> {
  const commands = {
    taskmatrix: () => runProcess([join(ROOT, 'dist', 'cli.js'), 'diff', corpora.before, corpora.after, '--format', 'json'], scratch, useTime),
    // --no-index compares two folders outside any repository, as the bench's temporary ones are.
    git: () => runProcess(['diff', '--no-index', '--stat', corpora.before, corpora.after], scratch, useTime, 'git'),
    floor: () => runProcess([join(scratch, 'js-yaml-floor.js'), corpora.before, corpora.after], scratch, useTime),
  };
  const samples: DiffSizeResult['samples'] = { taskmatrix: [], git: [], floor: [] };
  let agreement = '';
  for (let run = 0; run < runs; run++) {
    const outputs: Record<string, string> = {};
    // Round-robin, starting with a different tool each run.
    for (const key of [...DIFF_KEYS.slice(run % DIFF_KEYS.length), ...DIFF_KEYS.slice(0, run % DIFF_KEYS.length)]) {
      const result = await commands[key]();
      // The diffs exit 1 when the folders differ, as `git diff --exit-code` does; the floor 0.
      if (result.code !== (key === 'floor' ? 0 : 1)) throw new BenchError(`${key} exited with ${result.code}:\n${result.stderr.slice(0, 2000)}`);
      samples[key].push({ seconds: result.seconds, maxRssKb: result.maxRssKb });
      outputs[key] = result.stdout;
      process.stderr.write(`  diff of ${fmtInt(corpora.measures)} measures, run ${run + 1}/${runs}: ${key} ${fmtSeconds(result.seconds)} s\n`);
    }
    const problems = compareDiffs(corpora, outputs.taskmatrix!, outputs.git!, outputs.floor!);
    if (problems.length) throw new BenchError(`The diffs disagree with the edits made (${corpora.before}, ${corpora.after}):\n  ${problems.join('\n  ')}`);
    agreement = `Both diffs see every edit — taskmatrix: ${fmtInt(corpora.edited)} changed measures, ${fmtInt(corpora.leadChanges)} lead changes; git: ${fmtInt(corpora.filesChanged)} files changed. The floor read all ${fmtInt(2 * corpora.measures)} measures.`;
  }
  return { measures: corpora.measures, files: Math.ceil(corpora.measures / 100) + 1, runs, edited: corpora.edited, samples, agreement };
}

export function formatDiffTables(results: DiffSizeResult[]): string {
  const lines: string[] = [];
  for (const size of results) {
    lines.push(`### diff: two ${fmtInt(size.measures)}-measure corpora, ${fmtInt(size.edited)} measures (1%) edited (${fmtInt(size.files)} files each, ${size.runs} run${size.runs === 1 ? '' : 's'} each)`, '');
    lines.push('| tool | reports | median wall (s) | min–max (s) | taskmatrix is | peak RSS (MB) |', '| --- | --- | ---: | ---: | --- | ---: |');
    const tm = median(size.samples.taskmatrix.map((s) => s.seconds));
    for (const key of DIFF_KEYS) {
      const seconds = size.samples[key].map((s) => s.seconds);
      const rss = size.samples[key].map((s) => s.maxRssKb).filter((kb): kb is number => kb !== undefined);
      const reports = DIFF_REPORTS[key];
      const ratio = key === 'taskmatrix' ? '—' : ratioText(tm, median(seconds));
      lines.push(`| ${DIFF_LABELS[key]} | ${reports} | ${fmtSeconds(median(seconds))} | ${fmtSeconds(seconds.reduce((a, b) => Math.min(a, b)))}–${fmtSeconds(seconds.reduce((a, b) => Math.max(a, b)))} | ${ratio} | ${rss.length ? (median(rss) / 1024).toFixed(0) : 'n/a'} |`);
    }
    lines.push('', size.agreement, '');
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The report

export function formatTables(results: SizeResult[], tools: Tool[]): string {
  const lines: string[] = [];
  for (const size of results) {
    lines.push(`### ${fmtInt(size.measures)} measures (${fmtInt(size.files)} files, ${size.runs} run${size.runs === 1 ? '' : 's'} each)`, '');
    lines.push('| tool | checks | median wall (s) | min–max (s) | taskmatrix is | peak RSS (MB) |', '| --- | --- | ---: | ---: | --- | ---: |');
    const tm = median(size.samples.taskmatrix!.map((s) => s.seconds));
    for (const tool of tools) {
      const samples = size.samples[tool.key]!;
      const seconds = samples.map((s) => s.seconds);
      const rss = samples.map((s) => s.maxRssKb).filter((kb): kb is number => kb !== undefined);
      const ratio = tool.key === 'taskmatrix' ? '—' : ratioText(tm, median(seconds));
      const mb = rss.length ? (median(rss) / 1024).toFixed(0) : 'n/a';
      lines.push(`| ${tool.label} | ${tool.checks} | ${fmtSeconds(median(seconds))} | ${fmtSeconds(seconds.reduce((a, b) => Math.min(a, b)))}–${fmtSeconds(seconds.reduce((a, b) => Math.max(a, b)))} | ${ratio} | ${mb} |`);
    }
    lines.push('', size.agreement, '');
  }
  return lines.join('\n');
}

function machineLine(useTime: boolean): string {
  const cpu = cpus();
  const load = loadavg().map((n) => n.toFixed(2)).join(' ');
  const memory = useTime ? 'peak RSS by GNU time (`/usr/bin/time -f %M`), median over runs, the larger process for ajv-cli' : 'peak RSS not measured (no GNU time at /usr/bin/time)';
  return `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, load average ${load} at start; ${new Date().toISOString().slice(0, 10)}. Wall time includes process start; ${memory}.`;
}

const RESULTS_START = '<!-- bench:results:start -->';
const RESULTS_END = '<!-- bench:results:end -->';

/** Replaces the generated part of docs/performance.md's "## Results" section. */
export function updateDocs(report: string, command: string): void {
  const path = join(ROOT, 'docs', 'performance.md');
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(RESULTS_START);
  const end = text.indexOf(RESULTS_END);
  if (start < 0 || end < start) throw new BenchError(`${path} has no ${RESULTS_START} … ${RESULTS_END} block`);
  const body = `${RESULTS_START}\n\nGenerated by \`${command}\`.\n\n${report.trim()}\n\n`;
  writeFileSync(path, text.slice(0, start) + body + text.slice(end));
}

// ---------------------------------------------------------------------------------------------
// Command line

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      'large-runs': { type: 'string' },
      quick: { type: 'boolean', default: false },
      tools: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      'diff-sizes': { type: 'string', default: '10000' },
      'update-docs': { type: 'boolean', default: false },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    const lines = readFileSync(__filename, 'utf8').split('\n');
    const header = lines.slice(0, lines.findIndex((line) => !line.startsWith('//')));
    process.stdout.write(`${header.map((line) => line.slice(3)).join('\n')}\n`);
    return 0;
  }
  const sizeList = values.sizes ?? (values.quick ? '1000,10000' : '1000,10000,100000');
  const sizes = sizeList === 'none' ? [] : sizeList.split(',').map((s) => Number(s.trim()));
  const runs = Number(values.runs ?? (values.quick ? '1' : '5'));
  const largeRuns = Number(values['large-runs'] ?? runs);
  const keys = (values.tools ?? TOOLS.map((tool) => tool.key).join(',')).split(',').map((s) => s.trim());
  const unknown = keys.filter((key) => !TOOLS.some((tool) => tool.key === key));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !(runs >= 1) || !(largeRuns >= 1) || unknown.length || !keys.includes('taskmatrix')) {
    process.stderr.write(`bench: bad options${unknown.length ? ` (unknown tools: ${unknown.join(', ')})` : ''}; sizes and runs are positive integers, tools include taskmatrix (see --help)\n`);
    return 2;
  }
  const tools = TOOLS.filter((tool) => keys.includes(tool.key));
  const diffSizes = values['diff-sizes'] === 'none' ? [] : values['diff-sizes']!.split(',').map((s) => Number(s.trim()));
  if (diffSizes.some((n) => !Number.isInteger(n) || n < 1)) {
    process.stderr.write('bench: bad --diff-sizes; positive integers, or none (see --help)\n');
    return 2;
  }

  if (!values['no-build']) {
    process.stderr.write('bench: npm run build\n');
    const build = spawnSync(process.execPath, [join(ROOT, 'esbuild.config.js')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new BenchError('the build failed');
  }
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new BenchError('dist/cli.js is missing: run npm run build first (or drop --no-build)');

  const root = values.dir ? resolve(values.dir) : mkdtempSync(join(tmpdir(), 'taskmatrix-bench-'));
  const scratch = join(root, '.bin');
  mkdirSync(scratch, { recursive: true });
  // The parse floors are bundled like dist/cli.js (esbuild, CommonJS, node20), so that no tool pays for tsx.
  buildSync({
    entryPoints: { 'yaml-floor': join(__dirname, 'floors', 'yaml-floor.ts'), 'js-yaml-floor': join(__dirname, 'floors', 'js-yaml-floor.ts') },
    outdir: scratch,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
  const useTime = timeWorks();
  if (!useTime) process.stderr.write('bench: no GNU time at /usr/bin/time (Debian package `time`): peak memory is not measured\n');
  const header = machineLine(useTime);

  const results: SizeResult[] = [];
  const diffResults: DiffSizeResult[] = [];
  try {
    for (const measures of sizes) {
      const corpus = writeCorpus(join(root, `m${measures}`), measures, Number(values.seed));
      const n = measures >= 100_000 ? largeRuns : runs;
      process.stderr.write(`bench: ${fmtInt(measures)} measures, ${corpus.files.length} files in ${corpus.dir}; ${n} run(s) of ${tools.map((t) => t.key).join(', ')}\n`);
      results.push(await runSize(tools, corpus, n, scratch, useTime));
    }
    for (const measures of diffSizes) {
      const corpora = writeDiffCorpora(root, measures, Number(values.seed));
      process.stderr.write(`bench: diff of two ${fmtInt(measures)}-measure corpora, ${fmtInt(corpora.edited)} measures edited; ${runs} run(s) of ${DIFF_KEYS.join(', ')}\n`);
      diffResults.push(await runDiffSize(corpora, runs, scratch, useTime));
    }
  } finally {
    if (!values.keep && !values.dir) rmSync(root, { recursive: true, force: true });
  }

  const report = `${header}\n\n${formatTables(results, tools)}${diffResults.length ? `\n${formatDiffTables(diffResults)}` : ''}`;
  process.stdout.write(`${report}\n`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ header, results, diffResults }, null, 2)}\n`);
  if (values['update-docs']) {
    // The command as others would rerun it: without this flag and without local output paths.
    const shown = argv.filter((arg, i) => arg !== '--update-docs' && arg !== '--json' && argv[i - 1] !== '--json' && !arg.startsWith('--json='));
    updateDocs(report, `npm run bench${shown.length ? ` -- ${shown.join(' ')}` : ''}`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`\nbench FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
