import { strict as assert } from 'node:assert';
import { Project } from '../../../core/index';
import { guidelineWith, REGISTRY } from '../../support/project';

describe('rule unused-agency', () => {
  const guideline = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省发改委, 之江实验室]
`);

  it('reports registry agencies no measure names, as info, aliases counting as use', () => {
    const project = new Project();
    project.setFile('tasks/agencies.yaml', REGISTRY);
    project.setFile('tasks/doc.yaml', guideline);
    const findings = project.lint(['tasks/agencies.yaml']).diagnostics.filter((d) => d.rule === 'unused-agency');
    assert.deepEqual(findings.map((f) => f.data?.name), ['省经信厅', '省数字经济领导小组各成员单位']);
    assert.ok(findings.every((f) => f.severity === 'info'));
  });

  it('says nothing when no guideline uses the registry', () => {
    const project = new Project();
    project.setFile('tasks/agencies.yaml', REGISTRY);
    assert.deepEqual(project.lint().diagnostics, []);
  });

  it('counts only guidelines that resolve against this registry', () => {
    const project = new Project();
    project.setFile('a/agencies.yaml', REGISTRY);
    project.setFile('b/agencies.yaml', REGISTRY);
    project.setFile('b/doc.yaml', guideline);
    const unusedInA = project.lint(['a/agencies.yaml']).diagnostics;
    assert.equal(unusedInA.length, 0, 'registry a has no guideline, so nothing is reported');
    assert.equal(project.lint(['b/agencies.yaml']).diagnostics.length, 2);
  });
});
