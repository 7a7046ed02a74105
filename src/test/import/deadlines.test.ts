// Deadlines on import (issue 14, item 4): the 完成时限 column of a task table in CSV, Excel and Word,
// the deadline written in a measure's responsibility parenthesis or on a 完成时限： line beside it,
// in a text and in a Word file — each read into `deadline` as written, the agencies read exactly
// as without it, and the YAML a string the schema accepts.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildMatrix, importGuideline, Project, readDocument } from '../../core/index';
import type { ImportResult } from '../../core/index';
import { tableChapters } from '../../core/import/tables';
import { bytesOf, corpusDir, loadCorpus, matrixRows, score } from './corpus';
import type { Form } from './corpus';
import { docxFromTable, docxFromText, xlsxFromTable } from './forms';

async function importBytes(bytes: Uint8Array, fileName: string): Promise<ImportResult> {
  const document = await readDocument(bytes, { fileName });
  if ('error' in document) assert.fail(`${fileName}: ${document.error}`);
  return importGuideline(document, { id: 'doc', locale: 'en' });
}

function deadlines(result: ImportResult): Array<[string, string | undefined]> {
  return result.guideline.chapters.flatMap((chapter) => chapter.measures.map((measure): [string, string | undefined] => [measure.id, measure.deadline]));
}

/** The import's YAML in a project, as `matrix --format json` reads it back: its measures, and every schema finding. */
function readBack(result: ImportResult): { measures: ReturnType<typeof buildMatrix>['measures']; schemaErrors: string[] } {
  const project = new Project();
  project.setFile('tasks/doc.yaml', result.yaml);
  const schemaErrors = project
    .lintFile('tasks/doc.yaml')
    .diagnostics.filter((d) => d.rule === 'schema' || d.rule === 'yaml-syntax' || d.rule === 'deadline-format')
    .map((d) => `${d.rule}: ${d.message}`);
  return { measures: buildMatrix(project, ['tasks/doc.yaml']).measures, schemaErrors };
}

