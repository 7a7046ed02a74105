// The responsibility-matrix panel in a real webview: it lists every measure of the guideline,
// filters and sorts as a reviewer types and clicks, shows measures × agencies, follows edits, and
// its CSV is byte for byte what `taskmatrix matrix --format csv` prints for the same files.
// What the table holds is asked from inside the webview (inspect()); the expectations come from
// the engine (buildMatrix / matrixTable over the same texts) and from the CLI itself.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildMatrix, matrixTable, resolveLocale } from '../../../core/index';
import type { Matrix } from '../../../core/index';
import type { MatrixInspection } from '../../../webview/protocol';
import { activate, engineProject, EXTENSION_ID, folder, GUIDELINE, log, REGISTRY, replaceText, restoreFixture, settled, showDoc, sleep, wsUri } from './helpers';
import { closePanel, panelFrom } from './panels';
import type { MatrixDriver } from './panels';

const FIRST_LOAD_MS = 60000;
const locale = () => resolveLocale(vscode.env.language);

/** inspect() with a deadline: a webview that is not loaded yet (or never answers) does not hang the test. */
async function inspect(panel: MatrixDriver, timeoutMs = 3000): Promise<MatrixInspection> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      panel.inspect(),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the matrix webview did not answer inspect() within ${timeoutMs} ms`)), timeoutMs))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Asks the webview until its table passes `accept` (the matrix panel has no render event). */
async function tableUntil(panel: MatrixDriver, accept: (seen: MatrixInspection) => boolean, what: string, timeoutMs = 10000): Promise<MatrixInspection> {
  const started = Date.now();
  let last: MatrixInspection | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await inspect(panel);
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${last ? JSON.stringify(last) : String(lastError)}`);
    await sleep(50);
  }
}

/** Header text without the sort marker the webview appends (" ▲" / " ▼"). */
const bare = (header: string) => header.replace(/ [▲▼]$/, '');

async function engineMatrix(relative: string): Promise<Matrix> {
  return buildMatrix(await engineProject(), [wsUri(relative).toString()]);
}

/** Runs the built CLI (dist/cli.js of the extension under test) in the workspace folder, as CI would. */
function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri.fsPath, 'dist', 'cli.js');
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: folder().uri.fsPath, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C', LANG: 'C', ELECTRON_RUN_AS_NODE: '1' } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The files on disk hold what the editors show (code-server auto-saves after a second; save now if not yet). */
async function onDiskAsShown(relatives: string[]): Promise<void> {
  for (const relative of relatives) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === wsUri(relative).toString());
    if (open?.isDirty) assert.equal(await open.save(), true, `${relative} could not be saved`);
    const disk = new TextDecoder().decode(await vscode.workspace.fs.readFile(wsUri(relative)));
    if (open) assert.equal(disk, open.getText(), `${relative} on disk is what the editor shows`);
  }
}

