// The extension loads in a real extension host, activates on the fixture workspace and indexes it.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activate, EXTENSION_ID, GUIDELINE, HOSTILE, log, REGISTRY, wsUri } from './helpers';

describe('activation', () => {
  it('is installed from the repository and activates with its API', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    const started = Date.now();
    const api = await activate();
    log(`activation and first index: ${Date.now() - started} ms`);
    assert.equal(extension.isActive, true);
    for (const member of ['index', 'diagnostics', 'status', 'tree', 'ready'] as const) assert.ok(api[member], `the API has ${member}`);
    assert.equal(extension.packageJSON.main, './dist/extension.js');
  });

  it('registers its commands', async () => {
    await activate();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['taskmatrix.fixAll', 'taskmatrix.reindex', 'taskmatrix.revealMeasure']) assert.ok(commands.includes(id), `${id} is registered`);
  });

  it('indexes every task file of the workspace, the hostile ones included, without opening them', async () => {
    const api = await activate();
    for (const relative of [REGISTRY, GUIDELINE, HOSTILE.broken, HOSTILE.bomb, HOSTILE.binary]) {
      assert.ok(api.index.has(wsUri(relative)), `${relative} is indexed`);
    }
    assert.equal(api.index.project.file(wsUri(REGISTRY).toString())?.kind, 'registry');
    assert.equal(api.index.project.file(wsUri(GUIDELINE).toString())?.kind, 'guideline');
  });

  it('re-indexes on taskmatrix.reindex and keeps the same files', async () => {
    const api = await activate();
    const before = api.index.project.paths();
    await vscode.commands.executeCommand('taskmatrix.reindex');
    assert.deepEqual(api.index.project.paths(), before);
  });
});
