// The ownership graph of the seed guideline, rendered by real Mermaid 11 in headless Chromium
// (securityLevel 'strict'): what is drawn is what the Mermaid text declares and what the matrix
// says, the filters draw the right measures, and the HTML export renders offline.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildMatrix, buildOwnershipGraph } from '../../core/index';
import type { GraphOptions, MatrixMeasure, OwnershipGraph } from '../../core/index';
import { closeSharedBrowser, newBlankPage, openFileOffline, pageFlag, renderMermaid, sharedBrowser, unexpectedConsoleErrors } from '../support/browser';
import type { Browser, OfflinePage } from '../support/browser';
import { measureLayout } from '../support/graph-layout';
import {
  activeContent,
  assertColumns,
  assertLineStyles,
  assertMeasureBlocks,
  assertMeasureNodes,
  assertMeasureTies,
  assertNoLeadAndFills,
  assertQuiet,
  declaredNodeIds,
  FILLS,
  graphEdges,
  graphNodeIds,
  inPage,
  MAX_NAMES_PER_NODE,
  measureIdOf,
  nodeFills,
  nodeLines,
  placeOrFail,
  readView,
  ROOT,
  runCli,
  seedProject,
  sorted,
  tiesOf,
  viewGraph,
} from './graph-helpers';
import type { ExpectedGraph, GraphView } from './graph-helpers';
import { displayed } from './hostile-fixture';

const SCREENSHOT = '/tmp/seed-graph-test.png';
const NO_LEAD_IDS = ['4.2', '4.3', '4.4', '7.1'];

/** The seed guideline's part titles, read from its YAML (not through the core), keyed `<document>\u0000<chapter>`. */
function seedTitles(): Map<string, string> {
  const data = parse(readFileSync(join(ROOT, 'tasks/zj-ai-2027.yaml'), 'utf8')) as { id: string; chapters: { id: string; title: string }[] };
  return new Map(data.chapters.map((chapter) => [`${data.id}\u0000${chapter.id}`, chapter.title]));
}