describe('matrix panel', function () {
  this.timeout(FIRST_LOAD_MS + 30000);
  let panel: MatrixDriver;
  let document: vscode.TextDocument;

  before(async function () {
    this.timeout(FIRST_LOAD_MS + 10000);
    await activate();
    document = (await showDoc(GUIDELINE)).document;
    await settled(GUIDELINE);
    await closePanel('matrix', wsUri(GUIDELINE));
    const started = Date.now();
    const opened = await panelFrom('matrix', 'taskmatrix.openMatrix', wsUri(GUIDELINE));
    assert.ok(opened, 'taskmatrix.openMatrix returned a panel');
    panel = opened;
    await tableUntil(panel, (seen) => seen.rows > 0, 'the first table', FIRST_LOAD_MS);
    log(`  matrix panel: command to first table ${Date.now() - started} ms`);
  });
  afterEach(async () => {
    await restoreFixture();
    if (!panel) return;
    panel.setShape('list');
    await panel.setFilterText('');
    const rows = (await engineMatrix(GUIDELINE)).measures.length;
    await tableUntil(panel, (seen) => seen.rows === rows && seen.visibleRows === rows && seen.headers.length === 5, 'the whole list again');
  });
  after(async () => {
    panel?.dispose();
    await restoreFixture();
  });

  it('opens beside the editor with one row per measure, in document order', async () => {
    assert.equal(panel.panel.viewType, 'taskmatrix.matrix');
    assert.equal(panel.panel.visible, true);
    const api = await activate();
    assert.equal(api.testing.panel('matrix', wsUri(GUIDELINE))?.webviewPanel, panel.panel);
    assert.equal((await panelFrom('matrix', 'taskmatrix.openMatrix', wsUri(GUIDELINE)))?.panel, panel.panel, 'opening again reveals the same panel');
    assert.equal(api.testing.panels().filter((shown) => shown.kind === 'matrix').length, 1);
    assert.equal(await vscode.commands.executeCommand('taskmatrix.openMatrix', wsUri(REGISTRY)), undefined, 'a registry has no matrix');
    const matrix = await engineMatrix(GUIDELINE);
    const seen = await inspect(panel);
    assert.equal(seen.rows, matrix.measures.length);
    assert.equal(seen.visibleRows, matrix.measures.length);
    assert.deepEqual(seen.firstColumn, matrix.measures.map((m) => m.id));
    assert.deepEqual(seen.headers, matrixTable(matrix, locale(), 'list').headers);
    assert.deepEqual(seen.firstColumn, ['2.1', '2.2', '2.3', '3.1', '3.2', '3.3']);
  });

  it('the filter box leaves the measures that name the agency typed (aliases resolved), or match an id or title', async () => {
    const matrix = await engineMatrix(GUIDELINE);
    const naming = (name: string) => matrix.measures.filter((m) => m.lead === name || m.co.includes(name)).map((m) => m.id);
    for (const [text, expected] of [
      ['省科技厅', naming('省科技厅')],
      ['省教育厅', naming('省教育厅')],
      ['之江实验室', naming('之江实验室')],
      ['数字经济', matrix.measures.filter((m) => m.title.includes('数字经济') || [m.lead, ...m.co].some((a) => a?.includes('数字经济'))).map((m) => m.id)],
      ['3.', matrix.measures.filter((m) => m.id.startsWith('3.')).map((m) => m.id)],
      ['没有这个单位', []],
    ] as const) {
      assert.equal(await panel.setFilterText(text), true);
      const seen = await inspect(panel);
      assert.equal(seen.rows, matrix.measures.length, 'the filter hides rows, it drops none');
      assert.deepEqual(seen.firstColumn, [...expected], `rows left by "${text}"`);
      assert.equal(seen.visibleRows, expected.length);
    }
    // 2.2 names 省科技厅 by its alias 科技厅: the table shows the registry name, so the filter finds it.
    assert.ok(naming('省科技厅').includes('2.2'));
    await panel.setFilterText('');
    assert.equal((await inspect(panel)).visibleRows, matrix.measures.length);
  });

  it('sorting by a column twice reverses the order', async () => {
    const matrix = await engineMatrix(GUIDELINE);
    const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true });
    const ascending = matrix.measures.map((m) => m.id).sort(collator.compare);
    await panel.sortBy(0);
    let seen = await inspect(panel);
    assert.deepEqual(seen.firstColumn, ascending);
    assert.match(seen.headers[0]!, / ▲$/);
    await panel.sortBy(0);
    seen = await inspect(panel);
    assert.deepEqual(seen.firstColumn, [...ascending].reverse());
    assert.match(seen.headers[0]!, / ▼$/);
    // Sorting by lead: rows without a lead (empty cell) first, ties in document order.
    await panel.sortBy(2);
    seen = await inspect(panel);
    const byLead = matrix.measures.map((m, i) => ({ m, i })).sort((a, b) => collator.compare(a.m.lead ?? '', b.m.lead ?? '') || a.i - b.i).map(({ m }) => m.id);
    assert.deepEqual(seen.firstColumn, byLead);
    assert.match(seen.headers[2]!, / ▲$/);
    assert.doesNotMatch(seen.headers[0]!, /[▲▼]/, 'one sort column at a time');
    // Sorting and filtering together.
    await panel.setFilterText('省科技厅');
    seen = await inspect(panel);
    assert.deepEqual(seen.firstColumn, byLead.filter((id) => matrix.measures.find((m) => m.id === id)!.lead === '省科技厅' || matrix.measures.find((m) => m.id === id)!.co.includes('省科技厅')));
    await panel.setFilterText('');
    await panel.sortBy(0);
    assert.deepEqual((await inspect(panel)).firstColumn, ascending);
  });

  it('the grid shape shows one column per agency named, and back', async () => {
    const matrix = await engineMatrix(GUIDELINE);
    const grid = matrixTable(matrix, locale(), 'grid');
    const named = matrix.agencies.filter((a) => a.leads.length || a.co.length).map((a) => a.name);
    assert.deepEqual(grid.headers.slice(2), named);
    panel.setShape('grid');
    const seen = await tableUntil(panel, (s) => s.headers.length === grid.headers.length, 'the grid');
    assert.deepEqual(seen.headers.map(bare), grid.headers);
    assert.ok(named.includes('省科技厅') && named.includes('省农业农村厅') && named.includes('省经信委'), `unknown agencies get a column too: ${named.join(', ')}`);
    assert.equal(seen.rows, matrix.measures.length);
    assert.equal(seen.visibleRows, matrix.measures.length);
    await panel.setFilterText('2.');
    assert.deepEqual((await inspect(panel)).firstColumn, ['2.1', '2.2', '2.3'], 'the filter works on the grid');
    await panel.setFilterText('');
    panel.setShape('list');
    const list = await tableUntil(panel, (s) => s.headers.length === 5, 'the list again');
    assert.deepEqual(list.headers.map(bare), matrixTable(matrix, locale(), 'list').headers);
  });

  it('in the grid shape too, typing an agency leaves the measures it has a part in', async () => {
    // The filter box invites "agency, measure or id". In the grid the agencies are column
    // headers and the cells read 牵头 / 配合 / 负责, so a filter that only matches cell text hides
    // every row when a reviewer types an agency.
    const matrix = await engineMatrix(GUIDELINE);
    panel.setShape('grid');
    await tableUntil(panel, (s) => s.headers.length > 5, 'the grid');
    await panel.setFilterText('省教育厅');
    const seen = await inspect(panel);
    await panel.setFilterText('');
    assert.deepEqual(seen.firstColumn, matrix.measures.filter((m) => m.lead === '省教育厅' || m.co.includes('省教育厅')).map((m) => m.id), 'measures × agencies filtered by 省教育厅');
  });

  it('Export CSV of every row is exactly what `taskmatrix matrix --format csv` prints for the same files, list and grid', async () => {
    await onDiskAsShown([GUIDELINE, REGISTRY]);
    const list = runCli(['matrix', '--format', 'csv', '--locale', locale(), GUIDELINE]);
    assert.equal(list.status, 0, list.stderr);
    assert.ok(list.stdout.startsWith('\uFEFF'), 'the CLI’s CSV starts with a BOM');
    assert.equal(await panel.csv(), list.stdout);
    panel.setShape('grid');
    try {
      const grid = runCli(['matrix', '--format', 'csv', '--grid', '--locale', locale(), GUIDELINE]);
      assert.equal(grid.status, 0, grid.stderr);
      assert.equal(await panel.csv(), grid.stdout);
      assert.notEqual(grid.stdout, list.stdout);
    } finally {
      panel.setShape('list');
    }
    log(`  CSV: ${list.stdout.split('\n').length - 1} lines, the same bytes as the CLI (${process.execPath.split('/').slice(-3).join('/')} ${process.version})`);
  });

  it('follows edits of the guideline', async () => {
    const started = Date.now();
    await replaceText(document, 'id: "3.3"', 'id: "3.9"');
    const seen = await tableUntil(panel, (s) => s.firstColumn.includes('3.9'), 'the renamed measure');
    log(`  edit → matrix updated: ${Date.now() - started} ms (polled every 50 ms)`);
    assert.deepEqual(seen.firstColumn, ['2.1', '2.2', '2.3', '3.1', '3.2', '3.9']);
    await replaceText(document, '[省经信厅, 省农业农村厅]', '[省农业农村厅, 省经信厅]');
    const matrix = await engineMatrix(GUIDELINE);
    assert.equal(matrix.measures.at(-1)!.lead, '省农业农村厅');
    // The new lead moves the row when the table is sorted by lead.
    const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true });
    const byLead = matrix.measures.map((m, i) => ({ m, i })).sort((a, b) => collator.compare(a.m.lead ?? '', b.m.lead ?? '') || a.i - b.i).map(({ m }) => m.id);
    await panel.sortBy(2);
    try {
      await tableUntil(panel, (s) => JSON.stringify(s.firstColumn) === JSON.stringify(byLead), `the rows sorted by the new leads: ${byLead.join(', ')}`);
    } finally {
      await panel.sortBy(0);
    }
  });
});
