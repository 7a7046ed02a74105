// Completion of agency names inside `agencies:` lists and of `division:` values.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activate, applyEdit, GUIDELINE, labelOf, REGISTRY, replaceText, restoreFixture, settled, showDoc, sleep, wsUri } from './helpers';

const REGISTRY_NAMES = ['省科技厅', '省经信厅', '省教育厅', '之江实验室', '省数字经济领导小组各成员单位'];

/** taskmatrix's completion items at a position (agency names are Value, aliases Reference, divisions EnumMember). */
async function complete(document: vscode.TextDocument, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, trigger);
  // The editor's word-based suggestions (kind Text) come along; they are not the extension's.
  const ours = [vscode.CompletionItemKind.Value, vscode.CompletionItemKind.Reference, vscode.CompletionItemKind.EnumMember];
  return (list?.items ?? []).filter((item) => item.kind !== undefined && ours.includes(item.kind));
}

function documentation(item: vscode.CompletionItem): string {
  const { documentation: doc } = item;
  return doc === undefined ? '' : typeof doc === 'string' ? doc : doc.value;
}

/** Appends a measure to the end of the guideline and returns the position at the end of its last line. */
async function appendMeasure(document: vscode.TextDocument, lines: string[]): Promise<vscode.Position> {
  const end = document.lineAt(document.lineCount - 1).range.end;
  const text = `${end.character === 0 ? '' : '\n'}      - id: "3.4"\n        title: 新措施\n${lines.join('\n')}`;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, end, text);
  await applyEdit(edit);
  return document.lineAt(document.lineCount - 1).range.end;
}

describe('completion', () => {
  let document: vscode.TextDocument;
  before(activate);
  beforeEach(async () => {
    document = (await showDoc(GUIDELINE)).document;
    await settled(GUIDELINE);
  });
  afterEach(restoreFixture);

  it('inside `agencies: [` offers the registry names, leaves out those already listed, and shows aliases', async () => {
    const position = await appendMeasure(document, ['        agencies: [省经信厅, ']);
    const items = await complete(document, position, ' ');
    const names = items.filter((i) => i.kind === vscode.CompletionItemKind.Value).map(labelOf);
    assert.deepEqual(names, REGISTRY_NAMES.filter((n) => n !== '省经信厅'), 'registry names in registry order, 省经信厅 left out');

    const science = items.find((i) => labelOf(i) === '省科技厅')!;
    assert.equal(typeof science.label === 'object' && science.label.description, '浙江省科学技术厅', 'the full name beside the label');
    assert.match(String(science.detail), /government/);
    assert.ok(science.range, 'a replace range is given');

    const alias = items.find((i) => labelOf(i) === '科技厅');
    assert.ok(alias, `the alias 科技厅 is offered: ${items.map(labelOf).join(', ')}`);
    assert.equal(alias.kind, vscode.CompletionItemKind.Reference);
    assert.equal(typeof alias.label === 'object' && alias.label.description, 'alias of 省科技厅');
    assert.equal(alias.insertText, '省科技厅', 'choosing the alias writes the registry name');
    assert.ok(String(alias.sortText) > String(science.sortText), 'aliases sort after registry names');
  });

  it('leaves out an agency listed by its alias, and its alias too', async () => {
    const position = await appendMeasure(document, ['        agencies: [科技厅, ']);
    const labels = (await complete(document, position, ' ')).map(labelOf);
    assert.ok(!labels.includes('省科技厅') && !labels.includes('科技厅'), labels.join(', '));
    assert.ok(labels.includes('省经信厅'));
  });

  it('replaces the partly typed name, and works in block lists too', async () => {
    const position = await appendMeasure(document, ['        agencies:', '          - 省教育厅', '          - 省经']);
    const items = await complete(document, position);
    const labels = items.filter((i) => i.kind === vscode.CompletionItemKind.Value).map(labelOf);
    assert.deepEqual(labels, REGISTRY_NAMES.filter((n) => n !== '省教育厅'));
    const item = items.find((i) => labelOf(i) === '省经信厅')!;
    const range = item.range as vscode.Range;
    assert.equal(document.getText(range), '省经', 'the typed prefix is replaced');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, String(item.insertText ?? labelOf(item)));
    await applyEdit(edit);
    assert.ok(document.getText().endsWith('          - 省教育厅\n          - 省经信厅'));
  });

  it('quotes registry names that would break or retype the list (`A, B`, `X: Y`, `true`, `2024`)', async () => {
    const registry = await vscode.workspace.openTextDocument(wsUri(REGISTRY));
    const odd = ['A, B', 'X: Y', 'true', '2024'];
    await replaceText(registry, 'agencies:\n', `agencies:\n${odd.map((name) => `  - name: ${JSON.stringify(name)}\n    kind: government\n`).join('')}`);
    await settled(REGISTRY);
    const position = await appendMeasure(document, ['        agencies: [省经信厅, ']);
    let items: vscode.CompletionItem[] = [];
    for (let tries = 0; tries < 50 && !odd.every((name) => items.some((i) => labelOf(i) === name)); tries++) {
      if (tries) await sleep(100);
      items = await complete(document, position, ' ');
    }
    for (const name of odd) {
      const item = items.find((i) => labelOf(i) === name);
      assert.ok(item, `${name} is offered: ${items.map(labelOf).join(', ')}`);
      assert.equal(item.insertText, JSON.stringify(name), `${name} is inserted quoted`);
    }
    assert.equal(items.find((i) => labelOf(i) === '省科技厅')!.insertText, '省科技厅', 'an ordinary name stays plain');
  });

  it('after `division: ` offers the three values', async () => {
    const position = await appendMeasure(document, ['        agencies: [省经信厅]', '        division: ']);
    const items = (await complete(document, position, ' ')).filter((i) => i.kind === vscode.CompletionItemKind.EnumMember);
    assert.deepEqual(items.map(labelOf), ['lead-first', 'by-function', 'joint']);
    assert.match(documentation(items[1]!), /根据职能分工各自负责/);
  });

  it('offers no agency where no agency goes', async () => {
    const position = await appendMeasure(document, ['        title2: ']);
    const labels = (await complete(document, position, ' ')).map(labelOf);
    for (const name of REGISTRY_NAMES) assert.ok(!labels.includes(name), `${name} offered outside an agencies list`);
  });
});
