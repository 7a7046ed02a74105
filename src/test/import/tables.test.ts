// tableChapters: a task-division table (分工方案) as chapters and measures.
import { strict as assert } from 'node:assert';
import { isTaskTable, tableChapters } from '../../core/import/tables';
import type { TableBlock } from '../../core/import/source';

const never = () => false;
const table = (rows: string[][]): TableBlock => ({ kind: 'table', rows, line: 1 });

/** [id, agencies, lead count] of every measure. */
function measures(rows: string[][]): Array<[string, string[], number]> {
  return tableChapters(table(rows), never, '方案').flatMap((chapter) => chapter.measures.map((m): [string, string[], number] => [m.path.join('.'), m.list.agencies, m.list.leadCount]));
}

describe('import: task tables', () => {
  it('tells a task table by a header naming a task and who is responsible', () => {
    assert.ok(isTaskTable(table([['序号', '重点任务', '牵头单位', '配合单位', '完成时限']])));
    assert.ok(isTaskTable(table([['关于…的分工方案'], ['序号', '工作任务', '责任单位']])));
    assert.ok(isTaskTable(table([['编号', '任务内容', '主责部门', '协办部门']])));
    assert.equal(isTaskTable(table([['年份', '达标区域', '面积（平方公里）'], ['2024年', '马陆社区', '4.42']])), false);
  });

  it('reads lead and co columns, a single 责任单位 column that names its lead, and merged cells below their first row', () => {
    assert.deepEqual(
      measures([
        ['序号', '重点任务', '牵头单位', '配合单位'],
        ['1', '甲。', '区发改局', '区财政局、各街道'],
        ['2', '乙。', '', ''],
        ['3', '丙。', '区教育局、区卫健委', '区财政局'],
      ]),
      [
        ['1.1', ['区发改局', '区财政局', '各街道'], 1],
        ['1.2', ['区发改局', '区财政局', '各街道'], 1],
        ['1.3', ['区教育局', '区卫健委', '区财政局'], 2],
      ],
    );
    assert.deepEqual(measures([['序号', '工作任务', '责任单位'], ['1', '甲。', '市商务局牵头，市财政局、市税务局'], ['2', '乙。', '市商务局、市财政局']]), [
      ['1.1', ['市商务局', '市财政局', '市税务局'], 1],
      ['1.2', ['市商务局', '市财政局'], 0],
    ]);
  });

  it('opens a chapter at each part row and numbers measures by 序号', () => {
    const chapters = tableChapters(table([['序号', '任务', '牵头单位'], ['一、优化环境', '', ''], ['1', '甲。', '市发改委'], ['二、强化保障', '', ''], ['2', '乙。', '市财政局']]), never, '方案');
    assert.deepEqual(chapters.map((c) => [c.number, c.title, c.measures.map((m) => m.path.join('.'))]), [
      [1, '优化环境', ['1.1']],
      [2, '强化保障', ['2.2']],
    ]);
  });

  it('numbers measures by the outline numbers of their task cells when there is no 序号', () => {
    assert.deepEqual(
      measures([
        ['任务分类', '主要方向', '重点任务', '2024年工作项目', '牵头部门', '配合部门'],
        ['（一）提升设施', '1、改善道路', '（1）建设精品道路。', '建设100条。', '设施养护处', '各区'],
        ['', '2、改善农村路', '（2）推进四好农村路。', '改造300公里。', '设施养护处', '各区'],
        ['（二）提升服务', '3、优化公交', '（3）优化线路。', '优化50条。', '公交处', ''],
      ]).map(([id]) => id),
      ['1.1.1', '1.2.2', '2.3.3'],
    );
  });

  it('skips a header printed again after a page break, and empty rows', () => {
    const header = ['序号', '重点任务', '牵头单位'];
    assert.deepEqual(measures([header, ['1', '甲。', '市发改委'], ['', '', ''], header, ['2', '乙。', '市财政局']]).map(([id]) => id), ['1.1', '1.2']);
  });
});
