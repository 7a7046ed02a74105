// What shapes a lint run besides its arguments: the project configuration, suppression comments,
// the locale, and where the agency registry is found.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN_MEASURES, ensureBuilt, GUIDELINE, guideline, NO_LEAD_MEASURES, ROOT, run, SMALL_REGISTRY, STACK_FRAME, TempDirs } from './helpers';

interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
interface JsonSuppressed extends JsonDiagnostic {
  suppression: { line: number; reason: string };
}
interface JsonReport {
  diagnostics: JsonDiagnostic[];
  suppressed?: JsonSuppressed[];
}

function lintJson(args: string[], cwd: string, env?: Record<string, string | undefined>) {
  const result = run(['lint', ...args, '--format', 'json'], { cwd, env });
  return { ...result, report: JSON.parse(result.stdout) as JsonReport };
}

const measureOf = (d: JsonDiagnostic) => /(\d+\.\d+)/.exec(d.message)?.[1];

describe('cli: configuration, suppressions, locale and registry discovery', function () {
  const temp = new TempDirs();
  before(ensureBuilt);
  afterEach(() => temp.cleanup());

  describe('.taskmatrix.yaml', function () {
    it('turns the four no-lead warnings into errors with "no-lead: error", and lint exits 1', function () {
      const dir = temp.withBundledTasks();
      writeFileSync(join(dir, '.taskmatrix.yaml'), 'rules:\n  no-lead: error\n');
      const { status, report } = lintJson([], dir);
      assert.equal(status, 1);
      assert.equal(report.diagnostics.length, 4);
      for (const d of report.diagnostics) {
        assert.equal(d.rule, 'no-lead');
        assert.equal(d.severity, 'error');
      }
      const stylish = run(['lint'], { cwd: dir });
      assert.equal(stylish.status, 1);
      assert.match(stylish.stdout, /4 error\(s\), 0 warning\(s\)/);
    });

    it('removes the no-lead findings with "no-lead: off"', function () {
      const dir = temp.withBundledTasks();
      writeFileSync(join(dir, '.taskmatrix.yaml'), 'rules:\n  no-lead: off\n');
      const { status, report } = lintJson([], dir);
      assert.equal(status, 0);
      assert.deepEqual(report.diagnostics, []);
    });

    it('is found in a parent of the working folder', function () {
      const dir = temp.withBundledTasks();
      writeFileSync(join(dir, '.taskmatrix.yaml'), 'rules:\n  no-lead: info\n');
      const { status, report } = lintJson(['.'], join(dir, 'tasks'));
      assert.equal(status, 0);
      assert.deepEqual(report.diagnostics.map((d) => d.severity), ['info', 'info', 'info', 'info']);
    });

    it('is taken from --config when given, instead of the nearest one', function () {
      const dir = temp.withBundledTasks();
      writeFileSync(join(dir, '.taskmatrix.yaml'), 'rules:\n  no-lead: off\n');
      const elsewhere = temp.withFiles({ 'settings/strict.yaml': 'rules:\n  no-lead: error\n' });
      const { status, report } = lintJson(['--config', join(elsewhere, 'settings/strict.yaml')], dir);
      assert.equal(status, 1);
      assert.deepEqual(report.diagnostics.map((d) => d.severity), ['error', 'error', 'error', 'error']);
    });

    it('with --config, lints the repository tasks/ with a configuration kept outside it', function () {
      const elsewhere = temp.withFiles({ 'ci.yaml': 'rules:\n  no-lead: error\n' });
      const { status, report } = lintJson(['tasks/', '--config', join(elsewhere, 'ci.yaml')], ROOT);
      assert.equal(status, 1);
      assert.equal(report.diagnostics.length, 4);
    });

    it('points every guideline at the registry named by "registry:", relative to the configuration file', function () {
      const dir = temp.withFiles({
        'shared/registry/agencies.yaml': SMALL_REGISTRY,
        'docs/doc.yaml': guideline(CLEAN_MEASURES),
        'config/taskmatrix.yaml': 'registry: ../shared/registry/agencies.yaml\n',
      });
      // Without the configuration the guideline has no registry at all.
      const without = lintJson(['docs'], dir);
      assert.ok(without.report.diagnostics.some((d) => d.rule === 'unknown-agency'), 'no registry without the configuration');
      // With it, every agency resolves.
      const withConfig = lintJson(['docs', '--config', 'config/taskmatrix.yaml'], dir);
      assert.equal(withConfig.status, 0, withConfig.stdout + withConfig.stderr);
      assert.deepEqual(withConfig.report.diagnostics, []);
      assert.doesNotMatch(withConfig.stderr, /no agency registry/);
    });

    it('uses the configured registry over one next to the guideline', function () {
      const dir = temp.withFiles({
        'registry/agencies.yaml': SMALL_REGISTRY,
        'docs/agencies.yaml': 'agencies:\n  - name: 别的单位\n    kind: government\n',
        'docs/doc.yaml': guideline(CLEAN_MEASURES),
        '.taskmatrix.yaml': 'registry: registry/agencies.yaml\n',
      });
      const { status, report } = lintJson(['docs/doc.yaml'], dir);
      assert.equal(status, 0, JSON.stringify(report));
      assert.deepEqual(report.diagnostics, []);
    });

    it('exits 2 when the configured registry does not exist, naming it', function () {
      const dir = temp.withFiles({ 'docs/doc.yaml': guideline(CLEAN_MEASURES), '.taskmatrix.yaml': 'registry: nowhere/agencies.yaml\n' });
      const result = run(['lint', 'docs'], { cwd: dir });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /nowhere\/agencies\.yaml/);
      assert.doesNotMatch(result.stderr, STACK_FRAME);
    });
  });

  describe('taskmatrix-disable-next-line comments', function () {
    /** A copy of tasks/ with a suppression comment above the line of the 4.2 finding. */
    function suppressedCopy(): { dir: string; targetLine: number } {
      const dir = temp.withBundledTasks();
      const file = join(dir, GUIDELINE);
      const original = lintJson([], dir).report.diagnostics.find((d) => measureOf(d) === '4.2');
      assert.ok(original, 'the bundled guideline reports 4.2');
      const text = readFileSync(file, 'utf8').split('\n');
      const indent = /^\s*/.exec(text[original.line - 1]!)![0];
      text.splice(original.line - 1, 0, `${indent}# taskmatrix-disable-next-line no-lead — intended`);
      writeFileSync(file, text.join('\n'));
      return { dir, targetLine: original.line + 1 };
    }

    it('removes the finding on the next line, and only that one', function () {
      const { dir } = suppressedCopy();
      const { status, report } = lintJson([], dir);
      assert.equal(status, 0);
      assert.deepEqual(report.diagnostics.map(measureOf), NO_LEAD_MEASURES.filter((m) => m !== '4.2'));
      assert.equal(report.suppressed, undefined, 'suppressed findings are listed only on request');
    });

    it('lists the acknowledged finding with its reason in json with --report-suppressed', function () {
      const { dir, targetLine } = suppressedCopy();
      const { report } = lintJson(['--report-suppressed'], dir);
      assert.equal(report.diagnostics.length, 3);
      assert.ok(Array.isArray(report.suppressed));
      assert.equal(report.suppressed.length, 1);
      const [s] = report.suppressed;
      assert.equal(s!.rule, 'no-lead');
      assert.equal(measureOf(s!), '4.2');
      assert.equal(s!.line, targetLine);
      assert.equal(s!.file, GUIDELINE);
      assert.equal(s!.suppression.reason, 'intended');
      assert.equal(s!.suppression.line, targetLine - 1);
    });

    it('marks the acknowledged finding as an in-source suppression in sarif with --report-suppressed', function () {
      const { dir } = suppressedCopy();
      const plain = JSON.parse(run(['lint', '--format', 'sarif'], { cwd: dir }).stdout) as SarifLog;
      assert.equal(plain.runs[0]!.results.length, 3);
      assert.ok(plain.runs[0]!.results.every((r) => r.suppressions === undefined));

      const log = JSON.parse(run(['lint', '--format', 'sarif', '--report-suppressed'], { cwd: dir }).stdout) as SarifLog;
      const results = log.runs[0]!.results;
      assert.equal(results.length, 4);
      const suppressed = results.filter((r) => r.suppressions?.length);
      assert.equal(suppressed.length, 1);
      assert.equal(suppressed[0]!.ruleId, 'no-lead');
      assert.equal(suppressed[0]!.suppressions![0]!.kind, 'inSource');
      assert.equal(suppressed[0]!.suppressions![0]!.justification, 'intended');
      assert.match(suppressed[0]!.message.text, /4\.2/);
    });

    it('lists the acknowledged finding and its reason in stylish with --report-suppressed', function () {
      const { dir, targetLine } = suppressedCopy();
      const { stdout } = run(['lint', '--report-suppressed'], { cwd: dir });
      assert.match(stdout, new RegExp(`${GUIDELINE.replace(/\./g, '\\.')}:${targetLine}:\\d+\\s+no-lead\\s+intended`));
    });
  });

  describe('locale', function () {
    it('speaks English by default (LANG=C)', function () {
      const { report } = lintJson(['tasks/'], ROOT);
      for (const d of report.diagnostics) {
        assert.match(d.message, /^Measure \d+\.\d+ has no/);
        assert.doesNotMatch(d.message, /没有|牵头单位/);
      }
    });

    it('speaks Chinese with --locale zh-cn', function () {
      const { report } = lintJson(['tasks/', '--locale', 'zh-cn'], ROOT);
      assert.equal(report.diagnostics.length, 4);
      for (const d of report.diagnostics) assert.match(d.message, /牵头单位/);
      const stylish = run(['lint', 'tasks/', '--locale', 'zh-cn']);
      assert.match(stylish.stdout, /共 4 个问题/);
    });

    it('speaks Chinese with LANG=zh_CN.UTF-8', function () {
      const { report } = lintJson(['tasks/'], ROOT, { LANG: 'zh_CN.UTF-8' });
      assert.equal(report.diagnostics.length, 4);
      for (const d of report.diagnostics) assert.match(d.message, /牵头单位/);
    });

    it('lets --locale en win over LANG=zh_CN.UTF-8, and LC_ALL win over LANG', function () {
      const explicit = lintJson(['tasks/', '--locale', 'en'], ROOT, { LANG: 'zh_CN.UTF-8' });
      assert.match(explicit.report.diagnostics[0]!.message, /^Measure/);
      const lcAll = lintJson(['tasks/'], ROOT, { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' });
      assert.match(lcAll.report.diagnostics[0]!.message, /牵头单位/);
    });

    it('words usage errors in Chinese too', function () {
      const result = run(['lint', 'tasks/', '--max-warnings', 'abc', '--locale', 'zh-cn']);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /需要一个整数/);
    });
  });

  describe('registry discovery', function () {
    it('resolves agencies of tasks/zj-ai-2027.yaml through tasks/agencies.yaml when only the guideline is linted', function () {
      const { status, report, stderr } = lintJson([GUIDELINE], ROOT);
      assert.equal(status, 0);
      assert.equal(stderr, '');
      assert.equal(report.diagnostics.filter((d) => d.rule === 'unknown-agency').length, 0);
      assert.deepEqual(report.diagnostics.map(measureOf), [...NO_LEAD_MEASURES]);
    });

    it('finds the registry in a parent folder of the guideline', function () {
      const dir = temp.withFiles({ 'agencies.yaml': SMALL_REGISTRY, 'tasks/2027/doc.yaml': guideline(CLEAN_MEASURES) });
      const { status, report, stderr } = lintJson(['tasks/2027/doc.yaml'], dir);
      assert.equal(status, 0, JSON.stringify(report));
      assert.equal(stderr, '');
      assert.deepEqual(report.diagnostics, []);
    });

    it('warns on standard error when no registry exists next to the guideline or above it', function () {
      const dir = temp.withFiles({ 'work/doc.yaml': guideline(CLEAN_MEASURES) });
      const result = run(['lint', 'work/doc.yaml'], { cwd: dir });
      assert.match(result.stderr, /warning/i);
      assert.match(result.stderr, /agencies\.yaml/);
      assert.match(result.stderr, /work\/doc\.yaml/);
      assert.doesNotMatch(result.stdout + result.stderr, STACK_FRAME);
      assert.notEqual(result.status, 2, 'a missing registry is not a usage error');
    });
  });
});

interface SarifLog {
  runs: { results: { ruleId: string; message: { text: string }; suppressions?: { kind: string; justification?: string }[] }[] }[];
}
