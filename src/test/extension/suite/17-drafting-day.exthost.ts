// A day of drafting (issue 17): the actions a drafter tried must do what they say. Making an
// agency of a by-function measure the lead leaves it with that lead; Export CSV writes the rows on
// screen and says so; palette commands work while a panel has the focus; import says what it did;
// a lens marks a lead the registry does not know; reading the settings leaves the host's log
// clean; the hover speaks plain Chinese; the Agencies view has room of its own. Last, the README's
// pictures of the quick-fix menu, the hover and the Agencies view in both themes.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { agencyKindLabel, buildMatrix, columnHeaders, matrixToCsv, resolveLocale, roleCountText } from '../../../core/index';
import type { ImportCommandResult } from '../../../extension/import-command';
import type { MatrixInspection } from '../../../webview/protocol';
import { activate, applyEdit, codeActions, engineProject, EXTENSION_ID, findAction, GUIDELINE, log, markdownOf, pristineText, rangeOf, replaceText, restoreFixture, ruleOf, SCRATCH, setSetting, settled, showDoc, sleep, waitForDiagnostics, waitUntil, wsUri, screenshotAs } from './helpers';
import { closePanel, panelFrom } from './panels';
import type { MatrixDriver } from './panels';

const FIRST_LOAD_MS = 60000;
const locale = () => resolveLocale(vscode.env.language);
const extensionUri = () => vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;


async function lenses(uri: vscode.Uri): Promise<string[]> {
  const found = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 20)) ?? [];
  return found.map((lens) => `${lens.range.start.line + 1} ${lens.command?.title}`);
}

/** Asks the matrix webview until its table passes `accept`. */
async function tableUntil(panel: MatrixDriver, accept: (seen: MatrixInspection) => boolean, what: string, timeoutMs = 10000): Promise<MatrixInspection> {
  const started = Date.now();
  let last: MatrixInspection | undefined;
  for (;;) {
    last = await Promise.race([panel.inspect(), sleep(3000).then(() => undefined)]);
    if (last && accept(last)) return last;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
    await sleep(50);
  }
}

