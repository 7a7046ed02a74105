// The exported Word plan as a reader sees its content: converted to HTML by mammoth (an
// independent reader) and shown in headless Chromium with table borders, the way the README's
// picture is made (TASKMATRIX_SCREENSHOTS=docs/images writes docs/images/plan-docx.png).
// Checks that the table is drawn whole: every column visible, part rows spanning the table, names
// not broken inside, and hostile text shown as text.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildTaskPlan, planToOfficeFile, Project } from '../../core/index';
import { readWord } from '../support/office';
import { closeSharedBrowser, newBlankPage, sharedBrowser } from '../support/browser';

const ROOT = join(__dirname, '../../..');

const PAGE_STYLE = `
  body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; margin: 24px; width: 1240px; font-size: 14px; }
  body > p:first-child { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 22px; text-align: center; }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; }
  th, td { border: 1px solid #444; padding: 4px 6px; vertical-align: middle; }
  th { background: #d9d9d9; font-family: 'Noto Sans CJK SC', sans-serif; }
  td[colspan] { background: #f2f2f2; font-family: 'Noto Sans CJK SC', sans-serif; }
  th:nth-child(1) { width: 4%; } th:nth-child(2) { width: 42%; } th:nth-child(3) { width: 12%; }
  th:nth-child(4) { width: 20%; } th:nth-child(5) { width: 12%; } th:nth-child(6) { width: 10%; }
  td p, th p { margin: 2px 0; }
`;

describe('export: the Word plan shown in Chromium', function () {
  this.timeout(120_000);
  after(closeSharedBrowser);

  it('draws the whole table: six columns, part rows across it, the overdue marked, nothing outside the page', async () => {
    const project = new Project();
    project.setFile('tasks/agencies.yaml', readFileSync(join(ROOT, 'tasks/agencies.yaml'), 'utf8'));
    project.setFile('tasks/zj-ai-2027.yaml', readFileSync(join(ROOT, 'src/test/fixtures/deadlines/zj-ai-2027.yaml'), 'utf8'));
    const plan = buildTaskPlan(project, project.guidelinePaths(), { locale: 'zh-cn', today: '2026-11-30' });
    const word = await readWord(await planToOfficeFile(plan, 'docx'));

    const { page, close, blockedRequests } = await newBlankPage(await sharedBrowser());
    try {
      await page.setViewportSize({ width: 1290, height: 900 });
      await page.setContent(`<!doctype html><meta charset="utf-8"><style>${PAGE_STYLE}</style><body>${word.html}</body>`);
      const layout = await page.evaluate(`(() => {
        const table = document.querySelector('table');
        const box = (element) => element.getBoundingClientRect();
        const rows = [...table.querySelectorAll('tr')];
        return {
          tableWidth: box(table).width,
          headers: [...table.querySelectorAll('th')].map((th) => ({ text: th.textContent, width: box(th).width })),
          partRows: rows.filter((tr) => tr.cells.length === 1).map((tr) => Math.round(box(tr.cells[0]).width)),
          overdueMarks: [...table.querySelectorAll('td strong')].filter((s) => s.textContent === '逾期').length,
          // A lead cell one line high: 省科技厅 is not broken into 省科技 / 厅.
          leads: rows.filter((tr) => tr.cells.length === 6).map((tr) => { const p = tr.cells[2].querySelector('p'); return p ? { text: p.textContent, height: Math.round(box(p).height) } : { text: '', height: 0 }; }),
          overflow: document.documentElement.scrollWidth > window.innerWidth,
        };
      })()`) as { tableWidth: number; headers: { text: string; width: number }[]; partRows: number[]; overdueMarks: number; leads: { text: string; height: number }[]; overflow: boolean };

      assert.deepEqual(layout.headers.map((h) => h.text), ['序号', '重点任务', '牵头单位', '配合单位', '完成时限', '进展']);
      assert.ok(layout.headers.every((h) => h.width > 40), JSON.stringify(layout.headers));
      assert.ok(layout.partRows.length >= 5 && layout.partRows.every((width) => Math.abs(width - layout.tableWidth) < 2), JSON.stringify(layout));
      assert.equal(layout.overdueMarks, 6);
      // Names of a usual length keep to one line; the collective's 14 characters may wrap.
      const lineHeight = Math.min(...layout.leads.map((lead) => lead.height).filter((h) => h > 0));
      const short = layout.leads.filter((lead) => [...lead.text].length <= 8);
      assert.ok(short.length > 15 && short.every((lead) => lead.height <= lineHeight), `lead cells on one line: ${JSON.stringify(layout.leads)}`);
      assert.equal(layout.overflow, false);
      assert.deepEqual(blockedRequests, []);

      const folder = process.env.TASKMATRIX_SCREENSHOTS;
      if (folder) {
        mkdirSync(resolve(ROOT, folder), { recursive: true });
        writeFileSync(resolve(ROOT, folder, 'plan-docx.png'), await page.screenshot({ clip: { x: 0, y: 0, width: 1290, height: 900 } }));
      }
    } finally {
      await close();
    }
  });
});
