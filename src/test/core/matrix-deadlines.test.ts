// Deadlines in the matrix: deadline, due and status per measure, and the columns the list tables
// (CSV, Markdown, HTML) gain when a measure has them.
import { strict as assert } from 'node:assert';
import { buildMatrix, matrixTable, Project } from '../../core/index';
import type { Matrix, MatrixMeasure } from '../../core/index';
import { guidelineWith, REGISTRY } from '../support/project';

function matrixOf(text: string): Matrix {
  const project = new Project();
  project.setFile('tasks/agencies.yaml', REGISTRY);
  project.setFile('tasks/doc.yaml', text);
  return buildMatrix(project);
}

const measure = (id: string, extra = '') => `      - id: "${id}"
        title: 措施${id}
        agencies: [省科技厅]
${extra}`;

describe('matrix: deadlines and status', () => {
  it('carries each measure\'s deadline as written, its due date and its status', () => {
    const matrix = matrixOf(
      guidelineWith(
        measure('2.1', '        deadline: 2025年底前\n        status: in-progress\n') +
          measure('2.2', '        deadline: 持续推进\n') +
          measure('2.3') +
          measure('2.4', '        deadline: 一季度\n        status: finished\n'),
        'deadline: 2027年6月\n',
      ),
    );
    assert.deepEqual(
      matrix.measures.map((m) => [m.id, m.deadline, m.due, m.status]),
      [
        ['2.1', '2025年底前', '2025-12-31', 'in-progress'],
        ['2.2', '持续推进', 'ongoing', null],
        ['2.3', '2027年6月', '2027-06-30', null],
        ['2.4', '一季度', null, 'finished'],
      ],
    );
  });

  it('gives nulls when nothing is recorded', () => {
    const [m] = matrixOf(guidelineWith(measure('2.1'))).measures;
    assert.deepEqual([m!.deadline, m!.due, m!.status], [null, null, null]);
  });

  it('adds deadline, due and status columns before the note, in both languages', () => {
    const matrix = matrixOf(guidelineWith(measure('2.1', '        deadline: 长期坚持\n        status: done\n') + measure('2.2', '        status: odd\n')));
    const en = matrixTable(matrix, 'en');
    assert.deepEqual(en.headers, ['No. (编号)', 'Measure (措施)', 'Lead (牵头单位)', 'Co-responsible (配合单位)', 'Deadline (完成时限)', 'Due (到期日)', 'Status (进展)', 'Note (说明)']);
    assert.deepEqual(en.rows, [
      ['2.1', '措施2.1', '省科技厅', '', '长期坚持', 'ongoing (长期)', 'done', ''],
      ['2.2', '措施2.2', '省科技厅', '', '', '', 'odd', ''],
    ]);
    assert.equal(en.fixedColumns, 8);
    const zh = matrixTable(matrix, 'zh-cn');
    assert.deepEqual(zh.headers.slice(4, 7), ['完成时限', '到期日', '进展']);
    assert.deepEqual(zh.rows[0]!.slice(4, 7), ['长期坚持', '长期', '已完成']);
  });

  it('leaves the table as it was when no measure has a deadline or status (hand-made matrices included)', () => {
    const matrix = matrixOf(guidelineWith(measure('2.1')));
    assert.deepEqual(matrixTable(matrix, 'zh-cn').headers, ['编号', '措施', '牵头单位', '配合单位', '说明']);
    const handMade: MatrixMeasure = { id: '2.1', title: '甲', document: 'doc', file: 'doc.yaml', line: 1, chapter: '2', lead: '省科技厅', co: [], noLead: false, noLeadReason: null };
    assert.equal(matrixTable({ measures: [handMade], agencies: [] }, 'en').headers.length, 5);
  });

  it('leaves the grid without them', () => {
    const matrix = matrixOf(guidelineWith(measure('2.1', '        deadline: 2025年底前\n')));
    assert.deepEqual(matrixTable(matrix, 'zh-cn', 'grid').headers, ['编号', '措施', '省科技厅']);
  });
});
