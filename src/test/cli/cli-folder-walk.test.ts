// Folder walks: symbolic links to task files and folders inside the project are linted (each
// file once, a link back up walked once); links that point outside are skipped with one line
// each; a file whose name is not UTF-8 is reported and the rest still linted.
import assert from 'node:assert/strict';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN_MEASURES, ensureBuilt, guideline, lines, run, SMALL_REGISTRY, STACK_FRAME, TempDirs } from './helpers';

const POSIX = process.platform !== 'win32';
const UNKNOWN = `      - id: "2.3"\n        title: 提升企业主体创新能力\n        agencies: [省科技厅, 省科委]\n`;

interface Findings {
  diagnostics: Array<{ file: string; rule: string }>;
}

describe('cli: folder walks, links and odd file names', function () {
  const temp = new TempDirs();
  before(ensureBuilt);
  afterEach(() => temp.cleanup());

  const lintJson = (cwd: string) => {
    const result = run(['lint', '--format', 'json'], { cwd });
    return { ...result, files: [...new Set((JSON.parse(result.stdout) as Findings).diagnostics.map((d) => d.file))] };
  };

  it('lints a linked task file whose target is inside the project, as `lint <link>` would', function () {
    if (!POSIX) this.skip();
    const cwd = temp.withFiles({ 'tasks/agencies.yaml': SMALL_REGISTRY, 'tasks/a.yaml': guideline(CLEAN_MEASURES, 'doc-a'), 'shared/bad.yaml': guideline(`${CLEAN_MEASURES}${UNKNOWN}`, 'doc-bad') });
    symlinkSync('../shared/bad.yaml', join(cwd, 'tasks/bad.yaml'));
    const result = lintJson(cwd);
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(result.files, ['tasks/bad.yaml']);
    assert.equal(result.stderr, '');
    assert.equal(run(['lint', 'tasks/bad.yaml'], { cwd }).status, 1);
  });

  it('skips a link that points outside the project, saying so in one line, and lints the rest', function () {
    if (!POSIX) this.skip();
    const outside = realpathSync(temp.withFiles({ 'secret.yaml': guideline(`${CLEAN_MEASURES}${UNKNOWN}`, 'doc-secret') }));
    const cwd = temp.withFiles({ 'tasks/agencies.yaml': SMALL_REGISTRY, 'tasks/a.yaml': guideline(`${CLEAN_MEASURES}${UNKNOWN}`, 'doc-a') });
    symlinkSync(join(outside, 'secret.yaml'), join(cwd, 'tasks/secret.yaml'));
    symlinkSync(outside, join(cwd, 'tasks/elsewhere'));
    const result = lintJson(cwd);
    assert.equal(result.status, 1);
    assert.deepEqual(result.files, ['tasks/a.yaml']);
    assert.deepEqual(lines(result.stderr).sort(), [
      `taskmatrix: warning: skipped tasks/elsewhere: a symbolic link to ${outside}, outside the project`,
      `taskmatrix: warning: skipped tasks/secret.yaml: a symbolic link to ${join(outside, 'secret.yaml')}, outside the project`,
    ]);
  });

  it('walks a link back up the tree once and lints each file once, under its own path', function () {
    if (!POSIX) this.skip();
    const cwd = temp.withFiles({ 'tasks/agencies.yaml': SMALL_REGISTRY, 'tasks/a.yaml': guideline(`${CLEAN_MEASURES}${UNKNOWN}`, 'doc-a'), 'tasks/sub/b.yaml': guideline(`${CLEAN_MEASURES}${UNKNOWN}`, 'doc-b') });
    symlinkSync('..', join(cwd, 'tasks/sub/up'));
    symlinkSync('.', join(cwd, 'tasks/self'));
    symlinkSync('a.yaml', join(cwd, 'tasks/again.yaml'));
    const result = lintJson(cwd);
    assert.equal(result.status, 1);
    assert.deepEqual(result.files, ['tasks/a.yaml', 'tasks/sub/b.yaml']);
    assert.doesNotMatch(result.stderr, /duplicate|skipped/);
  });

  it('says which link points nowhere, and lints the rest', function () {
    if (!POSIX) this.skip();
    const cwd = temp.withFiles({ 'tasks/agencies.yaml': SMALL_REGISTRY, 'tasks/a.yaml': guideline(CLEAN_MEASURES, 'doc-a') });
    symlinkSync('gone.yaml', join(cwd, 'tasks/dangling.yaml'));
    const result = run(['lint'], { cwd });
    assert.equal(result.status, 0);
    assert.deepEqual(lines(result.stderr), ['taskmatrix: warning: skipped tasks/dangling.yaml: a symbolic link to nothing']);
  });

  it('reports a file whose name is not UTF-8 and lints the others', function () {
    if (process.platform !== 'linux') this.skip();
    const cwd = temp.withFiles({ 'tasks/agencies.yaml': SMALL_REGISTRY, 'tasks/a.yaml': guideline(`${CLEAN_MEASURES}${UNKNOWN}`, 'doc-a') });
    const name = Buffer.concat([Buffer.from(join(cwd, 'tasks/'), 'utf8'), Buffer.from([0xe6, 0x96, 0x87, 0xff, 0xfe]), Buffer.from('.yaml')]);
    writeFileSync(name, guideline(CLEAN_MEASURES, 'doc-odd'));
    mkdirSync(Buffer.concat([Buffer.from(join(cwd, 'tasks/'), 'utf8'), Buffer.from([0xc0, 0x80])]));
    const result = lintJson(cwd);
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(result.files, ['tasks/a.yaml']);
    assert.deepEqual(lines(result.stderr).sort(), [
      'taskmatrix: warning: skipped tasks/\\xc0\\x80: its name is not UTF-8; rename it to lint it',
      'taskmatrix: warning: skipped tasks/文\\xff\\xfe.yaml: its name is not UTF-8; rename it to lint it',
    ]);
    assert.doesNotMatch(result.stderr, STACK_FRAME);
  });
});
