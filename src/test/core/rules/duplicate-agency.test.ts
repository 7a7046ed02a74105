import { strict as assert } from 'node:assert';
import { covered, guidelineWith, lintGuideline, ofRule } from '../../support/project';

describe('rule duplicate-agency', () => {
  it('flags the second mention of the same agency', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省经信厅, 省科技厅]
`);
    const [finding, ...rest] = ofRule(lintGuideline(text), 'duplicate-agency');
    assert.equal(rest.length, 0);
    assert.equal(finding!.offset[0], text.lastIndexOf('省科技厅'));
    assert.equal(covered(text, finding!), '省科技厅');
  });

  it('treats an alias and its registry name as the same agency', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 科技厅]
`);
    const [finding] = ofRule(lintGuideline(text), 'duplicate-agency');
    assert.equal(covered(text, finding!), '科技厅');
    assert.match(finding!.message, /"科技厅" is 省科技厅/);
  });

  it('does not flag the same agency in two different measures', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅]
      - id: "2.2"
        title: 乙
        agencies: [省科技厅]
`);
    assert.deepEqual(ofRule(lintGuideline(text), 'duplicate-agency'), []);
  });
});
