// The ownership-graph panel in a real webview: what Mermaid drew (asked from inside the webview
// with inspect()) is the engine's graph; the panel follows edits within a second and draws only
// the newest of quick edits; filters, click-to-reveal and SVG export work; hostile names render
// as text. Times from an edit to the re-render are printed, for the fixture and for 300 measures.
// The first webview of a fresh profile takes 7–9 s to load, hence the long timeouts.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import * as vscode from 'vscode';
import { generateCorpus } from '../../../bench/generate-corpus';
import { buildMatrix, buildOwnershipGraph, resolveLocale } from '../../../core/index';
import type { OwnershipGraph } from '../../../core/index';
import type { GraphFilter, GraphInspection } from '../../../webview/protocol';
import { displayed, HOSTILE_PIECES, HOSTILE_UNKNOWN, hostileFixture } from '../../browser/hostile-fixture';
import { activate, engineProject, EXTENSION_ID, GUIDELINE, log, REGISTRY, replaceText, restoreFixture, settled, showDoc, sleep, stats, waitUntil, wsUri } from './helpers';
import { closePanel, livePanel, panelFrom } from './panels';
import type { GraphDriver, Rendered } from './panels';

const FIRST_RENDER_MS = 60000;

/** inspect() with a deadline, so that a webview that never answers fails the test instead of hanging it. */
async function inspect(panel: GraphDriver, timeoutMs = 5000): Promise<GraphInspection> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      panel.inspect(),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the graph webview did not answer inspect() within ${timeoutMs} ms`)), timeoutMs))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every render event of a panel, kept from the moment it is attached, so none is missed between waits. */
class RenderLog implements vscode.Disposable {
  readonly events: Rendered[] = [];
  private wake: (() => void) | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(readonly panel: GraphDriver) {
    this.subscription = panel.onDidRender((event) => {
      this.events.push(event);
      this.wake?.();
    });
  }

  /** Where the next event will go: pass it to until() to consider only later renders. */
  get mark(): number {
    return this.events.length;
  }

  /**
   * Resolves with the first render (at or after event index `from`) whose drawing, as the webview
   * reports it right after the event, passes `accept` and is that render's (seq equal).
   */
  async until(accept: (seen: GraphInspection) => boolean, what: string, timeoutMs = 10000, from = 0): Promise<{ event: Rendered; seen: GraphInspection }> {
    const deadline = Date.now() + timeoutMs;
    let index = from;
    let last: GraphInspection | undefined;
    const failed: string[] = [];
    for (;;) {
      while (index < this.events.length) {
        const event = this.events[index++]!;
        if (!event.ok) {
          failed.push(`seq ${event.seq}: ${event.error}`);
          continue;
        }
        const seen = await inspect(this.panel);
        last = seen;
        if (seen.seq === event.seq && accept(seen)) return { event, seen };
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(
          `timed out after ${timeoutMs} ms waiting for ${what}; ${this.events.length - from} renders since` +
            `${failed.length ? `, failed: ${failed.join('; ')}` : ''}; last drawn: ${last ? JSON.stringify({ ...last, text: last.text.slice(0, 300) }) : '(nothing)'}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.wake = () => {
          clearTimeout(timer);
          this.wake = undefined;
          resolve();
        };
      });
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

const isLegend = (id: string) => id.startsWith('legend');
const sorted = (items: Iterable<string>) => [...items].sort();

