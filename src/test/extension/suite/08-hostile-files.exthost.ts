// Hostile task files — not well-formed YAML, an alias bomb, a binary file, absurd nesting — give
// diagnostics and never break the extension host: the other features keep answering afterwards.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activate, engineDiagnostics, GUIDELINE, HOSTILE, listing, log, markdownOf, pristineText, rangeOf, replaceText, restoreFixture, ruleOf, sameAsEngine, SCRATCH, setText, settled, showDoc, shown, startOf, waitForDiagnostics, wsUri } from './helpers';

const DEEP_LIST = `id: deep\nchapters: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
const DEEP_MAP = `id: deep\nchapters: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`;
const LONG_LINE = `id: long\ntitle: ${'长'.repeat(2_000_000)}\nchapters:\n  - id: "2"\n    title: 长\n    measures:\n      - id: "2.1"\n        title: 长\n        agencies: [不存在的单位]\n`;
const TOO_DEEP = /nests too deeply/;

describe('hostile files', () => {
  before(activate);
  afterEach(restoreFixture);

  it('are reported on activation without being opened', async () => {
    const broken = await waitForDiagnostics(wsUri(HOSTILE.broken), (d) => d.length >= 4, 'the broken file’s syntax errors');
    assert.deepEqual(broken.map(startOf), ['yaml-syntax 4:1', 'yaml-syntax 5:9', 'yaml-syntax 7:1', 'yaml-syntax 8:1'], listing(broken));
    assert.match(broken[0]!.message, /Duplicate key "title"/);
    assert.match(broken[1]!.message, /never closed/);
    assert.match(broken[2]!.message, /Tabs/);

    const bomb = await waitForDiagnostics(wsUri(HOSTILE.bomb), (d) => d.length > 0, 'the alias bomb’s diagnostic');
    assert.deepEqual(bomb.map(startOf), ['yaml-syntax 5:10'], listing(bomb));
    assert.match(bomb[0]!.message, /alias bomb/);

    const binary = await waitForDiagnostics(wsUri(HOSTILE.binary), (d) => d.length > 0, 'the binary file’s diagnostic');
    assert.deepEqual(binary.map(startOf), ['yaml-syntax 1:1'], listing(binary));
    assert.match(binary[0]!.message, /not text/);

    for (const relative of Object.values(HOSTILE)) await settled(relative);
  });

  it('can be opened in editors, and keep their diagnostics', async () => {
    for (const relative of [HOSTILE.broken, HOSTILE.bomb]) {
      const editor = await showDoc(relative);
      assert.equal(editor.document.uri.toString(), wsUri(relative).toString());
      const diagnostics = await settled(relative);
      assert.ok(diagnostics.length > 0 && diagnostics.every((d) => ruleOf(d) === 'yaml-syntax'), listing(diagnostics));
    }
    // VS Code refuses to open a binary file as text; if it ever does, the text is still no task file.
    let opened = false;
    try {
      await showDoc(HOSTILE.binary);
      opened = true;
    } catch (error) {
      log(`  (binary fixture not opened as text: ${(error as Error).message.split('\n')[0]})`);
    }
    const binary = await settled(HOSTILE.binary);
    assert.deepEqual(binary.map(startOf), ['yaml-syntax 1:1'], `opened: ${opened}\n${listing(binary)}`);
  });

  it('can be typed into: fixing the broken file re-checks it', async () => {
    const document = (await showDoc(HOSTILE.broken)).document;
    await replaceText(document, 'title: 重复的键\n', '');
    await replaceText(document, '[浙江省, 杭州市\n', '浙江省\n');
    await replaceText(document, '\tchapters: []\n', 'chapters: []\n');
    await replaceText(document, '  targets:\n - id: "1.1"\n', '');
    const fixed = await settled(HOSTILE.broken);
    assert.ok(!fixed.some((d) => ruleOf(d) === 'yaml-syntax'), listing(fixed));
  });

  it('survive being pasted into a guideline: an alias bomb, deep nesting, a 2 MB line', async () => {
    const document = (await showDoc(SCRATCH)).document;
    const scratch = await pristineText(SCRATCH);
    for (const [name, text, expected] of [
      ['alias bomb', await pristineText(HOSTILE.bomb), /alias bomb/],
      ['20,000 nested lists', DEEP_LIST, TOO_DEEP],
      ['5,000 nested maps', DEEP_MAP, TOO_DEEP],
      ['a 2 MB line', LONG_LINE, /不存在的单位/],
    ] as const) {
      const started = Date.now();
      await setText(document, text);
      const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => expected.test(x.message)), `${name}: a finding matching ${expected}`, 20000);
      log(`  ${name}: diagnostics in ${Date.now() - started} ms (${[...new Set(diagnostics.map(ruleOf))].join(', ')})`);
      await setText(document, scratch);
      await settled(SCRATCH);
    }
  });

  it('too deep nesting is reported the same way every time, as the engine (and so the CLI) reports it', async () => {
    const document = (await showDoc(SCRATCH)).document;
    await setText(document, DEEP_LIST);
    const shownNow = await waitForDiagnostics(document.uri, (d) => d.some((x) => TOO_DEEP.test(x.message)), 'the nesting finding', 20000);
    const runs = [await engineDiagnostics(SCRATCH), await engineDiagnostics(SCRATCH), await engineDiagnostics(SCRATCH)];
    const where = (list: { line: number; column: number }[]) => list.map((d) => `${d.line}:${d.column}`).join(' ');
    assert.equal(new Set(runs.map(where)).size, 1, `the engine reports one text three ways:\n${runs.map((r) => `${r.length} findings at ${where(r).slice(0, 120)}`).join('\n')}`);
    assert.ok(sameAsEngine(shownNow, runs[0]!), `the extension shows ${listing(shownNow)}\nthe engine ${where(runs[0]!).slice(0, 200)}`);
  });

  it('a file over 32 MB on disk gets the size finding without being read', async () => {
    const uri = wsUri('tasks/huge.yaml');
    await vscode.workspace.fs.writeFile(uri, new Uint8Array(33 * 1024 * 1024).fill(0x61));
    try {
      const diagnostics = await waitForDiagnostics(uri, (d) => d.length > 0, 'the size finding', 30000);
      assert.deepEqual(diagnostics.map(startOf), ['yaml-syntax 1:1'], listing(diagnostics));
      assert.match(diagnostics[0]!.message, /larger than the 32 MB/);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitForDiagnostics(uri, (d) => d.length === 0, 'the finding gone with the file');
  });

  it('leave every other feature working afterwards', async () => {
    const api = await activate();
    const document = (await showDoc(GUIDELINE)).document;
    await settled(GUIDELINE);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, rangeOf(document, '省科技厅').start)) ?? [];
    assert.ok(hovers.some((h) => markdownOf(h).includes('浙江省科学技术厅')), 'hover answers');
    const completion = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, rangeOf(document, '[省经信厅, 省农业农村厅]', 0, [1, 1]).start);
    assert.ok(completion.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '省教育厅'), 'completion answers');
    await replaceText(document, '省经信委', '省经信厅');
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => x.message.includes('省经信委')), 'diagnostics to follow an edit');
    assert.equal(api.status.count, 2);
    assert.ok(shown(wsUri(HOSTILE.bomb)).length > 0, 'the hostile files are still reported');
  });
});
