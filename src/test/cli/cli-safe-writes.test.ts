// Every file the command writes (report --out, -o, the lint cache) is written whole or not at
// all: a temporary file beside it, flushed and renamed into place; never through a symbolic link
// or into a device; a folder that cannot be made (/proc) fails at once. A file-size limit
// (ulimit -f) stands in for a full disk.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, CLEAN_MEASURES, ensureBuilt, guideline, lines, run, SMALL_REGISTRY, STACK_FRAME, TempDirs } from './helpers';
import type { RunResult } from './helpers';

const POSIX = process.platform !== 'win32';

/** Runs the command under a file-size limit (ulimit -f, in 512-byte blocks), as a full disk would stop it. */
function runLimited(limitBytes: number, args: string[], cwd: string): RunResult {
  const script = `ulimit -f ${Math.floor(limitBytes / 512)} && exec "$0" "$@"`;
  const result = spawnSync('sh', ['-c', script, process.execPath, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', NO_COLOR: '1', LC_ALL: undefined, TASKMATRIX_LOCALE: undefined }, timeout: 30000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file of a folder and its bytes (hidden temporary files included). */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'latin1')]));
}

describe('cli: writes that lose nothing', function () {
  this.timeout(60000);
  const temp = new TempDirs();
  before(ensureBuilt);
  afterEach(() => temp.cleanup());

  /** The bundled tasks with out/report holding the report of an older version of them. */
  function withOldReport(): string {
    const cwd = temp.withBundledTasks();
    const text = readFileSync(join(cwd, 'tasks/zj-ai-2027.yaml'), 'utf8');
    writeFileSync(join(cwd, 'tasks/zj-ai-2027.yaml'), text.replace(/^title: .*$/m, 'title: 上一版'));
    assert.equal(run(['report', 'tasks/', '--out', 'out/report'], { cwd }).status, 0);
    writeFileSync(join(cwd, 'tasks/zj-ai-2027.yaml'), text);
    return cwd;
  }

  describe('report --out', function () {
    it('leaves every file of the folder as it was when one cannot be written (a full disk)', function () {
      if (!POSIX) this.skip();
      const cwd = withOldReport();
      const before = snapshot(join(cwd, 'out/report'));
      // ownership.html (3.5 MB) cannot be written under a 1 MB limit; OWNERSHIP.md and ownership.mmd could.
      const result = runLimited(1024 * 1024, ['report', 'tasks/', '--out', 'out/report'], cwd);
      assert.deepEqual(snapshot(join(cwd, 'out/report')), before, 'no file changed, no temporary file left');
      assert.equal(result.status, 2, result.stderr);
      assert.deepEqual(lines(result.stderr), ['taskmatrix: cannot write out/report/ownership.html: file too large; nothing was written']);
      assert.equal(run(['report', 'tasks/', '--out', 'out/report'], { cwd }).status, 0, 'without the limit it writes');
      assert.notDeepEqual(snapshot(join(cwd, 'out/report')), before);
    });

    it('never writes through a symbolic link committed as one of its files, and writes none of the others', function () {
      if (!POSIX) this.skip();
      const cwd = withOldReport();
      writeFileSync(join(cwd, 'victim.txt'), 'mine\n');
      const stats = join(cwd, 'out/report/stats.json');
      rmSync(stats);
      symlinkSync(join(cwd, 'victim.txt'), stats);
      const before = snapshot(join(cwd, 'out/report'));
      const result = run(['report', 'tasks/', '--out', 'out/report'], { cwd });
      assert.equal(result.status, 2);
      assert.deepEqual(lines(result.stderr), ['taskmatrix: out/report/stats.json is a symbolic link; taskmatrix never writes through a link: give the path of the file itself (nothing was written)']);
      assert.equal(readFileSync(join(cwd, 'victim.txt'), 'utf8'), 'mine\n');
      assert.deepEqual(snapshot(join(cwd, 'out/report')), before);
    });

    it('refuses a device as one of its files (a link to /dev/zero) without reading or writing it', function () {
      if (!existsSync('/dev/zero')) this.skip();
      const cwd = temp.withBundledTasks();
      mkdirSync(join(cwd, 'out/report'), { recursive: true });
      symlinkSync('/dev/zero', join(cwd, 'out/report/matrix.json'));
      const result = run(['report', 'tasks/', '--out', 'out/report'], { cwd });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^taskmatrix: out\/report\/matrix\.json is a symbolic link/);
      assert.deepEqual(readdirSync(join(cwd, 'out/report')), ['matrix.json']);
    });

    it('fails at once with one line when the folder cannot be made (/proc/x), instead of spinning', function () {
      if (!existsSync('/proc/self')) this.skip();
      const started = Date.now();
      const result = run(['report', 'tasks/', '--out', '/proc/taskmatrix-x']);
      assert.equal(result.status, 2);
      assert.equal(lines(result.stderr).length, 1, result.stderr);
      assert.match(result.stderr, /^taskmatrix: cannot write \/proc\/taskmatrix-x\/OWNERSHIP\.md: /);
      assert.ok(Date.now() - started < 10000);
    });
  });

  describe('-o FILE', function () {
    it('keeps the file it would replace whole when the new one cannot be written', function () {
      if (!POSIX) this.skip();
      const cwd = temp.withBundledTasks();
      writeFileSync(join(cwd, 'matrix.json'), '{"old": true}\n');
      const result = runLimited(8 * 1024, ['matrix', 'tasks/', '-o', 'matrix.json'], cwd);
      assert.equal(readFileSync(join(cwd, 'matrix.json'), 'utf8'), '{"old": true}\n');
      assert.equal(result.status, 2);
      assert.deepEqual(lines(result.stderr), ['taskmatrix: cannot write matrix.json: file too large; nothing was written']);
      assert.deepEqual(readdirSync(cwd).sort(), ['matrix.json', 'tasks']);
    });

    it('refuses a symbolic link before doing the work, and leaves its target alone', function () {
      if (!POSIX) this.skip();
      const cwd = temp.withBundledTasks();
      writeFileSync(join(cwd, 'victim.txt'), 'mine\n');
      symlinkSync(join(cwd, 'victim.txt'), join(cwd, 'lint.json'));
      for (const command of ['lint', 'graph', 'matrix', 'stats']) {
        const result = run([command, 'tasks/', '-o', 'lint.json'], { cwd });
        assert.equal(result.status, 2, command);
        assert.deepEqual(lines(result.stderr), ['taskmatrix: lint.json is a symbolic link; taskmatrix never writes through a link: give the path of the file itself (nothing was written)'], command);
        assert.equal(readFileSync(join(cwd, 'victim.txt'), 'utf8'), 'mine\n');
      }
    });
  });

  describe('the lint cache', function () {
    const project = () => temp.withFiles({ 'tasks/agencies.yaml': SMALL_REGISTRY, 'tasks/a.yaml': guideline(CLEAN_MEASURES, 'doc-a') });

    it('never writes through a symbolic link at .taskmatrixcache: one line, exit 2, the target untouched', function () {
      if (!POSIX) this.skip();
      const cwd = project();
      writeFileSync(join(cwd, 'victim.txt'), 'mine\n');
      symlinkSync(join(cwd, 'victim.txt'), join(cwd, '.taskmatrixcache'));
      const result = run(['lint', '--cache'], { cwd });
      assert.equal(result.status, 2);
      assert.deepEqual(lines(result.stderr), ['taskmatrix: .taskmatrixcache is a symbolic link; taskmatrix never writes through a link: give the path of the file itself (nothing was written)']);
      assert.equal(readFileSync(join(cwd, 'victim.txt'), 'utf8'), 'mine\n');
    });

    it('neither reads nor writes a device (a link to /dev/zero, a FIFO): one line, exit 2, no abort', function () {
      if (!existsSync('/dev/zero')) this.skip();
      const cwd = project();
      symlinkSync('/dev/zero', join(cwd, '.taskmatrixcache'));
      const linked = run(['lint', '--cache'], { cwd });
      assert.equal(linked.status, 2);
      assert.match(linked.stderr, /^taskmatrix: \.taskmatrixcache is a symbolic link/);
      assert.equal(spawnSync('mkfifo', [join(cwd, 'fifo-cache')]).status, 0);
      const fifo = run(['lint', '--cache', '--cache-location', 'fifo-cache'], { cwd });
      assert.equal(fifo.status, 2);
      assert.deepEqual(lines(fifo.stderr), ['taskmatrix: fifo-cache is not a regular file (a folder, device or pipe); give the path of a file (nothing was written)']);
      assert.doesNotMatch(fifo.stderr, STACK_FRAME);
    });

    it('keeps the previous cache whole when the new one cannot be written', function () {
      if (!POSIX) this.skip();
      const cwd = project();
      assert.equal(run(['lint', '--cache'], { cwd }).status, 0);
      const before = readFileSync(join(cwd, '.taskmatrixcache'), 'utf8');
      const unknown = `      - id: "2.3"\n        title: 新增\n        agencies: [省科技厅, 省未登记局]\n`;
      for (let i = 0; i < 40; i++) writeFileSync(join(cwd, `tasks/g${i}.yaml`), guideline(`${CLEAN_MEASURES}${unknown}`, `doc-g${i}`));
      const limited = runLimited(8 * 1024, ['lint', '--cache'], cwd);
      assert.equal(readFileSync(join(cwd, '.taskmatrixcache'), 'utf8'), before);
      assert.equal(limited.status, 1, 'the findings decide the exit code; the cache only costs time');
      assert.deepEqual(lines(limited.stderr), ['taskmatrix: warning: the lint cache .taskmatrixcache could not be written: file too large']);
      assert.ok(!readdirSync(cwd).some((name) => name.endsWith('.tmp')), 'no temporary file left');
      run(['lint', '--cache'], { cwd });
      assert.ok(readFileSync(join(cwd, '.taskmatrixcache'), 'utf8').length > 8 * 1024, 'the new cache is larger than the limit');
    });

    it('fails at once with one line when --cache-location cannot be made (/proc/x/), instead of spinning', function () {
      if (!existsSync('/proc/self')) this.skip();
      const cwd = project();
      const result = run(['lint', '--cache', '--cache-location', '/proc/taskmatrix-x/'], { cwd });
      assert.equal(result.status, 2);
      assert.deepEqual(lines(result.stderr), ['taskmatrix: cannot write /proc/taskmatrix-x/lint-cache.json: no such file or folder; nothing was written']);
    });
  });
});
