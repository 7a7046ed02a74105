// Scaling: every command and every editor request grows at most as n log n with its input. Each
// dimension (aliases, unknown keys, findings, measures, files) is grown ×10 and the time may
// grow less than 20× (linear is 10×; n² would be 100×). Inputs are generated before the clock
// starts, and each size is timed in-process, best of a few runs, so that noise cannot fail a
// linear step and cannot pass a quadratic one.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LINT_FORMATS } from '../../cli/formatters/index';
import { graphCommand } from '../../cli/commands/graph';
import { lintCommand } from '../../cli/commands/lint';
import { matrixCommand } from '../../cli/commands/matrix';
import { reportCommand } from '../../cli/commands/report';
import { statsCommand, statsTable } from '../../cli/commands/stats';
import type { CommandContext } from '../../cli/commands/command';
import { agencyAt, agencyLoads, buildMatrix, buildOwnershipGraph, completionContextAt, fixAllEdits, fixesFor, graphToMarkdown, outlineOf, Project, referencesTo } from '../../core/index';
import type { AgencyLoad, Diagnostic } from '../../core/index';
import { guidelineWith, REGISTRY } from '../support/project';

const GROWTH = 10;
const LIMIT = 20;
const GUIDELINE = 'tasks/doc.yaml';
const REGISTRY_PATH = 'tasks/agencies.yaml';

/** Collects garbage before each attempt, so that it does not pay for the garbage of the one before. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

async function timed(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/**
 * How much longer `run` takes on the input ten times larger. Small and large runs alternate, so
 * that both meet the same load on the machine; each size counts its fastest run, and the best of
 * up to three attempts is taken (a busy moment can slow a linear step; it cannot make n² linear).
 */
async function growth<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, pairs: number): Promise<{ ratio: number; small: number; large: number }> {
  const small = make(n);
  const large = make(n * GROWTH);
  await run(small); // warm-up: the first calls compile and load what later calls reuse
  await run(large);
  let best = { ratio: Infinity, small: 0, large: 0 };
  for (let attempt = 0; attempt < 3 && best.ratio >= LIMIT; attempt++) {
    let smallMs = Infinity;
    let largeMs = Infinity;
    collectGarbage();
    for (let i = 0; i < pairs; i++) {
      smallMs = Math.min(smallMs, await timed(() => run(small)));
      largeMs = Math.min(largeMs, await timed(() => run(large)));
    }
    const ratio = largeMs / Math.max(smallMs, 0.01);
    if (ratio < best.ratio) best = { ratio, small: smallMs, large: largeMs };
  }
  return best;
}

async function assertScales<T>(what: string, make: (n: number) => T, run: (input: T) => unknown, n: number, pairs = 3): Promise<void> {
  const { ratio, small, large } = await growth(make, run, n, pairs);
  console.log(`      ${what}: ${small.toFixed(1)} ms → ${large.toFixed(1)} ms at ×${GROWTH} (×${ratio.toFixed(1)})`);
  assert.ok(ratio < LIMIT, `${what}: ×${GROWTH} input took ×${ratio.toFixed(1)} the time (${small.toFixed(1)} ms → ${large.toFixed(1)} ms)`);
}

// ---- Inputs, one generator per dimension ----

const measure = (i: number, agencies: string) => `      - id: "2.${i}"\n        title: 措施${i}\n        agencies: ${agencies}\n`;
const repeat = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i + 1)).join('');

/** n measures, each with a title anchored and repeated through an alias. */
const withAliases = (n: number) => guidelineWith(repeat(n, (i) => `      - id: "2.${i}"\n        title: &t${i} 措施${i}\n        text: *t${i}\n        agencies: [省科技厅]\n`));
/** n unknown top-level keys (one schema error each, up to the listing limit). */
const withUnknownKeys = (n: number) => guidelineWith(measure(1, '[省科技厅]'), repeat(n, (i) => `unknown_key_${i}: value\n`));
/** n measures that each name an unknown agency: n unknown-agency findings. */
const withFindings = (n: number) => guidelineWith(repeat(n, (i) => measure(i, `[未知单位${i}]`)));
/** n measures with a lead and co-responsible agencies (every third one by an alias). */
const withMeasures = (n: number) => guidelineWith(repeat(n, (i) => measure(i, i % 3 ? '[省科技厅, 省经信厅, 之江实验室]' : '[省发改委, 省经信厅]')));
/** n guideline files of five measures each. */
const withFiles = (n: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: n }, (_, f) => [`tasks/doc-${f}.yaml`, guidelineWith(repeat(5, (i) => measure(i, '[省科技厅, 省经信厅]'))).replace('id: test-doc', `id: doc-${f}`)]));

