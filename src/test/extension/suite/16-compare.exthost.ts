// Compare Responsibilities with HEAD / with a file, and the matrix panel's changes since a
// revision, in a real webview: a temporary git repository holds the Zhejiang guideline as
// committed; the editor then swaps a lead, inserts a measure before 5.1 and drops 7.4. What the
// panels show is asked from inside the webviews and compared with the engine's diffProjects over
// the same texts (the committed one read with git show), and clicks must reveal the measures.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diffProjects, Project, resolveLocale } from '../../../core/index';
import type { ResponsibilityDiff } from '../../../core/index';
import type { TaskmatrixApi } from '../../../extension/extension';
import type { DiffInspection, MatrixInspection } from '../../../webview/protocol';
import { activate, engineProject, log, screenshot, setText, sleep, until, wsUri } from './helpers';
import { panelFrom } from './panels';
import type { MatrixDriver, DiffDriver } from './panels';

const FIRST_LOAD_MS = 60000;
const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const FOLDER = 'tasks/compare';
const GUIDELINE = `${FOLDER}/zj-ai-2027.yaml`;
const REGISTRY = `${FOLDER}/agencies.yaml`;
/** An earlier draft outside the task files (not indexed, no registry beside it). */
const OUTSIDE = 'drafts/zj-ai-2027-draft1.yaml';
const SEED = fs.readFileSync(path.join(REPO, 'tasks', 'zj-ai-2027.yaml'), 'utf8');
const zh = () => resolveLocale(vscode.env.language) === 'zh-cn';

