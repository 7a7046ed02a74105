// Shared helpers of the extension-host tests: the extension's API, the fixture workspace, edits,
// and waiting for diagnostics. The expected diagnostics come from the engine itself (a Project of
// its own over the same texts), so a test fails when the extension shows anything else.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Project, resolveLocale } from '../../../core/index';
import type { Diagnostic as EngineDiagnostic } from '../../../core/index';
import type { TaskmatrixApi } from '../../../extension/extension';

export const EXTENSION_ID = 'taskmatrix.taskmatrix';
/** The fixture's files, relative to the workspace folder. */
export const GUIDELINE = 'tasks/fixture-2027.yaml';
export const REGISTRY = 'tasks/agencies.yaml';
/** A guideline without measures that tests may fill with anything. */
export const SCRATCH = 'tasks/scratch.yaml';
export const HOSTILE = { broken: 'tasks/hostile/broken.yaml', bomb: 'tasks/hostile/bomb.yaml', binary: 'tasks/hostile/binary.yaml' } as const;

/** A line of the suite's output: the driver shows lines that start with [exthost]. */
export function log(text: string): void {
  console.log(`[exthost] ${text}`);
}

let api: Promise<TaskmatrixApi> | undefined;

/** With --screenshot-dir, asks the driver for a screenshot of the workbench and gives it time to take it. */
export async function screenshot(name: string): Promise<void> {
  if (!process.env.EXTHOST_SCREENSHOTS) return;
  await sleep(300);
  log(`SCREENSHOT_NOW ${name}`);
  await sleep(1500);
}

/** With the driver's --screenshot-dir: asks for `<dir>/<name>.png` of the workbench and waits until it is written. */
export async function screenshotAs(name: string): Promise<void> {
  const dir = process.env.EXTHOST_SCREENSHOT_DIR;
  if (!dir) return;
  const file = path.join(dir, `${name}.png`);
  fs.rmSync(file, { force: true });
  await sleep(800); // let the widget or webview paint
  log(`SCREENSHOT_AS ${name}`);
  await waitUntil(() => fs.existsSync(file), `the driver to save ${file}`, 20000);
  log(`  screenshot ${name}.png`);
}

// Every test file bundles this module: the trace listener is installed once per extension host.
const TRACE = Symbol.for('taskmatrix.exthost.trace');
if (process.env.EXTHOST_TRACE && !(globalThis as Record<symbol, unknown>)[TRACE]) {
  (globalThis as Record<symbol, unknown>)[TRACE] = true;
  const started = Date.now();
  vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.contentChanges.length) log(`    [trace ${Date.now() - started} ms] ${event.document.uri.path.split('/tasks/')[1]} v${event.document.version} length ${event.document.getText().length} (${event.contentChanges.length} changes)`);
  });
}

/** Activates the extension (once) and waits for its first index of the workspace. */
export function activate(): Promise<TaskmatrixApi> {
  api ??= (async () => {
    const extension = vscode.extensions.getExtension<TaskmatrixApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    const exports = await extension.activate();
    await exports.ready;
    return exports;
  })();
  return api;
}

export function folder(): vscode.WorkspaceFolder {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'the fixture workspace is not open');
  return first;
}

export function wsUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(folder().uri, ...relative.split('/'));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const decoder = new TextDecoder('utf-8');
const pristine = new Map<string, string>();

/**
 * Polls `read` every 50 ms until `accept` takes its value, and resolves with it; a read that throws
 * counts as not yet (the state it reads may still be settling). Times out naming `what` and the last value or error.
 */
export async function until<T>(read: () => Promise<T> | T, accept: (value: T) => boolean, what: string, timeoutMs = 10000): Promise<T> {
  const started = Date.now();
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${last !== undefined ? JSON.stringify(last) : String(lastError)}`);
    await sleep(50);
  }
}

/** Polls `check` until it holds. */
export async function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10000): Promise<void> {
  await until(check, (ok) => ok, what, timeoutMs);
}

/** A fixture file's text as on disk (tests edit documents, never the files). */
export async function pristineText(relative: string): Promise<string> {
  let text = pristine.get(relative);
  if (text === undefined) {
    text = decoder.decode(await vscode.workspace.fs.readFile(wsUri(relative)));
    pristine.set(relative, text);
  }
  return text;
}

export async function openDoc(relative: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(wsUri(relative));
}

/** Opens a file in an editor (an open, visible document is what a drafter edits). */
export async function showDoc(relative: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await openDoc(relative), { preview: false });
}

function fullRange(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
}

export async function applyEdit(edit: vscode.WorkspaceEdit): Promise<void> {
  assert.equal(await vscode.workspace.applyEdit(edit), true, 'the workspace edit was not applied');
}

/** Replaces a document's whole text. */
export async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  if (document.getText() === text) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, fullRange(document), text);
  await applyEdit(edit);
  if (document.getText() === text) return;
  // Seen with VS Code 1.139: workspace.applyEdit reports success but changes nothing when it
  // replaces a document whose text is one 40,000-character line; an editor edit does it.
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  assert.equal(await editor.edit((builder) => builder.replace(fullRange(document), text)), true, 'the editor edit was not applied');
  assert.equal(document.getText(), text, `${document.uri.path} could not be given its new text`);
}

/** The range of the nth occurrence of `needle` in a document (or of part of it: `[from, to)` within the needle). */
export function rangeOf(document: vscode.TextDocument, needle: string, nth = 0, part?: [number, number]): vscode.Range {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${nth}) not found in ${document.uri.path}`);
  }
  const [from, to] = part ?? [0, needle.length];
  return new vscode.Range(document.positionAt(at + from), document.positionAt(at + to));
}

