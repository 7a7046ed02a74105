// Deadlines and the task-division plan in a real VS Code, on the seed with deadlines
// (src/test/fixtures/deadlines/zj-ai-2027.yaml, written with its registry into tasks/deadlines/):
// overdue measures in Problems as `lint --today` reports them, code lenses with the deadline and
// ⚠ overdue on the same date, the matrix panel's deadline, due and status columns sorted by date
// and by status with overdue rows marked in words, and Export Word / Excel from the palette (the
// active editor's guideline or the focused panel's) written by the bundled writers
// (dist/office-writers.js) and read back with mammoth and exceljs.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildMatrix, columnHeaders, matrixTable, noLeadReasonText, resolveLocale, wording } from '../../../core/index';
import type { Matrix } from '../../../core/index';
import type { TaskmatrixApi } from '../../../extension/extension';
import type { MatrixInspection } from '../../../webview/protocol';
import { readExcel, readWord, sheetRows } from '../../support/office';
import { activate, engineDiagnostics, engineProject, EXTENSION_ID, GUIDELINE, listing, ruleOf, sameAsEngine, screenshot, setSetting, showDoc, sleep, until, waitForDiagnostics, wsUri } from './helpers';
import { panelFrom } from './panels';
import type { MatrixDriver } from './panels';

const DATED = 'tasks/deadlines/zj-ai-2027.yaml';
const DATED_REGISTRY = 'tasks/deadlines/agencies.yaml';
const OUT = 'exports';
const TODAY = '2026-11-30';
/** The fixture's measures past due on TODAY and not done (as the CLI's report test pins them). */
const OVERDUE_ON_TODAY = ['2.2', '3.1', '3.2', '4.1', '6.1', '7.2'];
const FIRST_LOAD_MS = 60000;

const zh = () => vscode.env.language.toLowerCase().startsWith('zh');
const locale = () => resolveLocale(vscode.env.language);
const extensionPath = () => vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri.fsPath;
/** The repository, from this bundle's place in out/test/extension/suite/ (the extension may be an unpacked .vsix elsewhere). */
const REPO = path.resolve(__dirname, '..', '..', '..', '..');

async function datedMatrix(today = TODAY): Promise<Matrix> {
  return buildMatrix(await engineProject({ today }), [wsUri(DATED).toString()]);
}

const isOverdueOn = (m: Matrix['measures'][number], today: string) => typeof m.due === 'string' && m.due !== 'ongoing' && m.due < today && m.status !== 'done';