function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0 && text.indexOf(from, at + 1) < 0, `expected exactly one ${JSON.stringify(from)}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const LEAD_21 = 'agencies: [省科技厅, 省发展改革委, 省经信厅, 省教育厅, 之江实验室]\n      # 二（二）';
const SWAPPED_21 = 'agencies: [省发展改革委, 省科技厅, 省经信厅, 省教育厅, 之江实验室]\n      # 二（二）';

/** The second draft: 2.1's lead swapped, a measure inserted before 5.1 (5.1–5.3 renumbered), 7.4 dropped. */
function secondDraft(text: string): string {
  let out = edit(text, LEAD_21, SWAPPED_21);
  out = edit(out, '      # 五（三）\n      - id: "5.3"', '      # 五（四）\n      - id: "5.4"');
  out = edit(out, '      # 五（二）\n      - id: "5.2"', '      # 五（三）\n      - id: "5.3"');
  out = edit(out, '      # 五（一）\n      - id: "5.1"', '      # 五（二）\n      - id: "5.2"');
  out = edit(out, '      # 五（二）\n', '      # 五（一）\n      - id: "5.1"\n        title: 加快发展具身智能\n        agencies: [省经信厅, 省科技厅, 省发展改革委]\n      # 五（二）\n');
  return out.slice(0, out.indexOf('      # 七（四）\n'));
}

function git(args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=taskmatrix test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: wsUri(FOLDER).fsPath, encoding: 'utf8' });
}


function withDeadline<T>(promise: Promise<T>, what: string, timeoutMs = 3000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), timeoutMs)))]).finally(() => clearTimeout(timer));
}

const inspectDiff = (panel: DiffDriver) => withDeadline<DiffInspection>(panel.inspect(), 'the diff webview');
const inspectMatrix = (panel: MatrixDriver) => withDeadline<MatrixInspection>(panel.inspect(), 'the matrix webview');

/** The engine's diff of the committed text (git show HEAD) against the editor's. */
async function expectedDiff(revision = 'HEAD'): Promise<ResponsibilityDiff> {
  const after = await engineProject();
  const key = wsUri(GUIDELINE).toString();
  const registryKey = wsUri(REGISTRY).toString();
  const before = new Project({ registryPath: registryKey, locale: after.locale });
  before.setFile(key, git(['show', `${revision}:./zj-ai-2027.yaml`]));
  before.setFile(registryKey, git(['show', `${revision}:./agencies.yaml`]));
  return diffProjects({ project: before, paths: [key] }, { project: after, paths: [key] });
}

const label = (m: ResponsibilityDiff['measures'][number]) => (m.oldId !== null && m.oldId !== m.id ? `${m.oldId} → ${m.id}` : m.id);

/** The 0-based line of `needle` in a text. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return text.slice(0, at).split('\n').length - 1;
}

describe('compare responsibilities', function () {
  this.timeout(FIRST_LOAD_MS + 30000);
  let api: TaskmatrixApi;
  let document: vscode.TextDocument;
  let panel: DiffDriver | undefined;
  let matrix: MatrixDriver | undefined;

  before(async function () {
    this.timeout(FIRST_LOAD_MS);
    api = await activate();
    await vscode.workspace.fs.writeFile(wsUri(REGISTRY), fs.readFileSync(path.join(REPO, 'tasks', 'agencies.yaml')));
    await vscode.workspace.fs.writeFile(wsUri(GUIDELINE), new TextEncoder().encode(SEED));
    git(['init', '-q']);
    git(['add', 'zj-ai-2027.yaml', 'agencies.yaml']);
    git(['commit', '-q', '-m', '征求意见稿']);
    await until(() => api.index.has(wsUri(GUIDELINE)) && api.index.has(wsUri(REGISTRY)), Boolean, 'the written files in the index');
    document = (await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(wsUri(GUIDELINE)), { preview: false })).document;
    await setText(document, secondDraft(SEED));
    await until(() => api.index.project.file(wsUri(GUIDELINE).toString())?.text, (text) => text === document.getText(), 'the edited text in the index');
  });
  after(async () => {
    panel?.dispose();
    matrix?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('git').update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(wsUri(FOLDER), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(wsUri('drafts'), { recursive: true }).then(undefined, () => undefined);
  });

  it('Compare with HEAD lists the engine\'s diff of the editor\'s text: lead changes first, then the moves', async function () {
    this.timeout(FIRST_LOAD_MS + 10000);
    const started = Date.now();
    panel = await panelFrom('diff', 'taskmatrix.compareWithHead', wsUri(GUIDELINE), { revision: 'HEAD' });
    assert.ok(panel, 'the command returned the panel');
    const expected = await expectedDiff();
    assert.deepEqual(panel.diff, expected, 'the panel holds the engine\'s diff');
    assert.deepEqual(expected.summary, { added: 1, removed: 1, moved: 3, changed: 1 });
    const seen = await until(() => inspectDiff(panel!), (s) => s.items.length > 0, 'the listed changes', FIRST_LOAD_MS);
    log(`  diff panel: command to first list ${Date.now() - started} ms (via ${panel.earlier?.via})`);
    const leads = expected.measures.filter((m) => m.lead !== null);
    const others = expected.measures.filter((m) => m.lead === null);
    assert.deepEqual(seen.items.map((i) => i.label), [...leads, ...others].map(label));
    assert.deepEqual(seen.items.map((i) => i.label), ['2.1', '5.1', '7.4', '5.1 → 5.2', '5.2 → 5.3', '5.3 → 5.4']);
    assert.deepEqual(seen.items.map((i) => i.lead), [true, true, true, false, false, false]);
    assert.deepEqual(seen.items.map((i) => i.change), zh() ? ['修改', '新增', '删除', '调整编号', '调整编号', '调整编号'] : ['changed', 'added', 'removed', 'moved', 'moved', 'moved']);
    assert.deepEqual(seen.items[0]!.details, [zh() ? '牵头: 省科技厅 → 省发展改革委' : 'lead: 省科技厅 → 省发展改革委']);
    assert.equal(seen.summary, zh() ? '新增 1 项，删除 1 项，调整编号 3 项，修改 1 项' : '1 added, 1 removed, 3 moved, 1 changed');
    assert.match(seen.heading, /zj-ai-2027\.yaml.*HEAD/);
    assert.deepEqual(seen.agencies.map((line) => line.split(' ')[0]), expected.agencies.map((a) => a.name));
    assert.ok(seen.agencies.some((line) => line.startsWith('省发展改革委') && line.includes('+') && line.includes('2.1')), seen.agencies.join('\n'));
    await screenshot('diff-panel');
  });

  it('a click on a measure reveals it in the editor, on its new line', async () => {
    const seen = await inspectDiff(panel!);
    await panel!.click(seen.items.findIndex((i) => i.label === '5.3 → 5.4'));
    const want = lineOf(document.getText(), '- id: "5.4"');
    const editor = await until(() => vscode.window.activeTextEditor, (e) => e?.document.uri.toString() === document.uri.toString() && e.selection.active.line === want, 'the editor on 5.4');
    assert.equal(editor?.selection.active.line, want);
  });

  it('a click on a removed measure opens the text at HEAD, read-only, on its line', async () => {
    const seen = await inspectDiff(panel!);
    await panel!.click(seen.items.findIndex((i) => i.label === '7.4'));
    const editor = await until(() => vscode.window.activeTextEditor, (e) => e?.document.uri.scheme === 'taskmatrix-revision', 'the HEAD text of the guideline');
    assert.equal(editor!.document.getText(), SEED);
    assert.equal(editor!.selection.active.line, lineOf(SEED, '- id: "7.4"'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('follows the drafter\'s edits: the lead put back, 2.1 leaves the list', async () => {
    await setText(document, edit(document.getText(), SWAPPED_21, LEAD_21));
    const seen = await until(() => inspectDiff(panel!), (s) => !s.items.some((i) => i.label === '2.1'), '2.1 gone from the list');
    assert.deepEqual(seen.items.map((i) => i.label), (await expectedDiff()).measures.sort((a, b) => Number(b.lead !== null) - Number(a.lead !== null)).map(label));
    await setText(document, edit(document.getText(), LEAD_21, SWAPPED_21));
    await until(() => inspectDiff(panel!), (s) => s.items[0]?.label === '2.1', '2.1 back');
  });

  it('Compare with File reads an earlier draft outside the task files against the current registry', async () => {
    await vscode.workspace.fs.writeFile(wsUri(OUTSIDE), new TextEncoder().encode(SEED));
    const shown = await panelFrom('diff', 'taskmatrix.compareWithFile', wsUri(GUIDELINE), { otherFile: wsUri(OUTSIDE) });
    assert.equal(shown?.panel, panel?.panel, 'one diff panel, reused');
    assert.deepEqual(shown!.diff, await expectedDiff(), 'the same changes as against HEAD, which holds the same text');
    const seen = await until(() => inspectDiff(shown!), (s) => /draft1/.test(s.heading), 'the file compare');
    assert.equal(seen.items.length, 6);
  });

  it('Compare with HEAD… offers HEAD first in a quick pick, as a reviewer picks it', async () => {
    panel?.dispose();
    const running = Promise.resolve(panelFrom('diff', 'taskmatrix.compareWithHead', wsUri(GUIDELINE)));
    await sleep(1500);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    panel = await Promise.race([running, sleep(10000).then(() => undefined)]);
    assert.ok(panel, 'the quick pick was answered and the panel opened');
    assert.equal(panel.earlier?.label, 'HEAD');
    await until(() => inspectDiff(panel!), (s) => s.items.length === 6, 'the listed changes', FIRST_LOAD_MS);
  });

  it('refuses an unknown revision and a file outside any repository, opening nothing', async () => {
    panel?.dispose();
    panel = undefined;
    assert.equal(await vscode.commands.executeCommand('taskmatrix.compareWithHead', wsUri(GUIDELINE), { revision: 'no-such-branch' }), undefined);
    assert.equal(await vscode.commands.executeCommand('taskmatrix.compareWithHead', wsUri(GUIDELINE), { revision: '--output=/tmp/x' }), undefined);
    assert.equal(await vscode.commands.executeCommand('taskmatrix.compareWithHead', wsUri('tasks/fixture-2027.yaml'), { revision: 'HEAD' }), undefined);
    assert.equal(api.testing.panel('diff'), undefined);
  });

  it('the matrix panel marks the rows changed since HEAD, in words, and clears them', async function () {
    this.timeout(FIRST_LOAD_MS + 10000);
    matrix = await panelFrom('matrix', 'taskmatrix.highlightChanges', wsUri(GUIDELINE), { revision: 'HEAD' });
    assert.ok(matrix);
    const seen = await until(() => inspectMatrix(matrix!), (s) => s.changed.length > 0, 'the marked rows', FIRST_LOAD_MS);
    assert.deepEqual(seen.changed, ['2.1', '5.1', '5.2', '5.3', '5.4']);
    assert.deepEqual(
      seen.changeMarks,
      zh() ? ['~ HEAD 之后牵头单位有变', '+ HEAD 之后新增', '→ HEAD 中为 5.1', '→ HEAD 中为 5.2', '→ HEAD 中为 5.3'] : ['~ lead changed since HEAD', '+ new since HEAD', '→ was 5.1 in HEAD', '→ was 5.2 in HEAD', '→ was 5.3 in HEAD'],
    );
    assert.match(seen.changesSince, zh() ? /自 HEAD 以来的变化：新增 1 项，删除 1 项/ : /Changes since HEAD: 1 added, 1 removed/);
    await screenshot('matrix-changes');
    matrix.clearChanges();
    const cleared = await until(() => inspectMatrix(matrix!), (s) => s.changed.length === 0, 'no marked rows');
    assert.equal(cleared.changesSince, '');
    assert.equal(cleared.rows, (await engineProject()).guideline(wsUri(GUIDELINE).toString()).chapters.flatMap((c) => c.measures).length);
  });

  it('reads the revision through VS Code\'s Git extension when it is enabled', async function () {
    this.timeout(40000);
    const extension = vscode.extensions.getExtension<{ enabled: boolean }>('vscode.git');
    if (!extension) this.skip();
    await vscode.workspace.getConfiguration('git').update('enabled', true, vscode.ConfigurationTarget.Workspace);
    await extension!.activate();
    await until(() => extension!.exports.enabled, Boolean, 'the Git extension enabled', 20000);
    panel = await panelFrom('diff', 'taskmatrix.compareWithHead', wsUri(GUIDELINE), { revision: 'HEAD' });
    assert.equal(panel?.earlier?.via, 'git-extension');
    assert.deepEqual(panel!.diff, await expectedDiff());
  });
});
