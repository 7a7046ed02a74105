// How the matrix panel sorts the deadline, due and status columns and which rows it marks overdue
// (src/extension/matrix-progress.ts: no `vscode`, so a plain mocha test).
import { strict as assert } from 'node:assert';
import { buildMatrix, matrixTable, Project } from '../../core/index';
import type { Locale } from '../../core/index';
import { matrixProgress } from '../../extension/matrix-progress';
import type { SortKey } from '../../webview/protocol';
import { guidelineWith, REGISTRY } from '../support/project';

const measure = (id: string, extra = '') => `      - id: "${id}"
        title: 措施${id}
        agencies: [省科技厅]
${extra}`;

const TEXT = guidelineWith(
  measure('2.1', '        deadline: 2026年6月\n        status: done\n') +
    measure('2.2', '        deadline: 长期坚持\n        status: in-progress\n') +
    measure('2.3', '        deadline: 2025年底前\n        status: delayed\n') +
    measure('2.4') +
    measure('2.5', '        deadline: 一季度\n        status: not-started\n') +
    measure('2.6', '        deadline: 2025年底前\n        status: finished\n'),
);

function progressOf(shape: 'list' | 'grid', locale: Locale = 'zh-cn', today = '2026-03-01') {
  const project = new Project();
  project.setFile('tasks/agencies.yaml', REGISTRY);
  project.setFile('tasks/doc.yaml', TEXT);
  const matrix = buildMatrix(project);
  const table = matrixTable(matrix, locale, shape);
  return { table, matrix, progress: matrixProgress(matrix, table, locale, today) };
}

/** Row ids in the order the webview sorts them by these keys (ascending or descending). */
function sorted(ids: string[], keys: SortKey[], descending = false): string[] {
  const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true });
  return ids
    .map((id, i) => ({ id, i }))
    .sort((a, b) => keys[a.i]!.group - keys[b.i]!.group || collator.compare(keys[a.i]!.key, keys[b.i]!.key) * (descending ? -1 : 1) || a.i - b.i)
    .map(({ id }) => id);
}

describe('matrix panel: progress columns', () => {
  it('sorts due dates in date order, ongoing and then undated last in either direction', () => {
    const { table, matrix, progress } = progressOf('list');
    const due = table.headers.indexOf('到期日');
    const ids = matrix.measures.map((m) => m.id);
    assert.deepEqual(sorted(ids, progress.sortKeys[due]!), ['2.3', '2.6', '2.1', '2.2', '2.4', '2.5']);
    assert.deepEqual(sorted(ids, progress.sortKeys[due]!, true), ['2.1', '2.3', '2.6', '2.2', '2.4', '2.5']);
  });

  it('sorts the deadline column as its due date, not as text', () => {
    const { table, matrix, progress } = progressOf('list');
    const deadline = table.headers.indexOf('完成时限');
    assert.deepEqual(sorted(matrix.measures.map((m) => m.id), progress.sortKeys[deadline]!), ['2.3', '2.6', '2.1', '2.2', '2.5', '2.4']);
  });

  it('sorts statuses not started, in progress, delayed, done; one outside the schema after them, none last', () => {
    const { table, matrix, progress } = progressOf('list', 'en');
    const status = table.headers.indexOf('Status (进展)');
    assert.ok(status > 0);
    assert.deepEqual(sorted(matrix.measures.map((m) => m.id), progress.sortKeys[status]!), ['2.5', '2.2', '2.3', '2.1', '2.6', '2.4']);
  });

  it('marks overdue what the overdue rule flags: due before today and not done', () => {
    const { table, progress } = progressOf('list');
    assert.deepEqual(progress.overdue, [false, false, true, false, false, true]);
    assert.equal(progress.overdueColumn, table.headers.indexOf('到期日'));
    assert.deepEqual(progressOf('list', 'zh-cn', '2025-12-31').progress.overdue, [false, false, false, false, false, false]);
  });

  it('in the grid, sorts nothing specially and puts the overdue mark after the title', () => {
    const { table, progress } = progressOf('grid');
    assert.deepEqual(progress.sortKeys, {});
    assert.equal(progress.overdueColumn, table.headers.indexOf('措施'));
    assert.deepEqual(progress.overdue, [false, false, true, false, false, true]);
  });
});
