import { strict as assert } from 'node:assert';
import { findSuppressions, RULE_IDS } from '../../core/index';
import { guidelineWith, lintGuideline } from '../support/project';

describe('suppression comments', () => {
  it('acknowledge a finding on the next line and keep the reason', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省经信厅]
        # taskmatrix-disable-next-line no-lead — 各自负责 is intended here
        division: by-function
`);
    const result = lintGuideline(text);
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.suppressed.length, 1);
    assert.equal(result.suppressed[0]!.rule, 'no-lead');
    assert.equal(result.suppressed[0]!.suppression.reason, '各自负责 is intended here');
    assert.equal(result.suppressed[0]!.suppression.line, 11);
  });

  it('only silence the rules they name', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        # taskmatrix-disable-next-line no-lead
        agencies: [省发改委]
        division: by-function
`);
    const result = lintGuideline(text);
    assert.deepEqual(result.diagnostics.map((d) => d.rule), ['alias-agency', 'no-lead']);
  });

  it('skip over other comments and blank lines to the next content line', () => {
    const suppressions = findSuppressions('# taskmatrix-disable-next-line alias-agency, no-lead: reviewed\n\n# note\nagencies: []\n', RULE_IDS);
    assert.deepEqual(suppressions, [{ line: 1, targetLine: 4, rules: ['alias-agency', 'no-lead'], reason: 'reviewed' }]);
  });

  it('without a rule id silence every rule on the next line', () => {
    const [suppression] = findSuppressions('# taskmatrix-disable-next-line 已与起草组确认\nx: 1\n', RULE_IDS);
    assert.deepEqual(suppression!.rules, []);
    assert.equal(suppression!.reason, '已与起草组确认');
  });

  it('do not reach beyond the next content line', () => {
    const text = guidelineWith(`      # taskmatrix-disable-next-line no-lead
      - id: "2.1"
        title: 甲
        agencies: [省科技厅]
        division: by-function
`);
    assert.equal(lintGuideline(text).diagnostics.length, 1);
  });
});