describe('import: deadlines', () => {
  describe('the 时间节点 column of a real task table', () => {
    // 宝府办〔2019〕26号, attachment 1 (zhiyao87/Shanghai-Gov-Docs-Index, docs/市容绿化与景观/上海市宝山区
    // 人民政府办公室关于印发贯彻《上海市生活垃圾管理条例》推进全程分类体系建设实施方案的通知.md): columns
    // 序号·任务名称·任务内容·牵头部门·配合部门·时间节点, 39 rows, deadlines 2019年 and 2019年3月 … 2019年9月.
    const baoshan = loadCorpus().find((document) => document.slug === 'city-baoshan-waste-table')!;
    const rows = parseCsv(readFileSync(join(corpusDir, baoshan.file), 'utf8').replace(/^\uFEFF/, ''), { relaxColumnCount: true }) as string[][];
    const column = rows[0]!.indexOf('时间节点');
    const printed = rows.slice(1).map((row) => row[column]!);

    for (const form of ['text', 'xlsx', 'docx'] as Form[]) {
      it(`gives every row its deadline as printed, and the same agencies as before (${form === 'text' ? 'csv' : form})`, async () => {
        const { bytes, fileName } = await bytesOf(baoshan, form);
        const result = await importBytes(bytes, fileName);
        assert.equal(column, 5);
        assert.deepEqual(
          deadlines(result).map(([, deadline]) => deadline),
          printed,
        );
        assert.equal(result.counts.deadlines, 39);
        // Leads and co-responsible agencies as the hand-made truth has them: the deadline column adds no name.
        assert.equal(score(baoshan.truth.measures, matrixRows(result)).right, 39);
        const { measures, schemaErrors } = readBack(result);
        assert.deepEqual(schemaErrors, []);
        assert.deepEqual(
          measures.slice(0, 3).map((m) => [m.id, m.deadline, m.due]),
          [
            ['1.1', '2019年3月', '2019-03-31'],
            ['1.2', '2019年', '2019-12-31'],
            ['1.3', '2019年6月', '2019-06-30'],
          ],
        );
      });
    }

    it('leaves the year columns of a plan (2024年工作项目, 2025年计划) out of the deadline', async () => {
      // 沪交设养〔2024〕1025号 (province-transport-refinement-table): one column per year, no 完成时限.
      const transport = loadCorpus().find((document) => document.slug === 'province-transport-refinement-table')!;
      const { bytes, fileName } = await bytesOf(transport, 'text');
      const result = await importBytes(bytes, fileName);
      assert.equal(result.counts.deadlines, 0);
      assert.ok(!result.yaml.includes('deadline:'));
    });
  });

  describe('the deadline column of a task table', () => {
    const header = (deadlineHeader: string) => ['序号', '重点任务', '牵头单位', '配合单位', deadlineHeader];
    const table = (rows: string[][]) => ({ kind: 'table' as const, line: 1, rows });
    const deadlinesOf = (rows: string[][]) => tableChapters(table(rows), () => false, 'doc').flatMap((chapter) => chapter.measures.map((measure) => measure.deadline));

    for (const name of ['完成时限', '完成时间', '时间节点', '时限', '进度安排', '完成期限', '时间安排', '截止时间', '计划完成时间', '完成 时限']) {
      it(`reads a column headed ${name}`, () => {
        assert.deepEqual(deadlinesOf([header(name), ['1', '深化“一网通办”改革。', '市政务服务中心', '市大数据局', '2025年底前']]), ['2025年底前']);
      });
    }

    it('reads no deadline from a column that reports progress (进展情况, 完成情况)', () => {
      for (const name of ['进展情况', '完成情况']) {
        assert.deepEqual(deadlinesOf([['序号', '重点任务', '牵头单位', '配合单位', name], ['1', '深化改革。', '市政务服务中心', '', '已完成']]), [undefined]);
      }
    });

    it('keeps a cell as written, on one line; an empty cell or a dash gives none, even below a merged agency cell', () => {
      const rows = [
        header('完成时限'),
        ['1', '深化“一网通办”改革。', '市政务服务中心', '市大数据局', ' 2025年\n12月底前 '],
        ['2', '推行告知承诺制。', '市司法局', '', '长期坚持'],
        ['3', '加大用地保障。', '市自然资源局', '', ''],
        ['4', '拓宽融资渠道。', '', '', '—'],
        ['5', '优化审批流程。', '市政务服务中心', '', '2026年6月'],
      ];
      assert.deepEqual(deadlinesOf(rows), ['2025年12月底前', '长期坚持', undefined, undefined, '2026年6月']);
    });

    it('writes each deadline per measure even when all are the same, in Excel and Word alike', async () => {
      const rows = [header('完成时限'), ['1', '深化改革。', '市政务服务中心', '市大数据局', '2025年底前'], ['2', '推行告知承诺制。', '市司法局', '', '2025年底前']];
      for (const [bytes, fileName] of [
        [await xlsxFromTable(rows), 'plan.xlsx'],
        [await docxFromTable(rows, '重点任务分工方案'), 'plan.docx'],
      ] as const) {
        const result = await importBytes(bytes, fileName);
        assert.deepEqual(deadlines(result), [
          ['1.1', '2025年底前'],
          ['1.2', '2025年底前'],
        ]);
        assert.ok(!/^deadline:/m.test(result.yaml), 'no guideline-level default is invented');
      }
    });
  });

  describe('deadlines written with the responsibility list', () => {
    // The forms issue 14 quotes. No published document with a deadline inside the responsibility
    // parenthesis was found in the stored Shanghai documents (they print 完成时限 as a table column,
    // as 宝府办〔2019〕26号 does), so the sentences around the lists are the tests' own.
    const TEXT = [
      '一、重点任务',
      '（一）强化前沿基础研究。加快推进实验室体系建设。（省科技厅牵头，2025年底前完成）',
      '（二）推动产业集聚发展。建设特色产业园区。（省发展改革委、省经信厅按职责分工负责，2026年6月底前完成）',
      '（三）优化创新生态。完善创新服务体系。（省科技厅、省财政厅，排名第一的为牵头单位，长期坚持）',
      '（四）扩大开放合作。深化国际交流。（省商务厅牵头，省外办配合，持续推进）',
      '（五）建设算力设施。布局智算中心。',
      '牵头单位：省发展改革委；配合单位：省通信管理局',
      '完成时限：2025年12月底',
      '（六）加强人才培养。引进高层次人才。（省人力社保厅、省教育厅负责）',
    ].join('\n');
    const EXPECTED: Array<[string, string | undefined]> = [
      ['1.1', '2025年底前'],
      ['1.2', '2026年6月底前'],
      ['1.3', '长期坚持'],
      ['1.4', '持续推进'],
      ['1.5', '2025年12月底'],
      ['1.6', undefined],
    ];
    const AGENCIES = [
      ['1.1', '省科技厅', []],
      ['1.2', null, ['省发展改革委', '省经信厅']],
      ['1.3', '省科技厅', ['省财政厅']],
      ['1.4', '省商务厅', ['省外办']],
      ['1.5', '省发展改革委', ['省通信管理局']],
      ['1.6', null, ['省人力社保厅', '省教育厅']],
    ];

    for (const [form, make] of [
      ['text', async () => ({ bytes: Buffer.from(TEXT), fileName: 'plan.txt' })],
      ['docx', async () => ({ bytes: await docxFromText(TEXT), fileName: 'plan.docx' })],
    ] as const) {
      it(`reads the deadline into deadline and never as an agency (${form})`, async () => {
        const { bytes, fileName } = await make();
        const result = await importBytes(bytes, fileName);
        assert.deepEqual(deadlines(result), EXPECTED);
        assert.deepEqual(
          matrixRows(result).map((row) => [row.id, row.lead, row.co]),
          AGENCIES,
        );
        const names = result.guideline.chapters.flatMap((chapter) => chapter.measures.flatMap((measure) => measure.agencies ?? []));
        assert.ok(!names.some((name) => /\d{4}年|坚持|推进|完成/.test(name)), `a deadline read as an agency: ${names.join('、')}`);
        assert.deepEqual(result.problems, []);
        assert.equal(result.counts.deadlines, 5);
        // The 完成时限： line is the deadline now, not the measure's text.
        const fifth = result.guideline.chapters[0]!.measures[4]!;
        assert.equal(fifth.text, '布局智算中心。');
      });
    }

    it('writes deadline after agencies and division, a date as a quoted string the schema accepts', () => {
      const text = ['一、任务', '（一）甲。内容。（市住建委、市水务局按职责分工负责，2027-12-31）', '（二）乙。内容。（市住建委牵头，2026年6月底前完成）'].join('\n');
      const result = importGuideline(text, { id: 'doc', locale: 'en' });
      assert.match(result.yaml, /agencies: \[市住建委, 市水务局\]\n {8}division: by-function\n {8}deadline: "2027-12-31"\n/);
      assert.match(result.yaml, /agencies: \[市住建委\]\n {8}deadline: "2026年6月底前"\n/);
      const { measures, schemaErrors } = readBack(result);
      assert.deepEqual(schemaErrors, []);
      assert.deepEqual(
        measures.map((m) => [m.deadline, m.due]),
        [
          ['2027-12-31', '2027-12-31'],
          ['2026年6月底前', '2026-06-30'],
        ],
      );
    });
  });
});
