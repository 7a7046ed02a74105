// The matrix CSV of chosen rows: what a panel writes when it exports the rows it shows.
import { strict as assert } from 'node:assert';
import { buildMatrix, matrixToCsv, Project } from '../../../core/index';
import { guidelineWith, REGISTRY } from '../../support/project';

describe('matrix CSV of chosen rows', () => {
  const project = new Project();
  project.setFile('tasks/agencies.yaml', REGISTRY);
  project.setFile(
    'tasks/doc.yaml',
    guidelineWith(['2.1', '2.2', '2.3'].map((id) => `      - id: "${id}"\n        title: 措施${id}\n        agencies: [省科技厅]\n`).join('')),
  );
  const matrix = buildMatrix(project, ['tasks/doc.yaml']);

  it('writes the header and the rows given, in the order given; all rows without a choice', () => {
    const all = matrixToCsv(matrix, 'en', 'list').split('\r\n');
    const chosen = matrixToCsv(matrix, 'en', 'list', [2, 0]).split('\r\n');
    assert.deepEqual(chosen, [all[0], all[3], all[1], '']);
    assert.equal(all.length, 5);
    assert.deepEqual(matrixToCsv(matrix, 'en', 'grid', []).split('\r\n').length, 2, 'the header alone');
  });
});
