// Fault injection (src/bench/fault-injection.ts, 100 runs a scenario from the command line):
// taskmatrix killed with SIGKILL at random moments of `import --update-registry` and
// `report --out` leaves every file it was writing either as it was or as a complete run writes it.
import assert from 'node:assert/strict';
import { injectFaults } from '../../bench/fault-injection';
import { ensureBuilt } from '../cli/helpers';

describe('robustness: killed while writing', function () {
  this.timeout(180000);
  before(ensureBuilt);

  for (const scenario of ['import', 'report'] as const) {
    it(`${scenario}: 10 runs killed at random points leave no file damaged`, async function () {
      if (process.platform === 'win32') this.skip();
      const report = await injectFaults(scenario, { runs: 10, seed: 7 });
      assert.ok(report.killed >= 5, `most runs are killed before they end (${report.killed} of 10)`);
      assert.equal(report.damaged, 0, JSON.stringify(report));
    });
  }
});
