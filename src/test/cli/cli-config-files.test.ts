// The files a configuration names are files like any other: a registry that is a FIFO or a
// device is refused at once (never waited on), the configuration itself has the size cap of task
// files, and a registry kept outside the linted folder is linted with it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN_MEASURES, ensureBuilt, guideline, lines, run, SMALL_REGISTRY, STACK_FRAME, TempDirs } from './helpers';

const POSIX = process.platform !== 'win32';

describe('cli: files named by the configuration', function () {
  const temp = new TempDirs();
  before(ensureBuilt);
  afterEach(() => temp.cleanup());

  it('refuses a configured registry that is a FIFO at once, naming it', function () {
    if (!POSIX) this.skip();
    const cwd = temp.withFiles({ 'docs/doc.yaml': guideline(CLEAN_MEASURES), '.taskmatrix.yaml': 'registry: shared/registry.yaml\n' });
    mkdirSync(join(cwd, 'shared'));
    assert.equal(spawnSync('mkfifo', [join(cwd, 'shared/registry.yaml')]).status, 0);
    const started = Date.now();
    const result = run(['lint', 'docs'], { cwd });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^taskmatrix: cannot read shared\/registry\.yaml: not a regular file \(a folder, device or pipe\)\n/);
    assert.doesNotMatch(result.stderr, STACK_FRAME);
    assert.ok(Date.now() - started < 10000);
  });

  it('refuses --config naming a FIFO or a device without waiting on it', function () {
    if (!POSIX) this.skip();
    const cwd = temp.withFiles({ 'docs/doc.yaml': guideline(CLEAN_MEASURES) });
    assert.equal(spawnSync('mkfifo', [join(cwd, 'fifo.yaml')]).status, 0);
    for (const config of ['fifo.yaml', '/dev/zero']) {
      const result = run(['lint', 'docs', '--config', config], { cwd });
      assert.equal(result.status, 2, config);
      assert.match(result.stderr, /not a regular file/, config);
    }
  });

  it('refuses a configuration over 32 MB with a clear message, without reading it whole', function () {
    const cwd = temp.withFiles({ 'docs/doc.yaml': guideline(CLEAN_MEASURES), '.taskmatrix.yaml': '' });
    // A sparse 1 GB file: reading it whole would take a gigabyte of memory.
    const fd = openSync(join(cwd, '.taskmatrix.yaml'), 'r+');
    ftruncateSync(fd, 1024 * 1024 * 1024);
    closeSync(fd);
    const result = run(['lint', 'docs'], { cwd });
    assert.equal(result.status, 2);
    assert.deepEqual(lines(result.stderr), ['taskmatrix: the configuration .taskmatrix.yaml is larger than 32 MB; a configuration is a few lines of YAML']);
  });

  it('lints the registry the configuration names when it lints a folder, whatever the registry file is called', function () {
    const broken = SMALL_REGISTRY.replace('kind: collective', 'kind: committee');
    const cwd = temp.withFiles({ 'docs/doc.yaml': guideline(CLEAN_MEASURES), 'shared/names.yaml': broken, '.taskmatrix.yaml': 'registry: shared/names.yaml\n' });
    const result = run(['lint', 'docs', '--format', 'json'], { cwd });
    assert.equal(result.status, 1, result.stderr);
    const findings = (JSON.parse(result.stdout) as { diagnostics: Array<{ file: string; rule: string }> }).diagnostics;
    assert.deepEqual(
      findings.map((d) => `${d.file} ${d.rule}`),
      ['shared/names.yaml schema'],
    );
    // Naming only the guideline lints only the guideline.
    assert.equal(run(['lint', 'docs/doc.yaml'], { cwd }).status, 0);
  });
});
