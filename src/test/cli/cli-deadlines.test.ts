// Deadlines end to end: `lint --today` (and `report --today`), the deadline rules in every lint
// format, and the deadline, due and status of each measure in the matrix JSON, CSV, Markdown
// and HTML. The fixture is the seed guideline with deadlines added
// (src/test/fixtures/deadlines/zj-ai-2027.yaml) beside a copy of the bundled registry.
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, lines, ROOT, run, runBytes, STACK_FRAME, TempDirs } from './helpers';


interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
}

interface JsonMeasure {
  id: string;
  deadline: string | null;
  due: string | null;
  status: string | null;
}

describe('cli: deadlines', function () {
  const temp = new TempDirs();
  let dir: string;
  before(ensureBuilt);
  beforeEach(() => {
    dir = temp.withDatedTasks();
  });
  afterEach(() => temp.cleanup());

  const lintJson = (...args: string[]) => {
    const result = run(['lint', 'tasks/', '--format', 'json', ...args], { cwd: dir });
    return { ...result, diagnostics: (JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics };
  };
  const ofRule = (diagnostics: JsonDiagnostic[], rule: string) => diagnostics.filter((d) => d.rule === rule);
  const measureOf = (d: JsonDiagnostic) => /[Mm]easure "?(\d+\.\d+)/.exec(d.message)?.[1];

  describe('lint --today', function () {
    it('judges overdue deadlines against the given date', function () {
      const march = lintJson('--today', '2026-03-01');
      assert.equal(march.status, 0, march.stderr);
      assert.deepEqual(ofRule(march.diagnostics, 'overdue').map(measureOf), ['3.1']);
      const [finding] = ofRule(march.diagnostics, 'overdue');
      assert.deepEqual([finding!.file, finding!.line, finding!.column, finding!.severity], ['tasks/zj-ai-2027.yaml', 115, 19, 'warning']);
      assert.match(finding!.message, /due on 2025-12-31 \("2025年底前"\), before 2026-03-01/);

      const july = lintJson('--today', '2026-07-01');
      assert.deepEqual(ofRule(july.diagnostics, 'overdue').map(measureOf), ['2.2', '3.1', '3.2', '4.1', '6.1', '7.2']);
      // Done measures past their date (2.1, 4.4) are never overdue.
      const early = lintJson('--today', '2025-01-01');
      assert.deepEqual(ofRule(early.diagnostics, 'overdue'), []);
    });

    it('gives the same output every run for the same date (also with --cache)', function () {
      const first = run(['lint', 'tasks/', '--today', '2026-07-01'], { cwd: dir });
      const second = run(['lint', 'tasks/', '--today=2026-07-01'], { cwd: dir });
      assert.equal(first.stdout, second.stdout);
      const cached = run(['lint', 'tasks/', '--today', '2026-07-01', '--cache'], { cwd: dir });
      const reused = run(['lint', 'tasks/', '--today', '2026-07-01', '--cache'], { cwd: dir });
      assert.equal(cached.stdout, first.stdout);
      assert.equal(reused.stdout, first.stdout);
      // A cached result is never reused for another date.
      const other = run(['lint', 'tasks/', '--today', '2026-03-01', '--cache'], { cwd: dir });
      assert.equal(other.stdout, run(['lint', 'tasks/', '--today', '2026-03-01'], { cwd: dir }).stdout);
      assert.notEqual(other.stdout, first.stdout);
    });

    it('reports the unreadable deadline with its suggestion, and no deadline is missing by default', function () {
      const { diagnostics } = lintJson('--today', '2026-03-01');
      const [format, ...rest] = ofRule(diagnostics, 'deadline-format');
      assert.equal(rest.length, 0);
      assert.deepEqual([format!.line, format!.column], [209, 19]);
      assert.equal(format!.message, 'The deadline "2025年低前" of measure "6.2" cannot be read; did you mean "2025年底前" (due 2025-12-31)?');
      assert.deepEqual(ofRule(diagnostics, 'missing-deadline'), []);
    });

    it('speaks Chinese with --locale zh-cn', function () {
      const { diagnostics } = lintJson('--today', '2026-03-01', '--locale', 'zh-cn');
      assert.match(ofRule(diagnostics, 'overdue')[0]!.message, /^措施 3\.1 的完成时限为 2025-12-31（“2025年底前”），早于 2026-03-01，但尚未完成（状态：推进中）/);
    });

    it('switches missing-deadline on from .taskmatrix.yaml', function () {
      copyFileSync(join(ROOT, 'tasks/zj-ai-2027.yaml'), join(dir, 'tasks/zj-ai-2027.yaml'));
      const config = join(dir, '.taskmatrix.yaml');
      writeFileSync(config, 'rules:\n  missing-deadline: error\n');
      const result = lintJson('--today', '2026-03-01');
      assert.equal(result.status, 1, 'errors exit 1');
      assert.equal(ofRule(result.diagnostics, 'missing-deadline').length, 23);
      assert.ok(ofRule(result.diagnostics, 'missing-deadline').every((d) => d.severity === 'error'));
    });

    for (const bad of ['2026-13-01', '2026-02-30', '2026/03/01', 'tomorrow', '', '20260301']) {
      it(`refuses --today ${JSON.stringify(bad)} as a usage error (exit 2)`, function () {
        const result = run(['lint', 'tasks/', '--today', bad], { cwd: dir });
        assert.equal(result.status, 2);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, /--today needs a date written YYYY-MM-DD/);
        assert.doesNotMatch(result.stderr, STACK_FRAME);
      });
    }

    it('refuses a bad --today in Chinese too', function () {
      const result = run(['lint', 'tasks/', '--today', '明天', '--locale', 'zh-cn'], { cwd: dir });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /--today 需要 YYYY-MM-DD 格式的日期/);
    });

    it('is an option of lint and report only', function () {
      const result = run(['matrix', 'tasks/', '--today', '2026-03-01'], { cwd: dir });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /matrix does not take --today; it is an option of lint, report/);
    });

    it('is in the help of lint and report', function () {
      assert.match(run(['lint', '--help']).stdout, /--today YYYY-MM-DD/);
      assert.match(run(['report', '--help']).stdout, /--today YYYY-MM-DD/);
    });

    it('names the rules in SARIF, missing-deadline disabled by default', function () {
      const sarif = JSON.parse(run(['lint', 'tasks/', '--format', 'sarif', '--today', '2026-03-01'], { cwd: dir }).stdout) as {
        runs: { tool: { driver: { rules: { id: string; defaultConfiguration: Record<string, unknown> }[] } }; results: { ruleId: string }[] }[];
      };
      const rules = sarif.runs[0]!.tool.driver.rules;
      assert.deepEqual(rules.find((r) => r.id === 'missing-deadline')!.defaultConfiguration, { enabled: false });
      assert.deepEqual(rules.find((r) => r.id === 'overdue')!.defaultConfiguration, { level: 'warning' });
      assert.ok(sarif.runs[0]!.results.some((r) => r.ruleId === 'overdue'));
    });
  });

  describe('report --today', function () {
    it('lists the overdue findings of that date among its diagnostics', function () {
      const march = run(['report', 'tasks/', '--today', '2026-03-01'], { cwd: dir });
      assert.equal(march.status, 0, march.stderr);
      assert.equal(lines(march.stdout).filter((line) => /overdue/.test(line)).length, 1);
      const july = run(['report', 'tasks/', '--today', '2026-07-01'], { cwd: dir });
      assert.equal(lines(july.stdout).filter((line) => /overdue/.test(line)).length, 6);
      assert.equal(run(['report', 'tasks/', '--today', '7/1'], { cwd: dir }).status, 2);
    });
  });

  describe('matrix', function () {
    it('carries deadline, due and status of every measure in the JSON', function () {
      const result = run(['matrix', 'tasks/'], { cwd: dir });
      assert.equal(result.status, 0, result.stderr);
      const measures = (JSON.parse(result.stdout) as { measures: JsonMeasure[] }).measures;
      const row = (id: string) => {
        const m = measures.find((candidate) => candidate.id === id)!;
        return [m.deadline, m.due, m.status];
      };
      assert.deepEqual(row('2.1'), ['2025年底前', '2025-12-31', 'done']);
      assert.deepEqual(row('2.2'), ['2026年6月', '2026-06-30', 'in-progress']);
      assert.deepEqual(row('2.3'), ['长期坚持', 'ongoing', null]);
      assert.deepEqual(row('3.4'), ['2027-12-31', '2027-12-31', null]);
      assert.deepEqual(row('3.5'), ['2027年底前', '2027-12-31', null], 'the document-wide deadline');
      assert.deepEqual(row('4.4'), ['2025年7月至2025年12月', '2025-12-31', 'done']);
      assert.deepEqual(row('6.2'), ['2025年低前', null, null], 'unreadable: no due date');
      assert.deepEqual(row('6.3'), ['一季度', null, null], 'no year: no due date');
      for (const m of measures) for (const key of ['deadline', 'due', 'status']) assert.ok(key in m, `${m.id} has ${key}`);
    });

    it('carries null deadlines for a guideline without any', function () {
      const measures = (JSON.parse(run(['matrix', 'tasks/zj-ai-2027.yaml'], { cwd: ROOT }).stdout) as { measures: JsonMeasure[] }).measures;
      assert.ok(measures.every((m) => m.deadline === null && m.due === null && m.status === null));
    });

    it('adds 完成时限, 到期日 and 进展 columns to the CSV', function () {
      const csv = runBytes(['matrix', 'tasks/', '--format', 'csv', '--locale', 'zh-cn'], { cwd: dir }).stdout.toString('utf8');
      const [header, ...rows] = lines(csv.replace(/^\uFEFF/, ''));
      assert.equal(header, '编号,措施,牵头单位,配合单位,完成时限,到期日,进展,说明');
      assert.equal(rows[0], '2.1,强化前沿基础研究,省科技厅,省发展改革委、省经信厅、省教育厅、之江实验室,2025年底前,2025-12-31,已完成,');
      assert.ok(rows.includes('2.3,提升企业主体创新能力,省科技厅,省发展改革委、省经信厅,长期坚持,长期,,'), rows.join('\n'));
      const en = lines(run(['matrix', 'tasks/', '--format', 'csv'], { cwd: dir }).stdout.replace(/^\uFEFF/, ''));
      assert.equal(en[0], 'No. (编号),Measure (措施),Lead (牵头单位),Co-responsible (配合单位),Deadline (完成时限),Due (到期日),Status (进展),Note (说明)');
      assert.ok(en.some((row) => row.startsWith('3.2,') && row.endsWith(',2026年一季度,2026-03-31,delayed,')), en.join('\n'));
    });

    it('adds the same columns to the Markdown and HTML', function () {
      const markdown = lines(run(['matrix', 'tasks/', '--format', 'markdown', '--locale', 'zh-cn'], { cwd: dir }).stdout);
      assert.equal(markdown[0], '| 编号 | 措施 | 牵头单位 | 配合单位 | 完成时限 | 到期日 | 进展 | 说明 |');
      assert.ok(markdown.some((row) => row.startsWith('| 2.2 |') && row.includes('| 2026年6月 | 2026-06-30 | 推进中 |')), markdown.join('\n'));
      const html = run(['matrix', 'tasks/', '--format', 'html', '--locale', 'zh-cn'], { cwd: dir }).stdout;
      assert.match(html, /<th scope="col">完成时限<\/th><th scope="col">到期日<\/th><th scope="col">进展<\/th><th scope="col">说明<\/th>/);
      assert.match(html, /<td><bdi>2026年一季度<\/bdi><\/td><td><bdi>2026-03-31<\/bdi><\/td><td><bdi>滞后<\/bdi><\/td>/);
    });

    it('keeps the columns it always had for a guideline without deadlines', function () {
      const csv = lines(run(['matrix', 'tasks/zj-ai-2027.yaml', '--format', 'csv', '--locale', 'zh-cn'], { cwd: ROOT }).stdout.replace(/^\uFEFF/, ''));
      assert.equal(csv[0], '编号,措施,牵头单位,配合单位,说明');
    });
  });
});
