// The registry and the guidelines are checked together: editing agencies.yaml re-checks every
// guideline that uses it, and task files created or deleted on disk are picked up.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activate, applyEdit, brief, GUIDELINE, listing, REGISTRY, replaceText, restoreFixture, ruleOf, settled, shown, sleep, waitForDiagnostics, wsUri } from './helpers';

describe('registry edits and files on disk', () => {
  before(activate);
  afterEach(restoreFixture);

  it('removing an alias from agencies.yaml turns its use in the guideline into an unknown agency', async () => {
    const guideline = wsUri(GUIDELINE);
    await settled(GUIDELINE);
    assert.ok(shown(guideline).some((d) => brief(d) === 'alias-agency 16:26-16:29'));
    const registry = await vscode.workspace.openTextDocument(wsUri(REGISTRY));
    await replaceText(registry, '    aliases: [科技厅]\n', '');
    const after = await waitForDiagnostics(guideline, (d) => d.some((x) => brief(x) === 'unknown-agency 16:26-16:29'), 'an unknown-agency on 科技厅');
    assert.ok(!after.some((d) => ruleOf(d) === 'alias-agency'), listing(after));
    assert.match(after.find((d) => brief(d) === 'unknown-agency 16:26-16:29')!.message, /省科技厅/, 'the closest registry name is suggested');
    await settled(GUIDELINE);

    await restoreFixture();
    assert.ok(shown(guideline).some((d) => brief(d) === 'alias-agency 16:26-16:29'), 'the alias warning is back once the registry is restored');
  });

  it('renaming an agency in the registry re-checks the guideline, and the registry reports names no measure uses', async () => {
    const registry = await vscode.workspace.openTextDocument(wsUri(REGISTRY));
    await replaceText(registry, 'name: 之江实验室', 'name: 之江实验室（新）');
    const after = await waitForDiagnostics(wsUri(GUIDELINE), (d) => d.filter((x) => x.message.includes('之江实验室')).length >= 3, 'unknown-agency on every 之江实验室');
    assert.ok(after.filter((d) => ruleOf(d) === 'unknown-agency').length >= 4, listing(after));
    const registryDiagnostics = await settled(REGISTRY);
    assert.deepEqual(registryDiagnostics.map(ruleOf), ['unused-agency'], listing(registryDiagnostics));
    assert.equal(registryDiagnostics[0]!.tags?.includes(vscode.DiagnosticTag.Unnecessary), true, 'an unused agency is shown faded');
  });

  it('a guideline created on disk is indexed and checked; deleting it clears its diagnostics', async () => {
    const api = await activate();
    const uri = wsUri('tasks/extra/new-guideline.yaml');
    const text = 'id: extra\ntitle: 新文件\nchapters:\n  - id: "5"\n    title: 第五部分\n    measures:\n      - id: "5.1"\n        title: 甲\n        agencies: [省科技厅, 省财政厅]\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const found = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'unknown-agency'), 'the new file to be checked', 15000);
      assert.deepEqual(found.map(brief), ['unknown-agency 9:26-9:30'], listing(found));
      assert.ok(api.index.has(uri));
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    for (let waited = 0; api.index.has(uri) && waited < 15000; waited += 100) await sleep(100);
    assert.equal(api.index.has(uri), false, 'the deleted file left the index');
    await waitForDiagnostics(uri, (d) => d.length === 0, 'the deleted file to lose its diagnostics', 5000);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
  });

  it('deleting a folder of task files drops them from the index and clears their diagnostics', async () => {
    const api = await activate();
    const folderUri = wsUri('tasks/old-drafts');
    const uri = vscode.Uri.joinPath(folderUri, 'draft.yaml');
    const text = 'id: draft\ntitle: 旧稿\nchapters:\n  - id: "6"\n    title: 第六部分\n    measures:\n      - id: "6.1"\n        title: 甲\n        agencies: [省科技厅, 省审计厅]\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'unknown-agency'), 'the draft to be checked', 15000);
    const before = api.status.count;
    await vscode.workspace.fs.delete(folderUri, { recursive: true });
    for (let waited = 0; api.index.has(uri) && waited < 5000; waited += 100) await sleep(100);
    assert.equal(api.index.has(uri), false, 'the files of a deleted folder leave the index');
    await waitForDiagnostics(uri, (d) => d.length === 0, 'the diagnostics of the deleted folder’s files to go', 5000);
    assert.equal(api.status.count, before);
  });

  it('a folder created with its registry and guideline at once (as a checkout does) is indexed whole', async () => {
    const api = await activate();
    const folderUri = wsUri('tasks/checkout');
    const registry = vscode.Uri.joinPath(folderUri, 'agencies.yaml');
    const guideline = vscode.Uri.joinPath(folderUri, 'plan.yaml');
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(registry, { contents: new TextEncoder().encode('agencies:\n  - name: 省审计厅\n    kind: government\n') });
    edit.createFile(guideline, { contents: new TextEncoder().encode('id: plan\ntitle: 计划\nchapters:\n  - id: "7"\n    title: 第七部分\n    measures:\n      - id: "7.1"\n        title: 甲\n        agencies: [省审计厅]\n') });
    await applyEdit(edit);
    try {
      for (let waited = 0; !(api.index.has(registry) && api.index.has(guideline)) && waited < 10000; waited += 100) await sleep(100);
      assert.deepEqual([api.index.has(registry), api.index.has(guideline)], [true, true], 'both new files are indexed');
      await settled('tasks/checkout/plan.yaml');
      assert.deepEqual(shown(guideline).map(brief), [], 'the guideline resolves 省审计厅 through the new registry beside it');
    } finally {
      await vscode.workspace.fs.delete(registry);
      await vscode.workspace.fs.delete(guideline);
      for (let waited = 0; (api.index.has(registry) || api.index.has(guideline)) && waited < 10000; waited += 100) await sleep(100);
      await vscode.workspace.fs.delete(folderUri, { recursive: true });
    }
  });
});
