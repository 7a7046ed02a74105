// measuresOf: which parts of the outline are measures, and the numbers they keep.
import { strict as assert } from 'node:assert';
import { measuresOf } from '../../core/import/measures';
import { buildOutline } from '../../core/import/outline';
import { splitParagraphs } from '../../core/import/paragraphs';

const never = () => false;

/** [id, first line of the measure, agencies] of the measures of the first part. */
function measures(lines: string[]): Array<[string, number, string[]]> {
  const part = buildOutline(splitParagraphs(lines.join('\n'))).parts[0]!;
  return measuresOf(part, never).map((m) => [m.path.join('.'), m.heading.line, m.list.list.agencies]);
}

describe('import: measures in the outline', () => {
  it('makes each item with its own list a measure, and leaves items that name nobody out', () => {
    assert.deepEqual(measures(['一、任务', '（一）甲。内容。（市发改委负责）', '（二）乙。内容。', '（三）丙。内容。（市财政局负责）']), [
      ['1.1', 2, ['市发改委']],
      ['1.3', 4, ['市财政局']],
    ]);
  });

  it('makes the sub-items measures when they carry the lists', () => {
    assert.deepEqual(measures(['一、任务', '（一）夯实基础', '1.甲。内容。（市发改委负责）', '2.乙。内容。（市财政局负责）']).map(([id]) => id), ['1.1.1', '1.1.2']);
  });

  it('makes the item the measure when one list stands alone after its last sub-item', () => {
    assert.deepEqual(measures(['一、任务', '（一）夯实基础。', '1.甲。内容。', '2.乙。内容。', '牵头单位：市发改委']), [['1.1', 2, ['市发改委']]]);
  });

  it('makes each run of paragraphs that ends in a list a measure when an item holds several', () => {
    assert.deepEqual(measures(['一、任务', '（一）夯实基础', '——甲。内容。（市发改委负责）', '——乙。内容。（市财政局负责）']), [
      ['1.1.1', 3, ['市发改委']],
      ['1.1.2', 4, ['市财政局']],
    ]);
  });

  it('starts a measure at its own heading line, not at the introduction before it', () => {
    assert.deepEqual(measures(['一、重点任务', '围绕目标，重点做好以下工作：', '加强统筹', '建立机制。（市发改委负责）', '强化保障', '加大投入。（市财政局负责）']), [
      ['1.1', 3, ['市发改委']],
      ['1.2', 5, ['市财政局']],
    ]);
  });
});
