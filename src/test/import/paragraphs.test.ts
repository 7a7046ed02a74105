// splitParagraphs, normalizeLine and chineseNumber on the debris that copying a policy document
// out of Word or a PDF leaves behind: hard wraps at the margin (also inside an agency name and
// inside a number), page numbers, running headers, CRLF / CR / BOM, full-width and stray spaces.
import { strict as assert } from 'node:assert';
import { chineseNumber, normalizeLine, splitParagraphs } from '../../core/import/paragraphs';
import type { Paragraph } from '../../core/import/paragraphs';

/** The visual width the importer measures: CJK one em, Latin letters and digits half of one. */
function width(line: string): number {
  let total = 0;
  for (const char of line) total += char.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return total;
}

/** [kind, line, marker, number, text] of every paragraph, the shape the assertions compare. */
function rows(paragraphs: Paragraph[]): Array<[string, number, string, number, string]> {
  return paragraphs.map((p) => [p.kind, p.line, p.marker, p.number, p.text]);
}

const HEADER = '关于加快人工智能产业发展的指导意见';

// A page of a PDF as copied: lines wrapped at 35 ems, a running header (the title) on each page,
// page numbers of every style, a break inside 30EF|LOPS and inside the agency name 省科|技厅,
// lines that happen to start with 1.5万亿元, （五） and 2. in the middle of a paragraph.
const PDF_LINES = [
  HEADER, // 1: the title, kept
  '', // 2
  '一、总体要求', // 3
  '（一）指导思想。坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻', // 4
  '落实党的二十大精神，紧紧围绕“两个先行”，统筹推进人工智能产业发展，加', // 5
  '快建设全球人工智能产业发展新高地。', // 6
  '（二）发展目标。到2025年，全省算力总规模达到10EFLOPS，高性能算力占比达', // 7
  '到30%，数字经济核心产业增加值比重达到15%，到2027年，全省算力规模达30EF', // 8
  '', // 9
  '- 3 -', // 10
  '', // 11
  HEADER, // 12: running header, dropped
  '', // 13
  'LOPS以上，总营业收入突破1万亿元，人工智能领域社会投资累计总规模将达到', // 14
  '1.5万亿元，全省人工智能企业达到3000家，核心产业增加值占比提高五个百分', // 15
  '点以上，省级人工智能创新平台数量继续保持全国前列，平台总数量达到二十至', // 16
  '（五）十家左右，形成一批具有全球影响力的产业集群和龙头企业，建设一批', // 17
  '2.成高水平的人工智能产业发展新高地。', // 18
  '二、重点任务', // 19
  '（一）强化前沿基础研究。加快推进实验室体系建设，落地建设一批人工智能大', // 20
  '科学装置，瞄准人工智能技术理论前沿，加强基础性原创性科学研究。（省科', // 21
  '', // 22
  '— 4 —', // 23
  HEADER, // 24
  '第5页', // 25
  '技厅、省发展改革委、省经信厅，排名第一的为牵头单位，下同）', // 26
  '（二）加强核心技术攻关。聚焦大模型基础架构、关键算法、数据技术，以及智', // 27
  '第 2 页 共 9 页', // 28
  '7', // 29
  '能芯片、智能传感器、系统软件等重点方向，组织实施一批重大科技项目，突破', // 30
  '一批关键核心技术。（省科技厅、省经信厅、省财政厅）', // 31
];

const PDF_EXPECTED: Array<[string, number, string, number, string]> = [
  ['text', 1, '', 0, HEADER],
  ['part', 3, '一、', 1, '一、总体要求'],
  ['item', 4, '（一）', 1, '（一）指导思想。坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，紧紧围绕“两个先行”，统筹推进人工智能产业发展，加快建设全球人工智能产业发展新高地。'],
  [
    'item',
    7,
    '（二）',
    2,
    '（二）发展目标。到2025年，全省算力总规模达到10EFLOPS，高性能算力占比达到30%，数字经济核心产业增加值比重达到15%，到2027年，全省算力规模达30EFLOPS以上，总营业收入突破1万亿元，人工智能领域社会投资累计总规模将达到1.5万亿元，全省人工智能企业达到3000家，核心产业增加值占比提高五个百分点以上，省级人工智能创新平台数量继续保持全国前列，平台总数量达到二十至（五）十家左右，形成一批具有全球影响力的产业集群和龙头企业，建设一批2.成高水平的人工智能产业发展新高地。',
  ],
  ['part', 19, '二、', 2, '二、重点任务'],
  ['item', 20, '（一）', 1, '（一）强化前沿基础研究。加快推进实验室体系建设，落地建设一批人工智能大科学装置，瞄准人工智能技术理论前沿，加强基础性原创性科学研究。（省科技厅、省发展改革委、省经信厅，排名第一的为牵头单位，下同）'],
  ['item', 27, '（二）', 2, '（二）加强核心技术攻关。聚焦大模型基础架构、关键算法、数据技术，以及智能芯片、智能传感器、系统软件等重点方向，组织实施一批重大科技项目，突破一批关键核心技术。（省科技厅、省经信厅、省财政厅）'],
];

