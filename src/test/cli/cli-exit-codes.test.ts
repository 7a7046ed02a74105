// Exit codes of `taskmatrix`: 0 clean or warnings only, 1 errors (or too many warnings),
// 2 usage or I/O failure with a short reason on standard error and never a stack trace.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN_MEASURES, ensureBuilt, guideline, lines, run, SMALL_REGISTRY, STACK_FRAME, TempDirs } from './helpers';
import type { RunResult } from './helpers';

/** A usage failure: exit 2, nothing on stdout, a short reason on stderr, no stack trace. */
function assertUsageFailure(result: RunResult, reason: RegExp): void {
  assert.equal(result.status, 2, `exit 2; stderr: ${result.stderr}`);
  assert.equal(result.stdout, '', 'nothing on standard output');
  const errorLines = lines(result.stderr);
  assert.ok(errorLines.length >= 1 && errorLines.length <= 2, `one reason line (and at most a usage hint), got:\n${result.stderr}`);
  assert.match(errorLines[0]!, /^taskmatrix: /);
  assert.match(errorLines[0]!, reason);
  assert.doesNotMatch(result.stdout + result.stderr, STACK_FRAME);
  assert.doesNotMatch(result.stderr, /internal error/i);
}

describe('cli: exit codes', function () {
  const temp = new TempDirs();
  before(ensureBuilt);
  afterEach(() => temp.cleanup());

  const cleanProject = () => temp.withFiles({ 'tasks/agencies.yaml': SMALL_REGISTRY, 'tasks/doc.yaml': guideline(CLEAN_MEASURES) });
  const erroneousProject = () =>
    temp.withFiles({
      'tasks/agencies.yaml': SMALL_REGISTRY,
      'tasks/doc.yaml': guideline(`${CLEAN_MEASURES}      - id: "2.3"
        title: 提升企业主体创新能力
        agencies: [省科技厅, 省科委]
`),
    });

  describe('lint results', function () {
    it('exits 0 on a clean folder', function () {
      const result = run(['lint'], { cwd: cleanProject() });
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /No problems/);
      assert.equal(result.stderr, '');
    });

    it('exits 0 when there are warnings only (the bundled tasks/)', function () {
      const result = run(['lint', 'tasks/']);
      assert.equal(result.status, 0);
      assert.equal(result.stderr, '');
    });

    it('exits 1 with --max-warnings 0 and says so on standard error', function () {
      const result = run(['lint', 'tasks/', '--max-warnings', '0']);
      assert.equal(result.status, 1);
      assert.match(result.stderr, /warning/i);
      assert.match(result.stderr, /\b4\b/, 'names the number of warnings');
      assert.match(result.stderr, /\b0\b/, 'names the limit');
      assert.match(result.stdout, /no-lead/, 'the report is still printed');
    });

    it('exits 0 with --max-warnings 10 and with exactly as many allowed as there are (4)', function () {
      for (const max of ['10', '4']) {
        const result = run(['lint', 'tasks/', '--max-warnings', max]);
        assert.equal(result.status, 0, `--max-warnings ${max}: ${result.stderr}`);
        assert.equal(result.stderr, '');
      }
    });

    it('exits 1 with --max-warnings 3, one fewer than the warnings', function () {
      assert.equal(run(['lint', 'tasks/', '--max-warnings=3']).status, 1);
    });

    it('exits 1 on an error (unknown agency), whatever --max-warnings allows', function () {
      const dir = erroneousProject();
      const plain = run(['lint'], { cwd: dir });
      assert.equal(plain.status, 1);
      assert.match(plain.stdout, /unknown-agency/);
      assert.match(plain.stdout, /省科委/);
      assert.equal(run(['lint', '--max-warnings', '10'], { cwd: dir }).status, 1);
    });

    it('exits 1 on errors in every output format', function () {
      const dir = erroneousProject();
      for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) {
        assert.equal(run(['lint', '--format', format], { cwd: dir }).status, 1, format);
      }
    });

    it('exits 1 for report when there are errors and 0 for the bundled tasks/', function () {
      assert.equal(run(['report'], { cwd: erroneousProject() }).status, 1);
      assert.equal(run(['report', 'tasks/']).status, 0);
    });
  });

  describe('usage and I/O failures exit 2 with a one-line reason and no stack trace', function () {
    it('an unknown option', function () {
      assertUsageFailure(run(['lint', 'tasks/', '--bogus']), /--bogus/);
    });

    it('an unknown option before any command', function () {
      assertUsageFailure(run(['--bogus']), /--bogus/);
    });

    it('options without a command: the reason goes to standard error, not only the usage to standard output', function () {
      const result = run(['--format', 'json']);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^taskmatrix: /, `a reason on standard error; stdout was:\n${result.stdout}`);
      assert.doesNotMatch(result.stdout + result.stderr, STACK_FRAME);
    });

    it('an option the command does not take, naming the commands that take it (never ignored: matrix --chapter 2 printed everything)', function () {
      assertUsageFailure(run(['matrix', '--chapter', '2']), /^taskmatrix: matrix does not take --chapter; it is an option of graph$/m);
      assertUsageFailure(run(['matrix', '--agency', '省科技厅', '-f', 'csv']), /matrix does not take --agency; it is an option of graph/);
      assertUsageFailure(run(['stats', '--grid']), /stats does not take --grid; it is an option of matrix/);
      assertUsageFailure(run(['graph', '--max-warnings', '0']), /graph does not take --max-warnings; it is an option of lint/);
      assertUsageFailure(run(['report', '-f', 'json']), /report does not take -f; it is an option of lint, graph, matrix, stats/);
      assertUsageFailure(run(['lint', '--out', 'x']), /lint does not take --out; it is an option of report/);
      assertUsageFailure(run(['import', 'doc.txt', '--config', 'x.yaml']), /import does not take --config/);
      assertUsageFailure(run(['lint', '--id=x']), /lint does not take --id; it is an option of import/);
      const chinese = run(['matrix', '--chapter', '2', '--locale', 'zh-cn']);
      assert.equal(chinese.status, 2);
      assert.match(chinese.stderr, /^taskmatrix：matrix 不支持 --chapter；该选项用于 graph$/m);
    });

    it('the options every command takes: --locale, --color, --no-color, --help', function () {
      for (const command of ['lint', 'graph', 'matrix', 'stats', 'report']) {
        const result = run([command, '--locale', 'en', '--no-color', '--color']);
        assert.ok(result.status === 0 || result.status === 1, `${command}: ${result.stderr}`);
      }
      assert.equal(run(['import', '--help', '--no-color']).status, 0);
    });

    it('an unknown command', function () {
      assertUsageFailure(run(['frobnicate', 'tasks/']), /frobnicate/);
    });

    it('an unknown lint format, naming the formats there are', function () {
      const result = run(['lint', 'tasks/', '--format', 'xml']);
      assertUsageFailure(result, /"?xml"?/);
      assert.match(result.stderr, /stylish.*json.*sarif.*github.*junit/);
    });

    it('an unknown matrix format', function () {
      assertUsageFailure(run(['matrix', 'tasks/', '--format', 'sarif']), /sarif/);
    });

    it('a path that does not exist', function () {
      assertUsageFailure(run(['lint', 'no/such/folder']), /no\/such\/folder/);
    });

    it('a folder without task files', function () {
      assertUsageFailure(run(['lint', temp.make()]), /no task files/i);
    });

    it('--max-warnings abc', function () {
      assertUsageFailure(run(['lint', 'tasks/', '--max-warnings', 'abc']), /--max-warnings.*abc/);
    });

    it('--max-warnings without a value', function () {
      assertUsageFailure(run(['lint', 'tasks/', '--max-warnings']), /--max-warnings/);
    });

    it('an unknown --locale', function () {
      assertUsageFailure(run(['lint', 'tasks/', '--locale', 'fr']), /fr/);
    });

    it('a --config file that does not exist', function () {
      assertUsageFailure(run(['lint', 'tasks/', '--config', 'no-such-config.yaml']), /no-such-config\.yaml/);
    });
  });

  describe('an invalid .taskmatrix.yaml', function () {
    it('exits 2 and gives the file, line and column of a bad severity', function () {
      const dir = cleanProject();
      writeFileSync(join(dir, '.taskmatrix.yaml'), 'rules:\n  no-lead: eror\n');
      const result = run(['lint'], { cwd: dir });
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /\.taskmatrix\.yaml/);
      // "eror" starts on line 2, column 12.
      assert.match(result.stderr, /\.taskmatrix\.yaml(?::|\s*\n\s*)2:12\b/);
      assert.match(result.stderr, /eror/);
      assert.doesNotMatch(result.stdout + result.stderr, STACK_FRAME);
      assert.equal(result.stdout, '', 'no lint report when the configuration cannot be used');
    });

    it('exits 2 and points at an unknown rule id, suggesting the right one', function () {
      const dir = temp.withFiles({ 'tasks/agencies.yaml': SMALL_REGISTRY, 'tasks/doc.yaml': guideline(CLEAN_MEASURES), '.taskmatrix.yaml': 'rules:\n  no-led: error\n' });
      const result = run(['lint'], { cwd: dir });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /\.taskmatrix\.yaml(?::|\s*\n\s*)2:3\b/);
      assert.match(result.stderr, /no-lead/);
      assert.doesNotMatch(result.stderr, STACK_FRAME);
    });

    it('exits 2 on a configuration that is not well-formed YAML', function () {
      const dir = temp.withFiles({ 'tasks/agencies.yaml': SMALL_REGISTRY, 'tasks/doc.yaml': guideline(CLEAN_MEASURES), '.taskmatrix.yaml': 'rules: [\n' });
      const result = run(['lint'], { cwd: dir });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /\.taskmatrix\.yaml/);
      assert.match(result.stderr, /\d+:\d+/);
      assert.doesNotMatch(result.stderr, STACK_FRAME);
    });

    it('exits 2 for matrix too: a broken configuration is never silently ignored', function () {
      const dir = temp.withFiles({ 'tasks/agencies.yaml': SMALL_REGISTRY, 'tasks/doc.yaml': guideline(CLEAN_MEASURES), '.taskmatrix.yaml': 'rulez: {}\n' });
      const result = run(['matrix'], { cwd: dir });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /rulez/);
    });
  });
});
