// How readable a rendered Mermaid flowchart is, measured on the SVG in the page (issue 13):
// its size at a given width, the pairs of edges that cross, where each node and part box landed,
// and the size its labels are drawn at. Shared by the graph-layout tests and `npm run bench:graph`.
//
// Crossings are counted on the drawn edges themselves: each path is sampled as a polyline every
// few pixels (getPointAtLength), and two edges cross when any of their segments intersect. Two
// edges that share an end (the same agency or the same measure) do not count, as their meeting
// at that node is not a crossing a reader has to untangle. Invisible (~~~) links are ignored.
//
// The in-page code is a plain JavaScript string, for the reason given in support/browser.ts.
import type { Page } from 'playwright-core';

export interface PlacedBox {
  id: string;
  /** Centre and size in CSS pixels of the page, as drawn (after the SVG is scaled to its container). */
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
}

export interface LayoutFigures {
  /** The SVG as drawn in its container, in CSS pixels. */
  width: number;
  height: number;
  /** Drawn width over the SVG's own width: 1 when it fits, less when scaled down to the container. */
  scale: number;
  /** Pairs of edges whose drawn paths cross, edges sharing an end not counted. */
  crossings: number;
  /** Edges counted (visible, legend excluded). */
  edges: number;
  /** Node boxes (legend excluded), in rendered order. */
  nodes: PlacedBox[];
  /** Subgraph boxes (legend excluded). */
  clusters: PlacedBox[];
  /** The smallest font size any node label is drawn at, in CSS pixels (after scaling). */
  smallestLabelPx: number;
  /** Node labels cut short by their box (scrollWidth beyond the box), by node id. */
  clippedLabels: string[];
}

const METRICS_JS = String.raw`((args) => {
  const root = document.querySelector(args.selector);
  const svg = root && root.querySelector('svg');
  if (!svg) throw new Error('no <svg> under ' + args.selector);
  const isLegend = (id) => /^legend/.test(id);
  const own = (id) => id.replace(/^.*?-flowchart-/, '').replace(/-\d+$/, '');
  const box = (el, id) => {
    const r = el.getBoundingClientRect();
    return { id, x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width, height: r.height, label: (el.querySelector('.label, .cluster-label, .nodeLabel') || el).textContent.trim() };
  };
  const svgRect = svg.getBoundingClientRect();
  const natural = svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width ? svg.viewBox.baseVal.width : svgRect.width;

  const nodes = [];
  let smallest = Infinity;
  const clipped = [];
  for (const node of svg.querySelectorAll('g.node')) {
    if (!/flowchart-/.test(node.id)) continue;
    const id = own(node.id);
    if (isLegend(id)) continue;
    nodes.push(box(node, id));
    const label = node.querySelector('.nodeLabel, text');
    if (label) {
      const size = parseFloat(getComputedStyle(label).fontSize) * (svgRect.width / natural);
      if (size < smallest) smallest = size;
      const div = node.querySelector('foreignObject > div');
      if (div && div.scrollWidth > div.clientWidth + 1) clipped.push(id);
    }
  }
  const clusters = [];
  for (const cluster of svg.querySelectorAll('g.cluster')) {
    const id = cluster.id.startsWith(args.prefix) ? cluster.id.slice(args.prefix.length) : cluster.id;
    if (isLegend(id)) continue;
    clusters.push(box(cluster, id));
  }

  // Edges as polylines in page coordinates, with their ends from data-id "L_<from>_<to>_<n>".
  const lines = [];
  for (const path of svg.querySelectorAll('g.edgePaths > path')) {
    const dataId = path.getAttribute('data-id') || '';
    if (/^L_legend/.test(dataId) || path.classList.contains('edge-thickness-invisible')) continue;
    const parts = dataId.split('_');
    if (parts.length < 4 || isLegend(parts[1]) || isLegend(parts[2])) continue;
    const length = path.getTotalLength();
    const steps = Math.max(8, Math.ceil(length / args.step));
    const matrix = path.getScreenCTM();
    const points = [];
    for (let i = 0; i <= steps; i++) {
      const p = path.getPointAtLength((length * i) / steps);
      points.push([matrix.a * p.x + matrix.c * p.y + matrix.e, matrix.b * p.x + matrix.d * p.y + matrix.f]);
    }
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const [x, y] of points) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
    lines.push({ from: parts[1], to: parts[2], points, minX, minY, maxX, maxY });
  }
  const orient = (ax, ay, bx, by, cx, cy) => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  const segmentsCross = (p, q, r, s) =>
    orient(p[0], p[1], q[0], q[1], r[0], r[1]) * orient(p[0], p[1], q[0], q[1], s[0], s[1]) < 0 &&
    orient(r[0], r[1], s[0], s[1], p[0], p[1]) * orient(r[0], r[1], s[0], s[1], q[0], q[1]) < 0;
  const cross = (a, b) => {
    if (a.maxX < b.minX || b.maxX < a.minX || a.maxY < b.minY || b.maxY < a.minY) return false;
    for (let i = 1; i < a.points.length; i++) {
      const p = a.points[i - 1], q = a.points[i];
      if (Math.max(p[0], q[0]) < b.minX || Math.min(p[0], q[0]) > b.maxX || Math.max(p[1], q[1]) < b.minY || Math.min(p[1], q[1]) > b.maxY) continue;
      for (let j = 1; j < b.points.length; j++) if (segmentsCross(p, q, b.points[j - 1], b.points[j])) return true;
    }
    return false;
  };
  let crossings = 0;
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i], b = lines[j];
      if (a.from === b.from || a.from === b.to || a.to === b.from || a.to === b.to) continue;
      if (cross(a, b)) crossings++;
    }
  }
  return { width: svgRect.width, height: svgRect.height, scale: svgRect.width / natural, crossings, edges: lines.length, nodes, clusters, smallestLabelPx: smallest === Infinity ? 0 : smallest, clippedLabels: clipped };
})`;

/** Measures the flowchart SVG inside `selector` as the page draws it now. */
export function measureLayout(page: Page, selector: string, renderId = 'tm-graph', step = 4): Promise<LayoutFigures> {
  return page.evaluate(`${METRICS_JS}(${JSON.stringify({ selector, step, prefix: `${renderId}-` })})`) as Promise<LayoutFigures>;
}
