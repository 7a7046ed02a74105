// readDocument on plain text and CSV: lines as blocks, the encodings decodePolicyText detects, task
// tables told from prose by their header row, RFC 4180 quoting, and the errors of text that is not.
import { strict as assert } from 'node:assert';
import { readDocument } from '../../core/import/read/index';
import type { SourceDocument, UnreadableDocument } from '../../core/import/source';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
// 中文 in GB18030 (and GBK): d6 d0 ce c4.
const GB_CHINESE = [0xd6, 0xd0, 0xce, 0xc4];

function read(result: SourceDocument | UnreadableDocument): SourceDocument {
  if ('error' in result) assert.fail(`unreadable: ${result.error} ${result.detail ?? ''}`);
  return result;
}

const texts = (document: SourceDocument) => document.blocks.map((block) => (block.kind === 'text' ? block.text : block.rows));

describe('import: reading plain text and CSV', () => {
  describe('plain text', () => {
    it('hands on every line as a text block numbered from 1, blank lines included', async () => {
      const document = read(await readDocument(utf8('一、总体要求\r\n\r\n（一）指导思想。坚持\n以人民为中心。\n')));
      assert.deepEqual(document, {
        format: 'text',
        encoding: 'utf-8',
        paragraphsKnown: false,
        blocks: [
          { kind: 'text', text: '一、总体要求', line: 1 },
          { kind: 'text', text: '', line: 2 },
          { kind: 'text', text: '（一）指导思想。坚持', line: 3 },
          { kind: 'text', text: '以人民为中心。', line: 4 },
        ],
      });
    });

    it('reads GB18030 and says so', async () => {
      const document = read(await readDocument(new Uint8Array([...Buffer.from('1. '), ...GB_CHINESE, 0x0a])));
      assert.equal(document.encoding, 'gb18030');
      assert.deepEqual(texts(document), ['1. 中文']);
    });

    it('reads UTF-16LE with a BOM', async () => {
      const document = read(await readDocument(new Uint8Array([0xff, 0xfe, ...Buffer.from('第一章\n总则', 'utf16le')])));
      assert.equal(document.encoding, 'utf-16le');
      assert.deepEqual(texts(document), ['第一章', '总则']);
    });

    it('decodes with the encoding it is given', async () => {
      assert.equal(read(await readDocument(new Uint8Array(GB_CHINESE), { encoding: 'gb18030' })).encoding, 'gb18030');
      assert.deepEqual(await readDocument(new Uint8Array(GB_CHINESE), { encoding: 'utf-8' }), { error: 'undecodable', format: 'text', detail: 'utf-8' });
    });

    it('keeps prose with commas as text, even when it mentions 牵头单位', async () => {
      const document = read(await readDocument(utf8('（二）加快推进实验室建设，省科技厅为牵头单位，省发展改革委配合。\n')));
      assert.equal(document.format, 'text');
    });
  });

  describe('CSV', () => {
    const TABLE = [
      ['序号', '重点任务', '牵头单位', '责任单位'],
      ['1', '强化前沿基础研究，布局"基础理论"攻关', '省科技厅', '省发展改革委、省教育厅'],
      ['2', '建设算力基础设施\n（跨两行）', '省发展改革委', ''],
    ];
    const csv = (rows: string[][], eol = '\r\n') => rows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join(eol) + eol;

    it('reads a task table by its header row, whatever the file is called: quoted fields, doubled quotes, line breaks in a cell, CRLF', async () => {
      const document = read(await readDocument(utf8(csv(TABLE)), { fileName: '分工表.txt' }));
      assert.deepEqual(document, { format: 'csv', encoding: 'utf-8', paragraphsKnown: true, blocks: [{ kind: 'table', rows: TABLE, line: 1 }] });
    });

    it('drops a UTF-8 BOM (Excel writes one) and reads GB18030 CSV', async () => {
      assert.deepEqual(texts(read(await readDocument(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(csv(TABLE, '\n'))])))), [TABLE]);
      const gb = read(await readDocument(new Uint8Array([...utf8('no,'), ...GB_CHINESE, 0x0d, 0x0a, ...utf8('1,'), ...GB_CHINESE]), { fileName: 'x.csv' }));
      assert.equal(gb.encoding, 'gb18030');
      assert.deepEqual(texts(gb), [[['no', '中文'], ['1', '中文']]]);
    });

    it('reads a .csv file without a task-table header as a table too, and keeps ragged rows', async () => {
      assert.deepEqual(texts(read(await readDocument(utf8('a,b,c\n1,2\n'), { fileName: 'tasks.CSV' }))), [[['a', 'b', 'c'], ['1', '2']]]);
    });

    it("reads Excel's tab-separated text (UTF-16) by its header row", async () => {
      const tsv = '序号\t重点任务\t牵头单位\r\n1\t建设算力, 存力\t省发展改革委\r\n';
      const document = read(await readDocument(new Uint8Array([0xff, 0xfe, ...Buffer.from(tsv, 'utf16le')]), { fileName: 'tasks.txt' }));
      assert.deepEqual(texts(document), [[['序号', '重点任务', '牵头单位'], ['1', '建设算力, 存力', '省发展改革委']]]);
    });

    it('reports a quote that never closes as a corrupt CSV', async () => {
      const result = await readDocument(utf8('序号,重点任务\n1,"未闭合\n'));
      assert.equal((result as UnreadableDocument).error, 'corrupt');
      assert.equal((result as UnreadableDocument).format, 'csv');
    });
  });
});
