// npm run bench in its tiny form: a 200-measure corpus, one run of every tool as a real process
// (taskmatrix, Spectral with the repository's ruleset, ajv-cli, both parse floors), and the
// count-agreement logic that makes the benchmark fail when a tool checks less.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '../../bench/generate-corpus';
import { PLANTED_FINDINGS, PLANTED_MEASURES } from '../../bench/planted-faults';
import { COMPARED_RULES, compareDiffs, compareFindings, DIFF_LABELS, median, ratioText, TOOLS } from '../../bench/run';
import type { Corpus, Findings } from '../../bench/run';
import { ensureBuilt, ROOT } from '../cli/helpers';

describe('npm run bench', function () {
  this.timeout(60000);

  it('runs every tool on a tiny corpus, checks that their findings agree and prints the table', () => {
    ensureBuilt();
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/bench/run.ts', '--sizes', '200', '--runs', '1', '--no-build', '--diff-sizes', '300'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 50000,
    });
    assert.equal(result.status, 0, `bench failed:\n${result.stderr}`);
    const out = result.stdout;
    assert.match(out, /^### 200 measures \(4 files, 1 run each\)$/m);
    assert.match(out, /^\| tool \| checks \| median wall \(s\) \| min–max \(s\) \| taskmatrix is \| peak RSS \(MB\) \|$/m);
    for (const tool of TOOLS) {
      const row = out.split('\n').find((line) => line.startsWith(`| ${tool.label} |`));
      assert.ok(row, `no row for ${tool.key}:\n${out}`);
      const cells = row.split('|').map((cell) => cell.trim());
      assert.match(cells[3]!, /^\d+\.\d+$/, `median of ${tool.key}`);
      assert.match(cells[5]!, tool.key === 'taskmatrix' ? /^—$/ : /^\d+(\.\d)?× (faster|slower)$/, `ratio of ${tool.key}`);
    }
    // The agreed counts are the generator's plants plus planted-faults.yaml.
    const registryText = readFileSync(join(ROOT, 'tasks', 'agencies.yaml'), 'utf8');
    const { stats, files } = generateCorpus({ measures: 200, seed: 1, perFile: 100, registryText });
    const agreed = out.split('\n').find((line) => line.startsWith('Findings agree — taskmatrix = Spectral: '));
    assert.ok(agreed, out);
    assert.ok(agreed.includes(`no-lead ${stats.noLead + PLANTED_FINDINGS['no-lead']},`), agreed);
    assert.ok(agreed.includes(`unknown-agency ${stats.unknown + PLANTED_FINDINGS['unknown-agency']},`), agreed);
    assert.ok(agreed.includes(`alias-agency ${stats.aliases + PLANTED_FINDINGS['alias-agency']};`), agreed);
    assert.ok(agreed.includes(`duplicate-agency ${PLANTED_FINDINGS['duplicate-agency']},`), agreed);
    assert.ok(agreed.includes(`ajv-cli: ${PLANTED_FINDINGS.schema} schema errors in ${files.length + 1} files`), agreed);
    assert.ok(agreed.includes(`${files.length + 1} files, ${200 + PLANTED_MEASURES} measures.`), agreed);

    // The diff case: taskmatrix diff beside git diff --stat and the js-yaml floor on the same two folders, 1% edited.
    assert.match(out, /^### diff: two 300-measure corpora, 3 measures \(1%\) edited \(4 files each, 1 run each\)$/m);
    for (const [key, label] of Object.entries(DIFF_LABELS)) {
      const row = out.split('\n').find((line) => line.startsWith(`| ${label} |`));
      assert.ok(row, `no diff row for ${key}:\n${out}`);
      const cells = row.split('|').map((cell) => cell.trim());
      assert.match(cells[3]!, /^\d+\.\d+$/, `median of ${key}`);
      assert.match(cells[5]!, key === 'taskmatrix' ? /^—$/ : /^\d+(\.\d)?× (faster|slower)$/, `ratio of ${key}`);
    }
    assert.match(out, /^Both diffs see every edit — taskmatrix: 3 changed measures, \d lead changes; git: 3 files changed\. The floor read all 600 measures\.$/m);
  });

  it('fails the diff case when a tool misses an edit', () => {
    const corpora = { measures: 300, before: '/a', after: '/b', edited: 3, leadChanges: 2, filesChanged: 3 };
    const json = (changed: number, leads: number) => JSON.stringify({ summary: { added: 0, removed: 0, moved: 0, changed }, measures: Array.from({ length: changed }, (_, i) => ({ lead: i < leads ? { old: 'A', new: 'B' } : null })) });
    const stat = (files: number) => ` ${files} files changed, ${files} insertions(+), ${files} deletions(-)\n`;
    assert.deepEqual(compareDiffs(corpora, json(3, 2), stat(3)), []);
    assert.deepEqual(compareDiffs(corpora, json(2, 2), stat(3)), ['taskmatrix diff: {"added":0,"removed":0,"moved":0,"changed":2}, the corpora differ by {"added":0,"removed":0,"moved":0,"changed":3}']);
    assert.deepEqual(compareDiffs(corpora, json(3, 1), stat(2)), ['taskmatrix diff: 1 lead changes, 2 leads were swapped', 'git diff --stat: 2 files changed, 3 were edited']);
    // The floor must have read both drafts whole, or its time says nothing.
    assert.deepEqual(compareDiffs(corpora, json(3, 2), stat(3), '{"files":8,"measures":600,"errors":0}'), []);
    assert.deepEqual(compareDiffs(corpora, json(3, 2), stat(3), '{"files":4,"measures":300,"errors":0}'), ['js-yaml floor: read 300 measures with 0 error(s), the drafts hold 600']);
  });

  describe('count agreement', () => {
    const expected: Record<string, number> = { 'yaml-syntax': 0, ...PLANTED_FINDINGS };
    const corpus: Corpus = { measures: 10, dir: '/nowhere', files: ['a.yaml', 'agencies.yaml'], stats: { measures: 10, noLead: 0, unknown: 0, aliases: 0 }, expected };
    const perFile = (): Record<string, Record<string, number>> => ({ 'a.yaml': { ...PLANTED_FINDINGS } });
    const agreeing = (): Record<string, Findings> => ({
      taskmatrix: { counts: { ...PLANTED_FINDINGS }, perFile: perFile() },
      spectral: { counts: { ...PLANTED_FINDINGS }, perFile: perFile() },
      ajv: { counts: { schema: PLANTED_FINDINGS.schema }, perFile: { 'a.yaml': { schema: PLANTED_FINDINGS.schema } }, files: 2 },
      yaml: { counts: { 'yaml-syntax': 0 }, files: 2, measures: 10 + PLANTED_MEASURES },
    });

    it('passes when every tool reports the same findings', () => {
      assert.deepEqual(compareFindings(corpus, agreeing()), []);
    });

    it('fails when Spectral misses a finding', () => {
      const found = agreeing();
      found.spectral!.counts!['no-lead'] = 5;
      found.spectral!.perFile!['a.yaml']!['no-lead'] = 5;
      assert.deepEqual(compareFindings(corpus, found), ['no-lead: taskmatrix 6, Spectral 5', 'a.yaml no-lead: taskmatrix 6, Spectral 5']);
    });

    it('fails when the same total sits in other files', () => {
      const found = agreeing();
      found.spectral!.perFile = { 'agencies.yaml': { ...PLANTED_FINDINGS } };
      assert.equal(compareFindings(corpus, found).filter((line) => line.startsWith('a.yaml ')).length, COMPARED_RULES.length - 1);
    });

    it('fails when ajv-cli counts other schema errors or skips a file, or taskmatrix misses a planted finding', () => {
      const found = agreeing();
      found.ajv = { counts: { schema: 5 }, perFile: { 'a.yaml': { schema: 5 } }, files: 1 };
      found.taskmatrix!.counts!['duplicate-id'] = 2;
      const problems = compareFindings(corpus, found);
      assert.ok(problems.includes('ajv-cli validated 1 files, the corpus has 2'), problems.join('\n'));
      assert.ok(problems.includes('schema: taskmatrix 6, ajv-cli 5'), problems.join('\n'));
      assert.ok(problems.includes('taskmatrix: 2 duplicate-id, the corpus plants 3'), problems.join('\n'));
    });

    it('fails when a parse floor reads fewer measures', () => {
      const found = agreeing();
      found.yaml!.measures = 10;
      assert.deepEqual(compareFindings(corpus, found), [`yaml floor found 10 measures, the corpus has ${10 + PLANTED_MEASURES}`]);
    });
  });

  it('states ratios and medians plainly', () => {
    assert.equal(ratioText(1, 2.1), '2.1× faster');
    assert.equal(ratioText(2, 1), '2.0× slower');
    assert.equal(ratioText(1, 25), '25× faster');
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 2, 3]), 2.5);
  });
});