describe('a day of drafting (issue 17)', function () {
  this.timeout(FIRST_LOAD_MS + 30000);
  let document: vscode.TextDocument;
  let original: string;

  before(async () => {
    await activate();
    original = await pristineText(GUIDELINE);
  });
  beforeEach(async () => {
    document = (await showDoc(GUIDELINE)).document;
    await settled(GUIDELINE);
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreFixture();
  });

  it('"make the lead" on a by-function measure leaves it with that lead: the division set, comments kept, one undo', async () => {
    const actions = await codeActions(document.uri, rangeOf(document, '省科技厅, 省教育厅]', 0, [1, 1]), vscode.CodeActionKind.RefactorRewrite.value);
    await applyEdit(findAction(actions, 'Make "省科技厅" the lead (move it first)').edit!);
    const expected = original.replace(
      '[省经信厅, 省科技厅, 省教育厅]\n        division: by-function  # 根据职能分工各自负责',
      '[省科技厅, 省经信厅, 省教育厅]\n        division: lead-first  # 根据职能分工各自负责',
    );
    assert.notEqual(expected, original);
    assert.equal(document.getText(), expected);
    const after = await waitForDiagnostics(document.uri, (d) => d.filter((x) => ruleOf(x) === 'no-lead').length === 1, 'the no-lead warning of 3.1 to go');
    assert.equal(after.find((x) => ruleOf(x) === 'no-lead')!.range.start.line, 31, 'only the collective of 3.2 is left without a lead');
    assert.ok((await lenses(document.uri)).includes('26 牵头: 省科技厅  ·  配合 2'), (await lenses(document.uri)).join('\n'));

    // The first listed of a by-function measure is offered too.
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original, 'one undo takes the whole change back');
    await settled(GUIDELINE);
    const first = await codeActions(document.uri, rangeOf(document, '省经信厅, 省科技厅, 省教育厅]', 0, [1, 1]), vscode.CodeActionKind.RefactorRewrite.value);
    await applyEdit(findAction(first, 'Make "省经信厅" the lead (division: lead-first)').edit!);
    assert.equal(document.getText(), original.replace('division: by-function  # 根据', 'division: lead-first  # 根据'));
  });

  it('Export CSV writes the rows shown, filtered and sorted, and the save dialog says so; a sort does not jump columns; names stay whole', async () => {
    await activate();
    await closePanel('matrix', document.uri);
    const panel = (await panelFrom('matrix', 'taskmatrix.openMatrix', document.uri))!;
    try {
      const all = await tableUntil(panel, (seen) => seen.rows > 0, 'the first table', FIRST_LOAD_MS);
      await panel.setFilterText('省科技厅');
      await panel.sortBy(0);
      await panel.sortBy(0);
      const seen = await tableUntil(panel, (s) => s.visibleRows < s.rows && s.headers[0]!.endsWith('▼'), 'the filtered table sorted by id, descending');
      assert.deepEqual(seen.order.length, seen.visibleRows);
      const target = wsUri('exports/shown.csv');
      const written = await panel.exportCsv({ target });
      assert.ok(written, 'exported');
      assert.equal(written.rows, seen.visibleRows);
      assert.ok(written.title.includes(String(seen.visibleRows)) && written.title.includes(String(all.rows)), written.title);
      const matrix = buildMatrix(await engineProject(), [document.uri.toString()]);
      const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.equal(`\uFEFF${csv.replace(/^\uFEFF/, '')}`, matrixToCsv(matrix, locale(), 'list', seen.order));
      assert.deepEqual(csv.split('\r\n').slice(1, -1).map((line) => line.split(',')[0]), seen.firstColumn, 'the rows of the file are those shown, in their order');
      log(`  export title: ${written.title}`);
      await vscode.workspace.fs.delete(wsUri('exports'), { recursive: true });

      // Sorted by the lead, then the grid: the grid's third column is an agency, not the lead.
      await panel.setFilterText('');
      const leadColumn = all.headers.indexOf(columnHeaders(locale()).lead);
      assert.ok(leadColumn > 0);
      await panel.sortBy(leadColumn);
      await tableUntil(panel, (s) => s.headers[leadColumn]!.endsWith('▲'), 'the sort by lead');
      const list = await panel.inspect();
      const names = list.cellStyles.filter((_, column) => column === leadColumn || column === leadColumn + 1);
      assert.ok(names.every((cell) => cell.wordBreak === 'keep-all'), JSON.stringify(list.cellStyles));
      panel.setShape('grid');
      const grid = await tableUntil(panel, (s) => s.headers.length > 5, 'the grid');
      assert.deepEqual(grid.headers.filter((header) => /[▲▼]$/.test(header)), [], 'no column of the grid carries the sort of the list');
      const roles = grid.cellStyles.filter((cell) => cell.text === '牵头' || cell.text === '配合' || cell.text === '负责');
      assert.ok(roles.length > 0 && roles.every((cell) => cell.whiteSpace === 'nowrap'), JSON.stringify(grid.cellStyles));
    } finally {
      panel.dispose();
    }
  });

  it('palette commands that need a guideline take the focused panel\'s', async function () {
    this.timeout(2 * FIRST_LOAD_MS);
    await activate();
    await closePanel('graph', document.uri);
    await closePanel('matrix', document.uri);
    const graph = (await panelFrom('graph', 'taskmatrix.openGraph', document.uri))!;
    const focusGraph = async () => {
      graph.panel.reveal(undefined, false);
      await waitUntil(() => graph.panel.active && vscode.window.activeTextEditor === undefined, 'the graph panel to have the focus');
    };
    try {
      await focusGraph();
      const matrix = await panelFrom('matrix', 'taskmatrix.openMatrix');
      assert.equal(matrix?.key, document.uri.toString(), 'Open Matrix from the palette opens the graph\'s guideline');
      matrix!.dispose();

      await focusGraph();
      const diff = await panelFrom('diff', 'taskmatrix.compareWithFile', undefined, { otherFile: wsUri(SCRATCH) });
      assert.ok(diff, 'Compare with File from the palette compares the graph\'s guideline');
      diff.dispose();

      await focusGraph();
      await vscode.commands.executeCommand('taskmatrix.fixAll');
      assert.ok(document.getText().includes('[省科技厅, 省经信厅, 之江实验室]'), 'Fix All fixed the graph\'s guideline');
    } finally {
      graph.dispose();
    }
  });

  it('import says what it read in a notification, with a button to the unsure paragraphs', async () => {
    const source = wsUri('incoming/drafting-day.txt');
    const target = wsUri('tasks/drafting-day.yaml');
    const text = `关于推进人工智能教育的实施意见

一、重点任务

（一）建设智能教育平台。推进人工智能课程进校园。（省教育厅、省科技厅，排名第一的为牵头单位，下同）
（二）培养人工智能人才。支持高校增设相关专业。（省教育厅、之江实验室）
（三）开展试点示范。遴选一批试点学校。
`;
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(text));
    try {
      const answer = (await vscode.commands.executeCommand('taskmatrix.importDocument', source, { id: 'drafting-day', addAgencies: false })) as ImportCommandResult;
      const { counts, problems } = answer.result;
      assert.ok(problems.length > 0, 'the fixture has an unsure paragraph');
      assert.ok(answer.notice, 'a notification was shown');
      for (const count of [counts.parts, counts.measures, counts.lists, problems.length]) assert.ok(answer.notice.message.includes(String(count)), answer.notice.message);
      assert.deepEqual(answer.notice.actions, [vscode.l10n.t('Show unsure paragraphs')]);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString(), 'the new guideline is the active editor');
      log(`  notice: ${answer.notice.message}`);
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(wsUri('incoming'), { recursive: true }).then(undefined, () => undefined);
    }
  });

  it('a code lens marks a lead the registry does not know', async () => {
    await replaceText(document, '[省经信厅, 省农业农村厅]', '[省农业农村厅, 省经信厅]');
    await settled(GUIDELINE);
    const shown = await lenses(document.uri);
    const unknown = shown.find((lens) => lens.startsWith('33 '));
    assert.match(unknown ?? '', /^33 牵头: 省农业农村厅 ⚠ (未登记|not registered)  ·  配合 1$/, shown.join('\n'));
    assert.ok(shown.includes('11 牵头: 省科技厅  ·  配合 2'), 'a known lead is not marked');
  });

  it('settings read per file are declared so, and typing leaves the extension host log without taskmatrix warnings', async () => {
    const api = await activate();
    const properties = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.configuration.properties as Record<string, { scope?: string }>;
    for (const name of ['files', 'today', 'lintDelay', 'codeLens']) assert.equal(properties[`taskmatrix.${name}`]?.scope, 'resource', `taskmatrix.${name} is read per file`);

    assert.ok(api.logUri, 'the extension says where its log folder is');
    const hostLogs = () => {
      const dir = path.dirname(api.logUri.fsPath);
      return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.log')).map((name) => path.join(dir, name)) : [];
    };
    const sizes = new Map(hostLogs().map((file) => [file, fs.statSync(file).size]));
    log(`  extension host logs: ${[...sizes.keys()].map((file) => path.basename(file)).join(', ') || '(none)'}`);
    assert.ok(sizes.size > 0, `an extension host log beside ${api.logUri.fsPath}`);
    await setSetting('lintDelay', 100);
    try {
      for (let i = 0; i < 5; i++) {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(document.uri, new vscode.Position(2, 0), '#');
        await applyEdit(edit);
        await lenses(document.uri);
        await sleep(150);
      }
      await settled(GUIDELINE);
      await sleep(1500); // the log is written a moment later
      const warnings = hostLogs()
        .map((file) => fs.readFileSync(file, 'utf8').slice(sizes.get(file) ?? 0))
        .join('\n')
        .split('\n')
        .filter((line) => /taskmatrix\.(lintDelay|codeLens|files|today)/.test(line));
      assert.deepEqual(warnings, []);
    } finally {
      await setSetting('lintDelay', undefined);
    }
  });

  it('the hover names the kind in words and says 牵头 and 配合 once in Chinese', async () => {
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, rangeOf(document, '省科技厅, 省经信委', 0, [1, 1]).start)) ?? [];
    const markdown = hovers.map(markdownOf).find((text) => text.includes('浙江省科学技术厅'));
    assert.ok(markdown, 'the taskmatrix hover');
    assert.ok(markdown.includes(`: ${agencyKindLabel('government', locale())}`), markdown);
    // Each count line is one phrase of the engine's wording table, whose Chinese says the role once.
    for (const [role, word] of [
      ['lead', '牵头'],
      ['co', '配合'],
    ] as const) {
      const chinese = roleCountText('zh-cn', role, 7);
      assert.equal(chinese.split(word).length - 1, 1, `${chinese} says ${word} once`);
      const phrase = roleCountText(locale(), role, 7).replace('7', '\\d+').replace(/[()]/g, '\\$&');
      assert.match(markdown, new RegExp(`^${phrase}`, 'm'));
    }
  });

  it('the Agencies view has its own container in the activity bar, with a monochrome icon', async () => {
    const contributes = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes as {
      viewsContainers?: { activitybar?: { id: string; icon: string }[] };
      views: Record<string, { id: string }[]>;
    };
    const container = contributes.viewsContainers?.activitybar?.find((c) => c.id === 'taskmatrix');
    assert.ok(container, 'an activity bar container');
    assert.deepEqual(contributes.views.taskmatrix?.map((view) => view.id), ['taskmatrix.agencies']);
    const icon = fs.readFileSync(path.join(extensionUri().fsPath, container.icon), 'utf8');
    assert.match(icon, /currentColor/, 'the icon takes the theme\'s colour');
    await vscode.commands.executeCommand('workbench.view.extension.taskmatrix');
    await vscode.commands.executeCommand('taskmatrix.agencies.focus');
  });
});

