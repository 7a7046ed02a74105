import { strict as assert } from 'node:assert';
import { covered, guidelineWith, lintGuideline, ofRule } from '../../support/project';

describe('rule alias-agency', () => {
  it('flags an alias and names the registry name to write', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省发改委, 省科技厅]
`);
    const [finding, ...rest] = ofRule(lintGuideline(text), 'alias-agency');
    assert.equal(rest.length, 0);
    assert.equal(finding!.severity, 'warning');
    assert.equal(covered(text, finding!), '省发改委');
    assert.equal(finding!.data?.canonical, '省发展改革委');
  });

  it('does not flag registry names', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省发展改革委, 省科技厅]
`);
    assert.deepEqual(ofRule(lintGuideline(text), 'alias-agency'), []);
  });

  it('resolves an alias to its agency for the lead: an alias of a collective still has no lead', () => {
    const registry = `agencies:
  - name: 各成员单位
    kind: collective
    aliases: [成员单位]
`;
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [成员单位]
`);
    const result = lintGuideline(text, { registry });
    assert.equal(ofRule(result, 'alias-agency').length, 1);
    assert.equal(ofRule(result, 'no-lead')[0]?.data?.reason, 'collective');
  });
});
