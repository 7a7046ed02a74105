// Document symbols, code lenses, the agencies tree and the status bar count.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { buildMatrix, noLeadReasonText, resolveLocale, wording } from '../../../core/index';
import type { NoLeadReason } from '../../../core/index';
import { activate, applyEdit, engineProject, GUIDELINE, rangeOf, REGISTRY, replaceText, restoreFixture, screenshot, settled, showDoc, until, wsUri } from './helpers';

/** The lens of a measure without a lead: the reason in words (not its id), in the editor's language. */
const noLeadLens = (reason: NoLeadReason) => {
  const locale = resolveLocale(vscode.env.language);
  return wording(locale, 'mark.noLeadBecause', { reason: noLeadReasonText(locale, reason) });
};

async function symbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
}


describe('outline, code lenses, agencies tree and status bar', () => {
  let document: vscode.TextDocument;
  before(activate);
  beforeEach(async () => {
    document = (await showDoc(GUIDELINE)).document;
    await settled(GUIDELINE);
  });
  afterEach(restoreFixture);

  it('document symbols list the parts and their measures, with each lead', async () => {
    const found = await symbols(document.uri);
    const shape = found.map((chapter) => ({
      name: chapter.name,
      kind: chapter.kind,
      measures: chapter.children.map((m) => `${m.name} | ${m.detail} | ${m.kind === vscode.SymbolKind.Object} | line ${m.selectionRange.start.line + 1}`),
    }));
    assert.deepEqual(shape, [
      {
        name: '2 加快核心技术突破',
        kind: vscode.SymbolKind.Namespace,
        measures: ['2.1 强化前沿基础研究 | 牵头: 省科技厅 | true | line 11', '2.2 加强人才培养 | 牵头: 省教育厅 | true | line 14', '2.3 建设创新平台 | 牵头: 之江实验室 | true | line 17'],
      },
      {
        name: '3 推进场景应用',
        kind: vscode.SymbolKind.Namespace,
        measures: ['3.1 赋能实体经济 | 无牵头单位 | true | line 26', '3.2 统筹数字经济发展 | 无牵头单位 | true | line 30', '3.3 发展智慧农业 | 牵头: 省经信厅 | true | line 33'],
      },
    ]);
    // A symbol's range encloses all of it (VS Code's breadcrumbs, sticky scroll and outline
    // "follow cursor" rely on that): a part holds its measures, a measure its agencies line.
    const span = (r: vscode.Range) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
    for (const chapter of found) {
      for (const measure of chapter.children) {
        assert.ok(chapter.range.contains(measure.range), `part ${chapter.name} (range ${span(chapter.range)}) encloses measure ${measure.name} (range ${span(measure.range)})`);
      }
    }
    const measure21 = found[0]!.children[0]!;
    assert.ok(measure21.range.contains(rangeOf(document, '[省科技厅, 省经信委, 之江实验室]')), `measure 2.1 (range ${span(measure21.range)}) encloses its agencies on line 13`);
  });

  it('document symbols of the registry list its agencies with their kinds', async () => {
    const found = await symbols(wsUri(REGISTRY));
    assert.deepEqual(
      found.map((s) => `${s.name} ${s.detail} ${s.kind === vscode.SymbolKind.Constant}`),
      ['省科技厅 government true', '省经信厅 government true', '省教育厅 government true', '之江实验室 lab true', '省数字经济领导小组各成员单位 collective true'],
    );
  });

  it('code lenses show 牵头: … or 无牵头单位 above each measure', async () => {
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10)) ?? [];
    assert.deepEqual(
      lenses.map((lens) => `${lens.range.start.line + 1} ${lens.command?.title}`),
      [
        '11 牵头: 省科技厅  ·  配合 2',
        '14 牵头: 省教育厅  ·  配合 1',
        '17 牵头: 之江实验室  ·  配合 1',
        `26 ${noLeadLens('by-function')}`,
        `30 ${noLeadLens('collective')}`,
        '33 牵头: 省经信厅  ·  配合 1',
      ],
    );
    await screenshot('code-lenses-and-diagnostics');
  });

  it('code lenses follow an edit (make 3.3 by-function)', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, '\n        division: by-function');
    await applyEdit(edit);
    await settled(GUIDELINE);
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10)) ?? [];
    assert.equal(lenses[5]?.command?.title, noLeadLens('by-function'));
  });

  it('the agencies tree lists the agencies with their counts, and their measures below', async () => {
    const api = await activate();
    const nodes = api.tree.getChildren();
    const items = nodes.map((node) => api.tree.getTreeItem(node));
    assert.deepEqual(
      items.map((item) => `${item.label} | ${item.description}`),
      [
        '省科技厅 | 牵头 1 · 配合 2 · 无牵头 1',
        '省经信厅 | 牵头 1 · 配合 0 · 无牵头 1',
        '省教育厅 | 牵头 1 · 配合 0 · 无牵头 1',
        '之江实验室 | 牵头 1 · 配合 1',
        '省数字经济领导小组各成员单位 | 牵头 0 · 配合 0 · 无牵头 1',
        '省经信委 | 牵头 0 · 配合 1',
        '省农业农村厅 | 牵头 0 · 配合 1',
      ],
    );
    const groups = api.tree.getChildren(nodes[0]);
    assert.deepEqual(
      groups.map((group) => api.tree.getTreeItem(group)).map((item) => `${item.label} ${item.description}`),
      ['Leads (牵头) 1', 'Co-owns (配合) 2', 'Without a lead (负责) 1'],
    );
    const coOwned = api.tree.getChildren(groups[1]).map((node) => api.tree.getTreeItem(node));
    assert.deepEqual(
      coOwned.map((item) => `${item.label} | ${item.description}`),
      ['2.2 加强人才培养 | 牵头: 省教育厅', '2.3 建设创新平台 | 牵头: 之江实验室'],
      'the group "Co-owns (配合) 2" lists its two measures (the workspace has other guidelines, without measures)',
    );

    // Selecting a measure reveals it.
    const command = coOwned[1]!.command!;
    assert.equal(command.command, 'taskmatrix.revealMeasure');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), document.uri.toString());
    assert.equal(editor.selection.active.line + 1, 17, 'the line of measure 2.3');
  });

  it('the agencies tree refreshes when the guideline changes', async () => {
    const api = await activate();
    let fired = 0;
    const subscription = api.tree.onDidChangeTreeData(() => fired++);
    try {
      await replaceText(document, '省经信委', '省经信厅');
      const labels = await until(
        () => api.tree.getChildren().map((node) => api.tree.getTreeItem(node)).map((item) => `${item.label} | ${item.description}`),
        (list) => !list.some((l) => l.startsWith('省经信委')),
        'the tree to drop 省经信委',
      );
      assert.ok(labels.includes('省经信厅 | 牵头 1 · 配合 1 · 无牵头 1'), labels.join('\n'));
      assert.ok(fired > 0, 'onDidChangeTreeData fired');
    } finally {
      subscription.dispose();
    }
  });

  it('the status bar count is the number of measures without a lead, and follows edits', async () => {
    const api = await activate();
    const expected = async () => buildMatrix(await engineProject()).measures.filter((m) => m.noLead).length;
    assert.equal(await expected(), 2, 'the fixture has two measures without a lead (3.1 by function, 3.2 a collective)');
    assert.equal(api.status.count, 2);

    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, '\n        division: joint');
    await applyEdit(edit);
    await until(() => api.status.count, (count) => count === 3, 'the count to reach 3');
    assert.equal(api.status.count, await expected());

    await replaceText(document, 'division: by-function', 'division: lead-first');
    await until(() => api.status.count, (count) => count === 2, 'the count to go back to 2');
    assert.equal(api.status.count, await expected());
  });
});
