// The outline's measures carry the deadline in force and whether it is overdue, judged on the
// same today as the overdue rule, so that an editor's code lens says what Problems says.
import { strict as assert } from 'node:assert';
import { outlineOf, Project } from '../../../core/index';
import type { OutlineItem } from '../../../core/index';
import { guidelineWith, REGISTRY } from '../../support/project';

function measuresOf(text: string, today: string): OutlineItem[] {
  const project = new Project({ today });
  project.setFile('tasks/agencies.yaml', REGISTRY);
  project.setFile('tasks/doc.yaml', text);
  return outlineOf(project, 'tasks/doc.yaml').flatMap((chapter) => chapter.children);
}

const measure = (id: string, extra = '') => `      - id: "${id}"
        title: 措施${id}
        agencies: [省科技厅]
${extra}`;

describe('outline: deadlines', () => {
  const text = guidelineWith(
    measure('2.1', '        deadline: 2025年底前\n        status: in-progress\n') +
      measure('2.2', '        deadline: 2025年底前\n        status: done\n') +
      measure('2.3', '        deadline: 长期坚持\n') +
      measure('2.4') +
      measure('2.5', '        deadline: 2025年低前\n'),
    'deadline: 2027年底前\n',
  );

  it('gives each measure its own deadline, else the document\'s, and flags it overdue as the overdue rule does', () => {
    assert.deepEqual(
      measuresOf(text, '2026-03-01').map((m) => [m.name.split(' ')[0], m.deadline, m.overdue]),
      [
        ['2.1', '2025年底前', true],
        ['2.2', '2025年底前', false],
        ['2.3', '长期坚持', false],
        ['2.4', '2027年底前', false],
        ['2.5', '2025年低前', false],
      ],
    );
  });

  it('is not overdue on or before the due date', () => {
    assert.deepEqual(measuresOf(text, '2025-12-31').map((m) => m.overdue), [false, false, false, false, false]);
  });

  it('leaves both out when neither the measure nor the document has a deadline', () => {
    const [only] = measuresOf(guidelineWith(measure('2.1')), '2026-03-01');
    assert.equal(only!.deadline, undefined);
    assert.equal(only!.overdue, undefined);
  });
});

describe('outline: leads the registry does not know', () => {
  it('marks a measure whose lead is not in the registry, and no other', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省科技, 省科技厅]
      - id: "2.2"
        title: 乙
        agencies: [省科技厅, 省科技]
      - id: "2.3"
        title: 丙
        agencies: [科技厅]
`);
    assert.deepEqual(
      measuresOf(text, '2026-03-01').map((m) => [m.name.split(' ')[0], m.leadUnregistered ?? false]),
      [
        ['2.1', true],
        ['2.2', false],
        ['2.3', false],
      ],
    );
  });
});
