// listAtEnd, mergeLists and withoutList: where a responsibility list stands in a paragraph.
import { strict as assert } from 'node:assert';
import { listAtEnd, mergeLists, withoutList } from '../../core/import/lists';
import type { Paragraph } from '../../core/import/paragraphs';

const never = () => false;
const paragraph = (text: string, line = 1): Paragraph => ({ kind: 'text', text, body: text, marker: '', number: 0, line });

describe('import: finding lists in paragraphs', () => {
  it('finds a bracketed list ending a paragraph, before a full stop or not', () => {
    for (const text of ['加快建设。（省科技厅、省财政厅负责）', '加快建设（省科技厅、省财政厅负责）。', '加快建设。(省科技厅、省财政厅负责)']) {
      const read = paragraph(text);
      const found = listAtEnd(read, never);
      assert.deepEqual(found?.list.agencies, ['省科技厅', '省财政厅'], text);
      assert.equal(withoutList(read, found), text.startsWith('加快建设。') ? '加快建设。' : '加快建设');
    }
  });

  it('finds a labelled list as a paragraph of its own, and as the last sentence of a paragraph', () => {
    assert.equal(listAtEnd(paragraph('牵头单位：区发改局'), never)?.start, 0);
    const inline = paragraph('加快建设。牵头单位：区发改局；配合单位：区财政局');
    const found = listAtEnd(inline, never);
    assert.deepEqual(found?.list.agencies, ['区发改局', '区财政局']);
    assert.equal(withoutList(inline, found), '加快建设。');
  });

  it('merges two labelled lines into one list', () => {
    const first = listAtEnd(paragraph('牵头单位：区发改局', 1), never)!;
    const second = listAtEnd(paragraph('责任单位：区财政局、各街道', 2), never)!;
    const merged = mergeLists(first, second, never);
    assert.deepEqual(merged?.list.agencies, ['区发改局', '区财政局', '各街道']);
    assert.equal(merged?.list.leadCount, 1);
    assert.equal(merged?.paragraphs.length, 2);
  });

  it('finds no list in a parenthesis that explains a word, nor in a place name', () => {
    for (const text of ['出台办法（试行）。', '建设创新应用场景（产品）。', '北部科技驿站（朱桥片区）', '推进高水平开放（以下简称开放）。']) assert.equal(listAtEnd(paragraph(text), never), undefined, text);
  });
});