function project(files: Record<string, string>): Project {
  const built = new Project();
  built.setFile(REGISTRY_PATH, REGISTRY);
  for (const [path, text] of Object.entries(files)) built.setFile(path, text);
  return built;
}

/** Parses and lints from the text, as a keystroke in the editor does. */
const lintText = (files: Record<string, string>) => project(files).lint();

// ---- Commands run in-process on folders written once per size ----

const folders: string[] = [];

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'taskmatrix-scaling-'));
  folders.push(root);
  mkdirSync(join(root, 'tasks'));
  writeFileSync(join(root, REGISTRY_PATH), REGISTRY);
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  return root;
}

type Command = (context: CommandContext) => number | Promise<number>;
type CommandCall = [Command, CommandContext['options']?];

/** Runs a command on a folder's tasks/ with these options; its output goes nowhere. */
const command = (handler: Command, options: CommandContext['options'] = {}) => (cwd: string) =>
  handler({ paths: ['tasks'], options: { concurrency: 'off', ...options }, locale: 'en', cwd, color: false, version: '0.0.0', write: () => undefined, stderr: () => undefined });

/** Runs the commands one after the other on a folder (one of them growing as n² would show in the sum). */
const commands = (...calls: CommandCall[]) => async (cwd: string) => {
  for (const [handler, options] of calls) await command(handler, options)(cwd);
};

describe('robustness: time grows at most as n log n in every dimension', function () {
  this.timeout(180000);
  after(() => folders.forEach((root) => rmSync(root, { recursive: true, force: true })));

  describe('aliases', () => {
    it('lint from the text (the alias-bomb pre-check resolves each alias once)', () => assertScales('lint, aliases', (n) => ({ [GUIDELINE]: withAliases(n) }), lintText, 300));
    it('the lint command', () => assertScales('lint command, aliases', (n) => folder({ [GUIDELINE]: withAliases(n) }), command(lintCommand), 300, 2));
  });

  describe('unknown keys', () => {
    it('lint from the text (keys are looked up through an index)', () => assertScales('lint, unknown keys', (n) => ({ [GUIDELINE]: withUnknownKeys(n) }), lintText, 2000));
    it('the lint command', () => assertScales('lint command, unknown keys', (n) => folder({ [GUIDELINE]: withUnknownKeys(n) }), command(lintCommand), 2000));
    it('lists the first 1,000 schema problems of a file and says the rest are left out', () => {
      const result = lintText({ [GUIDELINE]: withUnknownKeys(100_000) });
      const schema = result.diagnostics.filter((d) => d.rule === 'schema');
      assert.equal(schema.length, 1001);
      assert.match(schema[0]!.message, /^Unknown key "unknown_key_1"/);
      assert.match(schema[1000]!.message, /^Only the first 1000 schema problems of this file are listed/);
      assert.equal(schema[1000]!.line, schema[999]!.line + 1, 'at the first problem left out');
    });
  });

  describe('findings', () => {
    it('lint from the text', () => assertScales('lint, findings', (n) => ({ [GUIDELINE]: withFindings(n) }), lintText, 1000));
    it('every lint format', async () => {
      const diagnosticsOf = (n: number) => project({ [GUIDELINE]: withFindings(n) }).lint().diagnostics;
      for (const format of Object.keys(LINT_FORMATS)) {
        const formatter = LINT_FORMATS[format]!;
        await assertScales(`${format} format, findings`, diagnosticsOf, (diagnostics: Diagnostic[]) => formatter({ diagnostics, suppressed: [], files: [GUIDELINE], reportSuppressed: false, locale: 'en', cwd: '/', color: false, version: '0.0.0' }), 3000);
      }
    });
    it('the commands: lint, graph, stats, report (each unknown agency is a node and a row)', () =>
      assertScales('lint, graph, stats, report commands, findings', (n) => folder({ [GUIDELINE]: withFindings(n) }), commands([lintCommand], [graphCommand, { format: 'markdown' }], [statsCommand], [reportCommand]), 500, 2));
    it('the ownership graph and the agency loads (each unknown agency is a node and a row)', () => {
      const linted = (n: number) => {
        const built = project({ [GUIDELINE]: withFindings(n) });
        built.lint();
        return built;
      };
      return assertScales(
        'graph and loads, findings',
        linted,
        (built) => {
          graphToMarkdown(buildOwnershipGraph(built), 'en', 'title');
          statsTable(agencyLoads(buildMatrix(built)), { locale: 'en' });
        },
        3000,
      );
    });
    it('fix all (the editor)', () => {
      const linted = (n: number) => {
        const built = project({ [GUIDELINE]: withFindings(n) });
        return { built, diagnostics: built.lint().diagnostics.filter((d) => d.file === GUIDELINE) };
      };
      return assertScales('fix all, findings', linted, ({ built, diagnostics }) => fixAllEdits(built, GUIDELINE, diagnostics, 'en'), 1000);
    });
  });

  describe('measures', () => {
    it('lint from the text', () => assertScales('lint, measures', (n) => ({ [GUIDELINE]: withMeasures(n) }), lintText, 2000));
    it('the commands: matrix in every format and shape, graph, stats, report', () =>
      assertScales(
        'matrix, graph, stats, report commands, measures',
        (n) => folder({ [GUIDELINE]: withMeasures(n) }),
        commands(...['json', 'csv', 'markdown', 'html'].map((format): CommandCall => [matrixCommand, { format }]), [matrixCommand, { format: 'csv', grid: true }], [graphCommand, { format: 'mermaid' }], [statsCommand], [reportCommand]),
        300,
        2,
      ));
    it('editor requests at the end of the file: outline, hover, references, completion, fixes', () => {
      const opened = (n: number) => {
        const built = project({ [GUIDELINE]: withMeasures(n) });
        const text = built.file(GUIDELINE)!.text;
        const diagnostics = built.lint().diagnostics.filter((d) => d.file === GUIDELINE);
        return { built, text, last: text.lastIndexOf('省经信厅') + 1, diagnostic: diagnostics[diagnostics.length - 1]! };
      };
      // Some requests take well under a millisecond: each run makes three of each.
      return assertScales(
        'outline, hover, references, completion, fixes ×3, measures',
        opened,
        ({ built, text, last, diagnostic }) => {
          for (let i = 0; i < 3; i++) {
            outlineOf(built, GUIDELINE);
            agencyAt(built, GUIDELINE, last);
            referencesTo(built, '省科技厅', REGISTRY_PATH);
            completionContextAt(text, last);
            fixesFor(built, diagnostic, 'en');
          }
        },
        3000,
      );
    });
  });

  describe('files', () => {
    it('lint from the texts', () => assertScales('lint, files', withFiles, lintText, 100));
    it('lint again after the registry changes (each file finds its registry among the registries, not among all files)', () => {
      const linted = (n: number) => {
        const built = project(withFiles(n));
        built.lint();
        return built;
      };
      return assertScales('registry changed, lint again, files', linted, (built) => {
        built.setFile(REGISTRY_PATH, REGISTRY);
        built.lint();
      }, 1000);
    });
    it('the commands: lint, matrix, graph, report', () =>
      assertScales('lint, matrix, graph, report commands, files', (n) => folder(withFiles(n)), commands([lintCommand], [matrixCommand], [graphCommand, { format: 'markdown' }], [reportCommand]), 50, 2));
  });
});