/** Node ids the Mermaid text declares (`  id["…"]`), legend left out. */
function declaredNodeIds(mermaid: string): string[] {
  return [...mermaid.matchAll(/^\s+([A-Za-z]\w*)\["/gm)].map((m) => m[1]!).filter((id) => !isLegend(id));
}

/** The legend's lines, one per line style the graph draws (`legend_agency<n> === legend_measure`). */
function legendLines(mermaid: string): number {
  return [...mermaid.matchAll(/^\s+legend_agency\d+ (===|-\.-|---)\|/gm)].length;
}

/** What the webview drew is exactly `graph`: its nodes, its edges plus the legend's, its no-lead nodes. */
function drawsGraph(seen: GraphInspection, graph: OwnershipGraph): boolean {
  return (
    seen.ok &&
    JSON.stringify(sorted(seen.nodeIds.filter((id) => !isLegend(id)))) === JSON.stringify(sorted(declaredNodeIds(graph.mermaid))) &&
    seen.edgeCount === graph.edgeCount + legendLines(graph.mermaid) &&
    JSON.stringify(sorted(seen.noLeadIds.filter((id) => !isLegend(id)))) === JSON.stringify(sorted(graph.noLeadNodeIds)) &&
    graph.measures.every((m) => graph.level !== 'measures' || seen.text.includes(displayed(`${m.id} ${m.title}`, 40)))
  );
}

function assertDrawsGraph(seen: GraphInspection, graph: OwnershipGraph): void {
  assert.equal(seen.ok, true, seen.error);
  assert.equal(seen.error, undefined);
  const expectedIds = sorted([...Object.keys(graph.agencyNodes), ...Object.keys(graph.measureNodes)]);
  if (graph.level === 'measures') assert.deepEqual(sorted(declaredNodeIds(graph.mermaid)), expectedIds, 'the Mermaid text declares the agencies and the measures');
  assert.deepEqual(sorted(seen.nodeIds.filter((id) => !isLegend(id))), sorted(declaredNodeIds(graph.mermaid)), 'node ids drawn');
  const legend = legendLines(graph.mermaid);
  assert.ok(legend >= 1, `${legend} legend lines`);
  assert.deepEqual(sorted(seen.nodeIds.filter(isLegend)), sorted([...Array.from({ length: legend }, (_, i) => `legend_agency${i}`), 'legend_measure', 'legend_nolead']), 'legend nodes drawn');
  assert.equal(seen.edgeCount, graph.edgeCount + legend, 'edges drawn: the graph’s and the legend’s, one per line style');
  assert.deepEqual(sorted(seen.noLeadIds.filter((id) => !isLegend(id))), sorted(graph.noLeadNodeIds), 'nodes drawn in the no-lead style');
}

const locale = () => resolveLocale(vscode.env.language);

/** The Mermaid theme the webview should pick for VS Code's current colour theme (graph.ts themeName). */
function mermaidTheme(): string {
  switch (vscode.window.activeColorTheme.kind) {
    case vscode.ColorThemeKind.HighContrastLight:
      return 'neutral';
    case vscode.ColorThemeKind.Dark:
    case vscode.ColorThemeKind.HighContrast:
      return 'dark';
    default:
      return 'default';
  }
}

/** The graph the engine builds for a file of the workspace from the current texts. */
async function engineGraph(uri: vscode.Uri, filter: GraphFilter = {}): Promise<OwnershipGraph> {
  // The panel's notice names its own filter boxes, not the command line's flags.
  return buildOwnershipGraph(await engineProject(), [uri.toString()], { ...filter, locale: locale(), filterHint: vscode.l10n.t('the Agency and Part boxes above') });
}

/** Opens the graph of a file through the command and waits for its first successful render. */
async function openGraph(uri: vscode.Uri): Promise<{ panel: GraphDriver; renders: RenderLog; first: Rendered; openedInMs: number }> {
  await closePanel('graph', uri);
  const started = Date.now();
  const panel = await panelFrom('graph', 'taskmatrix.openGraph', uri);
  assert.ok(panel, `taskmatrix.openGraph returned a panel for ${uri.path}`);
  const renders = new RenderLog(panel);
  const { event } = await renders.until((seen) => seen.ok && seen.nodeIds.length > 0, 'the first render', FIRST_RENDER_MS);
  return { panel, renders, first: event, openedInMs: event.at - started };
}


async function writeFile(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** Deletes generated files one by one (a folder deleted at once is the business of 07-registry-edits), then the folder. */
async function removeGenerated(folderUri: vscode.Uri, names: string[]): Promise<void> {
  const api = await activate();
  for (const name of names) {
    const uri = vscode.Uri.joinPath(folderUri, name);
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    for (let waited = 0; api.index.has(uri) && waited < 15000; waited += 100) await sleep(100);
  }
  await vscode.workspace.fs.delete(folderUri, { recursive: true }).then(undefined, () => undefined);
}

/** The SVG export: an XML declaration, one <svg> element, well-formed, nothing that runs. */
function checkSvgFile(file: string): string {
  const svg = fs.readFileSync(file, 'utf8');
  assert.match(svg.slice(0, 200), /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*<svg[\s>]/, 'starts with the XML declaration and <svg');
  assert.ok(svg.trimEnd().endsWith('</svg>'), 'ends with </svg>');
  const valid = XMLValidator.validate(svg);
  assert.equal(valid, true, `well-formed XML: ${JSON.stringify(valid)}`);
  assert.doesNotMatch(svg, /<(script|iframe|object|embed|img)[\s>/]/i, 'no element that runs or loads anything');
  assert.doesNotMatch(svg, /<[^>]*\son\w+\s*=/i, 'no on* attribute inside a tag');
  return svg;
}

async function exportSvg(panel: GraphDriver): Promise<string> {
  const file = path.join(os.tmpdir(), `tm-graph-${process.pid}-${Date.now()}.svg`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([panel.exportTo(vscode.Uri.file(file)), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('exportTo did not finish in 10 s')), 10000)))]);
  clearTimeout(timer);
  try {
    return checkSvgFile(file);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe('graph panel', function () {
  this.timeout(FIRST_RENDER_MS + 30000);
  let panel: GraphDriver;
  let renders: RenderLog;
  let document: vscode.TextDocument;
  const uri = () => wsUri(GUIDELINE);

  /** Waits until the panel shows the engine's graph of the current texts (with the filter). */
  async function showsEngineGraph(filter: GraphFilter = {}, from = 0): Promise<{ seen: GraphInspection; graph: OwnershipGraph }> {
    const graph = await engineGraph(uri(), filter);
    try {
      const seen = await inspect(panel);
      if (drawsGraph(seen, graph) && panel.current?.mermaid === graph.mermaid) return { seen, graph };
    } catch {}
    const { seen } = await renders.until((s) => drawsGraph(s, graph) && panel.current?.mermaid === graph.mermaid, `the engine's graph ${JSON.stringify(filter)}`, 10000, from);
    return { seen, graph };
  }

  before(async function () {
    this.timeout(FIRST_RENDER_MS + 10000);
    await activate();
    document = (await showDoc(GUIDELINE)).document;
    await settled(GUIDELINE);
    const opened = await openGraph(uri());
    panel = opened.panel;
    renders = opened.renders;
    log(`  graph panel: command to first render ${opened.openedInMs} ms (Mermaid ${opened.first.ms} ms)`);
  });
  afterEach(async () => {
    await restoreFixture();
    if (panel) {
      panel.setFilter({});
      await showsEngineGraph({}, 0);
    }
  });
  after(async () => {
    renders?.dispose();
    panel?.dispose();
    await restoreFixture();
  });

  it('opens beside the editor and draws the engine’s graph: its nodes, edges and no-lead nodes', async () => {
    assert.equal(panel.panel.viewType, 'taskmatrix.graph');
    assert.equal(panel.panel.visible, true);
    assert.notEqual(panel.panel.viewColumn, vscode.window.activeTextEditor?.viewColumn, 'beside the editor');
    const graph = await engineGraph(uri());
    assert.ok(panel.current, 'the panel has sent a graph');
    assert.equal(panel.current.mermaid, graph.mermaid, 'the panel sent the engine’s graph of the current text');
    assert.equal(graph.level, 'measures');
    const seen = await inspect(panel);
    assertDrawsGraph(seen, panel.current);
    assert.equal(seen.seq, renders.events.at(-1)!.seq, 'the last render event is what is drawn');
    // The fixture: 5 agencies (the unknown 省经信委 and 省农业农村厅 included), 6 measures, 2 without a lead.
    assert.deepEqual(Object.values(panel.current.measureNodes).map((m) => m.id), ['2.1', '2.2', '2.3', '3.1', '3.2', '3.3']);
    assert.deepEqual(sorted(panel.current.noLeadNodeIds.map((id) => panel.current!.measureNodes[id]!.id)), ['3.1', '3.2']);
    for (const m of graph.measures) assert.ok(seen.text.includes(displayed(`${m.id} ${m.title}`, 40)), `the drawing shows ${m.id} ${m.title}`);
    for (const name of Object.values(graph.agencyNodes).flat()) assert.ok(seen.text.includes(name), `the drawing shows ${name}`);
    assert.equal(seen.theme, mermaidTheme(), `Mermaid's theme follows VS Code's (${vscode.ColorThemeKind[vscode.window.activeColorTheme.kind]})`);
  });

  it('opening it again reveals the same panel; a registry has no graph', async () => {
    const api = await activate();
    const again = await panelFrom('graph', 'taskmatrix.openGraph', uri());
    assert.equal(again?.panel, panel.panel, 'the same webview panel');
    assert.equal(api.testing.panels().filter((shown) => shown.kind === 'graph' && shown.key === uri().toString()).length, 1);
    assert.equal(await vscode.commands.executeCommand('taskmatrix.openGraph', wsUri(REGISTRY)), undefined);
    assert.equal(api.testing.panel('graph', wsUri(REGISTRY)), undefined);
  });

  it('follows edits within a second: an agency added to a measure, a measure renamed', async () => {
    const before = panel.current!.agencyNodes;
    // An agency added to 2.2: drawn (on its own node, or joining the agencies tied to 2.2 alike).
    let mark = renders.mark;
    let started = Date.now();
    await replaceText(document, '[省教育厅, 科技厅]', '[省教育厅, 科技厅, 之江实验室]');
    const expected = await engineGraph(uri());
    assert.notDeepEqual(expected.agencyNodes, before, 'the engine draws it');
    const added = await renders.until((seen) => drawsGraph(seen, expected), 'the new agency', 10000, mark);
    const addTime = added.event.at - started;
    assertDrawsGraph(added.seen, await engineGraph(uri()));

    // A measure renamed, five times: the new title is drawn.
    const times: number[] = [];
    let title = '加强人才培养';
    for (let round = 1; round <= 5; round++) {
      const next = `加强人才培养第${round}版`;
      mark = renders.mark;
      started = Date.now();
      await replaceText(document, `title: ${title}\n`, `title: ${next}\n`);
      const { event } = await renders.until((seen) => seen.text.includes(`2.2 ${next}`), `the title ${next}`, 10000, mark);
      times.push(event.at - started);
      title = next;
    }
    assertDrawsGraph(await inspect(panel), await engineGraph(uri()));
    const lintDelay = vscode.workspace.getConfiguration('taskmatrix', document.uri).get<number>('lintDelay');
    const t = stats(times);
    log(`  edit → graph re-rendered (fixture, lintDelay ${lintDelay} ms): agency added ${addTime} ms; rename ×5 median ${t.median} ms (min ${t.min}, max ${t.max}): ${times.join(', ')}`);
    // The machines are shared: one slow render among five is noise, a slow median is not.
    assert.ok(t.median < 1000, `renamed measures were drawn a median ${t.median} ms after the edit`);
    assert.ok(addTime < 2000 && t.max < 2000, `an edit was drawn ${Math.max(addTime, t.max)} ms after it was made`);
  });

  it('quick edits and updates sent back to back end with the newest drawn', async () => {
    // Typing: six renames without waiting.
    let mark = renders.mark;
    let title = '加强人才培养';
    for (let i = 1; i <= 6; i++) {
      await replaceText(document, `title: ${title}\n`, `title: 快改${i}\n`);
      title = `快改${i}`;
    }
    await renders.until((seen) => seen.text.includes('2.2 快改6'), 'the last title', 10000, mark);
    await sleep(600);
    let final = await inspect(panel);
    assert.ok(final.text.includes('2.2 快改6'), 'the last edit stays drawn');
    for (let i = 1; i <= 5; i++) assert.doesNotMatch(final.text, new RegExp(`快改${i}(?!\\d)`), `no trace of edit ${i}`);
    assert.equal(final.seq, renders.events.at(-1)!.seq, 'nothing was drawn after the last edit');
    log(`  six quick edits: ${renders.mark - mark} render(s)`);

    // Updates sent back to back (no debounce on filters): only the newest may be drawn last.
    mark = renders.mark;
    panel.setFilter({ chapter: '2' });
    panel.setFilter({ chapter: '3' });
    panel.setFilter({ agency: '省教育厅' });
    panel.setFilter({});
    const { graph } = await showsEngineGraph({}, mark);
    await sleep(800);
    final = await inspect(panel);
    assertDrawsGraph(final, graph);
    const since = renders.events.slice(mark);
    assert.equal(final.seq, since.at(-1)!.seq, 'the last render is the newest update');
    assert.ok(since.every((event, i) => i === 0 || event.seq > since[i - 1]!.seq), `renders in order: ${since.map((e) => e.seq).join(', ')}`);
    log(`  four filter updates sent at once: ${since.length} render(s) (seq ${since.map((e) => e.seq).join(', ')})`);
  });

  it('filters by agency (an alias too) and by part, and falls back to everything for an unknown agency', async () => {
    const matrix = buildMatrix(await engineProject(), [uri().toString()]);
    const naming = (name: string) => matrix.measures.filter((m) => m.lead === name || m.co.includes(name)).map((m) => m.id);
    for (const [filter, expected] of [
      [{ agency: '省教育厅' }, naming('省教育厅')],
      [{ agency: '科技厅' }, naming('省科技厅')],
      [{ chapter: '3' }, matrix.measures.filter((m) => m.chapter === '3').map((m) => m.id)],
      [{ agency: '省经信厅', chapter: '3' }, matrix.measures.filter((m) => m.chapter === '3' && (m.lead === '省经信厅' || m.co.includes('省经信厅'))).map((m) => m.id)],
    ] as const) {
      const mark = renders.mark;
      panel.setFilter({ ...filter });
      const { seen, graph } = await showsEngineGraph({ ...filter }, mark);
      assertDrawsGraph(seen, graph);
      const shown = Object.values(panel.current!.measureNodes).map((m) => m.id);
      assert.deepEqual(shown, [...expected], `measures shown for ${JSON.stringify(filter)}`);
      assert.ok(shown.length > 0 && shown.length < matrix.measures.length);
      const drawnMeasures = seen.nodeIds.filter((id) => id in panel.current!.measureNodes);
      assert.equal(drawnMeasures.length, expected.length, `measure nodes drawn for ${JSON.stringify(filter)}`);
    }
    const mark = renders.mark;
    panel.setFilter({ agency: '不存在的单位' });
    const { seen } = await showsEngineGraph({}, mark);
    assert.equal(Object.keys(panel.current!.measureNodes).length, matrix.measures.length, 'an agency no measure names shows everything again');
    assert.equal(seen.ok, true);
  });

  it('a click on a measure reveals it in the editor beside, and the panel stays visible', async () => {
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(0, 0, 0, 0), preserveFocus: false });
    assert.equal(panel.panel.visible, true);
    const [nodeId, measure] = Object.entries(panel.current!.measureNodes).find(([, m]) => m.id === '3.2')!;
    const line = document.getText().split('\n').findIndex((l) => l.includes('id: "3.2"'));
    assert.equal(measure.line, line + 1, 'the graph knows the measure’s line');
    // An agency node is no link.
    const agencyId = Object.keys(panel.current!.agencyNodes)[0]!;
    assert.equal(await panel.click(agencyId), true);
    await sleep(500);
    assert.equal(editor.selection.active.line, 0, 'a click on an agency reveals nothing');

    assert.equal(await panel.click(nodeId), true);
    await waitUntil(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === document.uri.toString() && active.selection.active.line === line;
    }, `the editor to show line ${line + 1}`);
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.viewColumn, editor.viewColumn, 'revealed in the editor that shows the file, not over the panel');
    assert.ok(active.visibleRanges.some((r) => r.contains(new vscode.Position(line, 0))), 'the line is scrolled into view');
    assert.equal(panel.panel.visible, true, 'the panel stays visible');
    assert.equal(vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === document.uri.toString()).length, 1, 'no second editor of the file');
  });

  it('exports the drawn SVG to a file: well-formed XML with the labels', async () => {
    const svg = await exportSvg(panel);
    for (const m of panel.current!.measures) assert.ok(svg.includes(m.title), `the SVG shows ${m.title}`);
    assert.ok(svg.includes('省科技厅'));
    log(`  exported SVG: ${svg.length} characters`);
  });

  it('the workspace overview: agencies × documents with their counts; a click on a document opens its graph', async () => {
    const api = await activate();
    // A second guideline, so that the overview has two documents and one of them no panel yet.
    const second = wsUri('tasks/overview-second.yaml');
    const text = Buffer.from(await vscode.workspace.fs.readFile(uri())).toString('utf8').replace(/^id: .*$/m, 'id: overview-second');
    await vscode.workspace.fs.writeFile(second, Buffer.from(text, 'utf8'));
    await waitUntil(() => api.index.has(second), 'the second guideline to be indexed', 15000);
    const overview = (await panelFrom('graph', 'taskmatrix.openOverview'))!;
    try {
      // The webview answers questions once its script runs: wait for its first drawing.
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the overview was not drawn within 30 s')), 30000);
        const subscription = overview.onDidRender(() => {
          clearTimeout(timer);
          subscription.dispose();
          resolve();
        });
      });
      const expected = buildOwnershipGraph(await engineProject(), undefined, { level: 'documents', locale: resolveLocale(vscode.env.language) });
      let seen: GraphInspection | undefined;
      for (let waited = 0; waited < 20000; waited += 200) {
        seen = await overview.inspect();
        if (seen.ok && overview.current && seen.nodeIds.some((id) => id in overview.current!.documentNodes)) break;
        await sleep(200);
      }
      const graph = overview.current!;
      assert.equal(graph.level, 'documents');
      // Every guideline of the workspace is a document node, and the drawing has each of them.
      assert.deepEqual(sorted(Object.values(graph.documentNodes).map((key) => vscode.Uri.parse(key).path.split('/').pop()!)), sorted(Object.values(expected.documentNodes).map((file) => file.split('/').pop()!)));
      for (const id of Object.keys(graph.documentNodes)) assert.ok(seen!.nodeIds.includes(id), `the drawing has ${id}`);
      // A document without a graph panel of its own: the click opens one for it.
      const withoutPanel: [string, string][] = [];
      for (const [nodeId, documentKey] of Object.entries(graph.documentNodes)) if (!(await livePanel('graph', documentKey))) withoutPanel.push([nodeId, documentKey]);
      const entry = withoutPanel[0];
      assert.ok(entry, `a document without a panel among ${Object.values(graph.documentNodes).join(', ')}`);
      const [nodeId, key] = entry;
      assert.equal(await overview.click(nodeId), true);
      await waitUntil(async () => (await livePanel('graph', key)) !== undefined, `the graph of ${key} to open`);
      const opened = (await livePanel('graph', key))!;
      assert.equal(opened.key, key);
      opened.dispose();
    } finally {
      overview.dispose();
      await vscode.workspace.fs.delete(second).then(undefined, () => undefined);
      await waitUntil(() => !api.index.has(second), 'the second guideline to be forgotten', 15000);
    }
  });

  it('proposes <document>.svg beside the document for Export SVG, as a URI (not the URI string used as a path)', async () => {
    const document = wsUri(GUIDELINE);
    const file = vscode.Uri.file(path.join(os.tmpdir(), `tm-graph-${process.pid}-${Date.now()}.svg`));
    const dialog = await panel.exportTo(file);
    fs.rmSync(file.fsPath, { force: true });
    const proposed = dialog.defaultUri!;
    assert.ok(proposed, 'the save dialog proposes a file');
    assert.equal(proposed.scheme, document.scheme);
    assert.equal(proposed.authority, document.authority);
    assert.equal(proposed.fsPath, document.fsPath.replace(/\.yaml$/, '.svg'));
    assert.doesNotMatch(proposed.path, /file:/);
  });
});

