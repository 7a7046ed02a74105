// The task-division plan in Word and Excel (`export`), read back with independent readers
// (mammoth, exceljs) and compared cell by cell with the matrix of the same project: the seed
// guideline with deadlines and statuses added (src/test/fixtures/deadlines/zj-ai-2027.yaml), the
// seed as bundled (no deadlines), hostile names, several documents.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { allMeasures, buildMatrix, buildTaskPlan, planToOfficeFile, Project } from '../../core/index';
import type { Matrix, TaskPlan } from '../../core/index';
import { readExcel, readWord, sheetRows, wordXml } from '../support/office';
import type { WordCell } from '../support/office';

const ROOT = join(__dirname, '../../..');
const REGISTRY = readFileSync(join(ROOT, 'tasks/agencies.yaml'), 'utf8');
const DATED = readFileSync(join(ROOT, 'src/test/fixtures/deadlines/zj-ai-2027.yaml'), 'utf8');
const SEED = readFileSync(join(ROOT, 'tasks/zj-ai-2027.yaml'), 'utf8');
const TODAY = '2026-11-30';

function projectOf(files: Record<string, string>): Project {
  const project = new Project();
  project.setFile('tasks/agencies.yaml', REGISTRY);
  for (const [path, text] of Object.entries(files)) project.setFile(path, text);
  return project;
}

function planOf(project: Project, locale: 'zh-cn' | 'en' = 'zh-cn'): { plan: TaskPlan; matrix: Matrix } {
  const paths = project.guidelinePaths();
  return { plan: buildTaskPlan(project, paths, { locale, today: TODAY }), matrix: buildMatrix(project, paths) };
}

const text = (cell: WordCell | undefined) => (cell ? cell.paragraphs.join('\n') : '');
const REASON_WORD: Record<string, string> = { 'by-function': '各自负责', joint: '共同负责', 'none-listed': '未列出' };