describe('browser: ownership graph of the seed guideline rendered by Mermaid', function () {
  this.timeout(120_000);
  let browser: Browser;
  let blank: OfflinePage;

  before(async function () {
    browser = await sharedBrowser();
    blank = await newBlankPage(browser);
  });
  after(async function () {
    await blank?.close();
    await closeSharedBrowser();
  });

  describe('the whole graph', function () {
    let graph: OwnershipGraph;
    let view: GraphView;
    let expected: ExpectedGraph;
    let measureOf: Map<string, MatrixMeasure>;

    before(async function () {
      graph = buildOwnershipGraph(seedProject());
      expected = { measures: buildMatrix(seedProject()).measures, titles: seedTitles() };
      const started = performance.now();
      const result = await renderMermaid(blank.page, graph.mermaid);
      const wall = performance.now() - started;
      view = await readView(blank.page, result);
      console.log(`      [timing] seed graph (${graph.nodeCount} nodes, ${graph.edgeCount} edges, ${graph.mermaid.length} chars): mermaid.render ${result.renderMs.toFixed(0)} ms in the page, ${wall.toFixed(0)} ms wall (incl. loading Mermaid into the page)`);
    });

    it('renders without error, as a flowchart, in the default theme and strict mode', async function () {
      const { result } = view;
      assert.equal(result.error, undefined);
      assert.equal(result.ok, true);
      assert.equal(result.limitExceeded, false);
      assert.equal(result.diagramType, 'flowchart-v2');
      assert.equal(graph.level, 'measures');
      assert.equal(graph.notice, undefined);
      assert.equal(await inPage(blank.page, 'mermaid.mermaidAPI.getConfig().securityLevel'), 'strict');
      assertQuiet(blank);
      assert.equal(await pageFlag(blank.page), undefined);
    });

    it('draws exactly the nodes the text declares: the 23 measures and agency nodes naming the 31 agencies, and the legend', function () {
      assertMeasureNodes(graph, view);
      const nodes = graphNodeIds(view.result);
      assert.equal(nodes.filter((id) => placeOrFail(id, 'measures').role === 'member').length, 23);
      const named = new Set(nodes.filter((id) => placeOrFail(id, 'measures').role !== 'member').flatMap((id) => view.lines[id]!));
      assert.equal(named.size, 31);
      // All three line styles are in use, so the legend has three agency boxes.
      assert.deepEqual(sorted(view.result.nodeIds.filter((id) => id.startsWith('legend_'))), ['legend_agency0', 'legend_agency1', 'legend_agency2', 'legend_measure', 'legend_nolead']);
    });

    it('shows every measure in its part, in order, and every agency of the matrix beside the parts it works in', function () {
      measureOf = assertMeasureBlocks(graph, view, expected);
      const matrix = buildMatrix(seedProject());
      assert.deepEqual(sorted([...measureOf.values()].map((m) => m.id)), sorted(matrix.measures.map((m) => m.id)));
      const named = new Set(matrix.measures.flatMap((m) => tiesOf(m).map((tie) => tie.agency)));
      const shown = new Set(Object.keys(graph.agencyNodes).flatMap((id) => view.lines[id]!));
      assert.deepEqual(sorted(shown), sorted(named));
      // The cases the row design is about are in the seed, so the checks above met them: a measure
      // naming more others than an aggregated node may hold (4.3's ten, one node), an agency on the
      // right of several rows of one part (省经信厅 in 2.1 to 2.3), and an agency leading two runs
      // of one part (省发展改革委 in 3.1 and 3.4).
      const names = (id: string) => view.lines[id]!;
      assert.equal(Math.max(...Object.keys(graph.agencyNodes).map((id) => names(id).length)), Math.max(...matrix.measures.map((m) => m.co.length)));
      assert.ok(Math.max(...matrix.measures.map((m) => m.co.length)) > MAX_NAMES_PER_NODE);
      const twice = (role: 'lead' | 'other') => {
        const seen = new Set<string>();
        for (const id of Object.keys(graph.agencyNodes).filter((node) => placeOrFail(node, 'measures').role === role)) {
          for (const name of names(id)) {
            const key = `${placeOrFail(id, 'measures').block} ${name}`;
            if (seen.has(key)) return true;
            seen.add(key);
          }
        }
        return false;
      };
      assert.ok(twice('other'), 'an agency on the right of several rows of one part');
      assert.ok(twice('lead'), 'an agency leading several runs of one part');
      for (const name of named) assert.equal(name.length <= 40, true, `${name} is short enough to be shown whole`);
    });

    it('draws exactly the declared lines, and they tie each agency to each of its measures as the matrix says', function () {
      measureOf ??= assertMeasureBlocks(graph, view, expected);
      const ties = assertMeasureTies(graph, view, expected, measureOf);
      // Every mention of an agency in the matrix is one tie; a measure's other agencies share one
      // line, so a measure draws at most two.
      const matrix = buildMatrix(seedProject());
      assert.equal(ties.length, matrix.measures.reduce((sum, m) => sum + (m.lead ? 1 : 0) + m.co.length, 0));
      assert.equal(graph.edgeCount, matrix.measures.reduce((sum, m) => sum + (m.lead ? 1 : 0) + (m.co.length ? 1 : 0), 0));
      assert.ok(graph.edgeCount < ties.length);
    });

    it('draws lead lines thick and solid, co-responsible ones dotted, and those of measures without a lead solid and thin, as the legend shows', function () {
      assertLineStyles(view);
      const edges = graphEdges(view.result);
      const thick = edges.filter((e) => e.thickness === 'thick');
      assert.ok(thick.every((e) => e.pattern === 'solid'));
      assert.equal(thick.length, buildMatrix(seedProject()).measures.filter((m) => m.lead !== null).length);
      assert.equal(thick.length, 19);
      assert.ok(edges.some((e) => e.pattern === 'dotted') && edges.some((e) => e.pattern === 'solid' && e.thickness === 'normal'), 'all three kinds drawn');
    });

    it('draws exactly graph.noLeadNodeIds in the noLead style: measures 4.2, 4.3, 4.4 and 7.1', function () {
      measureOf ??= assertMeasureBlocks(graph, view, expected);
      assertNoLeadAndFills(graph, view, measureOf);
      const withClass = graphNodeIds(view.result).filter((id) => view.result.nodeClasses[id]!.includes('noLead'));
      assert.deepEqual(sorted(withClass.map((id) => measureIdOf(view.result.nodeText[id]!))), NO_LEAD_IDS);
      assert.deepEqual(sorted(graph.noLead.map((m) => m.id)), NO_LEAD_IDS);
    });

    it('groups the measures in 6 part boxes (二 to 七) in columns, plus the legend', function () {
      const boxes = view.result.subgraphs.filter((s) => s.id !== 'legend' && !/^col\d+$/.test(s.id));
      assert.deepEqual(boxes.map((s) => s.empty), boxes.map(() => false));
      assert.deepEqual(sorted(boxes.map((s) => s.id)), ['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
      assert.deepEqual(boxes.map((s) => s.label.split(' ')[0]!).sort(), ['2', '3', '4', '5', '6', '7']);
      assert.equal(boxes.find((s) => s.id === 'p0')!.label, '2 加快核心技术突破，全面提升创新策源引领力');
      assert.equal(boxes.find((s) => s.id === 'p5')!.label, '7 保障措施');
      assert.deepEqual(view.result.subgraphs.find((s) => s.id === 'legend'), { id: 'legend', label: '图例 Legend', empty: false });
      const columns = assertColumns(graph, view);
      assert.equal(view.result.subgraphs.filter((s) => /^col\d+$/.test(s.id)).length, columns > 1 ? columns : 0);
    });

    it('contains nothing that could run script or navigate', async function () {
      const active = await activeContent(blank.page, '#tm-output svg');
      assert.deepEqual(active, { dangerousElements: [], handlers: [], scriptUrls: [], clickable: 0 });
    });
  });

  describe('filtered graphs (--agency, --chapter)', function () {
    const matrix = () => buildMatrix(seedProject());

    /** What a filter should show, computed from the matrix alone. */
    function expectedOf(options: GraphOptions): ExpectedGraph & { agencies: Set<string> } {
      const measures = matrix().measures.filter(
        (m) => (options.agency === undefined || m.lead === options.agency || m.co.includes(options.agency)) && (options.chapter === undefined || m.chapter === options.chapter),
      );
      const agencies = new Set(measures.flatMap((m) => tiesOf(m).map((tie) => tie.agency)));
      return { measures, agencies, titles: seedTitles(), focus: options.agency };
    }

    async function renderFiltered(options: GraphOptions, cliArgs: string[]): Promise<{ graph: OwnershipGraph; view: GraphView }> {
      const graph = buildOwnershipGraph(seedProject(), undefined, options);
      // The CLI prints the same text for the same filters.
      const cli = runCli(['graph', ...cliArgs, '--locale', 'en']);
      assert.equal(cli.status, 0, cli.stderr);
      assert.equal(cli.stdout, graph.mermaid);
      return { graph, view: await viewGraph(blank.page, graph.mermaid) };
    }

    function assertShows(graph: OwnershipGraph, view: GraphView, options: GraphOptions): void {
      const expected = expectedOf(options);
      assert.ok(expected.measures.length > 0);
      assert.equal(graph.level, 'measures');
      assert.deepEqual(graph.measures.map((m) => m.id), expected.measures.map((m) => m.id));
      assertMeasureNodes(graph, view);
      const measureOf = assertMeasureBlocks(graph, view, expected);
      assert.deepEqual([...measureOf.values()].map((m) => m.id).sort(), expected.measures.map((m) => m.id).sort());
      const shown = new Set(Object.keys(graph.agencyNodes).flatMap((id) => view.lines[id]!));
      assert.deepEqual(sorted(shown), sorted(expected.agencies));
      assertMeasureTies(graph, view, expected, measureOf);
      assertLineStyles(view);
      assertNoLeadAndFills(graph, view, measureOf, options.agency);
      assertColumns(graph, view);
    }

    function focusNodes(view: GraphView): string[] {
      return graphNodeIds(view.result).filter((id) => view.result.nodeClasses[id]!.includes('focus'));
    }

    it('--agency 省科技厅: its measures and the agencies it shares them with; 省科技厅 in the focus style', async function () {
      const options = { agency: '省科技厅' };
      const { graph, view } = await renderFiltered(options, ['--agency', '省科技厅']);
      assertShows(graph, view, options);
      // 省科技厅 has a node of its own in the focus style only: on the left of each run of measures
      // it leads, on the right of each measure it is co-responsible in (p<i>c<j>, the others of that
      // measure beside it in p<i>c<j>x).
      const focus = focusNodes(view);
      const expected = expectedOf(options).measures;
      const parts = [...new Set(expected.map((m) => m.chapter))];
      for (const id of focus) {
        assert.deepEqual(view.lines[id], ['省科技厅']);
        assert.ok(!view.result.nodeClasses[id]!.includes('agency'), 'the focused agency is not also styled as a plain agency');
        assert.equal(view.fills[id], FILLS.focus);
      }
      const want = { focus: [] as string[], rest: [] as string[] };
      parts.forEach((chapter, p) => {
        const measures = expected.filter((m) => m.chapter === chapter);
        let run = -1;
        measures.forEach((m, j) => {
          if (m.lead && m.lead !== measures[j - 1]?.lead) run++;
          if (m.lead === '省科技厅' && measures[j - 1]?.lead !== '省科技厅') want.focus.push(`p${p}a${run}`);
          if (m.co.includes('省科技厅')) want.focus.push(`p${p}c${j}`);
          if (m.co.includes('省科技厅') && m.co.length > 1) want.rest.push(`p${p}c${j}x`);
        });
      });
      assert.deepEqual(sorted(focus), sorted(want.focus));
      const rest = graphNodeIds(view.result).filter((id) => placeOrFail(id, 'measures').rest);
      assert.deepEqual(sorted(rest), sorted(want.rest));
      // Sanity: 省科技厅 leads some of these and is co-responsible in others, in some part both,
      // and in some part co-responsible in several measures.
      const leadsIn = new Set(expected.filter((m) => m.lead === '省科技厅').map((m) => m.chapter));
      const coIn = expected.filter((m) => m.co.includes('省科技厅')).map((m) => m.chapter);
      assert.ok([...leadsIn].some((c) => coIn.includes(c)));
      assert.ok(coIn.length > new Set(coIn).size);
      assert.ok(rest.length > 0);
      // No measure without a lead names 省科技厅: no 负责 line, and the legend leaves that style out.
      assert.deepEqual(view.result.edges.filter((e) => e.id.startsWith('L_legend_')).map((e) => e.label), ['牵头 lead', '配合 co-responsible']);
      assertQuiet(blank);
    });

    it('--agency 科技厅 (an alias) draws the same graph as the registry name', function () {
      assert.equal(buildOwnershipGraph(seedProject(), undefined, { agency: '科技厅' }).mermaid, buildOwnershipGraph(seedProject(), undefined, { agency: '省科技厅' }).mermaid);
    });

    it('--chapter 4: the four measures of part 四, three of them without a lead, and no focus', async function () {
      const options = { chapter: '4' };
      const { graph, view } = await renderFiltered(options, ['--chapter', '4']);
      assertShows(graph, view, options);
      assert.equal(expectedOf(options).measures.length, 4);
      assert.deepEqual(focusNodes(view), []);
      assert.deepEqual(sorted(graph.noLead.map((m) => m.id)), ['4.2', '4.3', '4.4']);
      assert.deepEqual(view.result.subgraphs.filter((s) => s.id !== 'legend').map((s) => s.label), ['4 加快创新场景赋能，全面激发融合发展牵引力']);
      assertQuiet(blank);
    });

    it('--agency 省科技厅 --chapter 4: both filters at once', async function () {
      const options = { agency: '省科技厅', chapter: '4' };
      const { graph, view } = await renderFiltered(options, ['--agency', '省科技厅', '--chapter', '4']);
      assertShows(graph, view, options);
      const focus = focusNodes(view);
      assert.deepEqual(focus.map((id) => view.lines[id]), [['省科技厅']]);
      assertQuiet(blank);
    });
  });

  describe('HTML export (graph --format html) opened offline', function () {
    let dir: string;
    let opened: OfflinePage;
    let graph: OwnershipGraph;

    before(async function () {
      dir = mkdtempSync(join(tmpdir(), 'tm-graph-html-'));
      const file = join(dir, 'seed-graph.html');
      const cli = runCli(['graph', 'tasks/', '--format', 'html', '--locale', 'en', '-o', file]);
      assert.equal(cli.status, 0, cli.stderr);
      graph = buildOwnershipGraph(seedProject());
      const started = performance.now();
      opened = await openFileOffline(browser, file);
      await opened.page.waitForFunction('document.body.dataset.rendered !== undefined', undefined, { timeout: 60_000 });
      console.log(`      [timing] seed HTML export: load + render ${(performance.now() - started).toFixed(0)} ms`);
    });
    after(async function () {
      await opened?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('renders, with no request leaving the file and no error', async function () {
      assert.equal(await inPage(opened.page, 'document.body.dataset.rendered'), 'true');
      assert.deepEqual(opened.blockedRequests, []);
      assert.deepEqual(opened.watch.pageErrors, []);
      assert.deepEqual(unexpectedConsoleErrors(opened.watch), [], 'console errors (CSP violations included)');
      assert.deepEqual(opened.watch.dialogs, []);
      assert.equal(await pageFlag(opened.page), undefined);
      // The same graph as in the blank page: the graph's nodes plus the legend's 5, edgeCount plus the legend's 3 lines.
      assert.equal(await opened.page.locator('#graph svg g.node').count(), graph.nodeCount + 5);
      assert.equal(await opened.page.locator('#graph svg g.edgePaths > path').count(), graph.edgeCount + 3);
      assert.equal(await opened.page.locator('#graph svg g.node.noLead').count(), 5, 'four measures and the legend box');
      assert.equal(await opened.page.locator('#graph svg g.edgePaths > path.edge-thickness-thick').count(), 19 + 1, 'the lead lines and the legend\'s');
    });

    it('draws the declared nodes, each agency node with its names one per line', async function () {
      const lines = await nodeLines(opened.page, '#graph');
      const ids = Object.keys(lines).filter((id) => !id.startsWith('legend'));
      assert.deepEqual(sorted(ids), sorted(declaredNodeIds(graph.mermaid)));
      for (const [id, names] of Object.entries(graph.agencyNodes)) assert.deepEqual(lines[id], names, id);
      for (const [id, m] of Object.entries(graph.measureNodes)) assert.deepEqual(lines[id], [displayed(`${m.id} ${m.title}`, 40)], id);
    });

    it('carries a Content-Security-Policy meta that allows only its own scripts', async function () {
      const csp = await opened.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.ok(csp, 'CSP meta present');
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'nonce-[\w-]+'/);
      assert.doesNotMatch(csp, /unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
      const nonce = /'nonce-([\w-]+)'/.exec(csp)![1]!;
      const scripts = await inPage<{ type: string; nonce: string }[]>(opened.page, `[...document.scripts].map((s) => ({ type: s.type, nonce: s.nonce }))`);
      for (const script of scripts) assert.ok(script.type === 'application/json' || script.nonce === nonce, JSON.stringify(script));
    });

    it('lists the measures without a lead, 4.2, 4.3, 4.4 and 7.1, in a table', async function () {
      const rows = await inPage<string[][]>(opened.page, `[...document.querySelectorAll('tr.no-lead')].map((tr) => [...tr.cells].map((td) => td.textContent))`);
      assert.deepEqual(rows.map((row) => row[0]), NO_LEAD_IDS);
      const heading = await opened.page.textContent('#no-lead');
      assert.match(heading ?? '', /\(4\)/);
      assert.ok(rows.find((row) => row[0] === '7.1')![3]!.includes('省数字经济领导小组各成员单位'));
    });

    it('shows the whole graph: a full-page screenshot, and the sizes of its parts', async function () {
      await opened.page.screenshot({ path: SCREENSHOT, fullPage: true });
      const boxes = await inPage<Record<string, { x: number; y: number; width: number; height: number }>>(
        opened.page,
        `(() => {
          const box = (el) => { const r = el.getBoundingClientRect(); return { x: Math.round(r.x), y: Math.round(r.y + scrollY), width: Math.round(r.width), height: Math.round(r.height) }; };
          const out = { page: { x: 0, y: 0, width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }, svg: box(document.querySelector('#graph svg')), table: box(document.querySelector('table')) };
          for (const c of document.querySelectorAll('#graph svg g.cluster')) out['cluster ' + c.id.replace('tm-graph-', '') + ' ' + c.querySelector('.cluster-label').textContent] = box(c);
          return out;
        })()`,
      );
      console.log(`      [screenshot] ${SCREENSHOT}: ${JSON.stringify(boxes)}`);
      // The graph is really drawn at a readable size, and the no-lead table comes after it.
      assert.ok(boxes.svg!.width > 500 && boxes.svg!.height > 500, JSON.stringify(boxes.svg));
      assert.ok(boxes.table!.y > boxes.svg!.y + boxes.svg!.height);
      // The labels are readable: drawn at 10 px or more, and none cut short by its box.
      const fontPx = await inPage<number>(opened.page, `parseFloat(getComputedStyle(document.querySelector('#graph svg g.node span.nodeLabel') || document.body).fontSize)`);
      const scale = boxes.svg!.width / (await inPage<number>(opened.page, `document.querySelector('#graph svg').viewBox.baseVal.width`));
      assert.ok(fontPx * scale >= 10, `labels drawn at ${(fontPx * scale).toFixed(1)} px`);
      const figures = await measureLayout(opened.page, '#graph');
      assert.deepEqual(figures.clippedLabels, []);
      assert.ok(figures.smallestLabelPx >= 10, `smallest label ${figures.smallestLabelPx.toFixed(1)} px`);
      // Every part box is in the screenshot, with its heading.
      assert.deepEqual(Object.keys(boxes).filter((key) => /^cluster p\d /.test(key)).map((key) => key.split(' ')[2]).sort(), ['2', '3', '4', '5', '6', '7']);
    });

    it('renders in the dark theme too when the reader prefers it, keeping the graph\'s own node colours', async function () {
      await opened.page.emulateMedia({ colorScheme: 'dark' });
      await opened.page.reload();
      await opened.page.waitForFunction('document.body.dataset.rendered !== undefined', undefined, { timeout: 60_000 });
      assert.equal(await inPage(opened.page, 'document.body.dataset.rendered'), 'true');
      assert.deepEqual(opened.blockedRequests, []);
      assert.deepEqual(opened.watch.pageErrors, []);
      assert.deepEqual(unexpectedConsoleErrors(opened.watch), []);
      // Mermaid's dark theme (cluster background no longer the default #ffffde) …
      const style = await inPage<string>(opened.page, `document.querySelector('#graph svg style').textContent`);
      assert.doesNotMatch(style, /\.cluster rect\{fill:#ffffde/);
      // … but the classDef fills, with their dark text, are kept: labels stay readable.
      const fills = await nodeFills(opened.page, '#graph');
      const noLead = new Set(graph.noLeadNodeIds);
      for (const id of declaredNodeIds(graph.mermaid)) {
        assert.equal(fills[id], noLead.has(id) ? FILLS.noLead : placeOrFail(id, 'measures').role === 'member' ? FILLS.measure : FILLS.agency, id);
      }
      const colour = await inPage<string>(opened.page, `getComputedStyle(document.querySelector('#graph svg g.node.agency span.nodeLabel')).color`);
      assert.equal(colour, 'rgb(11, 37, 69)');
    });
  });
});
