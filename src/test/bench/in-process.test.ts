// The in-process benchmarks of the editor path, the graph and matrix, and activation, in tiny
// form: they run, measure the calls they name, and print what docs/performance.md quotes.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { ensureBuilt, ROOT } from '../cli/helpers';

function bench(script: string, args: string[]): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/bench/${script}`, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 50000 });
  assert.equal(result.status, 0, `${script} failed:\n${result.stderr}`);
  return result.stdout;
}

const milliseconds = (out: string, label: string): number => {
  const match = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+median ([\\d.]+) ms`, 'm').exec(out);
  assert.ok(match, `no "${label}" line in:\n${out}`);
  return Number(match[1]);
};

describe('in-process benchmarks', function () {
  this.timeout(60000);

  it('editor-latency: an edit to a 1,000-measure file and to the seed guideline, in a workspace of other files', () => {
    const out = bench('editor-latency.ts', ['--runs', '5', '--workspace-measures', '500']);
    assert.match(out, /^workspace: 8 files; 5 edits per case$/m);
    for (const label of ['1,000-measure file', 'tasks/zj-ai-2027.yaml (23 measures)']) {
      const median = milliseconds(out, label);
      assert.ok(median > 0 && median < 5000, `${label}: ${median} ms`);
    }
  });

  it('graph-matrix: buildMatrix and buildOwnershipGraph (whole, --agency, --chapter)', () => {
    const out = bench('graph-matrix.ts', ['--measures', '500', '--runs', '2']);
    assert.match(out, /^500 measures in 5 guidelines, 2 runs$/m);
    for (const label of ['buildMatrix', 'buildOwnershipGraph', 'buildOwnershipGraph --agency', 'buildOwnershipGraph --chapter 2']) assert.ok(milliseconds(out, label) >= 0);
  });

  it('activation: loads the extension bundle and activates it against a stand-in vscode', () => {
    ensureBuilt();
    const out = bench('activation.ts', ['--runs', '2']);
    const match = /median of 2 fresh processes: load ([\d.]+) ms \+ activate ([\d.]+) ms; total ([\d.]+) ms/.exec(out);
    assert.ok(match, out);
    assert.ok(Number(match[3]) >= Number(match[1]));
  });
});