describe('graph panel: hostile names', function () {
  this.timeout(FIRST_RENDER_MS + 30000);
  const folderUri = () => wsUri('tasks/panel-hostile');
  const names = ['agencies.yaml', 'hostile-doc.yaml'];
  const fixture = hostileFixture();
  let panel: GraphDriver | undefined;
  let renders: RenderLog | undefined;
  let seen: GraphInspection;

  before(async function () {
    this.timeout(FIRST_RENDER_MS + 30000);
    const api = await activate();
    await writeFile(vscode.Uri.joinPath(folderUri(), names[0]!), fixture.registryText);
    await waitUntil(() => api.index.has(vscode.Uri.joinPath(folderUri(), names[0]!)), 'the hostile registry to be indexed', 15000);
    const guideline = vscode.Uri.joinPath(folderUri(), names[1]!);
    await writeFile(guideline, fixture.guidelineText);
    await waitUntil(() => api.index.has(guideline), 'the hostile guideline to be indexed', 15000);
    const opened = await openGraph(guideline);
    panel = opened.panel;
    renders = opened.renders;
    seen = await inspect(panel);
  });
  after(async () => {
    renders?.dispose();
    panel?.dispose();
    await removeGenerated(folderUri(), names);
  });

  it('renders without error, every node the engine declared', async () => {
    const graph = await engineGraph(vscode.Uri.joinPath(folderUri(), names[1]!));
    assert.equal(panel!.current!.mermaid, graph.mermaid);
    assert.equal(graph.level, 'measures');
    assertDrawsGraph(seen, graph);
    // Every agency of the fixture behind some agency node (agencies tied alike share one).
    assert.deepEqual(sorted(new Set(Object.values(graph.agencyNodes).flat())), sorted(fixture.agencies));
    assert.equal(Object.keys(graph.measureNodes).length, fixture.measures.length);
  });

  it('shows every agency name, measure title and part title literally', () => {
    const text = seen.text;
    for (const name of [...HOSTILE_PIECES, HOSTILE_UNKNOWN]) assert.ok(text.includes(displayed(name, 40)), `the drawing lacks the agency ${JSON.stringify(displayed(name, 40))}`);
    for (const m of fixture.measures) assert.ok(text.includes(displayed(`${m.id} ${m.title}`, 40)), `the drawing lacks the measure ${JSON.stringify(displayed(`${m.id} ${m.title}`, 40))}`);
    for (const c of fixture.chapters) assert.ok(text.includes(displayed(`${c.id} ${c.title}`, 60)), `the drawing lacks the part ${JSON.stringify(displayed(`${c.id} ${c.title}`, 60))}`);
    for (const literal of ['<img src=x onerror=window.__pwned=1>', '<script>window.__pwned=1</script>', 'click a0 call alert(1)', 'style a0 fill:#f00', 'classDef noLead fill:#0f0', '%%{init: {"securityLevel":"loose","them…', '[ ]', '-->', '&lt;b&gt;', '#60;b#62;']) {
      assert.ok(text.includes(literal), `the drawing shows ${JSON.stringify(literal)} as text`);
    }
    assert.equal(seen.theme === 'dark' || seen.theme === 'default' || seen.theme === 'neutral', true, `the theme is VS Code's, not the directive's: ${seen.theme}`);
  });

  it('exports an SVG in which the markup is escaped text', async () => {
    const svg = await exportSvg(panel!);
    assert.ok(svg.includes('&lt;img src=x onerror=window.__pwned=1&gt;'), 'the <img> is text');
    assert.ok(svg.includes('&lt;script&gt;window.__pwned=1&lt;/script&gt;'), 'the <script> is text');
    assert.doesNotMatch(svg, /(href|src)\s*=\s*["']?\s*javascript:/i);
  });
});

describe('graph panel: 300 measures', function () {
  this.timeout(FIRST_RENDER_MS + 60000);
  const folderUri = () => wsUri('tasks/bench-300');
  let names: string[] = [];
  let guideline: vscode.Uri;
  let document: vscode.TextDocument;
  let panel: GraphDriver | undefined;
  let renders: RenderLog | undefined;

  before(async function () {
    this.timeout(FIRST_RENDER_MS + 30000);
    const api = await activate();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const registryText = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'tasks', 'agencies.yaml')));
    const { files, stats: corpus } = generateCorpus({ measures: 300, seed: 1, perFile: 300, registryText });
    assert.equal(files.length, 2);
    names = files.map((f) => f.name);
    const registry = vscode.Uri.joinPath(folderUri(), files[0]!.name);
    guideline = vscode.Uri.joinPath(folderUri(), files[1]!.name);
    await writeFile(registry, files[0]!.text);
    await waitUntil(() => api.index.has(registry), 'the generated registry to be indexed', 15000);
    await writeFile(guideline, files[1]!.text);
    await waitUntil(() => api.index.has(guideline), 'the generated guideline to be indexed', 15000);
    document = await vscode.workspace.openTextDocument(guideline);
    await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
    const opened = await openGraph(guideline);
    panel = opened.panel;
    renders = opened.renders;
    const graph = panel.current!;
    log(`  300 measures (${corpus.noLead} without lead): level ${graph.level}, ${graph.nodeCount} nodes, ${graph.edgeCount} edges, ${graph.mermaid.length} characters; command to first render ${opened.openedInMs} ms (Mermaid ${opened.first.ms} ms)`);
  });
  after(async () => {
    renders?.dispose();
    panel?.dispose();
    if (document) {
      await vscode.window.showTextDocument(document, { preview: false });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await removeGenerated(folderUri(), names);
  });

  it('draws the (possibly aggregated) graph and re-renders it after an edit', async () => {
    const graph = panel!.current!;
    const seen = await inspect(panel!);
    assertDrawsGraph(seen, graph);
    assert.deepEqual(graph, await engineGraph(guideline));
    if (graph.level !== 'measures') {
      assert.ok(graph.notice, 'an aggregated view says so');
      assert.match(graph.notice, /\(the Agency and Part boxes above\)/);
      assert.doesNotMatch(graph.notice, /--agency|--chapter/);
    }

    // A part renamed, five times: its new heading is drawn (in the measure view and in the aggregated ones).
    const times: number[] = [];
    const mermaidMs: number[] = [];
    let title = '第2部分';
    for (let round = 1; round <= 5; round++) {
      const next = `第2部分第${round}版`;
      const mark = renders!.mark;
      const started = Date.now();
      await replaceText(document, `title: ${title}\n`, `title: ${next}\n`);
      const { event } = await renders!.until((s) => s.text.includes(`2 ${next}`), `the heading ${next}`, 20000, mark);
      times.push(event.at - started);
      mermaidMs.push(event.ms);
      title = next;
      await sleep(1200); // past the auto-save (code-server: files.autoSave afterDelay), which re-indexes and re-draws
    }
    assertDrawsGraph(await inspect(panel!), await engineGraph(guideline));
    const t = stats(times);
    const m = stats(mermaidMs);
    log(`  edit → graph re-rendered (300 measures, ${graph.level} view): median ${t.median} ms (min ${t.min}, max ${t.max}): ${times.join(', ')}; Mermaid alone median ${m.median} ms`);
    assert.ok(t.median < 3000, `median edit-to-render ${t.median} ms`);
  });

  it('updates sent back to back: only the newest is drawn, stale renders are dropped', async () => {
    await sleep(1500);
    const mark = renders!.mark;
    const started = Date.now();
    for (const chapter of ['2', '3', '4']) panel!.setFilter({ chapter });
    panel!.setFilter({});
    const { event } = await renders!.until((s) => drawsGraph(s, panel!.current!) && Object.keys(panel!.current!.measureNodes).length === 0 === (panel!.current!.level !== 'measures'), 'the unfiltered graph', 20000, mark);
    await sleep(1000);
    const since = renders!.events.slice(mark);
    assertDrawsGraph(await inspect(panel!), await engineGraph(guideline));
    assert.equal((await inspect(panel!)).seq, since.at(-1)!.seq, 'the newest update is drawn last');
    log(`  four filter updates sent at once (300 measures): ${since.length} render(s) of ${since.map((e) => `${e.ms} ms`).join(', ')}; newest drawn ${event.at - started} ms after the first was sent`);
    // The webview (src/webview/graph.ts) promises: "while one render runs, only the newest request waits behind it".
    assert.ok(since.length <= 2, `four updates sent at once were all drawn, one after the other (${since.length} renders: seq ${since.map((e) => e.seq).join(', ')}); the stale ones should have been dropped`);
  });
});
