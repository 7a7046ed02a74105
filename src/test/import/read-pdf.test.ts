// readDocument on PDFs printed by headless Chromium (as a browser's "Save as PDF" or a word
// processor prints them): wrapped paragraphs come back whole and in order, with their page, and
// without the running header or the page numbers; PDFs without text, with a password or broken.
import { strict as assert } from 'node:assert';
import { readDocument } from '../../core/import/read/index';
import { dropRunningLines, joinLines, joinParagraphs } from '../../core/import/read/pdf-layout';
import type { PrintedLine } from '../../core/import/read/pdf-layout';
import type { SourceDocument, TextBlock, UnreadableDocument } from '../../core/import/source';
import { closeForms, pdfFromHtml, pdfFromText } from './forms';

function read(result: SourceDocument | UnreadableDocument): SourceDocument {
  if ('error' in result) assert.fail(`unreadable: ${result.error} ${result.detail ?? ''}`);
  return result;
}

const HEADER = '浙江省人民政府办公厅文件';

// Paragraphs of every length, from one short line to several wrapped ones: titles, headings of
// parts, measures ending with their agencies, and Latin text and numbers inside CJK text.
const PARAGRAPHS = [
  '关于加快人工智能产业发展的指导意见',
  '各市、县（市、区）人民政府，省政府直属各单位：',
  '一、总体要求',
  '（一）指导思想。坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，紧紧围绕“两个先行”，统筹推进人工智能产业发展，加快建设全球人工智能产业发展新高地。',
  '（二）发展目标。到2027年，全省算力规模达到30EFLOPS以上，总营业收入突破1万亿元，人工智能领域社会投资累计总规模将达到1.5万亿元，全省人工智能企业达到3000家。',
  '二、重点任务',
  ...Array.from(
    { length: 14 },
    (_, index) =>
      `（${'一二三四五六七八九十'[index % 10]}）重点任务第${index + 1}项。${'加快推进实验室体系建设，支持之江实验室等开展人工智能基础理论研究，'.repeat(1 + (index % 3))}布局一批前沿技术攻关项目。（省科技厅、省发展改革委、省经信厅，排名第一的为牵头单位，下同）`,
  ),
  '三、保障措施',
  '（一）加强组织领导。建立省级统筹协调机制。（省数字经济发展领导小组各成员单位根据职能分工各自负责）',
];