describe('export: the plan in Word', function () {
  this.timeout(60_000);

  it('has one row per measure saying what the matrix says, parts as full-width rows in document order', async () => {
    const project = projectOf({ 'tasks/zj-ai-2027.yaml': DATED });
    const { plan, matrix } = planOf(project);
    const word = await readWord(await planToOfficeFile(plan, 'docx'));
    assert.equal(word.paragraphs[0], '关于加快人工智能产业发展的指导意见（征求意见稿）重点任务分工方案');
    assert.equal(word.tables.length, 1);
    const [header, ...rows] = word.tables[0]!;
    assert.deepEqual(
      header!.map((cell) => [text(cell), cell.header]),
      ['序号', '重点任务', '牵头单位', '配合单位', '完成时限', '进展'].map((name) => [name, true]),
    );
    const partRows = rows.filter((row) => row.length === 1);
    // The parts that hold measures, numbered as the document numbers them; 总体要求 holds none.
    const guideline = project.guideline('tasks/zj-ai-2027.yaml');
    const numerals = ['', '一', '二', '三', '四', '五', '六', '七', '八'];
    assert.deepEqual(
      partRows.map((row) => [text(row[0]), row[0]!.colspan]),
      guideline.chapters.filter((chapter) => chapter.measures.length > 0).map((chapter) => [`${numerals[Number(chapter.id!.value)]}、${chapter.title}`, 6]),
    );
    const measureRows = rows.filter((row) => row.length > 1);
    assert.equal(measureRows.length, matrix.measures.length);
    const texts = allMeasures(guideline).map((measure) => measure.text);
    matrix.measures.forEach((m, index) => {
      const [number, task, lead, co, deadline, status] = measureRows[index]!;
      assert.equal(text(number), String(index + 1), `序号 of ${m.id}`);
      assert.deepEqual(task!.paragraphs, [`${m.id} ${m.title}`, texts[index]], `重点任务 of ${m.id}`);
      const expectedLead = m.lead ?? (m.noLeadReason === 'collective' ? m.co[0] : REASON_WORD[m.noLeadReason!]);
      assert.equal(text(lead), expectedLead, `牵头单位 of ${m.id}`);
      assert.equal(text(co), (m.noLeadReason === 'collective' ? m.co.slice(1) : m.co).join('、'), `配合单位 of ${m.id}`);
      // Overdue (due before today, not done) is marked under the deadline.
      const overdue = typeof m.due === 'string' && m.due !== 'ongoing' && m.due < TODAY && m.status !== 'done';
      assert.deepEqual(deadline!.paragraphs, [m.deadline ?? '', ...(overdue ? ['逾期'] : [])], `完成时限 of ${m.id}`);
      assert.equal(text(status), { done: '已完成', 'in-progress': '推进中', delayed: '滞后', 'not-started': '未启动' }[m.status ?? ''] ?? '', `进展 of ${m.id}`);
    });
    // The fixture's 2026年6月 (2.2, in progress) is past on 2026-11-30; 2.1 is done.
    assert.deepEqual(measureRows.filter((row) => row[4]!.paragraphs.includes('逾期')).map((row) => row[1]!.paragraphs[0]!.split(' ')[0]), ['2.2', '3.1', '3.2', '4.1', '6.1', '7.2']);
  });

  it('is A4 landscape, repeats its header row on every page and sets 黑体 headings and a 仿宋_GB2312 body', async () => {
    const { plan } = planOf(projectOf({ 'tasks/zj-ai-2027.yaml': DATED }));
    const xml = await wordXml(await planToOfficeFile(plan, 'docx'));
    assert.match(xml, /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    // The first row of the table, and only it, is a header row.
    const rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, row]) => row!);
    assert.equal(rows.filter((row) => row.includes('<w:tblHeader/>')).length, 1);
    assert.ok(rows[0]!.includes('<w:tblHeader/>'));
    assert.match(rows[0]!, /w:eastAsia="黑体"/);
    const styles = await (await (await import('jszip')).default.loadAsync(await planToOfficeFile(plan, 'docx'))).file('word/styles.xml')!.async('string');
    assert.match(styles, /<w:docDefaults>[\s\S]*w:eastAsia="仿宋_GB2312"[\s\S]*<\/w:docDefaults>/);
  });

  it('leaves 进展 out and marks nothing overdue in a plan without statuses, as issued', async () => {
    const { plan, matrix } = planOf(projectOf({ 'tasks/zj-ai-2027.yaml': SEED }));
    const word = await readWord(await planToOfficeFile(plan, 'docx'));
    const [header, ...rows] = word.tables[0]!;
    assert.deepEqual(header!.map(text), ['序号', '重点任务', '牵头单位', '配合单位', '完成时限']);
    const measureRows = rows.filter((row) => row.length > 1);
    assert.equal(measureRows.length, matrix.measures.length);
    assert.ok(measureRows.every((row) => row.length === 5 && text(row[4]) === ''));
    // The seed's no-lead measures say why in 牵头单位.
    assert.deepEqual(
      matrix.measures.flatMap((m, index) => (m.noLead ? [[m.id, text(measureRows[index]![2])]] : [])),
      [
        ['4.2', '各自负责'],
        ['4.3', '各自负责'],
        ['4.4', '各自负责'],
        ['7.1', '省数字经济领导小组各成员单位'],
      ],
    );
  });

  it('gives each agency its own task list with --by-agency: what it leads, then co-owns, then answers for without a lead', async () => {
    const { plan, matrix } = planOf(projectOf({ 'tasks/zj-ai-2027.yaml': DATED }));
    const word = await readWord(await planToOfficeFile(plan, 'docx', { byAgency: true }));
    const agencies = matrix.agencies.filter((a) => a.leads.length + a.co.length > 0);
    assert.equal(word.tables.length, agencies.length);
    const headings = word.paragraphs.filter((p) => p.endsWith('任务清单'));
    assert.deepEqual(headings, agencies.map((a) => `${a.name}任务清单`));
    agencies.forEach((agency, index) => {
      const rows = word.tables[index]!.slice(1);
      const groups = rows.filter((row) => row.length === 1).map((row) => text(row[0]));
      const ids = (from: number, to: number) => rows.slice(from, to).filter((row) => row.length > 1).map((row) => row[1]!.paragraphs[0]!.split(' ')[0]);
      const bounds = rows.map((row, i) => (row.length === 1 ? i : -1)).filter((i) => i >= 0);
      const byGroup = Object.fromEntries(groups.map((group, i) => [group, ids(bounds[i]! + 1, bounds[i + 1] ?? rows.length)]));
      const coOwned = agency.co.filter((id) => !agency.noLead.includes(id));
      assert.deepEqual(byGroup, {
        ...(agency.leads.length ? { 牵头任务: agency.leads } : {}),
        ...(coOwned.length ? { 配合任务: coOwned } : {}),
        ...(agency.noLead.length ? { '无牵头单位、共同负责的任务': agency.noLead } : {}),
      }, agency.name);
    });
  });

  it('keeps hostile names inert: markup as text, control characters made visible, the file still readable', async () => {
    const hostile = SEED.replace('title: 强化前沿基础研究', 'title: "<w:t>强化</w:t> & =HYPERLINK(\\"http://x\\") \\u001b[2J\\u0007"');
    const { plan } = planOf(projectOf({ 'tasks/zj-ai-2027.yaml': hostile }));
    for (const byAgency of [false, true]) {
      const word = await readWord(await planToOfficeFile(plan, 'docx', { byAgency }));
      const cells = word.tables.flat().flat().flatMap((cell) => cell.paragraphs);
      assert.ok(cells.includes('2.1 <w:t>强化</w:t> & =HYPERLINK("http://x") \\u001b[2J\\u0007'), 'the title as text, its controls visible');
    }
  });

  it('gives each document its own title and table when several are exported together', async () => {
    const second = SEED.replace('id: zj-ai-2027', 'id: zj-ai-2028').replace('（征求意见稿）', '（送审稿）');
    const { plan } = planOf(projectOf({ 'tasks/zj-ai-2027.yaml': SEED, 'tasks/zj-ai-2028.yaml': second }));
    const word = await readWord(await planToOfficeFile(plan, 'docx'));
    assert.equal(word.tables.length, 2);
    assert.deepEqual(word.paragraphs.filter((p) => p.endsWith('分工方案')), ['关于加快人工智能产业发展的指导意见（征求意见稿）重点任务分工方案', '关于加快人工智能产业发展的指导意见（送审稿）重点任务分工方案']);
  });
});

