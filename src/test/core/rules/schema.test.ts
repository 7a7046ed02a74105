import { strict as assert } from 'node:assert';
import { Project } from '../../../core/index';
import { covered, guidelineWith, lintGuideline, ofRule } from '../../support/project';

describe('rule schema', () => {
  it('accepts a valid guideline', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        text: 正文
        agencies: [省科技厅]
        division: lead-first
`);
    assert.deepEqual(lintGuideline(text).diagnostics, []);
  });

  it('points an unknown key at the key and suggests the right one', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agency: [省科技厅]
`);
    const [finding] = ofRule(lintGuideline(text), 'schema');
    assert.equal(covered(text, finding!), 'agency');
    assert.match(finding!.message, /Unknown key "agency" in measure "2\.1"; did you mean "agencies"\?/);
  });

  it('asks to quote a numeric id', () => {
    const text = guidelineWith(`      - id: 2.10
        title: 甲
`);
    const [finding] = ofRule(lintGuideline(text), 'schema');
    assert.equal(covered(text, finding!), '2.10');
    assert.match(finding!.message, /quoted string such as "2\.10"/);
  });

  it('explains a bad id form with an example', () => {
    const text = guidelineWith(`      - id: "2-1"
        title: 甲
`);
    const [finding] = ofRule(lintGuideline(text), 'schema');
    assert.equal(covered(text, finding!), '"2-1"');
    assert.match(finding!.message, /write it like "2\.1"/);
  });

  it('lists the allowed values of division', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        division: lead
`);
    const [finding] = ofRule(lintGuideline(text), 'schema');
    assert.equal(covered(text, finding!), 'lead');
    assert.match(finding!.message, /lead-first \| by-function \| joint/);
  });

  it('names the missing required key and the measure', () => {
    const text = guidelineWith(`      - id: "2.1"
        agencies: [省科技厅]
`);
    const [finding] = ofRule(lintGuideline(text), 'schema');
    assert.equal(finding!.line, 8);
    assert.match(finding!.message, /Measure "2\.1" is missing the required key "title"/);
  });

  it('checks the registry against its own schema', () => {
    const registry = `agencies:
  - name: 省科技厅
    kind: ministry
    website: https://kjt.zj.gov.cn
`;
    const project = new Project();
    project.setFile('tasks/agencies.yaml', registry);
    const findings = ofRule(project.lint(), 'schema');
    assert.deepEqual(
      findings.map((f) => [f.line, covered(registry, f)]),
      [
        [3, 'ministry'],
        [4, 'website'],
      ],
    );
    assert.match(findings[0]!.message, /"kind" of agency "省科技厅" must be one of government \| party/);
  });
});