describe('robustness: no array is spread into call arguments', () => {
  // A call takes some hundred thousand arguments at most: Math.max(...widths) ended report on
  // 200,000 measures and stylish lint with 130,000 findings in "Maximum call stack size exceeded".
  it('the stylish format of 200,000 findings in one file, and a stats table of 200,000 agencies', () => {
    const diagnostics: Diagnostic[] = Array.from({ length: 200_000 }, (_, i) => ({ rule: 'unknown-agency', severity: 'error', message: 'm', file: GUIDELINE, line: i + 1, column: 1, endLine: i + 1, endColumn: 2, offset: [0, 1] }));
    const text = LINT_FORMATS.stylish!({ diagnostics, suppressed: [], files: [GUIDELINE], reportSuppressed: false, locale: 'en', cwd: '/', color: false, version: '0.0.0' });
    assert.match(text, /200000:1 {2}error/);
    const loads: AgencyLoad[] = Array.from({ length: 200_000 }, (_, i) => ({ name: `单位${i}`, led: 1, coOwned: 0, noLead: 0, total: 1, measures: { led: [], coOwned: [], noLead: [] } }));
    assert.match(statsTable(loads, { locale: 'en' }), /单位199999/);
  });

  it('nowhere in src/: Math.max/min(...x), push(...x), unshift(...x), String.fromCharCode(...x), f.apply(…)', () => {
    const spread = /Math\.(?:max|min)\([^)]*\.\.\.|\.(?:push|unshift)\(\s*\.\.\.|String\.fromCharCode\(\s*\.\.\.|String\.fromCodePoint\(\s*\.\.\.|\.apply\(/;
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !path.includes(`${join('src', 'test')}`)) {
          readFileSync(path, 'utf8')
            .split('\n')
            .forEach((line, index) => {
              if (spread.test(line.replace(/\/\/.*$/, ''))) found.push(`${path}:${index + 1}: ${line.trim()}`);
            });
        }
      }
    };
    walk(resolve(__dirname, '../..'));
    assert.deepEqual(found, []);
  });
});
