// The web extension's suite: run by scripts/extension-host/run-web-tests.mjs in code-server's web
// worker extension host, the one vscode.dev and github.dev use, with the extension staged from
// package.json's `browser` entry alone. No mocha: its runner needs Node, and a web worker has none.
// The workspace is a copy of the repository's tasks/.
import * as vscode from 'vscode';
import type { TaskmatrixApi } from '../../../extension/extension';
import type { GraphInspection, MatrixInspection } from '../../../webview/protocol';

const EXTENSION_ID = 'taskmatrix.taskmatrix';
const GUIDELINE = 'tasks/zj-ai-2027.yaml';
// The first webview of a fresh profile takes 7-9 s (service worker); a slow machine, more.
const WEBVIEW_MS = 60000;

const tests: { title: string; body: () => Promise<void> }[] = [];
const it = (title: string, body: () => Promise<void>) => tests.push({ title, body });
const log = (text: string) => console.log(`[exthost] ${text}`);

function check(ok: unknown, message: string): asserts ok {
  if (!ok) throw new Error(message);
}

function within<T>(promise: PromiseLike<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    Promise.resolve(promise).finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms))),
  ]);
}

let api: TaskmatrixApi | undefined;
const file = (relative: string) => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, relative);

it('runs from the browser entry in a web worker extension host', async () => {
  check(typeof (globalThis as { importScripts?: unknown }).importScripts === 'function', 'the suite is not running in a web worker');
  check(typeof (globalThis as { process?: unknown }).process === 'undefined', 'a Node process object is present');
  const extension = vscode.extensions.getExtension<TaskmatrixApi>(EXTENSION_ID);
  check(extension, `${EXTENSION_ID} is not loaded`);
  check(extension.packageJSON.browser && !extension.packageJSON.main, 'the staged extension should declare only `browser`');
  api = await within(extension.activate(), 30000, 'activation');
  await within(api.ready, 30000, 'the first index');
  check(api.index.has(file(GUIDELINE)), `${GUIDELINE} is not indexed`);
});

it('flags an agency the registry does not know in tasks/zj-ai-2027.yaml', async () => {
  const uri = file(GUIDELINE);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const needle = 'agencies: [省科技厅, 省发展改革委, 省经信厅, 省教育厅, 之江实验室]';
  const at = document.getText().indexOf(needle);
  check(at >= 0, 'the seed line is missing');
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, document.positionAt(at + needle.length - 1), ', 省未知厅');
  check(await vscode.workspace.applyEdit(edit), 'the edit was refused');
  const unknown = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'taskmatrix' && String(typeof d.code === 'object' ? d.code.value : d.code) === 'unknown-agency' && d.message.includes('省未知厅'));
  await within(
    new Promise<void>((resolve) => {
      if (unknown().length) return resolve();
      const subscription = vscode.languages.onDidChangeDiagnostics(() => unknown().length && (subscription.dispose(), resolve()));
    }),
    20000,
    'an unknown-agency diagnostic for 省未知厅',
  );
  const [diagnostic] = unknown();
  check(document.getText(diagnostic!.range) === '省未知厅', `the diagnostic covers "${document.getText(diagnostic!.range)}"`);
  log(`  ${GUIDELINE}:${diagnostic!.range.start.line + 1} ${diagnostic!.message}`);
});

it('draws the ownership graph in its webview', async () => {
  check(await vscode.commands.executeCommand('taskmatrix.openGraph', file(GUIDELINE)), 'openGraph returned no panel');
  const panel = api!.testing.panel('graph', file(GUIDELINE));
  check(panel, 'no graph panel is open');
  const rendered = await within(
    new Promise<Record<string, unknown>>((resolve) => panel.onDidReceive((message) => message.type === 'rendered' && resolve(message))),
    WEBVIEW_MS,
    'the graph to render',
  );
  check(rendered.ok, `Mermaid failed: ${String(rendered.error)}`);
  const seen = await within(panel.ask<GraphInspection>({ type: 'inspect' }), 10000, 'inspect()');
  log(`  graph: ${JSON.stringify(seen).slice(0, 120)}`);
});

it('shows the responsibility matrix in its webview', async () => {
  check(await vscode.commands.executeCommand('taskmatrix.openMatrix', file(GUIDELINE)), 'openMatrix returned no panel');
  const panel = api!.testing.panel('matrix', file(GUIDELINE));
  check(panel, 'no matrix panel is open');
  const inspect = () => panel.ask<MatrixInspection>({ type: 'inspect' });
  // The webview may answer before the rows arrive: ask again until they show.
  const deadline = Date.now() + WEBVIEW_MS;
  let seen = await within(inspect(), WEBVIEW_MS, 'the matrix webview to answer inspect()');
  while (seen.order.length === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    seen = await within(inspect(), 10000, 'inspect()');
  }
  check(seen.order.length > 0, 'the matrix shows no measures');
  log(`  matrix: ${seen.order.length} measures`);
});

it('says that Word export needs the desktop instead of writing a file', async () => {
  const target = file('plan.docx');
  const written = await vscode.commands.executeCommand('taskmatrix.exportWord', file(GUIDELINE), { byAgency: false, target });
  check(written === undefined, 'the export claims to have written a file');
  const there = await Promise.resolve(vscode.workspace.fs.stat(target)).then(() => true, () => false);
  check(!there, 'plan.docx was written');
});

/** Runs the checks in order, one line each, and rejects when any failed (the workbench then exits with 1). */
export async function run(): Promise<void> {
  log(`VS Code ${vscode.version} (${vscode.env.appName}, ui ${vscode.UIKind[vscode.env.uiKind]}), web worker extension host`);
  let failed = 0;
  for (const test of tests) {
    const started = Date.now();
    try {
      await test.body();
      log(`  ✓ ${test.title} (${Date.now() - started}ms)`);
    } catch (error) {
      failed++;
      log(`  ✗ ${test.title}`);
      for (const line of String((error as Error)?.stack ?? error).split('\n').slice(0, 12)) log(`      ${line}`);
    }
  }
  log(`exthost: ${tests.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} web extension-host tests failed`);
}