// --- the README's pictures of drafting: quick-fix menu, hover, Agencies view, in both themes ---------

const THEMES = [
  { setting: 'Default Light Modern', name: 'light', kind: vscode.ColorThemeKind.Light },
  { setting: 'Default Dark Modern', name: 'dark', kind: vscode.ColorThemeKind.Dark },
] as const;

describe('drafting in the light and the dark theme (README screenshots)', function () {
  this.timeout(120000);
  let themeBefore: unknown;
  before(async () => {
    await activate();
    themeBefore = vscode.workspace.getConfiguration().inspect('workbench.colorTheme')?.globalValue;
  });
  after(async () => {
    await vscode.workspace.getConfiguration().update('workbench.colorTheme', themeBefore, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.explorer');
    await restoreFixture();
  });

  for (const theme of THEMES) {
    it(`the quick-fix menu, the hover and the Agencies view (${theme.name})`, async () => {
      await vscode.workspace.getConfiguration().update('workbench.colorTheme', theme.setting, vscode.ConfigurationTarget.Global);
      await waitUntil(() => vscode.window.activeColorTheme.kind === theme.kind, `the ${theme.setting} theme`);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
      await vscode.commands.executeCommand('workbench.view.extension.taskmatrix');
      const editor = await showDoc(GUIDELINE);
      await settled(GUIDELINE);

      // The quick fixes of the unknown agency 省经信委 (a slip for 省经信厅).
      const slip = rangeOf(editor.document, '省经信委', 0, [1, 1]);
      editor.selection = new vscode.Selection(slip.start, slip.start);
      editor.revealRange(slip, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      await vscode.commands.executeCommand('editor.action.quickFix');
      await sleep(1200);
      await screenshotAs(`drafting-quickfix-${theme.name}`);
      await vscode.commands.executeCommand('hideCodeActionWidget').then(undefined, () => undefined);
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');

      // The hover of 省科技厅: names, kind, and the measures it leads and co-owns.
      const name = rangeOf(editor.document, '省科技厅, 省经信委', 0, [1, 1]);
      editor.selection = new vscode.Selection(name.start, name.start);
      await vscode.commands.executeCommand('editor.action.showHover');
      await sleep(1200);
      await screenshotAs(`drafting-hover-${theme.name}`);
      await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
    });
  }
});