describe('export: the same plan gives the same file', function () {
  this.timeout(60_000);

  it('writes identical bytes for the same plan a second later, stamped with the plan\'s date', async () => {
    const { plan } = planOf(projectOf({ 'tasks/zj-ai-2027.yaml': DATED }));
    for (const format of ['docx', 'xlsx'] as const) {
      const first = await planToOfficeFile(plan, format, { byAgency: true });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const second = await planToOfficeFile(plan, format, { byAgency: true });
      assert.ok(Buffer.from(first).equals(Buffer.from(second)), `${format}: the same bytes`);
      const zip = await (await import('jszip')).default.loadAsync(first);
      for (const entry of Object.values(zip.files)) assert.equal(entry.date.toISOString().slice(0, 10), TODAY, `${format} ${entry.name}`);
      const core = await zip.file('docProps/core.xml')!.async('string');
      assert.deepEqual([...core.matchAll(/<dcterms:(created|modified)[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]]), [['created', `${TODAY}T00:00:00Z`], ['modified', `${TODAY}T00:00:00Z`]]);
    }
  });
});

describe('export: the plan in Excel', function () {
  this.timeout(60_000);

  it('has one row per measure with the matrix\'s values, due dates as dates, a frozen filtered header', async () => {
    const project = projectOf({ 'tasks/zj-ai-2027.yaml': DATED });
    const { plan, matrix } = planOf(project);
    const workbook = await readExcel(await planToOfficeFile(plan, 'xlsx'));
    assert.deepEqual(workbook.worksheets.map((sheet) => sheet.name), ['分工方案', '工作量汇总']);
    const sheet = workbook.getWorksheet('分工方案')!;
    assert.deepEqual([sheet.views[0]?.state, (sheet.views[0] as { ySplit?: number }).ySplit], ['frozen', 1]);
    assert.equal(typeof sheet.autoFilter === 'string' ? sheet.autoFilter : JSON.stringify(sheet.autoFilter), 'A1:K1');
    const [header, ...rows] = sheetRows(sheet);
    assert.deepEqual(header, ['序号', '编号', '所属部分', '重点任务', '具体内容', '牵头单位', '配合单位', '完成时限', '到期日', '进展', '逾期']);
    assert.equal(rows.length, matrix.measures.length);
    const texts = allMeasures(project.guideline('tasks/zj-ai-2027.yaml')).map((measure) => measure.text ?? '');
    matrix.measures.forEach((m, index) => {
      const row = rows[index]!;
      const overdue = typeof m.due === 'string' && m.due !== 'ongoing' && m.due < TODAY && m.status !== 'done';
      assert.deepEqual(
        [row[0], row[1], row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10]],
        [
          index + 1,
          m.id,
          m.title,
          texts[index],
          m.lead ?? (m.noLeadReason === 'collective' ? m.co[0] : REASON_WORD[m.noLeadReason!]),
          (m.noLeadReason === 'collective' ? m.co.slice(1) : m.co).join('、'),
          m.deadline ?? '',
          m.due === 'ongoing' ? '长期' : (m.due ?? ''),
          { done: '已完成', 'in-progress': '推进中', delayed: '滞后', 'not-started': '未启动' }[m.status ?? ''] ?? '',
          overdue ? '逾期' : '',
        ],
        m.id,
      );
      // A real date, which sorts and filters as one.
      if (m.due && m.due !== 'ongoing') assert.ok(sheet.getRow(index + 2).getCell(9).value instanceof Date, `到期日 of ${m.id} is a date`);
    });
  });

  it('sums each agency\'s load and adds a sheet per agency with --by-agency', async () => {
    const { plan, matrix } = planOf(projectOf({ 'tasks/zj-ai-2027.yaml': DATED }));
    const workbook = await readExcel(await planToOfficeFile(plan, 'xlsx', { byAgency: true }));
    const agencies = matrix.agencies.filter((a) => a.leads.length + a.co.length > 0);
    assert.deepEqual(workbook.worksheets.map((sheet) => sheet.name), ['分工方案', '工作量汇总', ...agencies.map((a) => a.name)]);
    const [, ...loads] = sheetRows(workbook.getWorksheet('工作量汇总')!);
    assert.deepEqual(
      loads.map((row) => row.slice(0, 4)),
      agencies.map((a) => [a.name, a.leads.length, a.co.filter((id) => !a.noLead.includes(id)).length, a.noLead.length]),
    );
    const economy = sheetRows(workbook.getWorksheet('省经信厅')!);
    assert.deepEqual(economy[0]!.slice(0, 3), ['序号', '职责', '编号']);
    const agency = agencies.find((a) => a.name === '省经信厅')!;
    assert.deepEqual(
      economy.slice(1).map((row) => [row[1], row[2]]),
      [...agency.leads.map((id) => ['牵头', id]), ...agency.co.filter((id) => !agency.noLead.includes(id)).map((id) => ['配合', id]), ...agency.noLead.map((id) => ['负责（无牵头单位）', id])],
    );
  });

  it('writes names as text, never formulas, and makes sheet names Excel accepts', async () => {
    const hostile = SEED.replace('agencies: [省科技厅, 省经信厅, 省财政厅, 之江实验室]', 'agencies: ["省科技厅[测试]:一/二?*很长很长很长很长很长很长很长很长很长很长很长的名字", "=HYPERLINK(\\"http://evil\\",\\"x\\")"]');
    const { plan } = planOf(projectOf({ 'tasks/zj-ai-2027.yaml': hostile }));
    const workbook = await readExcel(await planToOfficeFile(plan, 'xlsx', { byAgency: true }));
    let formulas = 0;
    let found = 0;
    for (const sheet of workbook.worksheets) {
      assert.ok(sheet.name.length <= 31 && !/[\\/?*[\]:]/.test(sheet.name), sheet.name);
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas++;
          if (String(cell.value).includes('=HYPERLINK')) {
            found++;
            assert.equal(cell.type, ExcelJS.ValueType.String);
          }
        }),
      );
    }
    assert.equal(formulas, 0);
    assert.ok(found > 0, 'the hostile name was written');
    assert.ok(workbook.worksheets.some((sheet) => sheet.name.startsWith('省科技厅_测试__一_二__')));
  });
});
