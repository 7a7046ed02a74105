// readDocument on Word files made by the `docx` package: paragraphs and tables in document order,
// merged cells, Word's automatic list numbers printed back (一、 （一） 1.), empty paragraphs counted
// but not handed on, and a Word file recognised by its content whatever its name.
import { strict as assert } from 'node:assert';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import JSZip from 'jszip';
import { readDocument } from '../../core/import/read/index';
import { formatNumber } from '../../core/import/read/numbering';
import type { SourceDocument, UnreadableDocument } from '../../core/import/source';
import { docxFromTable, docxFromText } from './forms';

function read(result: SourceDocument | UnreadableDocument): SourceDocument {
  if ('error' in result) assert.fail(`unreadable: ${result.error} ${result.detail ?? ''}`);
  return result;
}

const POLICY = ['关于加快人工智能产业发展的指导意见', '', '一、总体要求', '（一）指导思想。坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神。', '', '', '（二）发展目标。到2027年，全省人工智能企业达到3000家。'].join('\n');

describe('import: reading Word documents', () => {
  it('hands on each paragraph whole, numbered by its place in the document, empty paragraphs skipped but counted', async () => {
    const document = read(await readDocument(await docxFromText(POLICY), { fileName: 'policy.docx' }));
    assert.deepEqual(document, {
      format: 'docx',
      paragraphsKnown: true,
      blocks: [
        { kind: 'text', text: '关于加快人工智能产业发展的指导意见', line: 1 },
        { kind: 'text', text: '一、总体要求', line: 3 },
        { kind: 'text', text: '（一）指导思想。坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神。', line: 4 },
        { kind: 'text', text: '（二）发展目标。到2027年，全省人工智能企业达到3000家。', line: 7 },
      ],
    });
  });

  it('reads a task table between paragraphs, in order, counting its rows as lines; a vertically merged cell is written once', async () => {
    const rows = [
      ['序号', '重点任务', '牵头单位', '责任单位'],
      ['1', '强化前沿基础研究', '省科技厅', '省教育厅'],
      ['2', '建设算力基础设施', '^', '省经信厅'],
      ['3', '培育人工智能企业', '省经信厅', ''],
    ];
    const document = read(await readDocument(await docxFromTable(rows, '附件：重点任务分工表')));
    assert.deepEqual(document.blocks, [
      { kind: 'text', text: '附件：重点任务分工表', line: 1 },
      {
        kind: 'table',
        line: 2,
        rows: [
          ['序号', '重点任务', '牵头单位', '责任单位'],
          ['1', '强化前沿基础研究', '省科技厅', '省教育厅'],
          ['2', '建设算力基础设施', '', '省经信厅'],
          ['3', '培育人工智能企业', '省经信厅', ''],
        ],
      },
    ]);
  });

  it('keeps the columns of a row whose cell spans two columns, and counts paragraphs after a table from its last row', async () => {
    const cell = (text: string, columnSpan?: number) => new TableCell({ children: [new Paragraph(text)], ...(columnSpan ? { columnSpan } : {}) });
    const table = new Table({
      rows: [
        new TableRow({ children: [cell('任务'), cell('牵头单位'), cell('完成时限')] }),
        new TableRow({ children: [cell('各地各部门按职能分工各自负责', 2), cell('长期坚持')] }),
      ],
    });
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [table, new Paragraph('说明：下同。')] }] }));
    assert.deepEqual(read(await readDocument(bytes)).blocks, [
      { kind: 'table', line: 1, rows: [['任务', '牵头单位', '完成时限'], ['各地各部门按职能分工各自负责', '', '长期坚持']] },
      { kind: 'text', text: '说明：下同。', line: 3 },
    ]);
  });

  it("prints Word's automatic list numbers back: 一、 （一） 1. and ①, continuing and nesting as Word does", async () => {
    const levels = [
      { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
      { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
      { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
      { level: 3, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%4', alignment: AlignmentType.LEFT },
    ];
    const item = (text: string, level: number) => new Paragraph({ text, numbering: { reference: 'outline', level } });
    const bytes = await Packer.toBuffer(
      new Document({
        numbering: { config: [{ reference: 'outline', levels }] },
        sections: [
          {
            children: [
              item('总体要求', 0),
              item('指导思想', 1),
              item('发展目标', 1),
              item('到2027年', 2),
              item('企业3000家', 3),
              item('', 2), // an empty list paragraph is not numbered
              item('算力规模', 2),
              item('重点任务', 0),
              item('强化基础研究', 1),
              ...Array.from({ length: 10 }, (_, index) => item(`措施${index + 2}`, 1)),
            ],
          },
        ],
      }),
    );
    const texts = read(await readDocument(bytes)).blocks.map((block) => (block.kind === 'text' ? block.text : ''));
    assert.deepEqual(texts.slice(0, 9), ['一、总体要求', '（一）指导思想', '（二）发展目标', '1. 到2027年', '① 企业3000家', '2. 算力规模', '二、重点任务', '（一）强化基础研究', '（二）措施2']);
    assert.deepEqual(texts.slice(-2), ['（十）措施10', '（十一）措施11']);
  });

  it('writes list numbers in the formats of numbering.xml as Word prints them', () => {
    const chinese = [1, 10, 11, 20, 21, 100, 105, 110, 1001].map((value) => formatNumber(value, 'chineseCounting'));
    assert.deepEqual(chinese, ['一', '十', '十一', '二十', '二十一', '一百', '一百零五', '一百一十', '一千零一']);
    assert.deepEqual(
      [formatNumber(3, 'chineseLegalSimplified'), formatNumber(2, 'ideographTraditional'), formatNumber(3, 'decimalEnclosedCircle'), formatNumber(27, 'upperLetter'), formatNumber(14, 'lowerRoman'), formatNumber(7, 'decimalFullWidth')],
      ['叁', '乙', '③', 'AA', 'xiv', '７'],
    );
  });

  it('reads a Word file by its content: renamed .txt, or with no name at all', async () => {
    const bytes = await docxFromText('第一章 总则');
    assert.equal(read(await readDocument(bytes, { fileName: '政策.txt' })).format, 'docx');
    assert.equal(read(await readDocument(bytes)).format, 'docx');
  });

  it('leaves out deleted revisions, field codes and text boxes, and keeps inserted text, tabs and line breaks', async () => {
    const body = `
      <w:p><w:r><w:t>一、</w:t></w:r><w:ins><w:r><w:t>总体</w:t></w:r></w:ins><w:del><w:r><w:delText>删除的</w:delText></w:r></w:del><w:r><w:t>要求</w:t></w:r></w:p>
      <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
      <w:p><w:r><w:t>标题</w:t><w:br/><w:t>（一）正文</w:t><w:tab/><w:t>续</w:t></w:r><w:r><w:drawing><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:drawing></w:r></w:p>
      <w:sdt><w:sdtContent><w:p><w:r><w:t>内容控件里的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>`;
    const document = read(await readDocument(await handMadeDocx(body)));
    assert.deepEqual(document.blocks, [
      { kind: 'text', text: '一、总体要求', line: 1 },
      { kind: 'text', text: '7', line: 2 },
      { kind: 'text', text: '标题', line: 3 },
      { kind: 'text', text: '（一）正文\t续', line: 3 },
      { kind: 'text', text: '内容控件里的段落', line: 4 },
    ]);
  });

  describe('files that are not readable Word documents', () => {
    it('reports a truncated Word file (an incomplete ZIP) as corrupt', async () => {
      const bytes = await docxFromText(POLICY);
      const result = (await readDocument(bytes.subarray(0, Math.floor(bytes.length / 2)), { fileName: 'policy.docx' })) as UnreadableDocument;
      assert.equal(result.error, 'corrupt');
      assert.equal(result.format, 'docx');
    });

    it('reports a Word file whose document.xml is not well-formed as corrupt', async () => {
      const result = (await readDocument(await handMadeDocx('<w:p><w:r><w:t>未闭合</w:r></w:p>'))) as UnreadableDocument;
      assert.equal(result.error, 'corrupt');
    });

    it('reports a Word file with no text as empty', async () => {
      assert.deepEqual(await readDocument(await docxFromText('\n\n')), { error: 'empty', format: 'docx' });
    });

    it('reports a ZIP archive that holds neither Word nor Excel as unsupported', async () => {
      const zip = new JSZip();
      zip.file('readme.txt', '重点任务');
      const result = (await readDocument(await zip.generateAsync({ type: 'uint8array' }), { fileName: 'tasks.docx' })) as UnreadableDocument;
      assert.equal(result.error, 'unsupported');
    });
  });
});

/** A minimal Word package around the given w:body content, for markup the docx package does not write. */
async function handMadeDocx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}
