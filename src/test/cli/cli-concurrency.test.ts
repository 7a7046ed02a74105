// `lint --concurrency`: guidelines linted on worker threads give exactly the output of one
// thread — findings, order, exit code — including the cross-file unused-agency check.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '../../bench/generate-corpus';
import { requestedThreads } from '../../cli/parallel-lint';
import { ensureBuilt, ROOT, run, TempDirs } from './helpers';

describe('cli: lint --concurrency', function () {
  this.timeout(60000);
  const temp = new TempDirs();
  before(ensureBuilt);
  afterEach(() => temp.cleanup());

  function corpus(): string {
    const registryText = readFileSync(join(ROOT, 'tasks/agencies.yaml'), 'utf8');
    const { files } = generateCorpus({ measures: 2400, seed: 3, perFile: 100, registryText });
    // Added after generating, so that no measure names it: unused-agency must see every thread's names.
    const withUnused = files.map((file) => (file.name === 'agencies.yaml' ? { ...file, text: `${file.text}  - name: 省无人引用局\n    kind: government\n` } : file));
    return temp.withFiles(Object.fromEntries(withUnused.map((file) => [`tasks/${file.name}`, file.text])));
  }

  it('gives the same JSON, stylish output and exit code with 1, 2 and 3 threads', () => {
    const cwd = corpus();
    for (const format of ['json', 'stylish']) {
      const single = run(['lint', '--format', format, '--concurrency', 'off'], { cwd });
      assert.equal(single.status, 1, single.stderr);
      for (const threads of ['2', '3']) {
        const parallel = run(['lint', '--format', format, '--concurrency', threads], { cwd });
        assert.equal(parallel.status, single.status);
        assert.equal(parallel.stdout, single.stdout, `${format} with ${threads} threads`);
        assert.equal(parallel.stderr, single.stderr);
      }
    }
    const findings = (JSON.parse(run(['lint', '--format', 'json', '--concurrency', '2'], { cwd }).stdout) as { diagnostics: Array<{ rule: string; message: string }> }).diagnostics;
    assert.ok(findings.filter((d) => d.rule === 'no-lead').length > 50);
    assert.deepEqual(
      findings.filter((d) => d.rule === 'unused-agency').map((d) => d.message.match(/"(.+?)"/)?.[1]),
      ['省数字经济领导小组各成员单位', '省无人引用局'],
      'only the agencies no thread saw are unused',
    );
  });

  it('works with --cache: the second run reuses every file and prints the same', () => {
    const cwd = corpus();
    const single = run(['lint', '--format', 'json', '--concurrency', 'off'], { cwd });
    const first = run(['lint', '--format', 'json', '--concurrency', '2', '--cache'], { cwd });
    const second = run(['lint', '--format', 'json', '--concurrency', '2', '--cache'], { cwd });
    assert.equal(first.stdout, single.stdout);
    assert.equal(second.stdout, single.stdout);
  });

  it('never runs more threads than there are cores or files, whatever --concurrency says', () => {
    assert.equal(requestedThreads(256, 100, 4), 4);
    assert.equal(requestedThreads(256, 3, 8), 3);
    assert.equal(requestedThreads(2, 100, 8), 2);
    assert.equal(requestedThreads(8, 0, 8), 1);
    // End to end: 256 threads asked for on this machine give the output of one.
    const cwd = corpus();
    const single = run(['lint', '--format', 'json', '--concurrency', 'off'], { cwd });
    assert.equal(run(['lint', '--format', 'json', '--concurrency', '256'], { cwd }).stdout, single.stdout);
  });

  it('rejects a value that is not auto, off or a number (exit 2)', () => {
    const result = run(['lint', '--concurrency', 'many'], { cwd: ROOT });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--concurrency takes auto, off or a number of threads/);
  });
});