/** inspect() with a deadline: a webview that is not loaded yet does not hang the test. */
function inspect(panel: MatrixDriver, timeoutMs = 3000): Promise<MatrixInspection> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    panel.inspect(),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the matrix webview did not answer within ${timeoutMs} ms`)), timeoutMs))),
  ]).finally(() => clearTimeout(timer));
}

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  return lenses
    .filter((lens) => /^(牵头|⚠ 无牵头单位)/.test(lens.command?.title ?? ''))
    .sort((a, b) => a.range.start.line - b.range.start.line)
    .map((lens) => lens.command!.title);
}

/** The lens each measure should have on `today`, from the engine's matrix. */
function expectedLenses(matrix: Matrix, today: string): string[] {
  return matrix.measures.map((m) => {
    const parts = m.lead ? [`牵头: ${m.lead}`, ...(m.co.length ? [`配合 ${m.co.length}`] : [])] : [wording(locale(), 'mark.noLeadBecause', { reason: noLeadReasonText(locale(), m.noLeadReason!) })];
    if (m.deadline) parts.push(m.deadline);
    if (isOverdueOn(m, today)) parts.push(zh() ? '⚠ 逾期' : '⚠ overdue');
    return parts.join('  ·  ');
  });
}

describe('plan export and deadlines', function () {
  this.timeout(FIRST_LOAD_MS + 30000);
  let api: TaskmatrixApi;
  let document: vscode.TextDocument;
  let panel: MatrixDriver | undefined;

  before(async function () {
    this.timeout(FIRST_LOAD_MS);
    api = await activate();
    await setSetting('today', TODAY);
    await vscode.workspace.fs.writeFile(wsUri(DATED_REGISTRY), fs.readFileSync(path.join(REPO, 'tasks', 'agencies.yaml')));
    await vscode.workspace.fs.writeFile(wsUri(DATED), fs.readFileSync(path.join(REPO, 'src', 'test', 'fixtures', 'deadlines', 'zj-ai-2027.yaml')));
    await until(() => api.index.has(wsUri(DATED)) && api.index.has(wsUri(DATED_REGISTRY)), Boolean, 'the written files in the index');
    document = (await showDoc(DATED)).document;
  });
  after(async () => {
    panel?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setSetting('today', undefined);
    await vscode.workspace.fs.delete(wsUri('tasks/deadlines'), { recursive: true });
    await vscode.workspace.fs.delete(wsUri(OUT), { recursive: true }).then(undefined, () => undefined);
  });

  it('flags overdue measures in Problems, the same findings as lint --today', async () => {
    const engine = await engineDiagnostics(DATED, { today: TODAY });
    const shown = await waitForDiagnostics(document.uri, (d) => sameAsEngine(d, engine), `the findings of lint --today ${TODAY}`);
    const overdue = shown.filter((d) => ruleOf(d) === 'overdue');
    assert.equal(overdue.length, OVERDUE_ON_TODAY.length, listing(shown));
    assert.ok(overdue.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    assert.deepEqual(overdue.map((d) => /(?:Measure|措施) ?(\d\.\d)/.exec(d.message)?.[1]), OVERDUE_ON_TODAY, listing(overdue));
  });

  it('code lenses show each measure\'s deadline and ⚠ overdue on the date the lint uses, and follow the setting', async () => {
    const matrix = await datedMatrix();
    const titles = await until(() => lensTitles(document.uri), (t) => t.length === matrix.measures.length, 'a lens per measure');
    assert.deepEqual(titles, expectedLenses(matrix, TODAY));
    assert.equal(titles.filter((t) => t.endsWith(zh() ? '⚠ 逾期' : '⚠ overdue')).length, OVERDUE_ON_TODAY.length);
    await setSetting('today', '2025-06-01');
    try {
      const earlier = await until(() => lensTitles(document.uri), (t) => JSON.stringify(t) === JSON.stringify(expectedLenses(matrix, '2025-06-01')), 'the lenses of 2025-06-01');
      assert.ok(!earlier.some((t) => t.includes('⚠ overdue') || t.includes('⚠ 逾期')), 'nothing is overdue in mid 2025');
    } finally {
      await setSetting('today', TODAY);
    }
    await until(() => lensTitles(document.uri), (t) => JSON.stringify(t) === JSON.stringify(expectedLenses(matrix, TODAY)), `the lenses of ${TODAY} again`);
  });

  describe('matrix panel', () => {
    before(async function () {
      this.timeout(FIRST_LOAD_MS + 10000);
      const opened = await panelFrom('matrix', 'taskmatrix.openMatrix', wsUri(DATED));
      assert.ok(opened);
      panel = opened;
      await until(() => inspect(panel!), (seen) => seen.rows > 0, 'the first table', FIRST_LOAD_MS);
    });

    it('shows 完成时限, 到期日 and 进展 and marks the overdue rows with a word, not colour alone', async () => {
      const matrix = await datedMatrix();
      const table = matrixTable(matrix, locale(), 'list');
      const names = columnHeaders(locale());
      assert.ok([names.deadline, names.due, names.status].every((name) => table.headers.includes(name)), table.headers.join(' | '));
      const seen = await until(() => inspect(panel!), (s) => s.overdue.length === OVERDUE_ON_TODAY.length, 'the overdue rows');
      assert.deepEqual(seen.headers, table.headers);
      assert.deepEqual(seen.overdue, OVERDUE_ON_TODAY);
      assert.deepEqual(seen.overdueMarks, OVERDUE_ON_TODAY.map(() => (zh() ? '⚠ 逾期' : '⚠ overdue')));
      await screenshot('matrix-deadlines');
    });

    it('sorts 到期日 by date with ongoing and undated last, and 进展 in the order of a follow-up', async () => {
      const matrix = await datedMatrix();
      const headers = matrixTable(matrix, locale(), 'list').headers;
      const names = columnHeaders(locale());
      const rank = (m: Matrix['measures'][number]) => (m.due === null || m.due === undefined ? 2 : m.due === 'ongoing' ? 1 : 0);
      const byDue = matrix.measures.map((m, i) => ({ m, i })).sort((a, b) => rank(a.m) - rank(b.m) || (rank(a.m) === 0 ? a.m.due!.localeCompare(b.m.due!) : 0) || a.i - b.i);
      await panel!.sortBy(headers.indexOf(names.due));
      assert.deepEqual((await inspect(panel!)).firstColumn, byDue.map(({ m }) => m.id));
      // Descending: the latest date first, the rows without a date still last.
      await panel!.sortBy(headers.indexOf(names.due));
      const dated = byDue.filter(({ m }) => rank(m) === 0);
      const descending = [...dated].sort((a, b) => b.m.due!.localeCompare(a.m.due!) || a.i - b.i);
      assert.deepEqual((await inspect(panel!)).firstColumn, [...descending, ...byDue.filter(({ m }) => rank(m) > 0)].map(({ m }) => m.id));

      const order = ['not-started', 'in-progress', 'delayed', 'done'];
      const statusRank = (m: Matrix['measures'][number]) => (m.status ? order.indexOf(m.status) : order.length);
      const byStatus = matrix.measures.map((m, i) => ({ m, i })).sort((a, b) => statusRank(a.m) - statusRank(b.m) || a.i - b.i);
      await panel!.sortBy(headers.indexOf(names.status));
      assert.deepEqual((await inspect(panel!)).firstColumn, byStatus.map(({ m }) => m.id));
      await panel!.sortBy(0);
    });
  });

  describe('export', () => {
    it('Export Word from the palette writes the active editor\'s plan: one row per measure of the matrix, overdue marked', async () => {
      await showDoc(DATED);
      const target = wsUri(`${OUT}/plan.docx`);
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('taskmatrix.exportWord', undefined, { target, byAgency: false });
      assert.equal(written?.toString(), target.toString());
      // Written by the bundle beside dist/extension.js, as the packaged extension has it.
      const writers = path.join(extensionPath(), 'dist', 'office-writers.js');
      assert.ok(require.cache[writers], `${writers} was loaded by the extension`);

      const word = await readWord(await vscode.workspace.fs.readFile(target));
      const matrix = await datedMatrix();
      const rows = word.tables[0]!.filter((row) => row.length > 1).slice(1);
      assert.equal(rows.length, matrix.measures.length);
      const overdueWord = zh() ? '逾期' : 'overdue (逾期)';
      matrix.measures.forEach((m, index) => {
        const [number, task, lead, co, deadline] = rows[index]!.map((cell) => cell.paragraphs);
        assert.deepEqual(number, [String(index + 1)]);
        assert.equal(task![0], `${m.id} ${m.title}`);
        if (m.lead) {
          assert.deepEqual(lead, [m.lead], `牵头单位 of ${m.id}`);
          assert.equal(co!.join(''), m.co.join('、'), `配合单位 of ${m.id}`);
        }
        assert.deepEqual(deadline, [m.deadline ?? '', ...(isOverdueOn(m, TODAY) ? [overdueWord] : [])], `完成时限 of ${m.id}`);
      });
    });

    it('Export Excel with the matrix panel focused writes that panel\'s guideline, a sheet per agency', async () => {
      // Another guideline in the editor: the focused panel's document is the one exported.
      await showDoc(GUIDELINE);
      const opened = (await panelFrom('matrix', 'taskmatrix.openMatrix', wsUri(DATED)))!;
      opened.panel.reveal(opened.panel.viewColumn, false);
      await until(() => opened.panel.active, Boolean, 'the matrix panel to have the focus');
      const target = wsUri(`${OUT}/plan-by-agency.xlsx`);
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('taskmatrix.exportExcel', undefined, { target, byAgency: true });
      assert.equal(written?.toString(), target.toString());

      const workbook = await readExcel(await vscode.workspace.fs.readFile(target));
      const matrix = await datedMatrix();
      const agencies = matrix.agencies.filter((a) => a.leads.length + a.co.length > 0).map((a) => a.name);
      assert.deepEqual(workbook.worksheets.slice(2).map((sheet) => sheet.name), agencies);
      const [, ...rows] = sheetRows(workbook.worksheets[0]!);
      assert.equal(rows.length, matrix.measures.length);
      matrix.measures.forEach((m, index) => {
        const row = rows[index]!;
        assert.deepEqual([row[0], row[1], row[3]], [index + 1, m.id, m.title]);
        if (m.lead) assert.deepEqual([row[5], row[6]], [m.lead, m.co.join('、')], m.id);
        assert.equal(row[7], m.deadline ?? '', `完成时限 of ${m.id}`);
        assert.equal(Boolean(row[10]), isOverdueOn(m, TODAY), `逾期 of ${m.id}`);
      });
    });

    it('asks plan or each agency\'s task list, then where to save (proposed beside the guideline), as a drafter answers them', async () => {
      const proposed = wsUri('tasks/deadlines/zj-ai-2027-by-agency.docx');
      const running = Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>('taskmatrix.exportWord', wsUri(DATED)));
      // The quick pick: the second item, each agency's task list. Then the save dialog (code-server's
      // own, a quick input holding the proposed path): accepted as proposed.
      let finished = false;
      void running.finally(() => (finished = true));
      await sleep(1500);
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      // The dialog takes a moment to list the folder: accept until the command is done (nothing open, nothing happens).
      for (let waited = 0; !finished && waited < 10000; waited += 500) {
        await sleep(500);
        if (!finished) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
      const written = await Promise.race([running, sleep(1000).then(() => 'timed out' as const)]);
      try {
        assert.equal(written?.toString(), proposed.toString());
        const word = await readWord(await vscode.workspace.fs.readFile(proposed));
        const agencies = (await datedMatrix()).agencies.filter((a) => a.leads.length + a.co.length > 0).map((a) => a.name);
        const headings = word.paragraphs.filter((p) => agencies.some((name) => p.startsWith(name)));
        assert.equal(headings.length, agencies.length, headings.join('\n'));
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        await vscode.workspace.fs.delete(proposed).then(undefined, () => undefined);
      }
    });

    it('says what to open when there is no guideline to export', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      assert.equal(await vscode.commands.executeCommand('taskmatrix.exportWord', undefined, { target: wsUri(`${OUT}/none.docx`), byAgency: false }), undefined);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(wsUri(`${OUT}/none.docx`))));
    });
  });
});