describe('import: paragraphs', () => {
  describe('chineseNumber', () => {
    const cases: Array<[string, number]> = [
      ['一', 1],
      ['二', 2],
      ['九', 9],
      ['十', 10],
      ['十一', 11],
      ['十二', 12],
      ['十九', 19],
      ['二十', 20],
      ['二十三', 23],
      ['三十', 30],
      ['九十九', 99],
    ];
    for (const [numeral, value] of cases) {
      it(`${numeral} → ${value}`, () => assert.equal(chineseNumber(numeral), value));
    }
  });

  describe('normalizeLine', () => {
    const cases: Array<[string, string, string]> = [
      ['full-width indentation', '\u3000\u3000一、总体要求', '一、总体要求'],
      ['stray spaces between Chinese characters', '省 科 技 厅、 省 经信厅', '省科技厅、省经信厅'],
      ['no-break space and tab', '省科技厅\u00a0、\t省经信厅', '省科技厅、省经信厅'],
      ['a space between two Latin words is kept', '推广 Open Source 软件', '推广Open Source软件'],
      ['a space between Latin and Chinese goes', 'AI 芯片 ', 'AI芯片'],
      ['a space between a number and its Latin unit is kept', '算力 达到 20 EFLOPS', '算力达到20 EFLOPS'],
      ['curly quotes count as Chinese punctuation', '“ 两个先行 ”', '“两个先行”'],
      ['em space and ideographic space inside a sentence', '加强\u2003基础\u3000研究', '加强基础研究'],
      ['only whitespace becomes empty', '\u3000 \t\u00a0', ''],
    ];
    for (const [what, raw, expected] of cases) {
      it(what, () => assert.equal(normalizeLine(raw), expected));
    }
  });

  describe('a PDF copy', () => {
    it('has its wrapped lines at the margin (the premise of the other tests)', () => {
      const wrapped = [4, 5, 7, 8, 14, 15, 16, 17, 20, 21, 27, 30].map((line) => width(PDF_LINES[line - 1]!));
      for (const w of wrapped) assert.ok(w >= 34 && w <= 35, `width ${w}`);
    });

    it('joins wrapped lines across page numbers and running headers, keeping the title', () => {
      assert.deepEqual(rows(splitParagraphs(PDF_LINES.join('\n'))), PDF_EXPECTED);
    });

    it('joins a number broken in the middle (30EF|LOPS) and an agency name (省科|技厅)', () => {
      const texts = splitParagraphs(PDF_LINES.join('\n')).map((p) => p.text);
      assert.ok(texts.some((text) => text.includes('达30EFLOPS以上')));
      assert.ok(texts.some((text) => text.includes('（省科技厅、省发展改革委、省经信厅，排名第一的为牵头单位，下同）')));
      assert.ok(!texts.some((text) => /第5页|第 ?2 ?页|— 4 —|- 3 -/.test(text)));
    });

    it('reads the same from CRLF, a BOM, full-width indentation and stray spaces', () => {
      const messy = PDF_LINES.map((line, index) => {
        if (/^[（一二]/.test(line)) return `\u3000\u3000${line}`;
        if (index === 20) return line.replace('科学装置', '科 学 装 置');
        if (index === 25) return ` ${line.replace('省发展改革委', '省 发展改革委')}`;
        return line;
      });
      assert.deepEqual(rows(splitParagraphs(`\uFEFF${messy.join('\r\n')}\r\n`)), PDF_EXPECTED);
    });

    it('reads the same with lone CR line ends', () => {
      assert.deepEqual(rows(splitParagraphs(PDF_LINES.join('\r'))), PDF_EXPECTED);
    });

    it('drops every page-number style between the lines of a paragraph', () => {
      const pages = ['- 3 -', '— 4 —', '－5－', '第5页', '第 2 页 共 9 页', '第2页，共9页', '7', '12/40', 'Page 3 of 9', '- 三 -'];
      for (const page of pages) {
        const lines = [...PDF_LINES.slice(0, 8), '', page, '', ...PDF_LINES.slice(13)];
        const paragraphs = splitParagraphs(lines.join('\n'));
        const goals = paragraphs.find((p) => p.text.startsWith('（二）发展目标'));
        assert.ok(goals?.text.includes('30EFLOPS以上'), `page number ${JSON.stringify(page)}: ${goals?.text}`);
        assert.ok(!paragraphs.some((p) => p.text === page.replace(/\s/g, '')), page);
      }
    });
  });

  describe('headings and numbering', () => {
    it('never lets a part heading swallow the next unnumbered line', () => {
      assert.deepEqual(rows(splitParagraphs('一、总体要求\n坚持以人民为中心的发展思想，统筹发展和安全\n二、主要任务\n（一）加强研究。支持开展研究。')), [
        ['part', 1, '一、', 1, '一、总体要求'],
        ['text', 2, '', 0, '坚持以人民为中心的发展思想，统筹发展和安全'],
        ['part', 3, '二、', 2, '二、主要任务'],
        ['item', 4, '（一）', 1, '（一）加强研究。支持开展研究。'],
      ]);
    });

    it('never lets an item heading without a full stop swallow the next line', () => {
      const paragraphs = splitParagraphs('一、主要任务\n（一）发展目标\n到2027年，人工智能企业达到3000家。');
      assert.deepEqual(
        paragraphs.map((p) => [p.kind, p.text]),
        [
          ['part', '一、主要任务'],
          ['item', '（一）发展目标'],
          ['text', '到2027年，人工智能企业达到3000家。'],
        ],
      );
    });

    it('normalises markers: half-width parentheses, spaces, 1． and 2、, 二．', () => {
      const text = '\uFEFF一、总体要求\r\n\r\n（ 一 ）指导 思想。坚持\u3000创新。\r(二)发展目标。到2027年。\r\n（三）保障措施\n1．加强领导。\n（1）健全机制。\n2、落实责任。\n二．组织实施';
      assert.deepEqual(
        splitParagraphs(text).map((p) => [p.kind, p.line, p.marker, p.number, p.body]),
        [
          ['part', 1, '一、', 1, '总体要求'],
          ['item', 3, '（一）', 1, '指导思想。坚持创新。'],
          ['item', 4, '（二）', 2, '发展目标。到2027年。'],
          ['item', 5, '（三）', 3, '保障措施'],
          ['sub', 6, '1.', 1, '加强领导。'],
          ['subsub', 7, '（1）', 1, '健全机制。'],
          ['sub', 8, '2.', 2, '落实责任。'],
          ['part', 9, '二、', 2, '组织实施'],
        ],
      );
    });

    it('counts parts up to 十二', () => {
      const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
      const paragraphs = splitParagraphs(numerals.map((n, i) => `${n}、第${i + 1}部分`).join('\n'));
      assert.deepEqual(
        paragraphs.map((p) => [p.kind, p.number, p.line]),
        numerals.map((_, i) => ['part', i + 1, i + 1]),
      );
    });

    it('keeps an out-of-sequence （三） or 2. at a line start inside a sub-item paragraph', () => {
      const paragraphs = splitParagraphs('（一）加强研究。\n1.第一项。支持开展研究，\n（三）号文件提出的要求，\n3.年内完成。\n2.第二项。');
      assert.deepEqual(
        paragraphs.map((p) => [p.kind, p.number, p.line, p.text]),
        [
          ['item', 1, 1, '（一）加强研究。'],
          ['sub', 1, 2, '1.第一项。支持开展研究，（三）号文件提出的要求，3.年内完成。'],
          ['sub', 2, 5, '2.第二项。'],
        ],
      );
    });

    it('does not read 1.5万亿元 at a line start as a sub-item', () => {
      const paragraphs = splitParagraphs('（一）发展目标。\n1.总体目标。营业收入达到\n1.5万亿元，企业达到3000家。\n2.分项目标。');
      assert.deepEqual(
        paragraphs.map((p) => [p.kind, p.marker, p.number, p.line]),
        [
          ['item', '（一）', 1, 1],
          ['sub', '1.', 1, 2],
          ['sub', '2.', 2, 4],
        ],
      );
      assert.equal(paragraphs[1]!.text, '1.总体目标。营业收入达到1.5万亿元，企业达到3000家。');
    });

    it('does not read a marker alone on its line as a numbered paragraph', () => {
      const paragraphs = splitParagraphs('一、总体要求\n（一）\n指导思想。');
      assert.ok(paragraphs.every((p) => p.kind !== 'item'), JSON.stringify(rows(paragraphs)));
    });

    it('tells notes and —— bullets from text', () => {
      assert.deepEqual(
        splitParagraphs('注：排名第一的为牵头单位。\n说明: 无\n——创新策源注入新动能。\n备注：详见附件。\n其他内容。').map((p) => p.kind),
        ['note', 'note', 'bullet', 'note', 'text'],
      );
    });
  });

  describe('line breaks and line numbers', () => {
    it('counts CRLF, lone CR and LF as one line each', () => {
      const text = '标题\r\n\r\n一、总体要求\r（一）加强研究。\n\r\n（二）推进应用。\r\r二、保障措施';
      assert.deepEqual(
        splitParagraphs(text).map((p) => [p.line, p.text]),
        [
          [1, '标题'],
          [3, '一、总体要求'],
          [4, '（一）加强研究。'],
          [6, '（二）推进应用。'],
          [8, '二、保障措施'],
        ],
      );
    });

    it('drops a BOM without shifting the first line', () => {
      const [first] = splitParagraphs('\uFEFF一、总体要求\n（一）加强研究。');
      assert.deepEqual([first!.kind, first!.line, first!.text], ['part', 1, '一、总体要求']);
    });

    it('joins an unfinished sentence with the line below, but not after a blank line or a full stop', () => {
      assert.deepEqual(
        splitParagraphs('坚持以人民为中心，\n统筹发展和安全。\n加快建设。\n\n推动高质量发展，\n\n着力扩大内需。').map((p) => [p.line, p.text]),
        [
          [1, '坚持以人民为中心，统筹发展和安全。'],
          [3, '加快建设。'],
          [5, '推动高质量发展，'],
          [7, '着力扩大内需。'],
        ],
      );
    });

    it('gives every paragraph of a PDF copy the line of its first line', () => {
      const paragraphs = splitParagraphs(PDF_LINES.join('\n'));
      for (const paragraph of paragraphs) {
        const source = normalizeLine(PDF_LINES[paragraph.line - 1]!);
        assert.ok(paragraph.text.startsWith(source), `line ${paragraph.line}: ${source}`);
      }
    });
  });

  describe('running headers', () => {
    it('drops a repeated header everywhere when it never stood before the body', () => {
      const lines = ['一、总体要求', '（一）指导思想。坚持创新驱动。', '浙江省人民政府公报', '（二）发展目标。到2027年。', '浙江省人民政府公报', '（三）基本原则。统筹兼顾。'];
      const texts = splitParagraphs(lines.join('\n')).map((p) => p.text);
      assert.ok(!texts.includes('浙江省人民政府公报'), JSON.stringify(texts));
      assert.equal(texts.length, 4);
    });

    // Regression (found by these tests, fixed): runningHeaders() takes any short line that occurs twice for a running header, also a
    // responsibility list on a line of its own. Two measures whose lists read the same (common:
    // PDF wrapping puts `（省科技厅、省经信厅）` on its own line) lose both lists (the first is
    // after the first numbered line, so it goes too), and the import reports them as measures
    // without a list.
    it('keeps a responsibility list that repeats on a line of its own', () => {
      const text = ['一、重点任务', '（一）强化前沿基础研究。加快推进实验室体系建设。', '（省科技厅、省经信厅）', '（二）加强核心技术攻关。聚焦大模型基础架构。', '（省科技厅、省经信厅）'].join('\n');
      const texts = splitParagraphs(text).map((p) => p.text);
      assert.equal(texts.filter((t) => t === '（省科技厅、省经信厅）').length, 2, JSON.stringify(texts));
    });
  });

  describe('a short hard-wrapped text (too few lines to find the margin)', () => {
    // Regression (found by these tests, fixed): continues() never lets an item (（一）) continue into the next line unless the
    // text has a detected wrap margin (8 lines or more). An item paragraph that is a sentence
    // cut off mid-word (…人工智能大 / 科学装置…) is split in two, and the measure text gets a
    // line break inside the word 大|科学装置; with a list wrapped as （省科|技厅…）, the list is lost.
    // Sub-items (1.) in the same situation do continue, so the two levels behave differently.
    it('continues an item that ends mid-sentence into the next line', () => {
      const text = '（一）强化前沿基础研究。加快推进实验室体系建设，落地建设一批人工智能大\n科学装置，瞄准人工智能技术理论前沿。（省科技厅、省经信厅）';
      assert.equal(splitParagraphs(text).length, 1);
      const withOutOfSequence = splitParagraphs('（一）加强研究。支持开展研究，\n（三）号文件提出的要求落实。');
      assert.equal(withOutOfSequence.length, 1, JSON.stringify(rows(withOutOfSequence)));
    });
  });
});