/** Replaces the nth occurrence of `needle`. */
export async function replaceText(document: vscode.TextDocument, needle: string, replacement: string, nth = 0): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, rangeOf(document, needle, nth), replacement);
  await applyEdit(edit);
}

/** Puts every fixture document back to its text on disk and waits until the extension shows what the engine says. */
export async function restoreFixture(): Promise<void> {
  for (const relative of [REGISTRY, GUIDELINE, SCRATCH, HOSTILE.broken]) {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === wsUri(relative).toString());
    if (open) await setText(open, await pristineText(relative));
  }
  await settled(GUIDELINE);
  await settled(REGISTRY);
  await settled(SCRATCH);
}

/** Sets a taskmatrix setting for the workspace (undefined removes it). */
export async function setSetting(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('taskmatrix').update(name, value, vscode.ConfigurationTarget.Workspace);
}

// --- diagnostics -------------------------------------------------------------------------------

/** The diagnostics taskmatrix shows for a file. */
export function shown(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'taskmatrix');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const { code } = diagnostic;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** "rule line:col-endLine:endCol" with 1-based lines and columns, as `taskmatrix lint` prints them. */
export function brief(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${ruleOf(diagnostic)} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

/** "rule line:col" of a diagnostic's start, 1-based. */
export function startOf(diagnostic: vscode.Diagnostic): string {
  return `${ruleOf(diagnostic)} ${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
}

export function listing(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.map((d) => `${brief(d)} ${d.message}`).join('\n') || '(none)';
}

/**
 * Resolves with the file's taskmatrix diagnostics once `accept` holds for them: checked now, then
 * on every vscode.languages.onDidChangeDiagnostics for the file; rejects after `timeoutMs`.
 */
export function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 10000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const now = shown(uri);
    if (accept(now)) {
      resolve(now);
      return;
    }
    const key = uri.toString();
    const done = (error?: Error) => {
      subscription.dispose();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(shown(uri));
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === key) && accept(shown(uri))) done();
    });
    const timer = setTimeout(() => done(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${uri.path}; shown:\n${listing(shown(uri))}`)), timeoutMs);
  });
}

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information } as const;

/** The text of a task file as the extension should see it: the open document's, else the file's bytes. */
async function currentBytesOrText(uri: vscode.Uri): Promise<string | Uint8Array> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  return vscode.workspace.fs.readFile(uri);
}

/** An engine Project of its own over the workspace's task files, keyed like the extension (URI strings); `today` as `lint --today`. */
export async function engineProject(options: { today?: string } = {}): Promise<Project> {
  // Named as the CLI run from the workspace folder names files: relative paths.
  const displayPath = (key: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(key), false);
  const project = new Project({ locale: resolveLocale(vscode.env.language), displayPath, ...options });
  const pattern = vscode.workspace.getConfiguration('taskmatrix', folder().uri).get<string>('files') ?? 'tasks/**/*.{yaml,yml}';
  for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder(), pattern))) {
    const content = await currentBytesOrText(uri);
    if (typeof content === 'string') project.setFile(uri.toString(), content);
    else project.setFileBytes(uri.toString(), content);
  }
  return project;
}

/** What the engine reports for a file, given the current texts. */
export async function engineDiagnostics(relative: string, options: { today?: string } = {}): Promise<EngineDiagnostic[]> {
  const project = await engineProject(options);
  const key = wsUri(relative).toString();
  assert.ok(project.has(key), `${relative} is not a task file of the workspace`);
  return project.lintFile(key).diagnostics;
}

export function sameAsEngine(diagnostics: readonly vscode.Diagnostic[], engine: readonly EngineDiagnostic[]): boolean {
  const key = (rule: string, severity: vscode.DiagnosticSeverity, message: string, range: vscode.Range) =>
    `${rule}|${severity}|${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}|${message}`;
  const got = diagnostics.map((d) => key(ruleOf(d), d.severity, d.message, d.range)).sort();
  const want = engine.map((d) => key(d.rule, SEVERITY[d.severity], d.message, new vscode.Range(d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1))).sort();
  return got.length === want.length && got.every((k, i) => k === want[i]);
}

/** Waits until the file's diagnostics are exactly the engine's for the current texts. */
export async function settled(relative: string, timeoutMs = 10000): Promise<vscode.Diagnostic[]> {
  const engine = await engineDiagnostics(relative);
  try {
    return await waitForDiagnostics(wsUri(relative), (d) => sameAsEngine(d, engine), 'the engine diagnostics', timeoutMs);
  } catch (error) {
    throw new Error(`${(error as Error).message}\nengine:\n${engine.map((d) => `${d.rule} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`).join('\n') || '(none)'}`);
  }
}

// --- language features ---------------------------------------------------------------------------

/** The code actions of taskmatrix at a range (optionally of one kind). */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const all = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
  return all.filter((action): action is vscode.CodeAction => 'kind' in action || 'edit' in action);
}

export function findAction(actions: readonly vscode.CodeAction[], title: string): vscode.CodeAction {
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `no code action "${title}"; offered: ${actions.map((a) => `"${a.title}"`).join(', ') || '(none)'}`);
  return action;
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function markdownOf(hover: vscode.Hover): string {
  return hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
}

/** Median and maximum of a list of numbers. */
export function stats(values: number[]): { median: number; max: number; min: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, max: sorted[sorted.length - 1]!, min: sorted[0]! };
}
