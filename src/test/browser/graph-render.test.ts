// The ownership graph of the seed guideline, rendered by real Mermaid 11 in headless Chromium
// (securityLevel 'strict'): what is drawn is what the Mermaid text declares and what the matrix
// says, the filters draw the right measures, and the HTML export renders offline.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMatrix, buildOwnershipGraph } from '../../core/index';
import type { GraphOptions, MatrixMeasure, OwnershipGraph } from '../../core/index';
import { closeSharedBrowser, newBlankPage, openFileOffline, pageFlag, renderMermaid, sharedBrowser, unexpectedConsoleErrors } from '../support/browser';
import type { Browser, OfflinePage, RenderResult } from '../support/browser';
import {
  activeContent,
  assertQuiet,
  declaredEdgeKeys,
  declaredNodeIds,
  edgeEnds,
  graphEdges,
  graphNodeIds,
  inPage,
  nodeFills,
  renderedEdgeKeys,
  runCli,
  seedProject,
  sorted,
} from './graph-helpers';
import { displayed } from './hostile-fixture';

const SCREENSHOT = '/tmp/seed-graph-test.png';
const NO_LEAD_IDS = ['4.2', '4.3', '4.4', '7.1'];

/** The measure id at the start of a measure node's label ("4.2 赋能实体经济高质量发展"). */
const measureIdOf = (label: string) => label.split(' ')[0]!;

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
    let result: RenderResult;

    before(async function () {
      graph = buildOwnershipGraph(seedProject());
      const started = performance.now();
      result = await renderMermaid(blank.page, graph.mermaid);
      const wall = performance.now() - started;
      console.log(`      [timing] seed graph (${graph.nodeCount} nodes, ${graph.edgeCount} edges, ${graph.mermaid.length} chars): mermaid.render ${result.renderMs.toFixed(0)} ms in the page, ${wall.toFixed(0)} ms wall (incl. loading Mermaid into the page)`);
    });

    it('renders without error, as a flowchart, in the default theme and strict mode', async function () {
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

    it('draws exactly the 54 nodes the text declares: 31 agencies and 23 measures', function () {
      const rendered = graphNodeIds(result);
      const declared = declaredNodeIds(graph.mermaid);
      assert.deepEqual(sorted(rendered), sorted(declared));
      assert.equal(new Set(rendered).size, rendered.length, 'no node drawn twice');
      assert.equal(rendered.length, 54);
      assert.equal(graph.nodeCount, 54);
      assert.equal(rendered.filter((id) => /^a\d+$/.test(id)).length, 31);
      assert.equal(rendered.filter((id) => /^m\d+_\d+$/.test(id)).length, 23);
      // The legend is drawn too, apart from the graph.
      assert.deepEqual(sorted(result.nodeIds.filter((id) => id.startsWith('legend_'))), ['legend_agency', 'legend_measure', 'legend_nolead']);
    });

    it('labels every node with what the matrix says: agency names, and "<id> <title>" for measures', function () {
      const matrix = buildMatrix(seedProject());
      const agencyTexts = graphNodeIds(result).filter((id) => id.startsWith('a')).map((id) => result.nodeText[id]!);
      const named = new Set(matrix.measures.flatMap((m) => (m.lead ? [m.lead, ...m.co] : m.co)));
      assert.deepEqual(sorted(agencyTexts), sorted([...named].map((name) => displayed(name, 40))));
      const measureTexts = graphNodeIds(result).filter((id) => id.startsWith('m')).map((id) => result.nodeText[id]!);
      assert.deepEqual(sorted(measureTexts), sorted(matrix.measures.map((m) => displayed(`${m.id} ${m.title}`, 40))));
    });

    it('draws exactly the declared edges (graph.edgeCount, legend excluded) with their styles and labels', function () {
      const edges = graphEdges(result);
      assert.equal(edges.length, graph.edgeCount);
      assert.equal(result.edgeCount, graph.edgeCount + 2, 'plus the two legend edges');
      assert.deepEqual(renderedEdgeKeys(result), declaredEdgeKeys(graph.mermaid));
      // One edge per agency mention in the matrix.
      const matrix = buildMatrix(seedProject());
      assert.equal(graph.edgeCount, matrix.measures.reduce((sum, m) => sum + (m.lead ? 1 : 0) + m.co.length, 0));
    });

    it('draws lead edges solid with 牵头, the others dotted with 配合 (或 负责 in a measure without a lead)', function () {
      const noLead = new Set(graph.noLeadNodeIds);
      const edges = graphEdges(result);
      for (const edge of edges) {
        assert.equal(edge.thickness, 'normal', edge.id);
        const to = edgeEnds(edge.id)!.to;
        if (edge.pattern === 'solid') assert.equal(edge.label, '牵头', edge.id);
        else {
          assert.equal(edge.pattern, 'dotted', edge.id);
          assert.equal(edge.label, noLead.has(to) ? '负责' : '配合', edge.id);
        }
      }
      const leads = buildMatrix(seedProject()).measures.filter((m) => m.lead !== null).length;
      assert.equal(edges.filter((e) => e.pattern === 'solid').length, leads);
      assert.equal(leads, 19);
      // Every measure with a lead has exactly one solid edge, and a measure without has none.
      const solidTargets = edges.filter((e) => e.pattern === 'solid').map((e) => edgeEnds(e.id)!.to);
      assert.equal(new Set(solidTargets).size, solidTargets.length);
      for (const id of solidTargets) assert.ok(!noLead.has(id), `${id} has no lead but a solid edge`);
    });

    it('draws exactly graph.noLeadNodeIds in the noLead style: measures 4.2, 4.3, 4.4 and 7.1', async function () {
      const withClass = graphNodeIds(result).filter((id) => result.nodeClasses[id]!.includes('noLead'));
      assert.deepEqual(sorted(withClass), sorted(graph.noLeadNodeIds));
      assert.deepEqual(sorted(withClass.map((id) => measureIdOf(result.nodeText[id]!))), NO_LEAD_IDS);
      assert.deepEqual(sorted(graph.noLead.map((m) => m.id)), NO_LEAD_IDS);
      // The style really applies: the orange fill of classDef noLead, and the other classes' fills elsewhere.
      const fills = await nodeFills(blank.page, '#tm-output');
      for (const id of graphNodeIds(result)) {
        const expected = withClass.includes(id) ? 'rgb(255, 244, 230)' : id.startsWith('a') ? 'rgb(231, 240, 255)' : 'rgb(255, 255, 255)';
        assert.equal(fills[id], expected, `fill of ${id} (${result.nodeText[id]})`);
      }
    });

    it('groups the measures in 6 part subgraphs (二 to 七), plus the legend', function () {
      const clusters = result.subgraphs.filter((s) => !s.empty);
      assert.equal(clusters.length, 7);
      assert.deepEqual(result.subgraphs.filter((s) => s.empty), []);
      assert.deepEqual(clusters.find((s) => s.id === 'legend')?.label, '图例 Legend');
      const parts = clusters.filter((s) => s.id !== 'legend');
      assert.deepEqual(sorted(parts.map((s) => s.id)), ['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
      assert.deepEqual(sorted(parts.map((s) => s.label.split(' ')[0]!)), ['2', '3', '4', '5', '6', '7']);
      assert.ok(parts.some((s) => s.label === '2 加快核心技术突破，全面提升创新策源引领力'));
      assert.ok(parts.some((s) => s.label === '7 保障措施'));
    });

    it('contains nothing that could run script or navigate', async function () {
      const active = await activeContent(blank.page, '#tm-output svg');
      assert.deepEqual(active, { dangerousElements: [], handlers: [], scriptUrls: [], clickable: 0 });
    });
  });

  describe('filtered graphs (--agency, --chapter)', function () {
    const matrix = () => buildMatrix(seedProject());

    /** What a filter should show, computed from the matrix alone. */
    function expectedOf(options: GraphOptions): { measures: MatrixMeasure[]; agencies: Set<string>; mentions: number } {
      const measures = matrix().measures.filter(
        (m) => (options.agency === undefined || m.lead === options.agency || m.co.includes(options.agency)) && (options.chapter === undefined || m.chapter === options.chapter),
      );
      const agencies = new Set(measures.flatMap((m) => (m.lead ? [m.lead, ...m.co] : m.co)));
      return { measures, agencies, mentions: measures.reduce((sum, m) => sum + (m.lead ? 1 : 0) + m.co.length, 0) };
    }

    async function renderFiltered(options: GraphOptions, cliArgs: string[]): Promise<{ graph: OwnershipGraph; result: RenderResult }> {
      const graph = buildOwnershipGraph(seedProject(), undefined, options);
      // The CLI prints the same text for the same filters.
      const cli = runCli(['graph', ...cliArgs, '--locale', 'en']);
      assert.equal(cli.status, 0, cli.stderr);
      assert.equal(cli.stdout, graph.mermaid);
      const result = await renderMermaid(blank.page, graph.mermaid);
      assert.equal(result.ok, true, result.error);
      return { graph, result };
    }

    function assertShows(graph: OwnershipGraph, result: RenderResult, options: GraphOptions): void {
      const expected = expectedOf(options);
      assert.ok(expected.measures.length > 0);
      assert.equal(graph.level, 'measures');
      assert.deepEqual(sorted(graph.measures.map((m) => m.id)), sorted(expected.measures.map((m) => m.id)));
      const nodes = graphNodeIds(result);
      assert.deepEqual(sorted(nodes), sorted(declaredNodeIds(graph.mermaid)));
      const measureNodes = nodes.filter((id) => id.startsWith('m'));
      const agencyNodes = nodes.filter((id) => id.startsWith('a'));
      assert.deepEqual(sorted(measureNodes.map((id) => measureIdOf(result.nodeText[id]!))), sorted(expected.measures.map((m) => m.id)));
      assert.deepEqual(sorted(agencyNodes.map((id) => result.nodeText[id]!)), sorted(expected.agencies));
      assert.equal(nodes.length, expected.measures.length + expected.agencies.size);
      assert.equal(graph.nodeCount, nodes.length);
      assert.equal(graphEdges(result).length, expected.mentions);
      assert.equal(graph.edgeCount, expected.mentions);
      assert.deepEqual(renderedEdgeKeys(result), declaredEdgeKeys(graph.mermaid));
      const noLead = nodes.filter((id) => result.nodeClasses[id]!.includes('noLead'));
      assert.deepEqual(sorted(noLead.map((id) => measureIdOf(result.nodeText[id]!))), sorted(expected.measures.filter((m) => m.noLead).map((m) => m.id)));
      // One part subgraph per chapter shown, plus the legend.
      const chapters = new Set(expected.measures.map((m) => m.chapter));
      assert.deepEqual(sorted(result.subgraphs.filter((s) => s.id !== 'legend').map((s) => s.label.split(' ')[0]!)), sorted(chapters));
    }

    function focusNodes(result: RenderResult): string[] {
      return graphNodeIds(result).filter((id) => result.nodeClasses[id]!.includes('focus'));
    }

    it('--agency 省科技厅: its measures and the agencies it shares them with; 省科技厅 in the focus style', async function () {
      const options = { agency: '省科技厅' };
      const { graph, result } = await renderFiltered(options, ['--agency', '省科技厅']);
      assertShows(graph, result, options);
      const focus = focusNodes(result);
      assert.equal(focus.length, 1);
      assert.equal(result.nodeText[focus[0]!], '省科技厅');
      assert.ok(!result.nodeClasses[focus[0]!]!.includes('agency'), 'the focused agency is not also styled as a plain agency');
      const fills = await nodeFills(blank.page, '#tm-output');
      assert.equal(fills[focus[0]!], 'rgb(28, 79, 156)');
      // Sanity: 省科技厅 leads some of these and is co-responsible in others.
      const expected = expectedOf(options).measures;
      assert.ok(expected.some((m) => m.lead === '省科技厅') && expected.some((m) => m.co.includes('省科技厅')));
      assertQuiet(blank);
    });

    it('--agency 科技厅 (an alias) draws the same graph as the registry name', function () {
      assert.equal(buildOwnershipGraph(seedProject(), undefined, { agency: '科技厅' }).mermaid, buildOwnershipGraph(seedProject(), undefined, { agency: '省科技厅' }).mermaid);
    });

    it('--chapter 4: the four measures of part 四, three of them without a lead, and no focus', async function () {
      const options = { chapter: '4' };
      const { graph, result } = await renderFiltered(options, ['--chapter', '4']);
      assertShows(graph, result, options);
      assert.equal(expectedOf(options).measures.length, 4);
      assert.deepEqual(focusNodes(result), []);
      assert.deepEqual(sorted(graph.noLead.map((m) => m.id)), ['4.2', '4.3', '4.4']);
      assertQuiet(blank);
    });

    it('--agency 省科技厅 --chapter 4: both filters at once', async function () {
      const options = { agency: '省科技厅', chapter: '4' };
      const { graph, result } = await renderFiltered(options, ['--agency', '省科技厅', '--chapter', '4']);
      assertShows(graph, result, options);
      const focus = focusNodes(result);
      assert.deepEqual(focus.map((id) => result.nodeText[id]), ['省科技厅']);
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
      // The same graph as in the blank page: 54 nodes plus the legend's 3, edgeCount plus 2 edges.
      assert.equal(await opened.page.locator('#graph svg g.node').count(), 57);
      assert.equal(await opened.page.locator('#graph svg g.edgePaths > path').count(), graph.edgeCount + 2);
      assert.equal(await opened.page.locator('#graph svg g.node.noLead').count(), 5, 'four measures and the legend box');
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
      // The labels are readable: the measure boxes are at least as large as their text.
      const fontPx = await inPage<number>(opened.page, `parseFloat(getComputedStyle(document.querySelector('#graph svg g.node span.nodeLabel') || document.body).fontSize)`);
      const scale = boxes.svg!.width / (await inPage<number>(opened.page, `document.querySelector('#graph svg').viewBox.baseVal.width`));
      assert.ok(fontPx * scale >= 10, `labels drawn at ${(fontPx * scale).toFixed(1)} px`);
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
        assert.equal(fills[id], noLead.has(id) ? 'rgb(255, 244, 230)' : id.startsWith('a') ? 'rgb(231, 240, 255)' : 'rgb(255, 255, 255)', id);
      }
      const colour = await inPage<string>(opened.page, `getComputedStyle(document.querySelector('#graph svg g.node.agency span.nodeLabel')).color`);
      assert.equal(colour, 'rgb(11, 37, 69)');
    });
  });
});
