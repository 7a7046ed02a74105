import { strict as assert } from 'node:assert';
import { Project } from '../../../core/index';
import { covered, guidelineWith, lintGuideline, ofRule } from '../../support/project';

describe('rule duplicate-id', () => {
  it('flags a measure id used twice, pointing at the second and naming the first line', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅]
      - id: "2.1"
        title: 乙
        agencies: [省科技厅]
`);
    const [finding, ...rest] = ofRule(lintGuideline(text), 'duplicate-id');
    assert.equal(rest.length, 0);
    assert.equal(finding!.line, 11);
    assert.equal(covered(text, finding!), '"2.1"');
    assert.match(finding!.message, /line 8/);
  });

  it('flags duplicate chapter and target ids', () => {
    const text = `id: doc
title: 文件
targets:
  - { id: "1.2.1", text: 甲, value: 1, unit: 个 }
  - { id: "1.2.1", text: 乙, value: 2, unit: 个 }
chapters:
  - id: "2"
    title: 二
  - id: "2"
    title: 三
`;
    const findings = ofRule(lintGuideline(text), 'duplicate-id');
    assert.deepEqual(findings.map((f) => [f.line, covered(text, f)]), [
      [5, '"1.2.1"'],
      [9, '"2"'],
    ]);
  });

  it('accepts distinct ids', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
      - id: "2.2"
        title: 乙
`);
    assert.deepEqual(ofRule(lintGuideline(text), 'duplicate-id'), []);
  });

  it('flags an agency name or alias defined twice in the registry', () => {
    const project = new Project();
    const registry = `agencies:
  - name: 省科技厅
    kind: government
    aliases: [科技厅]
  - name: 科技厅
    kind: government
`;
    project.setFile('tasks/agencies.yaml', registry);
    const findings = ofRule(project.lint(), 'duplicate-id');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.line, 5);
  });
});
