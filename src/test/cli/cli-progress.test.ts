// The progress line of lint, report, import and export: on a terminal's standard error after about
// a second of work, wiped at the end; never in a pipe or file, and never with --quiet. The terminal
// is a real pseudo-terminal (util-linux's `script`); TASKMATRIX_PROGRESS_DELAY_MS=0 stands in for
// a second of work so that the tests need not be slow.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { terminalProgress } from '../../cli/progress';
import { BIN, ensureBuilt, TempDirs } from './helpers';

const SCRIPT = existsSync('/usr/bin/script') ? '/usr/bin/script' : undefined;
const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/** Runs the command on a pseudo-terminal: what the terminal received (standard output and error together). */
function onTerminal(args: string[], cwd: string, env: Record<string, string> = {}): { status: number | null; screen: string } {
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const result = spawnSync(SCRIPT!, ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', NO_COLOR: '1', TASKMATRIX_PROGRESS_DELAY_MS: '0', ...env }, timeout: 120_000 });
  if (result.error) throw result.error;
  return { status: result.status, screen: result.stdout };
}

/** Runs the command with pipes, as CI and redirections do. */
function piped(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, LANG: 'C', NO_COLOR: '1', ...env }, timeout: 120_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the progress line', function () {
  this.timeout(180_000);

  describe('drawing (a fake terminal and clock)', () => {
    function fake(columns?: number) {
      let time = 0;
      const written: string[] = [];
      const progress = terminalProgress({ write: (text: string) => written.push(text), ...(columns === undefined ? {} : { columns }) }, { locale: 'en', now: () => time, timer: false });
      return { progress, written, at: (ms: number) => void (time = ms) };
    }

    it('says nothing while the work has taken less than a second', () => {
      const { progress, written, at } = fake();
      progress.start('progressLint', 3);
      at(400);
      progress.advance();
      at(999);
      progress.advance();
      progress.advance();
      progress.stop();
      assert.deepEqual(written, []);
    });

    it('then shows files done of total and the time taken, redrawn in place at most every 100 ms, and wipes it at the end', () => {
      const { progress, written, at } = fake();
      progress.start('progressLint', 3);
      at(1000);
      progress.advance();
      at(1050);
      progress.advance();
      at(1200);
      progress.advance();
      progress.stop();
      assert.deepEqual(written, ['\r\u001b[Ktaskmatrix: linting 1/3 files, 1.0 s', '\r\u001b[Ktaskmatrix: linting 3/3 files, 1.2 s', '\r\u001b[K']);
    });

    it('gives way to other output and fits the terminal\'s width, in Chinese as well', () => {
      let time = 0;
      const written: string[] = [];
      const progress = terminalProgress({ write: (text: string) => written.push(text), columns: 24 }, { locale: 'zh-cn', now: () => time, timer: false });
      time = 5000;
      progress.start('progressRead', 10);
      progress.clear();
      progress.clear();
      time += 10;
      progress.advance();
      assert.equal(written.length, 3);
      assert.equal(written[1], '\r\u001b[K');
      assert.match(written[0]!, /^\r\u001b\[Ktaskmatrix：正在读取/);
      assert.match(written[2]!, /…$/);
    });
  });

  describe('on a terminal and off it', function () {
    const temp = new TempDirs();
    let dir: string;

    before(function () {
      if (!SCRIPT) {
        console.log('    (util-linux script is not installed: apt-get install -y bsdutils)');
        this.skip();
      }
      ensureBuilt();
      dir = temp.withBundledTasks();
      writeFileSync(join(dir, 'policy.txt'), '关于加快发展的意见\n\n一、总体要求\n\n（一）强化基础研究。加快实验室建设。（省科技厅、省发展改革委，排名第一的为牵头单位，下同）\n');
    });
    after(() => temp.cleanup());

    const cases: Array<{ command: string; args: string[]; line: RegExp }> = [
      { command: 'lint', args: ['lint'], line: /taskmatrix: linting [0-2]\/2 files, \d+\.\d s/ },
      { command: 'report', args: ['report', '--out', 'out'], line: /taskmatrix: (reading [0-2]\/2|writing \d+\/13) files, \d+\.\d s/ },
      { command: 'import', args: ['import', 'policy.txt', '-o', 'imported.yaml', '--force'], line: /taskmatrix: importing [01]\/1 files, \d+\.\d s/ },
      { command: 'export', args: ['export', '-o', 'plan.docx'], line: /taskmatrix: (reading [0-2]\/2|writing [01]\/1) files, \d+\.\d s/ },
    ];

    for (const { command, args, line } of cases) {
      it(`${command} shows the line on a terminal and wipes it before its output`, () => {
        const { status, screen } = onTerminal(args, dir);
        assert.equal(status, 0, screen);
        assert.match(screen, line);
        assert.match(screen, /\r\u001b\[K/);
        // Whatever the command prints starts on a clean line, never after the progress text.
        for (const text of screen.split('\r\u001b[K').slice(1)) assert.doesNotMatch(text, /^taskmatrix: \w+ing \d+\/\d+ files, [\d.]+ s\S/);
      });

      it(`${command} --quiet shows none on a terminal`, () => {
        const { status, screen } = onTerminal([...args, '--quiet'], dir);
        assert.equal(status, 0, screen);
        assert.doesNotMatch(screen, /\u001b\[K|files, \d+\.\d s/);
      });

      it(`${command} writes the same bytes as with --quiet when standard error is not a terminal`, () => {
        const shown = piped(args, dir, { TASKMATRIX_PROGRESS_DELAY_MS: '0' });
        const quiet = piped([...args, '--quiet'], dir);
        assert.equal(shown.status, quiet.status);
        assert.ok(shown.stdout.equals(quiet.stdout), 'standard output differs');
        assert.ok(shown.stderr.equals(quiet.stderr), `standard error differs:\n${shown.stderr}`);
        assert.ok(!shown.stderr.includes('\r') && !shown.stderr.includes('\u001b'));
      });
    }

    it('lint with the registry\'s file and a guideline keeps its report unchanged on a terminal', () => {
      const plain = piped(['lint'], dir).stdout.toString('utf8');
      const { screen } = onTerminal(['lint'], dir);
      // The terminal turns \n into \r\n; the report follows the wiped line.
      const report = screen.split('\r\u001b[K').at(-1)!.replace(/\r\n/g, '\n');
      assert.equal(report, plain);
      assert.ok(readFileSync(join(dir, 'tasks', 'agencies.yaml'), 'utf8').length > 0);
    });
  });
});
