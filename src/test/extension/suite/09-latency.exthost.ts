// How long from an edit to updated diagnostics, for the fixture guideline and for a generated
// guideline of 1,000 measures; printed so that runs can be compared. Two times are taken per edit:
// until the extension published (api.diagnostics.onDidUpdate) and until
// vscode.languages.onDidChangeDiagnostics delivered the new finding to the extension host.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { generateCorpus } from '../../../bench/generate-corpus';
import { activate, applyEdit, EXTENSION_ID, GUIDELINE, log, restoreFixture, setSetting, settled, showDoc, sleep, stats, waitForDiagnostics, wsUri } from './helpers';

const ROUNDS = 7;
let edits = 0;

/** Replaces the agency at `range` with a new unknown name each round and times the round trip. */
async function measure(document: vscode.TextDocument, firstRange: vscode.Range, label: string): Promise<void> {
  const api = await activate();
  const published: number[] = [];
  const delivered: number[] = [];
  let range = firstRange;
  for (let round = 0; round < ROUNDS; round++) {
    const name = `未知单位${++edits}`;
    const quoted = `"${name}"`;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, name);
    let publishedAt = 0;
    const subscription = api.diagnostics.onDidUpdate(() => {
      if (!publishedAt && api.diagnostics.engineDiagnostics(document.uri.toString()).some((d) => d.message.includes(quoted))) publishedAt = performance.now();
    });
    const started = performance.now();
    try {
      await applyEdit(edit);
      await waitForDiagnostics(document.uri, (d) => d.some((x) => x.message.includes(quoted)), `the unknown agency ${name}`, 20000);
    } finally {
      subscription.dispose();
    }
    const done = performance.now();
    delivered.push(done - started);
    published.push((publishedAt || done) - started);
    range = new vscode.Range(range.start, range.start.translate(0, name.length));
  }
  const p = stats(published);
  const d = stats(delivered);
  const delay = vscode.workspace.getConfiguration('taskmatrix', document.uri).get<number>('lintDelay');
  log(
    `  latency ${label} (${document.lineCount} lines, lintDelay ${delay} ms, ${ROUNDS} edits): ` +
      `published median ${p.median.toFixed(0)} ms (max ${p.max.toFixed(0)}), ` +
      `onDidChangeDiagnostics median ${d.median.toFixed(0)} ms (min ${d.min.toFixed(0)}, max ${d.max.toFixed(0)})`,
  );
  // A generous bound: only a hang or a pathological slowdown fails the run.
  assert.ok(d.median < 5000, `median edit-to-diagnostics latency ${d.median} ms`);
}

function agencyRangeIn(document: vscode.TextDocument, line: number): vscode.Range {
  const text = document.lineAt(line).text;
  const open = text.indexOf('[');
  const end = text.indexOf(',', open);
  assert.ok(open > 0 && end > open, `line ${line + 1} has a flow list of agencies: ${text}`);
  return new vscode.Range(line, open + 1, line, end);
}

const setLintDelay = (value: number | undefined) => setSetting('lintDelay', value);

describe('latency', function () {
  this.timeout(180000);
  before(activate);
  after(async () => {
    await setLintDelay(undefined);
    await restoreFixture();
  });

  it('of the fixture guideline', async () => {
    const document = (await showDoc(GUIDELINE)).document;
    await settled(GUIDELINE);
    await measure(document, agencyRangeIn(document, 12), 'fixture');
    await restoreFixture();
    await setLintDelay(0);
    await measure(document, agencyRangeIn(document, 12), 'fixture');
    await setLintDelay(undefined);
  });

  it('of a generated guideline of 1,000 measures', async () => {
    const api = await activate();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    // The project's own registry (31 agencies): the generator needs at least ten that can lead.
    const registryText = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'tasks', 'agencies.yaml')));
    const { files, stats: corpus } = generateCorpus({ measures: 1000, seed: 1, perFile: 1000, registryText });
    assert.equal(files.length, 2);
    assert.equal(corpus.measures, 1000);
    const folderUri = wsUri('tasks/bench');
    const guideline = vscode.Uri.joinPath(folderUri, files[1]!.name);
    // The registry first, and the guideline once the registry is indexed: the time taken is the guideline's.
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folderUri, files[0]!.name), new TextEncoder().encode(files[0]!.text));
    for (let waited = 0; !api.index.has(vscode.Uri.joinPath(folderUri, files[0]!.name)) && waited < 15000; waited += 50) await sleep(50);
    assert.ok(api.index.has(vscode.Uri.joinPath(folderUri, files[0]!.name)), 'the generated registry is indexed');
    const started = performance.now();
    await vscode.workspace.fs.writeFile(guideline, new TextEncoder().encode(files[1]!.text));
    try {
      const found = await waitForDiagnostics(guideline, (d) => d.length > 0, 'the generated file to be indexed and checked', 30000);
      log(`  new 1,000-measure file on disk to diagnostics: ${(performance.now() - started).toFixed(0)} ms (${found.length} findings; ${corpus.noLead} without lead, ${corpus.unknown} unknown, ${corpus.aliases} aliases generated)`);
      await settled(`tasks/bench/${files[1]!.name}`, 30000);

      const document = await vscode.workspace.openTextDocument(guideline);
      await vscode.window.showTextDocument(document, { preview: false });
      const line = document.getText().split('\n').findIndex((l) => l.includes('agencies: ['));
      await setLintDelay(undefined);
      await measure(document, agencyRangeIn(document, line), '1,000 measures');
      await setLintDelay(0);
      const again = document.getText().split('\n').findIndex((l, i) => i > line + 40 && l.includes('agencies: ['));
      await measure(document, agencyRangeIn(document, again), '1,000 measures');
      await setLintDelay(undefined);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      // File by file: a folder deleted at once is the business of 07-registry-edits.
      for (const file of files) await vscode.workspace.fs.delete(vscode.Uri.joinPath(folderUri, file.name));
      for (let waited = 0; api.index.has(guideline) && waited < 15000; waited += 100) await sleep(100);
      await vscode.workspace.fs.delete(folderUri, { recursive: true });
    }
    assert.equal(api.index.has(guideline), false, 'the generated file left the index');
  });
});
