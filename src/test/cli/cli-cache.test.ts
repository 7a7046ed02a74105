// `lint --cache`: unchanged files' findings come from the cache, and the output is always what
// a run without the cache prints.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN_MEASURES, ensureBuilt, guideline, run, SMALL_REGISTRY, TempDirs } from './helpers';

const UNKNOWN = `      - id: "2.3"
        title: 提升企业主体创新能力
        agencies: [省科技厅, 省科委]
`;

describe('cli: lint --cache', function () {
  const temp = new TempDirs();
  before(ensureBuilt);
  afterEach(() => temp.cleanup());

  const project = () => temp.withFiles({ 'tasks/agencies.yaml': SMALL_REGISTRY, 'tasks/a.yaml': guideline(CLEAN_MEASURES, 'doc-a'), 'tasks/b.yaml': guideline(`${CLEAN_MEASURES}${UNKNOWN}`, 'doc-b') });
  const lint = (cwd: string, extra: string[] = []) => run(['lint', '--format', 'json', ...extra], { cwd });

  it('prints the same findings and exit code as a run without the cache, first and second time', function () {
    const cwd = project();
    const plain = lint(cwd);
    const first = lint(cwd, ['--cache']);
    const second = lint(cwd, ['--cache']);
    assert.equal(plain.status, 1);
    for (const result of [first, second]) {
      assert.equal(result.status, plain.status);
      assert.equal(result.stdout, plain.stdout);
      assert.equal(result.stderr, plain.stderr);
    }
    assert.ok(existsSync(join(cwd, '.taskmatrixcache')), 'the default location without node_modules is .taskmatrixcache');
  });

  it('reuses a stored result only while the file is unchanged', function () {
    const cwd = project();
    lint(cwd, ['--cache']);
    writeFileSync(join(cwd, 'tasks/b.yaml'), guideline(CLEAN_MEASURES, 'doc-b'));
    const after = lint(cwd, ['--cache']);
    assert.equal(after.stdout, lint(cwd).stdout);
    assert.equal(after.status, 0);
  });

  it('reads stored results as stale when the registry, configuration or locale changes', function () {
    const cwd = project();
    lint(cwd, ['--cache']);
    // 省科委 becomes an alias: the unchanged guideline's finding changes from unknown-agency to alias-agency.
    writeFileSync(join(cwd, 'tasks/agencies.yaml'), SMALL_REGISTRY.replace('kind: government', 'kind: government\n    aliases: [省科委]'));
    assert.equal(lint(cwd, ['--cache']).stdout, lint(cwd).stdout);
    writeFileSync(join(cwd, '.taskmatrix.yaml'), 'rules:\n  alias-agency: off\n');
    assert.equal(lint(cwd, ['--cache']).stdout, lint(cwd).stdout);
    assert.equal(lint(cwd, ['--cache', '--locale', 'zh-cn']).stdout, lint(cwd, ['--locale', 'zh-cn']).stdout);
  });

  it('keeps unused-agency right while guidelines come from the cache', function () {
    const cwd = project();
    lint(cwd, ['--cache']);
    writeFileSync(join(cwd, 'tasks/agencies.yaml'), `${SMALL_REGISTRY}  - name: 省新设局\n    kind: government\n`);
    const cached = lint(cwd, ['--cache']);
    assert.equal(cached.stdout, lint(cwd).stdout);
    assert.match(cached.stdout, /省新设局/);
  });

  it('writes where --cache-location says: a file, or lint-cache.json in a folder', function () {
    const cwd = project();
    lint(cwd, ['--cache', '--cache-location', 'custom.json']);
    assert.ok(existsSync(join(cwd, 'custom.json')));
    mkdirSync(join(cwd, 'cachedir'));
    lint(cwd, ['--cache', '--cache-location', 'cachedir']);
    assert.ok(existsSync(join(cwd, 'cachedir', 'lint-cache.json')));
    lint(cwd, ['--cache', '--cache-location', 'newdir/']);
    assert.ok(existsSync(join(cwd, 'newdir', 'lint-cache.json')));
  });

  it('uses node_modules/.cache/taskmatrix/ when the project has node_modules', function () {
    const cwd = project();
    mkdirSync(join(cwd, 'node_modules'));
    lint(cwd, ['--cache']);
    assert.ok(existsSync(join(cwd, 'node_modules', '.cache', 'taskmatrix', 'lint-cache.json')));
    assert.ok(!existsSync(join(cwd, '.taskmatrixcache')));
  });

  it('rebuilds a cache file it cannot read instead of failing', function () {
    const cwd = project();
    writeFileSync(join(cwd, '.taskmatrixcache'), '{ not json');
    const result = lint(cwd, ['--cache']);
    assert.equal(result.stdout, lint(cwd).stdout);
    assert.equal(JSON.parse(readFileSync(join(cwd, '.taskmatrixcache'), 'utf8')).format, 1);
  });
});
