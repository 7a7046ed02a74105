import { strict as assert } from 'node:assert';
import { covered, guidelineWith, lintGuideline, ofRule } from '../../support/project';

describe('rule no-lead', () => {
  it('stays quiet when the first listed agency leads', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 强化前沿基础研究
        agencies: [省科技厅, 省发展改革委]
`);
    assert.deepEqual(ofRule(lintGuideline(text), 'no-lead'), []);
  });

  it('flags a by-function measure at its division value', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 赋能实体经济
        agencies: [省科技厅, 省发展改革委]
        division: by-function
`);
    const [finding, ...rest] = ofRule(lintGuideline(text), 'no-lead');
    assert.equal(rest.length, 0);
    assert.equal(finding!.severity, 'warning');
    assert.equal(covered(text, finding!), 'by-function');
    assert.equal(finding!.data?.reason, 'by-function');
    assert.match(finding!.message, /2\.1.*no lead/);
  });

  it('flags a measure whose only agency is a collective', () => {
    const text = guidelineWith(`      - id: "7.1"
        title: 加强组织领导
        agencies: [省数字经济领导小组各成员单位]
`);
    const [finding] = ofRule(lintGuideline(text), 'no-lead');
    assert.equal(covered(text, finding!), '省数字经济领导小组各成员单位');
    assert.equal(finding!.data?.reason, 'collective');
  });

  it('does not flag a collective listed after a lead', () => {
    const text = guidelineWith(`      - id: "7.1"
        title: 加强组织领导
        agencies: [省科技厅, 省数字经济领导小组各成员单位]
`);
    assert.deepEqual(ofRule(lintGuideline(text), 'no-lead'), []);
  });

  it('flags an empty agency list and a missing one', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 空列表
        agencies: []
      - id: "2.2"
        title: 未列出
`);
    const findings = ofRule(lintGuideline(text), 'no-lead');
    assert.deepEqual(findings.map((f) => f.data?.reason), ['none-listed', 'none-listed']);
    assert.equal(covered(text, findings[0]!), '[]');
    assert.equal(covered(text, findings[1]!), '"2.2"');
  });

  it('applies a document-wide joint division to every measure, and a measure may override it', () => {
    const text = guidelineWith(
      `      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省经信厅]
      - id: "2.2"
        title: 乙
        agencies: [省科技厅, 省经信厅]
        division: lead-first
`,
      'division: joint\n',
    );
    const findings = ofRule(lintGuideline(text), 'no-lead');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.data?.reason, 'joint');
    assert.equal(covered(text, findings[0]!), '"2.1"');
  });

  it('speaks Chinese in the zh-cn locale', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅]
        division: by-function
`);
    const [finding] = ofRule(lintGuideline(text, { locale: 'zh-cn' }), 'no-lead');
    assert.match(finding!.message, /没有牵头单位/);
  });
});
