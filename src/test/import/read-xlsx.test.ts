// readDocument on Excel workbooks made by exceljs: every visible sheet with content as a table,
// cells as displayed (rich text joined, numbers in their format, formula results, dates), merged
// cells written once, and a workbook recognised by its content whatever its name.
import { strict as assert } from 'node:assert';
import ExcelJS from 'exceljs';
import { readDocument } from '../../core/import/read/index';
import { formatNumber } from '../../core/import/read/xlsx';
import type { SourceDocument, UnreadableDocument } from '../../core/import/source';
import { xlsxFromTable } from './forms';

function read(result: SourceDocument | UnreadableDocument): SourceDocument {
  if ('error' in result) assert.fail(`unreadable: ${result.error} ${result.detail ?? ''}`);
  return result;
}

const ROWS = [
  ['序号', '重点任务', '牵头单位', '责任单位'],
  ['1', '强化前沿基础研究', '省科技厅', '省发展改革委、省教育厅'],
  ['2', '建设算力基础设施', '省发展改革委', ''],
];

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('import: reading Excel workbooks', () => {
  it('hands on a worksheet as one table of cell texts, with its name', async () => {
    assert.deepEqual(read(await readDocument(await xlsxFromTable(ROWS), { fileName: '分工表.xlsx' })), {
      format: 'xlsx',
      paragraphsKnown: true,
      blocks: [{ kind: 'table', rows: ROWS, line: 1, sheet: '重点任务' }],
    });
  });

  it('writes a merged cell once, in its first cell, and leaves the cells it covers empty', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('分工');
      sheet.addRows([['重点任务分工表', '', ''], ['任务', '牵头单位', '完成时限'], ['建设算力', '省发展改革委', '2025年底前'], ['培育企业', '', '长期坚持']]);
      sheet.mergeCells('A1:C1');
      sheet.mergeCells('B3:B4');
    });
    assert.deepEqual(read(await readDocument(bytes)).blocks, [
      { kind: 'table', line: 1, sheet: '分工', rows: [['重点任务分工表', '', ''], ['任务', '牵头单位', '完成时限'], ['建设算力', '省发展改革委', '2025年底前'], ['培育企业', '', '长期坚持']] },
    ]);
  });

  it('shows cells as Excel does: rich text joined, numbers in their format, formula results, dates, hyperlinks', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('目标');
      sheet.getCell('A1').value = { richText: [{ text: '人工智能', font: { bold: true } }, { text: '企业数' }] };
      sheet.getCell('B1').value = 3000;
      sheet.getCell('C1').value = 1234567.891;
      sheet.getCell('C1').numFmt = '#,##0.00';
      sheet.getCell('D1').value = 0.3;
      sheet.getCell('D1').numFmt = '0%';
      sheet.getCell('E1').value = { formula: 'B1*2', result: 6000 };
      sheet.getCell('F1').value = new Date(Date.UTC(2025, 11, 31));
      sheet.getCell('F1').numFmt = 'yyyy"年"m"月"d"日"';
      sheet.getCell('G1').value = 0.1 + 0.2;
      sheet.getCell('H1').value = 15;
      sheet.getCell('H1').numFmt = '0"家"';
      sheet.getCell('I1').value = { text: '政策原文', hyperlink: 'https://example.invalid/' };
    });
    assert.deepEqual(read(await readDocument(bytes)).blocks, [
      { kind: 'table', line: 1, sheet: '目标', rows: [['人工智能企业数', '3000', '1,234,567.89', '30%', '6000', '2025年12月31日', '0.3', '15家', '政策原文']] },
    ]);
  });

  it('reads every visible sheet with content, skips empty and hidden sheets, and drops empty rows', async () => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet('说明').addRows([[], [], ['', '填表说明']]);
      workbook.addWorksheet('空白');
      workbook.addWorksheet('任务').addRows(ROWS);
      workbook.addWorksheet('单位列表', { state: 'hidden' }).addRows([['省科技厅'], ['省教育厅']]);
    });
    assert.deepEqual(read(await readDocument(bytes)).blocks, [
      { kind: 'table', line: 3, sheet: '说明', rows: [['', '填表说明']] },
      { kind: 'table', line: 1, sheet: '任务', rows: ROWS },
    ]);
  });

  it('reads a workbook by its content, even when it is named .csv', async () => {
    assert.equal(read(await readDocument(await xlsxFromTable(ROWS), { fileName: 'tasks.csv' })).format, 'xlsx');
  });

  it('reports a workbook with no cell text as empty', async () => {
    assert.deepEqual(await readDocument(await workbookBytes((workbook) => workbook.addWorksheet('Sheet1'))), { error: 'empty', format: 'xlsx' });
  });

  describe('number formats', () => {
    it('formats General with at most 11 significant digits, and common patterns as Excel shows them', () => {
      assert.equal(formatNumber(1 / 3, 'General'), '0.33333333333');
      assert.equal(formatNumber(2027, undefined), '2027');
      assert.equal(formatNumber(0.125, '0.0%'), '12.5%');
      assert.equal(formatNumber(-1500, '#,##0;[Red]-#,##0'), '-1,500');
      assert.equal(formatNumber(1.5, '0.00"万亿元"'), '1.50万亿元');
      assert.equal(formatNumber(12345, '0.00E+00'), '12345');
    });
  });
});