describe('import: reading PDFs', function () {
  this.timeout(120_000);
  let policy: SourceDocument;

  before(async () => {
    policy = read(await readDocument(await pdfFromText(PARAGRAPHS.join('\n'), { header: HEADER }), { fileName: 'policy.pdf' }));
  });
  after(closeForms);

  it('hands on every paragraph whole and in order, with no running header and no page number', () => {
    assert.deepEqual(
      policy.blocks.map((block) => (block as TextBlock).text),
      PARAGRAPHS,
    );
    assert.equal(policy.format, 'pdf');
    assert.equal(policy.paragraphsKnown, true);
  });

  it('numbers the paragraphs from 1 and gives each the page it starts on', () => {
    const blocks = policy.blocks as TextBlock[];
    assert.deepEqual(
      blocks.map((block) => block.line),
      PARAGRAPHS.map((_, index) => index + 1),
    );
    assert.equal(blocks[0]!.page, 1);
    const pages = blocks.map((block) => block.page!);
    assert.ok(pages.every((page, index) => index === 0 || page >= pages[index - 1]!), `pages in order: ${pages.join(' ')}`);
    assert.ok(pages.at(-1)! >= 3, `a document of several pages (last paragraph on page ${pages.at(-1)})`);
  });

  it('drops page numbers written 第 N 页 共 M 页 and keeps a one-page document whole', async () => {
    const html = `<!doctype html><meta charset="utf-8"><body style="font: 16px 'Noto Sans CJK SC'; width: 120mm">${PARAGRAPHS.slice(0, 5)
      .map((text) => `<p style="text-indent: 2em; margin: 0">${text}</p>`)
      .join('')}</body>`;
    const footer = `<div style="font-size: 10px; width: 100%; text-align: center">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>`;
    const document = read(await readDocument(await pdfFromHtml(html, { displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: footer })));
    assert.deepEqual(
      document.blocks.map((block) => (block as TextBlock).text),
      PARAGRAPHS.slice(0, 5),
    );
  });

  it('reads a document laid out as government documents are (GB/T 9704): a large title centred over two lines, — N — page numbers', async () => {
    const title = '浙江省人民政府关于加快人工智能产业发展的实施意见（征求意见稿）';
    const body = PARAGRAPHS.slice(1);
    const html = `<!doctype html><meta charset="utf-8"><body style="margin: 0; width: 156mm; font: 16pt/28pt 'Noto Serif CJK SC'">
      <h1 style="font: 22pt/32pt 'Noto Sans CJK SC'; text-align: center; margin: 0 0 28pt; padding: 0 20mm">${title}</h1>
      ${body.map((text) => `<p style="text-indent: 2em; margin: 0; text-align: justify">${text}</p>`).join('')}</body>`;
    const footer = '<div style="font: 14pt serif; width: 100%; text-align: center">— <span class="pageNumber"></span> —</div>';
    const document = read(await readDocument(await pdfFromHtml(html, { displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: footer })));
    assert.deepEqual(
      document.blocks.map((block) => (block as TextBlock).text),
      [title, ...body],
    );
  });

  it('reads a PDF by its content, even when it is named .docx', async () => {
    const bytes = await pdfFromText('一、总体要求');
    assert.equal(read(await readDocument(bytes, { fileName: '政策.docx' })).format, 'pdf');
  });

  describe('PDFs that cannot be read', () => {
    it('reports a PDF of drawings only (no text layer) as a scan', async () => {
      const bytes = await pdfFromHtml('<!doctype html><body><svg width="400" height="300"><rect x="10" y="10" width="200" height="100" fill="#333"/><circle cx="300" cy="200" r="50" fill="#999"/></svg></body>');
      assert.deepEqual(await readDocument(bytes), { error: 'scanned-pdf', format: 'pdf', detail: 'no text layer: scanned images need OCR first' });
    });

    it('reports a hand-written PDF whose page draws but writes no text as a scan', async () => {
      assert.equal(((await readDocument(handWrittenPdf('0 0 m 100 100 l S'))) as UnreadableDocument).error, 'scanned-pdf');
    });

    it('reads the text of a hand-written PDF, to show that the minimal file is valid', async () => {
      const document = read(await readDocument(handWrittenPdf('BT /F1 12 Tf 72 720 Td (Measures) Tj ET')));
      assert.deepEqual(document.blocks, [{ kind: 'text', text: 'Measures', line: 1, page: 1 }]);
    });

    it('reads Chinese text in a font that is not embedded, through its predefined CMap (UniGB-UCS2-H)', async () => {
      const songti = '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>] >>';
      // 一、总体要求 in UCS-2.
      const document = read(await readDocument(handWrittenPdf('BT /F1 16 Tf 72 720 Td <4E003001603B4F5389816C42> Tj ET', '', songti)));
      assert.deepEqual(document.blocks, [{ kind: 'text', text: '一、总体要求', line: 1, page: 1 }]);
    });

    it('reports a PDF that needs a password as encrypted', async () => {
      // RC4 encryption whose check value (/U) no empty user password produces.
      const encrypt = '/Encrypt << /Filter /Standard /V 1 /R 2 /O <' + 'ab'.repeat(32) + '> /U <' + 'cd'.repeat(32) + '> /P -4 >> /ID [<' + '01'.repeat(16) + '> <' + '01'.repeat(16) + '>]';
      assert.deepEqual(await readDocument(handWrittenPdf('BT ET', encrypt)), { error: 'encrypted', format: 'pdf', detail: 'the PDF is protected by a password' });
    });

    it('reports a file that starts like a PDF but is not one as corrupt', async () => {
      const result = (await readDocument(new Uint8Array(Buffer.from('%PDF-1.7\nnot really a PDF\n')))) as UnreadableDocument;
      assert.equal(result.error, 'corrupt');
      assert.equal(result.format, 'pdf');
    });
  });

  describe('page geometry', () => {
    const line = (page: number, y: number, text: string, x0 = 80, x1 = 420): PrintedLine => ({ page, y, text, x0, x1, size: 12 });

    it('keeps a paragraph end that repeats at one place on every page (下同）), but drops a running header set apart', () => {
      const pages = [1, 2, 3].map((page) => [line(page, 40, HEADER, 200, 300), line(page, 100, `第${page}页的正文`), line(page, 122, '同）', 80, 104), line(page, 144, `第${page}页的下一段`)]);
      assert.deepEqual(
        dropRunningLines(pages).map((kept) => kept.text),
        ['第1页的正文', '同）', '第1页的下一段', '第2页的正文', '同）', '第2页的下一段', '第3页的正文', '同）', '第3页的下一段'],
      );
    });

    it('joins wrapped CJK lines without a space, Latin prose with one', () => {
      assert.equal(joinLines('全省算力规模达到30EF', 'LOPS以上'), '全省算力规模达到30EFLOPS以上');
      assert.equal(joinLines('The province will build', 'new computing centres'), 'The province will build new computing centres');
    });

    it('goes on with a title centred over two lines, set larger than the text', () => {
      const lines = [{ ...line(1, 60, '关于加快人工智能产业发展的指导意见', 90, 410), size: 20 }, { ...line(1, 90, '（征求意见稿）', 180, 320), size: 20 }, line(1, 130, '各市、县（市、区）人民政府：', 80, 250), line(1, 152, '正文排满的一行'), line(1, 174, '正文排满的一行')];
      assert.deepEqual(
        joinParagraphs(lines).map((paragraph) => paragraph.text),
        ['关于加快人工智能产业发展的指导意见（征求意见稿）', '各市、县（市、区）人民政府：', '正文排满的一行正文排满的一行'],
      );
    });

    it('starts a paragraph at a part marker after the end of a sentence, also without an indent', () => {
      const lines = [line(1, 100, '加快推进实验室体系建设，排满了这一行的末尾。'), line(1, 122, '二、重点任务'), line(1, 144, '排满的一行，句子没有结束，接着是'), line(1, 166, '2025年的目标')];
      assert.deepEqual(
        joinParagraphs(lines).map((paragraph) => paragraph.text),
        ['加快推进实验室体系建设，排满了这一行的末尾。', '二、重点任务排满的一行，句子没有结束，接着是2025年的目标'],
      );
    });

    it('starts a paragraph at an indented line, a short line, or a change of size', () => {
      const lines = [line(1, 100, '（一）第一段，首行缩进', 104), line(1, 122, '第一段的第二行，排满'), line(1, 144, '第一段末行', 80, 200), line(1, 166, '第二段不缩进但上一行没排满'), line(1, 188, '排满的一行'), { ...line(1, 215, '三、标题'), size: 16 }];
      assert.deepEqual(
        joinParagraphs(lines).map((paragraph) => paragraph.text),
        ['（一）第一段，首行缩进第一段的第二行，排满第一段末行', '第二段不缩进但上一行没排满排满的一行', '三、标题'],
      );
    });
  });
});

/** A one-page PDF with the given content stream, its cross-reference table computed, and trailer extras. */
function handWrittenPdf(content: string, trailerExtra = '', font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    font,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}
