import { strict as assert } from 'node:assert';
import { covered, guidelineWith, lintGuideline, ofRule } from '../../support/project';

describe('rule unknown-agency', () => {
  it('accepts registry names and aliases', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省发改委, 之江实验室]
`);
    assert.deepEqual(ofRule(lintGuideline(text), 'unknown-agency'), []);
  });

  it('flags an unknown agency at its exact position and suggests the closest registry name', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省经信委]
`);
    const [finding, ...rest] = ofRule(lintGuideline(text), 'unknown-agency');
    assert.equal(rest.length, 0);
    assert.equal(finding!.severity, 'error');
    assert.equal(covered(text, finding!), '省经信委');
    assert.equal(finding!.line, 10);
    assert.equal(finding!.data?.suggestion, '省经信厅');
    assert.match(finding!.message, /Did you mean "省经信厅"/);
  });

  it('suggests the registry name when the closest match is an alias', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省发改]
`);
    const [finding] = ofRule(lintGuideline(text), 'unknown-agency');
    assert.equal(finding!.data?.suggestion, '省发展改革委');
  });

  it('offers no suggestion for a name unlike any agency', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [国家航天局深空探测中心]
`);
    const [finding] = ofRule(lintGuideline(text), 'unknown-agency');
    assert.equal(finding!.data?.suggestion, undefined);
    assert.match(finding!.message, /Add it there or use a registry name/);
  });

  it('says once per file that nothing can be checked when no registry is found', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 某某厅]
`);
    const findings = ofRule(lintGuideline(text, { registry: null }), 'unknown-agency');
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /no agency registry/);
  });
});
