// Quick fixes, "make lead" and fix-all through VS Code's own code-action command, applied with
// workspace.applyEdit: the resulting text is checked character for character, comments included.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activate, applyEdit, codeActions, findAction, GUIDELINE, listing, pristineText, rangeOf, REGISTRY, restoreFixture, ruleOf, setSetting, settled, showDoc, shown, waitForDiagnostics, wsUri } from './helpers';

const QUICK_FIX = vscode.CodeActionKind.QuickFix;

/** The document's text with one exact substring replaced (asserting it occurs once). */
function replacedOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `"${from}" occurs once in the fixture`);
  return text.replace(from, to);
}

describe('quick fixes', () => {
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
  afterEach(restoreFixture);

  it('replace an unknown agency with the closest registry name (the preferred fix), keeping the comments', async () => {
    const actions = await codeActions(document.uri, rangeOf(document, '省经信委'));
    const fix = findAction(actions, 'Replace with "省经信厅"');
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.kind && QUICK_FIX.contains(fix.kind), `kind ${fix.kind?.value}`);
    await applyEdit(fix.edit!);
    assert.equal(document.getText(), replacedOnce(original, '[省科技厅, 省经信委, 之江实验室]  # 省经信委: a slip', '[省科技厅, 省经信厅, 之江实验室]  # 省经信委: a slip'));
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => x.message.includes('省经信委')), 'the unknown agency to clear');
    await settled(GUIDELINE);
  });

  it('replace an alias with its registry name', async () => {
    const actions = await codeActions(document.uri, rangeOf(document, '科技厅]  # 科技厅 is an alias'));
    const fix = findAction(actions, 'Replace with "省科技厅"');
    assert.equal(fix.isPreferred, true);
    await applyEdit(fix.edit!);
    assert.equal(document.getText(), replacedOnce(original, '[省教育厅, 科技厅]  # 科技厅 is an alias', '[省教育厅, 省科技厅]  # 科技厅 is an alias'));
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => ruleOf(x) === 'alias-agency'), 'the alias warning to clear');
  });

  it('remove a repeated agency: its whole line in a block list, the comments of the others kept', async () => {
    const repeated = rangeOf(document, '之江实验室   # listed twice', 0, [0, 5]);
    const fix = findAction(await codeActions(document.uri, repeated), 'Remove the repeated "之江实验室"');
    assert.equal(fix.isPreferred, true);
    await applyEdit(fix.edit!);
    assert.equal(document.getText(), replacedOnce(original, '          - 之江实验室   # listed twice\n', ''));
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => ruleOf(x) === 'duplicate-agency'), 'the duplicate to clear');
  });

  it('add an unknown agency to the registry: the registry gets the entry, the guideline is re-checked, the cursor goes there', async () => {
    const registryText = await pristineText(REGISTRY);
    const actions = await codeActions(document.uri, rangeOf(document, '省农业农村厅]'));
    assert.equal(actions.filter((a) => a.title.startsWith('Replace with')).length, 0, 'no close registry name, so no replacement offered');
    const add = findAction(actions, 'Add "省农业农村厅" to the agency registry');
    assert.equal(add.isPreferred, false, 'adding to the registry is a decision, not the obvious fix');
    await applyEdit(add.edit!);
    const registry = await vscode.workspace.openTextDocument(wsUri(REGISTRY));
    assert.equal(registry.getText(), `${registryText}  - name: 省农业农村厅\n    kind: government  # taskmatrix: review the kind\n`);
    assert.equal(document.getText(), original, 'the guideline itself is not touched');
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => x.message.includes('省农业农村厅')), 'the unknown agency to clear after the registry changed');
    await settled(GUIDELINE);
    await settled(REGISTRY);

    assert.equal(add.command?.command, 'taskmatrix.reveal', 'the fix takes the drafter to the new entry');
    await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), registry.uri.toString());
    assert.equal(editor!.selection.active.line, registryText.split('\n').length - 1, 'on the line of the new entry');
  });

  it('make a non-first agency the lead (refactor.rewrite), in a flow list and in a block list', async () => {
    const atFirst = await codeActions(document.uri, rangeOf(document, '省科技厅, 省经信委', 0, [1, 1]), vscode.CodeActionKind.RefactorRewrite.value);
    assert.equal(atFirst.length, 0, `no "make lead" on the agency that already leads: ${atFirst.map((a) => a.title).join(', ')}`);

    const flow = await codeActions(document.uri, rangeOf(document, '之江实验室]  # 省经信委', 0, [2, 2]), vscode.CodeActionKind.RefactorRewrite.value);
    const makeLead = findAction(flow, 'Make "之江实验室" the lead (move it first)');
    assert.ok(makeLead.kind && vscode.CodeActionKind.RefactorRewrite.contains(makeLead.kind));
    await applyEdit(makeLead.edit!);
    const afterFlow = replacedOnce(original, '[省科技厅, 省经信委, 之江实验室]  # 省经信委', '[之江实验室, 省科技厅, 省经信委]  # 省经信委');
    assert.equal(document.getText(), afterFlow);
    await settled(GUIDELINE);

    const block = await codeActions(document.uri, rangeOf(document, '          - 省科技厅\n', 0, [13, 13]), vscode.CodeActionKind.RefactorRewrite.value);
    await applyEdit(findAction(block, 'Make "省科技厅" the lead (move it first)').edit!);
    assert.equal(document.getText(), replacedOnce(afterFlow, '          - 之江实验室\n          - 省科技厅\n', '          - 省科技厅\n          - 之江实验室\n'));
    await settled(GUIDELINE);
  });

  it('acknowledge a measure without a lead with a suppression comment, and the warning goes', async () => {
    const warning = rangeOf(document, 'by-function');
    const acknowledge = findAction(await codeActions(document.uri, warning), 'Acknowledge: no lead is intended here (no-lead)');
    assert.equal(acknowledge.isPreferred, false);
    await applyEdit(acknowledge.edit!);
    assert.equal(
      document.getText(),
      replacedOnce(original, '        division: by-function', '        # taskmatrix-disable-next-line no-lead — reviewed: as in the source document\n        division: by-function'),
    );
    const after = await waitForDiagnostics(document.uri, (d) => d.filter((x) => ruleOf(x) === 'no-lead').length === 1, 'one no-lead left');
    assert.equal(after.find((x) => ruleOf(x) === 'no-lead')!.range.start.line, 32, `the collective of 3.2 (now line 33) is still reported:\n${listing(after)}`);
  });

  it('fix all (source.fixAll.taskmatrix) applies every obvious fix at once, and only those', async () => {
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await codeActions(document.uri, whole, 'source.fixAll.taskmatrix');
    assert.equal(actions.length, 1, actions.map((a) => a.title).join(', '));
    const [fixAll] = actions;
    assert.equal(fixAll!.title, 'Fix all taskmatrix problems with an obvious fix');
    assert.equal(fixAll!.kind?.value, 'source.fixAll.taskmatrix');
    assert.ok((await codeActions(document.uri, whole, 'source.fixAll')).some((a) => a.kind?.value === 'source.fixAll.taskmatrix'), 'offered under source.fixAll (codeActionsOnSave)');
    await applyEdit(fixAll!.edit!);
    const expected = original
      .replace('[省科技厅, 省经信委, 之江实验室]', '[省科技厅, 省经信厅, 之江实验室]')
      .replace('[省教育厅, 科技厅]', '[省教育厅, 省科技厅]')
      .replace('          - 之江实验室   # listed twice\n', '');
    assert.equal(document.getText(), expected);
    const left = await waitForDiagnostics(document.uri, (d) => d.length === 3, 'three findings without an obvious fix');
    assert.deepEqual(left.map(ruleOf).sort(), ['no-lead', 'no-lead', 'unknown-agency'], listing(left));
  });

  it('the taskmatrix.fixAll command does the same on the active editor', async () => {
    await vscode.commands.executeCommand('taskmatrix.fixAll');
    const expected = original
      .replace('[省科技厅, 省经信委, 之江实验室]', '[省科技厅, 省经信厅, 之江实验室]')
      .replace('[省教育厅, 科技厅]', '[省教育厅, 省科技厅]')
      .replace('          - 之江实验室   # listed twice\n', '');
    assert.equal(document.getText(), expected);
    await waitForDiagnostics(document.uri, (d) => d.length === 3, 'three findings left');
  });

  it('are computed on the text as it is now, even before the re-check after typing has run', async () => {
    // A drafter types a line and at once asks for a fix: the re-check is still waiting for the
    // typing pause (taskmatrix.lintDelay, made long here so that the moment is certain).
    await setSetting('lintDelay', 3000);
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, new vscode.Position(2, 0), '# 新加的一行注释\n');
      await applyEdit(edit);
      const flow = await codeActions(document.uri, rangeOf(document, '之江实验室]  # 省经信委', 0, [2, 2]), vscode.CodeActionKind.RefactorRewrite.value);
      const makeLead = findAction(flow, 'Make "之江实验室" the lead (move it first)');
      await applyEdit(makeLead.edit!);
      assert.equal(
        document.getText(),
        replacedOnce(replacedOnce(original, '[省科技厅, 省经信委, 之江实验室]  # 省经信委', '[之江实验室, 省科技厅, 省经信委]  # 省经信委'), '\nid: fixture-2027\n', '\n# 新加的一行注释\nid: fixture-2027\n'),
      );
    } finally {
      await setSetting('lintDelay', undefined);
    }
  });

  it('offer nothing on a line without a finding or an agency', async () => {
    const actions = await codeActions(document.uri, rangeOf(document, 'title: 加强人才培养', 0, [8, 8]));
    assert.deepEqual(actions.filter((a) => !a.kind?.value.startsWith('source')).map((a) => a.title), []);
    assert.ok(shown(document.uri).length > 0);
  });
});
