// `lint --cache` trusts no entry it did not write: an entry of the wrong shape (edited by hand,
// written by another version, truncated) is ignored and its file linted again, never a crash
// and never a finding that a run without the cache would not print.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN_MEASURES, ensureBuilt, guideline, run, SMALL_REGISTRY, STACK_FRAME, TempDirs } from './helpers';

const UNKNOWN = `      - id: "2.3"
        title: 提升企业主体创新能力
        agencies: [省科技厅, 省科委]
`;

const ONLY_ONE = `      - id: "2.1"
        title: 强化前沿基础研究
        agencies: [省科技厅]
`;

interface StoredCache {
  format: number;
  entries: Record<string, Record<string, unknown>>;
}

describe('cli: lint --cache entries of the wrong shape', function () {
  const temp = new TempDirs();
  before(ensureBuilt);
  afterEach(() => temp.cleanup());

  // Only tasks/b.yaml names 省经信厅 and the collective: wrong names in its entry would make them "unused".
  const project = () => temp.withFiles({ 'tasks/agencies.yaml': SMALL_REGISTRY, 'tasks/a.yaml': guideline(ONLY_ONE, 'doc-a'), 'tasks/b.yaml': guideline(`${CLEAN_MEASURES}${UNKNOWN}`, 'doc-b') });
  const lint = (cwd: string, extra: string[] = []) => run(['lint', '--format', 'json', ...extra], { cwd });

  /** Runs with the cache once, edits the stored entry of tasks/b.yaml, and checks the next run against a run without the cache. */
  function withEditedEntry(edit: (entry: Record<string, unknown>) => void): void {
    const cwd = project();
    const plain = lint(cwd);
    assert.equal(lint(cwd, ['--cache']).stdout, plain.stdout);
    const file = join(cwd, '.taskmatrixcache');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredCache;
    edit(stored.entries['tasks/b.yaml']!);
    writeFileSync(file, JSON.stringify(stored));
    for (const attempt of ['first run after the edit', 'second run']) {
      const cached = lint(cwd, ['--cache']);
      assert.doesNotMatch(cached.stderr, STACK_FRAME, attempt);
      assert.equal(cached.status, plain.status, `${attempt}: ${cached.stderr}`);
      assert.equal(cached.stdout, plain.stdout, attempt);
      assert.equal(cached.stderr, plain.stderr, attempt);
    }
    const rebuilt = (JSON.parse(readFileSync(file, 'utf8')) as StoredCache).entries['tasks/b.yaml']!;
    assert.ok(Array.isArray(rebuilt.diagnostics) && Array.isArray(rebuilt.names), 'the entry is stored afresh');
  }

  it('ignores and rebuilds an entry whose diagnostics are not a list', () => withEditedEntry((entry) => (entry.diagnostics = { length: 1 })));

  it('ignores an entry whose names are not a list of names (no spurious unused-agency)', () => withEditedEntry((entry) => (entry.names = '省科技厅省经信厅')));

  it('ignores an entry whose names hold something else than strings', () => withEditedEntry((entry) => (entry.names = [{}, 42])));

  it('ignores an entry with a finding of an unknown rule, a bad position or a missing message', () => {
    withEditedEntry((entry) => ((entry.diagnostics as Array<Record<string, unknown>>)[0]!.rule = 'no-such-rule'));
    withEditedEntry((entry) => ((entry.diagnostics as Array<Record<string, unknown>>)[0]!.line = '3'));
    withEditedEntry((entry) => delete (entry.diagnostics as Array<Record<string, unknown>>)[0]!.message);
    withEditedEntry((entry) => ((entry.diagnostics as Array<Record<string, unknown>>)[0]!.offset = [1]));
  });

  it('ignores an entry without a key, or with suppressed findings that are not a list', () => {
    withEditedEntry((entry) => delete entry.key);
    withEditedEntry((entry) => (entry.suppressed = null));
    withEditedEntry((entry) => (entry.suppressed = [{ rule: 'no-lead' }]));
  });

  it('keeps the entries of the right shape beside one of the wrong shape', () => {
    const cwd = project();
    lint(cwd, ['--cache']);
    const file = join(cwd, '.taskmatrixcache');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredCache;
    const goodEntry = JSON.stringify(stored.entries['tasks/a.yaml']);
    stored.entries['tasks/b.yaml']!.diagnostics = 'oops';
    writeFileSync(file, JSON.stringify(stored));
    assert.equal(lint(cwd, ['--cache']).stdout, lint(cwd).stdout);
    assert.equal(JSON.stringify((JSON.parse(readFileSync(file, 'utf8')) as StoredCache).entries['tasks/a.yaml']), goodEntry);
  });
});
