// Shared by the graph browser tests: the seed project, the CLI, and what a Mermaid source declares
// (read from the text independently of the code that wrote it) versus what Chromium rendered.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Project } from '../../core/index';
import type { MatrixMeasure, OwnershipGraph } from '../../core/index';
import type { OfflinePage, Page, RenderResult } from '../support/browser';
import { renderMermaid, unexpectedConsoleErrors } from '../support/browser';
import type { PlacedBox } from '../support/graph-layout';
import { displayed } from './hostile-fixture';

export const ROOT = resolve(__dirname, '../../..');
export const CLI = join(ROOT, 'dist/cli.js');
export const SEED_FILES = ['tasks/agencies.yaml', 'tasks/zj-ai-2027.yaml'] as const;

/** The registry and the Zhejiang guideline, loaded under their repository paths. */
export function seedProject(): Project {
  const project = new Project();
  for (const file of SEED_FILES) project.setFile(file, readFileSync(join(ROOT, file), 'utf8'));
  return project;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (dist/cli.js, built by `node esbuild.config.js`) in the repository. */
export function runCli(args: string[], cwd = ROOT): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "node esbuild.config.js" first`);
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const isLegend = (id: string) => id.startsWith('legend');

/** The level of a graph, as far as its node ids go (strongest-links uses the documents view's ids). */
export type IdLevel = 'measures' | 'parts' | 'documents' | 'strongest-links';

/** Where a node stands: its block, its column (lead agencies, members, other agencies) and its index. */
export interface NodePlace {
  /** The block: "p<N>" (a part, with measures or their counts), "d<N>" (a document of the documents view). */
  block: string;
  role: 'lead' | 'member' | 'other';
  /**
   * With measures: a lead node's run (its k-th run of consecutive measures with one lead), or the
   * row (measure position in its part) of a measure or other-agencies node. Aggregated: the
   * agency's registry index (0 for the block's one member node).
   */
  index: number;
  /** With measures in an agency view: the node of a row's other agencies but the focus (p<N>c<i>x). */
  rest: boolean;
}

/**
 * Reads a node id of the graph (not the legend), written for the level: p<N>a<k> / p<N>m<i> / p<N>c<i>
 * and p<N>c<i>x (measures), p<N>a<k> / p<N>n / p<N>c<k> (parts), d<N>a<k> / d<N>n / d<N>c<k>
 * (documents, strongest links).
 */
export function placeOf(id: string, level: IdLevel): NodePlace | undefined {
  const roles: Record<string, NodePlace['role']> = { a: 'lead', m: 'member', n: 'member', c: 'other' };
  const pattern =
    level === 'measures' ? /^(p\d+)(?:(a|m)(\d+)|(c)(\d+)(x?))$/ : level === 'parts' ? /^(p\d+)(?:([ac])(\d+)|(n)())$/ : /^(d\d+)(?:([ac])(\d+)|(n)())$/;
  const m = pattern.exec(id);
  return m ? { block: m[1]!, role: roles[m[2] ?? m[4]!]!, index: Number(m[3] ?? m[5] ?? 0), rest: m[6] === 'x' } : undefined;
}

/** The place of a node id that must be one of the graph's; fails the test otherwise. */
export function placeOrFail(id: string, level: IdLevel): NodePlace {
  const place = placeOf(id, level);
  assert.ok(place, `${id} is not a node id of the ${level} view`);
  return place;
}

/** Node ids declared in the Mermaid text (`  id["…"]`), legend left out (subgraph headings are not nodes). */
export function declaredNodeIds(mermaid: string): string[] {
  return [...mermaid.matchAll(/^\s+([A-Za-z][\w]*)\["/gm)].map((m) => m[1]!).filter((id) => !isLegend(id));
}

/** Subgraphs declared in the Mermaid text (`  subgraph id["…"]`) with their labels as written, in order. */
export function declaredSubgraphs(mermaid: string): { id: string; label: string }[] {
  return [...mermaid.matchAll(/^\s+subgraph ([A-Za-z]\w*)\["([^"\n]*)"\]$/gm)].map((m) => ({ id: m[1]!, label: m[2]! }));
}

/** How an agency is tied to a measure (or, aggregated, to a part or document), told by the line. */
export type LineKind = 'lead' | 'co' | 'responsible';

/**
 * What each kind of line looks like once Mermaid 11 has drawn it (checked by rendering): `===` is
 * edge-thickness-thick and solid, `-.-` normal and dotted, `---` normal and solid; the colours and
 * widths come from the graph's linkStyle lines.
 */
export const LINE_STYLES: Record<LineKind, { arrow: string; thickness: string; pattern: string; stroke: string; width: string }> = {
  lead: { arrow: '===', thickness: 'thick', pattern: 'solid', stroke: 'rgb(47, 111, 214)', width: '3px' },
  co: { arrow: '-.-', thickness: 'normal', pattern: 'dotted', stroke: 'rgb(123, 135, 148)', width: '1.5px' },
  responsible: { arrow: '---', thickness: 'normal', pattern: 'solid', stroke: 'rgb(217, 72, 15)', width: '2px' },
};

const KIND_OF_ARROW = new Map(Object.entries(LINE_STYLES).map(([kind, style]) => [style.arrow, kind as LineKind]));

/** The kind of a rendered line, from its thickness and pattern; undefined for any other look. */
export function kindOfRendered(edge: { thickness: string; pattern: string }): LineKind | undefined {
  return (Object.keys(LINE_STYLES) as LineKind[]).find((kind) => LINE_STYLES[kind].thickness === edge.thickness && LINE_STYLES[kind].pattern === edge.pattern);
}

export interface DeclaredEdge {
  from: string;
  to: string;
  kind: LineKind;
  /** The label as written, entity codes decoded; "" when the link has none. */
  label: string;
}

/** Mermaid entity codes (`#60;`, as mermaidLabel writes them) back to their characters. */
export function decodeEntityCodes(text: string): string {
  return text.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

const LINK_LINE = /^\s+([A-Za-z]\w*) (===|-\.-|---)(?:\|([^|\n]*)\|)? ([A-Za-z]\w*)$/gm;

/** Links declared in the Mermaid text (`  a === b`, `  a -.- b`, `  a ---|x| b`), legend left out. */
export function declaredEdges(mermaid: string): DeclaredEdge[] {
  return [...mermaid.matchAll(LINK_LINE)]
    .map((m) => ({ from: m[1]!, to: m[4]!, kind: KIND_OF_ARROW.get(m[2]!)!, label: decodeEntityCodes(m[3] ?? '') }))
    .filter((edge) => !isLegend(edge.from) && !isLegend(edge.to));
}

/** Lines of the text that hold a link arrow (outside quoted labels) but that declaredEdges does not read. */
export function unreadLinkLines(mermaid: string): string[] {
  const read = new Set([...mermaid.matchAll(LINK_LINE)].map((m) => m[0]));
  return mermaid.split('\n').filter((line) => /--|==|-\.|~~/.test(line.replace(/"[^"]*"/g, '').replace(/\|[^|]*\|/g, '')) && !read.has(line));
}

/** A rendered edge's ends, from its data-id `L_<from>_<to>_<n>` (graph node ids hold no underscore). */
export function edgeEnds(dataId: string): { from: string; to: string } | undefined {
  const parts = dataId.split('_');
  if (parts.length !== 4 || parts[0] !== 'L' || !/^\d+$/.test(parts[3]!) || !parts[1] || !parts[2]) return undefined;
  return { from: parts[1], to: parts[2] };
}

/** Rendered nodes of the graph itself (legend left out). */
export function graphNodeIds(result: RenderResult): string[] {
  return result.nodeIds.filter((id) => !isLegend(id));
}

/** Rendered edges of the graph itself (legend left out). */
export function graphEdges(result: RenderResult): RenderResult['edges'] {
  return result.edges.filter((edge) => !edge.id.startsWith('L_legend_'));
}

/** Rendered edges of the legend. */
export function legendEdges(result: RenderResult): RenderResult['edges'] {
  return result.edges.filter((edge) => edge.id.startsWith('L_legend_'));
}

export const sorted = (items: Iterable<string>): string[] => [...items].sort();

/** Rendered edges as comparable strings "from->to <thickness> <pattern> label", sorted. */
export function renderedEdgeKeys(result: RenderResult): string[] {
  return sorted(
    graphEdges(result).map((edge) => {
      const ends = edgeEnds(edge.id);
      assert.ok(ends, `unexpected edge id ${edge.id}`);
      return `${ends.from}->${ends.to} ${edge.thickness} ${edge.pattern} ${edge.label}`;
    }),
  );
}

/** Declared edges in the same form, with the look Mermaid gives each arrow (LINE_STYLES). */
export function declaredEdgeKeys(mermaid: string): string[] {
  return sorted(declaredEdges(mermaid).map((edge) => `${edge.from}->${edge.to} ${LINE_STYLES[edge.kind].thickness} ${LINE_STYLES[edge.kind].pattern} ${edge.label}`));
}

/** Nothing went wrong in the page: no exception, console error, dialog, popup or request. */
export function assertQuiet(page: OfflinePage): void {
  assert.deepEqual(page.watch.pageErrors, [], 'page errors');
  assert.deepEqual(unexpectedConsoleErrors(page.watch), [], 'console errors');
  assert.deepEqual(page.watch.dialogs, [], 'dialogs');
  assert.deepEqual(page.watch.popups, [], 'popups');
  assert.deepEqual(page.blockedRequests, [], 'requests');
}

/** Evaluates a plain-JavaScript expression in the page (no tsx-compiled callback, see support/browser.ts). */
export function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

/** What the SVG under `root` contains that could run script or navigate. */
export interface ActiveContent {
  /** img, script, iframe, object, embed, a, foreignObject>…>link/meta/base/style elements other than Mermaid's one <style>. */
  dangerousElements: string[];
  /** Attributes named on* anywhere under root, as "tag@name". */
  handlers: string[];
  /** href / xlink:href / src / action values that use javascript:, data: or vbscript:. */
  scriptUrls: string[];
  /** Elements with class clickable (Mermaid's `click` statements). */
  clickable: number;
}

export function activeContent(page: Page, root: string): Promise<ActiveContent> {
  return inPage<ActiveContent>(
    page,
    `(() => {
      const root = document.querySelector(${JSON.stringify(root)});
      const all = root ? [root, ...root.querySelectorAll('*')] : [];
      const dangerousElements = [];
      const handlers = [];
      const scriptUrls = [];
      let styles = 0;
      for (const el of all) {
        const tag = el.localName;
        if (['img', 'image', 'script', 'iframe', 'object', 'embed', 'a', 'link', 'meta', 'base', 'form', 'audio', 'video', 'use'].includes(tag)) dangerousElements.push(tag);
        if (tag === 'style' && ++styles > 1) dangerousElements.push('style');
        for (const attr of el.attributes) {
          const name = attr.name.toLowerCase();
          if (name.startsWith('on')) handlers.push(tag + '@' + name);
          if (['href', 'xlink:href', 'src', 'action', 'formaction'].includes(name) && /^\\s*(javascript|data|vbscript):/i.test(attr.value)) scriptUrls.push(tag + '@' + name + '=' + attr.value);
        }
      }
      return { dangerousElements, handlers, scriptUrls, clickable: root ? root.querySelectorAll('.clickable').length : 0 };
    })()`,
  );
}

/** Computed fill of each rendered node's shape, keyed by node id (ids recovered as in the harness). */
export function nodeFills(page: Page, root: string): Promise<Record<string, string>> {
  return inPage<Record<string, string>>(
    page,
    `(() => {
      const fills = {};
      for (const node of document.querySelectorAll(${JSON.stringify(`${root} g.node`)})) {
        const m = /flowchart-(.+)-\\d+$/.exec(node.id);
        const shape = node.querySelector(':scope > .label-container, :scope > rect, :scope > path, :scope > polygon');
        if (m && shape) fills[m[1]] = getComputedStyle(shape).fill;
      }
      return fills;
    })()`,
  );
}

/** The one <style> element Mermaid puts at the start of its SVG. */
export function svgStyle(svg: string): string {
  const match = /<style>([\s\S]*?)<\/style>/.exec(svg);
  assert.ok(match, 'the SVG has a <style> element');
  return match[1]!;
}

/**
 * The lines of each rendered node's label, keyed by node id: the label's text split at its <br>
 * elements (a node of several agencies shows one name per line; textContent runs them together).
 */
export function nodeLines(page: Page, root: string): Promise<Record<string, string[]>> {
  return inPage<Record<string, string[]>>(
    page,
    `(() => {
      const out = {};
      for (const node of document.querySelectorAll(${JSON.stringify(`${root} g.node`)})) {
        const m = /flowchart-(.+)-\\d+$/.exec(node.id);
        const label = node.querySelector(':scope > g.label');
        if (!m || !label) continue;
        const lines = [''];
        const walker = document.createTreeWalker(label, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.nodeType === Node.TEXT_NODE) lines[lines.length - 1] += n.data;
          else if (n.localName === 'br') lines.push('');
        }
        out[m[1]] = lines.map((line) => line.trim());
      }
      return out;
    })()`,
  );
}

/**
 * The markup of each rendered node's label, keyed by node id: every element under it, by tag name in
 * document order, and what the element holding the text holds, in order ("text" for a text node, a
 * tag name otherwise). Names one per line hold text, br, text … br, text and nothing else.
 */
export function labelMarkup(page: Page, root: string): Promise<Record<string, { elements: string[]; content: string[] }>> {
  return inPage<Record<string, { elements: string[]; content: string[] }>>(
    page,
    `(() => {
      const out = {};
      for (const node of document.querySelectorAll(${JSON.stringify(`${root} g.node`)})) {
        const m = /flowchart-(.+)-\\d+$/.exec(node.id);
        const label = node.querySelector(':scope > g.label');
        if (!m || !label) continue;
        const holder = label.querySelector('.nodeLabel > p') || label.querySelector('.nodeLabel') || label;
        out[m[1]] = {
          elements: [...label.querySelectorAll('*')].map((el) => el.localName),
          content: [...holder.childNodes].map((child) => (child.nodeType === Node.TEXT_NODE ? 'text' : child.localName || '#' + child.nodeType)),
        };
      }
      return out;
    })()`,
  );
}

/** Number of <br> elements in each rendered node's label, keyed by node id. */
export function nodeBreaks(page: Page, root: string): Promise<Record<string, number>> {
  return inPage<Record<string, number>>(
    page,
    `Object.fromEntries([...document.querySelectorAll(${JSON.stringify(`${root} g.node`)})].map((n) => [/flowchart-(.+)-\\d+$/.exec(n.id)?.[1] ?? n.id, n.querySelectorAll('br').length]))`,
  );
}

/** What a rendered edge path looks like: computed stroke colour, width, whether dashed, whether it ends in an arrowhead. */
export interface EdgeStroke {
  stroke: string;
  width: string;
  dashed: boolean;
  arrowhead: boolean;
}

/** The computed stroke of each rendered edge path, keyed by data-id. */
export function edgeStrokes(page: Page, root: string): Promise<Record<string, EdgeStroke>> {
  return inPage<Record<string, EdgeStroke>>(
    page,
    `(() => {
      const out = {};
      for (const path of document.querySelectorAll(${JSON.stringify(`${root} g.edgePaths > path`)})) {
        const style = getComputedStyle(path);
        out[path.getAttribute('data-id')] = { stroke: style.stroke, width: style.strokeWidth, dashed: style.strokeDasharray !== 'none' && !/^0(px)?$/.test(style.strokeDasharray), arrowhead: path.hasAttribute('marker-end') || path.hasAttribute('marker-start') };
      }
      return out;
    })()`,
  );
}

/** Fills the graph's classDefs give each node, by role (the legend's boxes use the same classes). */
export const FILLS = {
  agency: 'rgb(231, 240, 255)',
  focus: 'rgb(28, 79, 156)',
  measure: 'rgb(255, 255, 255)',
  part: 'rgb(248, 249, 250)',
  noLead: 'rgb(255, 244, 230)',
} as const;

/** One agency's tie to one member, read from a drawn line and the names of its agency node. */
export interface DrawnTie {
  agency: string;
  /** The member node (measure, part or document). */
  member: string;
  kind: LineKind;
  /** The line's label ("" at measure level). */
  label: string;
  /** The line it was read from (its data-id). */
  line: string;
}

/**
 * Every agency-member tie the rendered graph shows: each line between an agency node and a member,
 * once per name the agency node shows (its label's lines). The agency is the line's left end for a
 * lead (agency === member) and its right end otherwise (member -.- agency), as the design writes them.
 */
export function drawnTies(result: RenderResult, lines: Record<string, string[]>, level: IdLevel): DrawnTie[] {
  const ties: DrawnTie[] = [];
  for (const edge of graphEdges(result)) {
    const ends = edgeEnds(edge.id);
    assert.ok(ends, `unexpected edge id ${edge.id}`);
    const from = placeOrFail(ends.from, level);
    const to = placeOrFail(ends.to, level);
    const kind = kindOfRendered(edge);
    assert.ok(kind, `${edge.id} is drawn ${edge.thickness} ${edge.pattern}, which no line kind is`);
    assert.equal(from.block, to.block, `${edge.id} leaves its block`);
    if (kind === 'lead') assert.deepEqual([from.role, to.role], ['lead', 'member'], `${edge.id}: a lead line runs from a lead agency (left) to a member`);
    else assert.deepEqual([from.role, to.role], ['member', 'other'], `${edge.id}: a ${kind} line runs from a member to an agency on the right`);
    const agencyNode = kind === 'lead' ? ends.from : ends.to;
    const member = kind === 'lead' ? ends.to : ends.from;
    const names = lines[agencyNode];
    assert.ok(names && names.length > 0, `${agencyNode} has no label`);
    for (const agency of names) ties.push({ agency, member, kind, label: edge.label, line: edge.id });
  }
  return ties;
}

// ---------------------------------------------------------------------------------------------
// The measure-level graph checked against the measures it should show, from the rendered SVG.

/** A graph as Chromium drew it: Mermaid's output read back, label lines, strokes, fills and boxes. */
export interface GraphView {
  result: RenderResult;
  lines: Record<string, string[]>;
  breaks: Record<string, number>;
  strokes: Record<string, EdgeStroke>;
  fills: Record<string, string>;
  layout: DrawnBoxes;
}

/** Where each node and box of the graph (legend left out) is drawn, in page pixels. */
export interface DrawnBoxes {
  nodes: PlacedBox[];
  clusters: PlacedBox[];
}

/** The drawn boxes of the graph's nodes and subgraphs under `root` (as support/graph-layout measures them, without its costly crossing count). */
export function drawnBoxes(page: Page, root: string, renderId = 'tm-graph'): Promise<DrawnBoxes> {
  return inPage<DrawnBoxes>(
    page,
    `(() => {
      const svg = document.querySelector(${JSON.stringify(`${root} svg`)});
      const box = (el, id) => { const r = el.getBoundingClientRect(); return { id, x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width, height: r.height, label: (el.querySelector('.label, .cluster-label, .nodeLabel') || el).textContent.trim() }; };
      const nodes = [];
      for (const node of svg.querySelectorAll('g.node')) {
        const m = /flowchart-(.+)-\\d+$/.exec(node.id);
        if (m && !/^legend/.test(m[1])) nodes.push(box(node, m[1]));
      }
      const clusters = [];
      const prefix = ${JSON.stringify(`${renderId}-`)};
      for (const cluster of svg.querySelectorAll('g.cluster')) {
        const id = cluster.id.startsWith(prefix) ? cluster.id.slice(prefix.length) : cluster.id;
        if (!/^legend/.test(id)) clusters.push(box(cluster, id));
      }
      return { nodes, clusters };
    })()`,
  );
}

/** Renders the text in the page's #tm-output and reads everything the checks below need. */
export async function viewGraph(page: Page, mermaid: string, settleMs?: number): Promise<GraphView> {
  const result = await renderMermaid(page, mermaid, {}, settleMs === undefined ? {} : { settleMs });
  assert.equal(result.ok, true, result.error);
  return readView(page, result);
}

/** Reads the rendered graph currently in #tm-output. */
export async function readView(page: Page, result: RenderResult): Promise<GraphView> {
  const root = '#tm-output';
  return { result, lines: await nodeLines(page, root), breaks: await nodeBreaks(page, root), strokes: await edgeStrokes(page, root), fills: await nodeFills(page, root), layout: await drawnBoxes(page, root) };
}

/** What a measure-level graph must show: the measures (in document order), their parts' titles, the focus agency. */
export interface ExpectedGraph {
  measures: MatrixMeasure[];
  /** Part titles keyed `<document>\u0000<chapter id>`. */
  titles: Map<string, string>;
  focus?: string;
}

/** The measure id at the start of a measure node's label ("4.2 赋能实体经济高质量发展"). */
export const measureIdOf = (label: string) => label.split(' ')[0]!;

/** The agencies a measure names, and how: its lead, then the others (co-responsible, or responsible without a lead). */
export function tiesOf(m: MatrixMeasure): { agency: string; kind: LineKind }[] {
  return [...(m.lead ? [{ agency: m.lead, kind: 'lead' as const }] : []), ...m.co.map((agency) => ({ agency, kind: m.noLead ? ('responsible' as const) : ('co' as const) }))];
}

/** The parts of the expected measures, in document order, each with its expected box heading. */
export function expectedParts(expected: ExpectedGraph): { heading: string; measures: MatrixMeasure[] }[] {
  const multiple = new Set(expected.measures.map((m) => m.document)).size > 1;
  const parts = new Map<string, { heading: string; measures: MatrixMeasure[] }>();
  for (const m of expected.measures) {
    const key = `${m.document}\u0000${m.chapter}`;
    let part = parts.get(key);
    if (!part) parts.set(key, (part = { heading: displayed(`${multiple ? `${m.document} · ` : ''}${m.chapter} ${expected.titles.get(key) ?? ''}`, 60), measures: [] }));
    part.measures.push(m);
  }
  return [...parts.values()];
}

/** The agency nodes of a part's rows, ids without the block prefix (p<N>). */
export interface ExpectedRows {
  /** One node per run of consecutive measures with the same lead: a<k>, its name and the rows it leads. */
  leads: { node: string; name: string; rows: number[] }[];
  /**
   * Per measure naming others: c<i> with all of them, in the matrix's order; in an agency view the
   * focus agency alone in c<i> and the rest in c<i>x.
   */
  others: { node: string; row: number; names: string[]; kind: LineKind }[];
}

/** The rows of a part's measures, computed from the measures alone (see ExpectedRows). */
export function expectedRows(measures: MatrixMeasure[], focus?: string): ExpectedRows {
  const rows: ExpectedRows = { leads: [], others: [] };
  measures.forEach((m, i) => {
    const last = rows.leads.at(-1);
    if (m.lead && last?.name === m.lead && last.rows.at(-1) === i - 1) last.rows.push(i);
    else if (m.lead) rows.leads.push({ node: `a${rows.leads.length}`, name: m.lead, rows: [i] });
    const kind = m.noLead ? 'responsible' : 'co';
    const rest = m.co.filter((name) => name !== focus);
    if (rest.length < m.co.length) rows.others.push({ node: `c${i}`, row: i, names: [focus!], kind });
    if (rest.length) rows.others.push({ node: `c${i}${rest.length < m.co.length ? 'x' : ''}`, row: i, names: rest, kind });
  });
  return rows;
}

const isColumn = (id: string) => /^col\d+$/.test(id);
const within = (inner: PlacedBox, outer: PlacedBox, slack = 1) =>
  inner.x - inner.width / 2 >= outer.x - outer.width / 2 - slack &&
  inner.x + inner.width / 2 <= outer.x + outer.width / 2 + slack &&
  inner.y - inner.height / 2 >= outer.y - outer.height / 2 - slack &&
  inner.y + inner.height / 2 <= outer.y + outer.height / 2 + slack;
const overlap = (a: PlacedBox, b: PlacedBox) =>
  Math.min(a.x + a.width / 2, b.x + b.width / 2) - Math.max(a.x - a.width / 2, b.x - b.width / 2) > 1 &&
  Math.min(a.y + a.height / 2, b.y + b.height / 2) - Math.max(a.y - a.height / 2, b.y - b.height / 2) > 1;

/** The line kinds the legend explains, in order: those drawn; with no line drawn, 牵头 and 配合. */
function legendKinds(result: RenderResult): LineKind[] {
  const kinds = new Set(graphEdges(result).map((edge) => kindOfRendered(edge)));
  return (['lead', 'co', 'responsible'] as const).filter((kind) => (kinds.size ? kinds.has(kind) : kind !== 'responsible'));
}

/**
 * In the aggregated views, agencies tied alike share a node of at most this many names
 * (ownership-graph.ts); more make another node. A measure's other-agencies node has no such cap.
 */
export const MAX_NAMES_PER_NODE = 8;

/**
 * Aggregated views: agencies tied alike are merged. Given each agency node's column (block and side), its ties
 * ("member:kind:label" each) and its names, no node has more than MAX_NAMES_PER_NODE names, and
 * of the nodes of one column with the same ties all but one are full.
 */
export function assertMergedAlike(nodes: { id: string; column: string; ties: string[]; names: string[] }[]): void {
  const alike = new Map<string, { id: string; names: string[] }[]>();
  for (const node of nodes) {
    assert.ok(node.names.length >= 1 && node.names.length <= MAX_NAMES_PER_NODE, `${node.id} has ${node.names.length} names`);
    const key = `${node.column} ${sorted(node.ties).join(' ')}`;
    alike.set(key, [...(alike.get(key) ?? []), node]);
  }
  for (const group of alike.values()) {
    const partial = group.filter((node) => node.names.length < MAX_NAMES_PER_NODE);
    assert.ok(partial.length <= 1, `${group.map((node) => node.id).join(', ')} are tied alike but drawn apart`);
  }
}

/**
 * Nodes: drawn exactly as declared, once each, all with ids of the measures view, as many as
 * graph.nodeCount; the model's measure and agency nodes are the ones drawn; the legend has one
 * agency box per line style drawn, a measure box and a no-lead box.
 */
export function assertMeasureNodes(graph: OwnershipGraph, view: GraphView): void {
  const { result } = view;
  const rendered = graphNodeIds(result);
  assert.deepEqual(sorted(rendered), sorted(declaredNodeIds(graph.mermaid)));
  assert.equal(new Set(rendered).size, rendered.length, 'no node drawn twice');
  assert.equal(rendered.length, graph.nodeCount);
  const places = new Map(rendered.map((id) => [id, placeOrFail(id, 'measures')]));
  assert.deepEqual(sorted(rendered.filter((id) => places.get(id)!.role === 'member')), sorted(Object.keys(graph.measureNodes)));
  assert.deepEqual(sorted(rendered.filter((id) => places.get(id)!.role !== 'member')), sorted(Object.keys(graph.agencyNodes)));
  const legend = result.nodeIds.filter(isLegend);
  assert.deepEqual(sorted(legend), sorted([...legendKinds(result).map((_, i) => `legend_agency${i}`), 'legend_measure', 'legend_nolead']));
  assert.equal(result.nodeText.legend_measure, '措施 measure');
  assert.equal(result.nodeText.legend_nolead, '无牵头单位 no lead');
}

/**
 * Blocks: one box p<i> per part in document order, headed "<chapter> <title>"; in it a row per
 * measure: the measure p<i>m<j> labelled "<id> <title>"; on the left its lead, one node p<i>a<k>
 * per run of consecutive measures with the same lead (so an agency may lead from several nodes);
 * on the right one node p<i>c<j> of all its other agencies in the matrix's order (in an agency view
 * the focus agency alone in p<i>c<j>, the rest in p<i>c<j>x), one name per label line. As drawn:
 * every node inside its part's box, the boxes apart, leads left of their measures and others right,
 * and each column top to bottom in row order. Returns the expected measure of each measure node.
 */
export function assertMeasureBlocks(graph: OwnershipGraph, view: GraphView, expected: ExpectedGraph): Map<string, MatrixMeasure> {
  const { result, lines, breaks, layout } = view;
  const parts = expectedParts(expected);
  const boxes = result.subgraphs.filter((s) => s.id !== 'legend' && !isColumn(s.id));
  assert.deepEqual(result.subgraphs.filter((s) => s.empty), [], 'no empty subgraph');
  assert.deepEqual(sorted(boxes.map((s) => s.id)), sorted(parts.map((_, i) => `p${i}`)), 'one box per part');
  const measureOf = new Map<string, MatrixMeasure>();
  const nodes = graphNodeIds(result);
  const drawn = new Map(layout.nodes.map((n) => [n.id, n]));
  assert.deepEqual(sorted(drawn.keys()), sorted(nodes), 'every node has a drawn box');
  const shown = (names: string[]) => names.map((name) => displayed(name, 40).trim());
  parts.forEach((part, i) => {
    const block = `p${i}`;
    assert.equal(boxes.find((s) => s.id === block)!.label, part.heading, `heading of ${block}`);
    const inBlock = nodes.filter((id) => placeOrFail(id, 'measures').block === block);
    const column = (role: NodePlace['role']) =>
      inBlock.filter((id) => placeOrFail(id, 'measures').role === role).sort((a, b) => placeOrFail(a, 'measures').index - placeOrFail(b, 'measures').index || Number(placeOrFail(a, 'measures').rest) - Number(placeOrFail(b, 'measures').rest));
    const members = column('member');
    assert.deepEqual(members, part.measures.map((_, j) => `${block}m${j}`), `measures of ${block}, in order`);
    members.forEach((id, j) => {
      const m = part.measures[j]!;
      measureOf.set(id, m);
      assert.equal(result.nodeText[id], displayed(`${m.id} ${m.title}`, 40), `label of ${id}`);
      assert.deepEqual(lines[id], [displayed(`${m.id} ${m.title}`, 40).trim()], `${id} is one line`);
      assert.equal(breaks[id], 0);
      assert.equal(graph.measureNodes[id]?.id, m.id);
    });
    const rows = expectedRows(part.measures, expected.focus);
    const leads = column('lead');
    assert.deepEqual(leads, rows.leads.map((run) => `${block}${run.node}`), `${block}: a lead node per run of consecutive measures with one lead, in order`);
    assert.deepEqual(leads.map((id) => lines[id]), rows.leads.map((run) => shown([run.name])), `${block}: the lead of each run`);
    const others = column('other');
    assert.deepEqual(others, rows.others.map((other) => `${block}${other.node}`), `${block}: a node of the other agencies per measure naming any`);
    assert.deepEqual(others.map((id) => lines[id]), rows.others.map((other) => shown(other.names)), `${block}: each measure's other agencies, all of them, in order`);

    // As drawn: each column top to bottom in row order, and every row reads left to right.
    const topDown = (ids: string[]) => [...ids].sort((a, b) => drawn.get(a)!.y - drawn.get(b)!.y);
    const rowOf = (id: string) => placeOrFail(id, 'measures').index;
    assert.deepEqual(topDown(members), members, `${block}: measures drawn top to bottom in document order`);
    assert.deepEqual(topDown(leads), leads, `${block}: lead nodes drawn top to bottom in order`);
    const otherRows = topDown(others).map(rowOf);
    assert.deepEqual(otherRows, [...otherRows].sort((a, b) => a - b), `${block}: other agencies drawn top to bottom in row order`);
    const leftOf = (left: string, right: string) => {
      const [l, r] = [drawn.get(left)!, drawn.get(right)!];
      assert.ok(l.x + l.width / 2 <= r.x - r.width / 2 + 1, `${left} is not drawn left of ${right}`);
    };
    rows.leads.forEach((run) => run.rows.forEach((row) => leftOf(`${block}${run.node}`, `${block}m${row}`)));
    rows.others.forEach((other) => leftOf(`${block}m${other.row}`, `${block}${other.node}`));
  });
  // Agency nodes: one name per line, the model's names in order; the text is the names run together.
  for (const [id, names] of Object.entries(graph.agencyNodes)) {
    const want = names.map((name) => displayed(name, 40).trim());
    assert.deepEqual(lines[id], want, `lines of ${id}`);
    assert.equal(breaks[id], names.length - 1, `<br> elements in ${id}`);
    assert.equal(result.nodeText[id], names.map((name) => displayed(name, 40)).join('').trim(), `text of ${id}`);
  }
  // Every node inside its part's box; part boxes apart from each other.
  assert.deepEqual(sorted(layout.clusters.filter((c) => !isColumn(c.id)).map((c) => c.id)), sorted(parts.map((_, i) => `p${i}`)));
  const clusterBox = new Map(layout.clusters.map((c) => [c.id, c]));
  for (const node of layout.nodes) {
    const box = clusterBox.get(placeOrFail(node.id, 'measures').block);
    assert.ok(box, `no box for ${node.id}`);
    assert.ok(within(node, box), `${node.id} ${JSON.stringify(node)} is drawn outside its box ${JSON.stringify(box)}`);
  }
  const partBoxes = layout.clusters.filter((c) => !isColumn(c.id));
  for (let i = 0; i < partBoxes.length; i++) for (let j = i + 1; j < partBoxes.length; j++) assert.ok(!overlap(partBoxes[i]!, partBoxes[j]!), `boxes ${partBoxes[i]!.id} and ${partBoxes[j]!.id} overlap`);
  return measureOf;
}

/** Blocks wrap into at most this many columns (ownership-graph.ts). */
export const MAX_COLUMNS = 2;

/**
 * Columns of blocks: `flowchart LR` and no column boxes, or `flowchart TB` with 2 (MAX_COLUMNS) invisible
 * column boxes col0, col1…, drawn left to right, each holding the next parts in document order.
 */
export function assertColumns(graph: OwnershipGraph, view: GraphView): number {
  const lines = graph.mermaid.split('\n');
  assert.match(lines[0]!, /^%%\{init: \{"flowchart": \{.*\}\}\}%%$/, 'a directive first');
  assert.match(lines[1]!, /^flowchart (LR|TB)$/);
  const columns = declaredSubgraphs(graph.mermaid).filter((s) => isColumn(s.id));
  const drawn = view.layout.clusters.filter((c) => isColumn(c.id));
  assert.deepEqual(sorted(drawn.map((c) => c.id)), sorted(columns.map((c) => c.id)));
  if (lines[1] === 'flowchart LR') {
    assert.deepEqual(columns, []);
    return 1;
  }
  assert.ok(columns.length >= 2 && columns.length <= MAX_COLUMNS, `${columns.length} columns`);
  for (const c of columns) assert.equal(c.label, ' ', `${c.id} has no heading`);
  const byIndex = drawn.sort((a, b) => Number(a.id.slice(3)) - Number(b.id.slice(3)));
  assert.deepEqual(byIndex.map((c) => c.id), columns.map((_, i) => `col${i}`));
  for (let i = 1; i < byIndex.length; i++) {
    const left = byIndex[i - 1]!;
    const right = byIndex[i]!;
    assert.ok(left.x + left.width / 2 <= right.x - right.width / 2 + 1, `${left.id} is not left of ${right.id}`);
  }
  // Each part box in exactly one column; the columns hold consecutive parts, in order.
  const columnOf = view.layout.clusters.filter((c) => !isColumn(c.id)).map((part) => {
    const holders = byIndex.filter((column) => within(part, column));
    assert.equal(holders.length, 1, `${part.id} lies in ${holders.length} columns`);
    return { part: Number(part.id.slice(1)), column: Number(holders[0]!.id.slice(3)) };
  });
  columnOf.sort((a, b) => a.part - b.part);
  for (let i = 1; i < columnOf.length; i++) assert.ok(columnOf[i]!.column >= columnOf[i - 1]!.column, `p${columnOf[i]!.part} is in a column before p${columnOf[i - 1]!.part}'s`);
  assert.deepEqual([...new Set(columnOf.map((c) => c.column))], byIndex.map((_, i) => i), 'no column empty');
  return columns.length;
}

/**
 * Lines: drawn exactly as declared, graph.edgeCount of them plus one legend line per kind drawn,
 * none labelled; read back as ties (each line once per name of its agency node) they are exactly
 * the ties of the expected measures, so each agency mention is drawn by exactly one line. Each line
 * stays in its row: a lead node joins exactly the measures of its run, a measure's other agencies
 * node joins that measure alone (the focus agency alone in its node); the text writes them row by row.
 */
export function assertMeasureTies(graph: OwnershipGraph, view: GraphView, expected: ExpectedGraph, measureOf: Map<string, MatrixMeasure>): DrawnTie[] {
  const { result, lines } = view;
  assert.deepEqual(unreadLinkLines(graph.mermaid).filter((line) => !/legend_/.test(line)), []);
  assert.deepEqual(renderedEdgeKeys(result), declaredEdgeKeys(graph.mermaid));
  assert.equal(graphEdges(result).length, graph.edgeCount);
  assert.equal(result.edgeCount, graph.edgeCount + legendKinds(result).length, 'plus the legend\'s lines');
  for (const edge of graphEdges(result)) assert.equal(edge.label, '', `${edge.id} is labelled`);
  const ties = drawnTies(result, lines, 'measures');
  const key = (agency: string, measure: string, kind: LineKind) => `${agency}\t${measure}\t${kind}`;
  assert.deepEqual(
    sorted(ties.map((tie) => key(tie.agency, measureOf.get(tie.member)!.id, tie.kind))),
    sorted(expected.measures.flatMap((m) => tiesOf(m).map((tie) => key(displayed(tie.agency, 40).trim(), m.id, tie.kind)))),
    'the ties drawn are the ties of the measures',
  );
  // The lines by their ends: exactly those of the rows, one per lead run and measure, one per other-agencies node.
  const rowLines = expectedParts(expected).flatMap((part, p) => {
    const rows = expectedRows(part.measures, expected.focus);
    return [
      ...rows.leads.flatMap((run) => run.rows.map((row) => `p${p}${run.node} -> p${p}m${row} lead`)),
      ...rows.others.map((other) => `p${p}m${other.row} -> p${p}${other.node} ${other.kind}`),
    ];
  });
  const ends = graphEdges(result).map((edge) => {
    const { from, to } = edgeEnds(edge.id)!;
    return `${from} -> ${to} ${kindOfRendered(edge)}`;
  });
  assert.deepEqual(sorted(ends), sorted(rowLines), 'each line in its row: a lead node to the measures of its run, a measure to its other agencies');
  assert.deepEqual(sorted(new Set(graphEdges(result).flatMap((edge) => Object.values(edgeEnds(edge.id)!)).filter((id) => placeOrFail(id, 'measures').role !== 'member'))), sorted(Object.keys(graph.agencyNodes)), 'every agency node has a line');
  if (expected.focus !== undefined) {
    const focus = displayed(expected.focus, 40);
    for (const [node, names] of Object.entries(lines)) if (!isLegend(node) && names.includes(focus) && placeOrFail(node, 'measures').role !== 'member') assert.deepEqual(names, [focus], `the focus agency has a node of its own: ${node}`);
  }
  // Written row by row, as dagre keeps the order it is given when no lines cross.
  const declared = declaredEdges(graph.mermaid);
  for (const block of new Set(declared.map((edge) => placeOrFail(edge.from, 'measures').block))) {
    const rows = declared.filter((edge) => placeOrFail(edge.from, 'measures').block === block).map((edge) => placeOrFail(edge.kind === 'lead' ? edge.to : edge.from, 'measures').index);
    assert.deepEqual(rows, [...rows].sort((a, b) => a - b), `${block}: lines written row by row`);
  }
  // A measure with a lead has exactly one lead line; one without has none.
  for (const [node, m] of measureOf) assert.equal(ties.filter((tie) => tie.member === node && tie.kind === 'lead').length, m.lead ? 1 : 0, `lead lines of ${m.id}`);
  return ties;
}

const LEGEND_TEXT: Record<LineKind, string> = { lead: '牵头 lead', co: '配合 co-responsible', responsible: '负责 responsible, no lead' };

/**
 * Line styles: every line drawn with its kind's look (thickness, pattern, colour, width — so the
 * linkStyle indexes hit the right lines); the legend draws one labelled line per kind drawn, and
 * none for a kind not drawn, each in the same style as the graph's lines of that kind.
 */
export function assertLineStyles(view: GraphView): void {
  const { result, strokes } = view;
  for (const edge of graphEdges(result)) {
    const kind = kindOfRendered(edge);
    assert.ok(kind, `${edge.id}: ${edge.thickness} ${edge.pattern}`);
    const style = LINE_STYLES[kind];
    assert.deepEqual(strokes[edge.id], { stroke: style.stroke, width: style.width, dashed: kind === 'co', arrowhead: false }, `stroke of ${edge.id} (${kind})`);
  }
  const legend = legendEdges(result);
  const kinds = legendKinds(result);
  assert.deepEqual(
    legend.map((edge) => [edge.id, edge.label, kindOfRendered(edge)]),
    kinds.map((kind, i) => [`L_legend_agency${i}_legend_${kind === 'responsible' ? 'nolead' : 'measure'}_0`, LEGEND_TEXT[kind], kind]),
    'the legend explains each line style drawn, and only those',
  );
  for (const edge of legend) {
    const style = LINE_STYLES[kindOfRendered(edge)!];
    assert.deepEqual(strokes[edge.id], { stroke: style.stroke, width: style.width, dashed: kindOfRendered(edge) === 'co', arrowhead: false }, `stroke of ${edge.id}`);
  }
}

/**
 * No-lead marking and fills: the noLead class exactly on graph.noLeadNodeIds, which are exactly the
 * measures without a lead; agency nodes in class agency (the focus agency in class focus instead),
 * measures in class measure; each node drawn with its class's fill, the legend's boxes too.
 */
export function assertNoLeadAndFills(graph: OwnershipGraph, view: GraphView, measureOf: Map<string, MatrixMeasure>, focus?: string): void {
  const { result, fills, lines } = view;
  const nodes = graphNodeIds(result);
  const withClass = nodes.filter((id) => result.nodeClasses[id]!.includes('noLead'));
  assert.deepEqual(sorted(withClass), sorted(graph.noLeadNodeIds));
  assert.deepEqual(sorted(withClass), sorted([...measureOf].filter(([, m]) => m.noLead).map(([id]) => id)));
  for (const id of nodes) {
    const place = placeOrFail(id, 'measures');
    const classes = result.nodeClasses[id]!.filter((c) => !['node', 'default'].includes(c));
    const isFocus = focus !== undefined && lines[id]!.includes(displayed(focus, 40));
    const cls = place.role === 'member' ? (measureOf.get(id)!.noLead ? 'noLead' : 'measure') : isFocus ? 'focus' : 'agency';
    assert.deepEqual(classes, [cls], `classes of ${id}`);
    assert.equal(fills[id], FILLS[cls], `fill of ${id} (${result.nodeText[id]})`);
  }
  for (const id of result.nodeIds.filter(isLegend)) assert.equal(fills[id], id === 'legend_nolead' ? FILLS.noLead : id === 'legend_measure' ? FILLS.measure : FILLS.agency, `fill of ${id}`);
}
