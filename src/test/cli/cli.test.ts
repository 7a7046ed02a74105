// The `taskmatrix` command as a user meets it: help, version, the default path, -o and report.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ensureBuilt, NO_LEAD_MEASURES, ROOT, run, STACK_FRAME, TempDirs } from './helpers';

const { version, bin } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };

describe('cli: the taskmatrix command', function () {
  const temp = new TempDirs();
  before(ensureBuilt);
  afterEach(() => temp.cleanup());

  it('is the package bin entry "taskmatrix" → bin/taskmatrix.js', function () {
    assert.equal(join(ROOT, bin.taskmatrix!), BIN);
    assert.match(readFileSync(BIN, 'utf8'), /^#!\/usr\/bin\/env node/);
  });

  describe('--help', function () {
    it('prints the main usage with every command and exits 0', function () {
      for (const args of [['--help'], ['-h'], []]) {
        const { status, stdout, stderr } = run(args);
        assert.equal(status, 0, args.join(' '));
        assert.equal(stderr, '');
        assert.match(stdout, /^Usage: taskmatrix <command>/);
        for (const command of ['lint', 'matrix', 'report']) assert.match(stdout, new RegExp(`^\\s+${command}\\s`, 'm'), `${args.join(' ')} lists ${command}`);
      }
    });

    it('prints the usage of lint with its formats and options, and exits 0', function () {
      const { status, stdout } = run(['lint', '--help']);
      assert.equal(status, 0);
      assert.match(stdout, /^Usage: taskmatrix lint/);
      for (const word of ['stylish', 'json', 'sarif', 'github', 'junit', '--max-warnings', '--report-suppressed', '--output', '--locale', '--config']) assert.ok(stdout.includes(word), word);
    });

    it('prints the usage of matrix with its formats, and exits 0', function () {
      const { status, stdout } = run(['matrix', '--help']);
      assert.equal(status, 0);
      assert.match(stdout, /^Usage: taskmatrix matrix/);
      for (const word of ['json', 'csv', 'markdown']) assert.ok(stdout.includes(word), word);
    });

    it('prints the usage of report and exits 0', function () {
      const { status, stdout } = run(['report', '-h']);
      assert.equal(status, 0);
      assert.match(stdout, /^Usage: taskmatrix report/);
    });

    it('prints help instead of linting when --help follows paths and options', function () {
      const { status, stdout } = run(['lint', 'tasks/', '--format', 'json', '--help']);
      assert.equal(status, 0);
      assert.match(stdout, /^Usage: taskmatrix lint/);
    });

    it('prints the help in Chinese under LANG=zh_CN.UTF-8', function () {
      const { status, stdout } = run(['lint', '--help'], { env: { LANG: 'zh_CN.UTF-8' } });
      assert.equal(status, 0);
      assert.match(stdout, /^用法：taskmatrix lint/);
    });
  });

  describe('--version', function () {
    it('prints the version of package.json and exits 0', function () {
      for (const args of [['--version'], ['-v']]) {
        const { status, stdout, stderr } = run(args);
        assert.equal(status, 0);
        assert.equal(stdout, `${version}\n`);
        assert.equal(stderr, '');
      }
    });
  });

  describe('default path', function () {
    it('lints tasks/ when run with no path from the project folder (npx taskmatrix lint)', function () {
      const implicit = run(['lint', '--format', 'json']);
      assert.equal(implicit.status, 0);
      assert.deepEqual(JSON.parse(implicit.stdout), JSON.parse(run(['lint', 'tasks/', '--format', 'json']).stdout));
      const stylish = run(['lint']);
      assert.equal(stylish.status, 0);
      assert.match(stylish.stdout, /tasks\/zj-ai-2027\.yaml/);
      assert.match(stylish.stdout, /4 warning/);
    });

    it('builds the matrix of tasks/ when run with no path', function () {
      const { status, stdout } = run(['matrix']);
      assert.equal(status, 0);
      assert.equal((JSON.parse(stdout) as { measures: unknown[] }).measures.length, 23);
    });

    it('exits 2 with a reason when there is no tasks/ folder to default to', function () {
      const { status, stdout, stderr } = run(['lint'], { cwd: temp.make() });
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /tasks/);
      assert.doesNotMatch(stderr, STACK_FRAME);
    });
  });

  describe('-o FILE', function () {
    it('writes the lint report to the file and nothing to standard output', function () {
      const out = join(temp.make(), 'lint.json');
      const { status, stdout } = run(['lint', 'tasks/', '--format', 'json', '-o', out]);
      assert.equal(status, 0);
      assert.equal(stdout, '');
      assert.ok(existsSync(out));
      const written = readFileSync(out, 'utf8');
      assert.equal(written, run(['lint', 'tasks/', '--format', 'json']).stdout);
      assert.equal((JSON.parse(written) as { diagnostics: unknown[] }).diagnostics.length, 4);
    });

    it('still exits 1 with --max-warnings 0 when writing the report to a file', function () {
      const out = join(temp.make(), 'lint.txt');
      const { status, stdout, stderr } = run(['lint', 'tasks/', '--max-warnings', '0', '--output', out]);
      assert.equal(status, 1);
      assert.equal(stdout, '');
      assert.match(stderr, /warning/i);
      assert.match(readFileSync(out, 'utf8'), /no-lead/);
    });

    it('writes the matrix CSV with its BOM to the file', function () {
      const out = join(temp.make(), 'matrix.csv');
      const { status, stdout } = run(['matrix', 'tasks/', '--format', 'csv', '-o', out]);
      assert.equal(status, 0);
      assert.equal(stdout, '');
      const bytes = readFileSync(out);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.equal(bytes.toString('utf8').split('\r\n').filter(Boolean).length, 24);
    });

    it('exits 2 saying the file cannot be written when its folder does not exist', function () {
      const out = join(temp.make(), 'missing-folder', 'lint.json');
      const { status, stdout, stderr } = run(['lint', 'tasks/', '-o', out]);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.ok(stderr.includes(out), stderr);
      assert.match(stderr, /write/i, 'a failure to write is not reported as a failure to read');
      assert.doesNotMatch(stderr, /cannot read/i);
      assert.doesNotMatch(stderr, STACK_FRAME);
    });
  });

  describe('report', function () {
    it('summarises the lead of every measure and lists the four measures without a lead', function () {
      const { status, stdout } = run(['report', 'tasks/']);
      assert.equal(status, 0);
      assert.match(stdout, /23 measures/);
      assert.match(stdout, /Measures without a lead \(4\)/);
      const section = stdout.slice(stdout.indexOf('Measures without a lead'));
      for (const measure of NO_LEAD_MEASURES) assert.match(section, new RegExp(`^\\s+${measure.replace('.', '\\.')}\\s`, 'm'), measure);
      assert.match(stdout, /^\s+2\.1\s+省科技厅\s/m);
    });
  });
});
