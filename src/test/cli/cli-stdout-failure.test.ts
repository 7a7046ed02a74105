// Standard output that cannot be written (a full disk: `lint > /dev/full`) is one line on
// standard error and exit 2, never a stack trace and exit 1, which CI would read as "lint
// errors"; a reader that goes away (`lint | head`) is no error at all.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { BIN, ensureBuilt, lines, ROOT, STACK_FRAME } from './helpers';

describe('cli: standard output that fails', function () {
  before(ensureBuilt);

  for (const args of [['lint', 'tasks/'], ['matrix', 'tasks/'], ['report', 'tasks/']]) {
    it(`${args[0]} > /dev/full: one line, exit 2`, function () {
      if (!existsSync('/dev/full')) this.skip();
      const full = openSync('/dev/full', 'w');
      try {
        const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { ...process.env, LANG: 'C', NO_COLOR: '1', LC_ALL: undefined, LC_MESSAGES: undefined, TASKMATRIX_LOCALE: undefined }, timeout: 15000 });
        assert.equal(result.status, 2, result.stderr);
        assert.deepEqual(lines(result.stderr), ['taskmatrix: cannot write standard output: no space left on the device']);
        assert.doesNotMatch(result.stderr, STACK_FRAME);
      } finally {
        closeSync(full);
      }
    });
  }

  it('says nothing when the reader closes the pipe early (report | head -c 1)', function () {
    if (process.platform === 'win32') this.skip();
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" report tasks/ | head -c 1 >/dev/null`], { cwd: ROOT, encoding: 'utf8', timeout: 15000 });
    assert.equal(result.status, 0);
    assert.equal(result.stderr, '');
  });
});
