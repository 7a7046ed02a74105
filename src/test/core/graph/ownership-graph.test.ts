// The ownership graph as Mermaid text (issue 13): one box per part, a row per measure in document
// order (its lead left, its other agencies in one node right; aggregated views merge agencies tied
// alike), line styles instead of edge labels, blocks wrapped into columns, a legend. The text is parsed here with small regular
// expressions of its own, and every statement the text holds must be one this parser knows.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMatrix, buildOwnershipGraph, GraphFilterError, MERMAID_LIMITS, ownershipGraphOf, Project } from '../../../core/index';
import type { Matrix, MatrixMeasure, OwnershipGraph } from '../../../core/index';
import { seededRandom } from '../../../bench/generate-corpus';

const root = join(__dirname, '..', '..', '..', '..');
const SEED = 'tasks/zj-ai-2027.yaml';
const NO_LEAD = ['4.2', '4.3', '4.4', '7.1'];

function seed(): Project {
  const project = new Project();
  for (const file of ['tasks/agencies.yaml', SEED]) project.setFile(file, readFileSync(join(root, file), 'utf8'));
  return project;
}

// ---- A parser of the graph text ----

type Arrow = '===' | '-.-' | '---';
type Kind = 'lead' | 'co' | 'responsible';
const KIND: Record<Arrow, Kind> = { '===': 'lead', '-.-': 'co', '---': 'responsible' };

interface Subgraph {
  id: string;
  label: string;
  /** The subgraph it is written in, if any. */
  parent: string | undefined;
  /** Line number of `subgraph …` and of its `end`. */
  start: number;
  end: number;
  direction: string | undefined;
  /** Nodes declared directly inside, in the order written. */
  nodes: string[];
}

interface Link {
  from: string;
  arrow: Arrow;
  /** Decoded; undefined when the line has none. */
  label: string | undefined;
  to: string;
  /** Mermaid's number of the link: its place among all links of the text. */
  index: number;
}

interface Parsed {
  init: { flowchart?: Record<string, unknown> };
  direction: 'LR' | 'TB';
  subgraphs: Subgraph[];
  /** Node id → raw label (entity codes left in). */
  nodes: Map<string, string>;
  /** Node id → the subgraph it is declared in. */
  parentOf: Map<string, string | undefined>;
  links: Link[];
  linkStyles: Map<number, string>;
  classes: Map<string, string[]>;
  classDefs: Set<string>;
  styles: Map<string, string>;
}

/** Mermaid entity codes (`#46;`) back to characters; the invisible word joiner kept after ﬂ and ¶ dropped. */
function decode(text: string): string {
  return text.replace(/#(\d+);/g, (_w, code: string) => String.fromCodePoint(Number(code))).replace(/([ﬂ¶])\u2060/g, '$1');
}

function parse(text: string): Parsed {
  assert.ok(text.endsWith('\n'), 'the text ends with a line break');
  const all = text.slice(0, -1).split('\n');
  const init = /^%%\{init: (\{.*\})\}%%$/.exec(all[0]!);
  assert.ok(init, `first line is an init directive: ${all[0]}`);
  const flowchart = /^flowchart (LR|TB)$/.exec(all[1]!);
  assert.ok(flowchart, `second line is the flowchart: ${all[1]}`);
  const parsed: Parsed = {
    init: JSON.parse(init[1]!) as Parsed['init'],
    direction: flowchart[1] as 'LR' | 'TB',
    subgraphs: [],
    nodes: new Map(),
    parentOf: new Map(),
    links: [],
    linkStyles: new Map(),
    classes: new Map(),
    classDefs: new Set(),
    styles: new Map(),
  };
  const open: Subgraph[] = [];
  all.slice(2).forEach((line, offset) => {
    const number = offset + 2;
    let m: RegExpExecArray | null;
    if ((m = /^\s+classDef (\w+) [\w#:.,-]+(?: [\w#:.,-]+)*$/.exec(line))) parsed.classDefs.add(m[1]!);
    else if ((m = /^\s+subgraph (\w+)\["([^"]*)"\]$/.exec(line))) {
      const subgraph: Subgraph = { id: m[1]!, label: decode(m[2]!), parent: open.at(-1)?.id, start: number, end: -1, direction: undefined, nodes: [] };
      assert.ok(!parsed.subgraphs.some((s) => s.id === subgraph.id), `subgraph ${subgraph.id} once`);
      parsed.subgraphs.push(subgraph);
      open.push(subgraph);
    } else if (/^\s+end$/.test(line)) {
      assert.ok(open.length > 0, `an end without a subgraph at line ${number}`);
      open.pop()!.end = number;
    } else if ((m = /^\s+direction (LR|TB)$/.exec(line))) {
      const current = open.at(-1);
      assert.ok(current && current.direction === undefined && current.nodes.length === 0, `direction first in a subgraph, at line ${number}`);
      current.direction = m[1];
    } else if ((m = /^\s+(\w+)\["([^"]*)"\]$/.exec(line))) {
      assert.ok(!parsed.nodes.has(m[1]!), `node ${m[1]} declared once`);
      parsed.nodes.set(m[1]!, m[2]!);
      parsed.parentOf.set(m[1]!, open.at(-1)?.id);
      open.at(-1)?.nodes.push(m[1]!);
    } else if ((m = /^\s+(\w+) (===|-\.-|---)(?:\|([^|"]*)\|)? (\w+)$/.exec(line))) {
      parsed.links.push({ from: m[1]!, arrow: m[2] as Arrow, label: m[3] === undefined ? undefined : decode(m[3]), to: m[4]!, index: parsed.links.length });
    } else if ((m = /^\s+linkStyle ([\d,]+) (\S+)$/.exec(line))) {
      for (const index of m[1]!.split(',').map(Number)) {
        assert.ok(!parsed.linkStyles.has(index), `link ${index} styled once`);
        parsed.linkStyles.set(index, m[2]!);
      }
    } else if ((m = /^\s+class ([\w,]+) (\w+)$/.exec(line))) parsed.classes.set(m[2]!, [...(parsed.classes.get(m[2]!) ?? []), ...m[1]!.split(',')]);
    else if ((m = /^\s+style (\w+) (\S+)$/.exec(line))) parsed.styles.set(m[1]!, m[2]!);
    else assert.fail(`a line the design does not have, at line ${number}: ${line}`);
  });
  assert.equal(open.length, 0, 'every subgraph is closed');
  for (const link of parsed.links) for (const end of [link.from, link.to]) assert.ok(parsed.nodes.has(end), `link ${link.index} joins declared nodes: ${end}`);
  return parsed;
}

const isLegend = (id: string) => id.startsWith('legend_');
/** The names behind an agency node: its label split on Mermaid's line breaks, each decoded. */
const namesOf = (parsed: Parsed, id: string) => parsed.nodes.get(id)!.split('<br>').map(decode);
/** The links of the graph itself, the legend's left out. */
const graphLinks = (parsed: Parsed) => parsed.links.filter((link) => !isLegend(link.from) && !isLegend(link.to));
const graphNodes = (parsed: Parsed) => [...parsed.nodes.keys()].filter((id) => !isLegend(id));
const classOf = (parsed: Parsed, id: string) => [...parsed.classes].filter(([, ids]) => ids.includes(id)).map(([name]) => name);

// ---- What the matrix says the graph must show ----

interface ExpectedPart {
  document: string;
  chapter: string;
  measures: MatrixMeasure[];
}

/** Parts in document order, measures in order inside each. */
function partsOf(measures: MatrixMeasure[]): ExpectedPart[] {
  const parts = new Map<string, ExpectedPart>();
  for (const m of measures) {
    const key = `${m.document}\u0000${m.chapter}`;
    if (!parts.has(key)) parts.set(key, { document: m.document, chapter: m.chapter, measures: [] });
    parts.get(key)!.measures.push(m);
  }
  return [...parts.values()];
}

/** Each agency mention of the measures: `<measure node>\t<agency>\t<kind>`, the node named pNmI. */
function mentionsOf(parts: ExpectedPart[]): string[] {
  return parts.flatMap((part, p) =>
    part.measures.flatMap((m, i) => [
      ...(m.lead ? [`p${p}m${i}\t${m.lead}\tlead`] : []),
      ...m.co.map((name) => `p${p}m${i}\t${name}\t${m.noLead ? 'responsible' : 'co'}`),
    ]),
  );
}

/** Agencies of the measures in the order that numbers their nodes: the matrix's (registry) order. */
function agencyIndex(matrix: Matrix, measures: MatrixMeasure[]): Map<string, number> {
  const used = new Set(measures.flatMap((m) => (m.lead ? [m.lead, ...m.co] : m.co)));
  const names = matrix.agencies.map((a) => a.name).filter((name) => used.has(name));
  assert.equal(names.length, used.size, 'the matrix lists every agency its measures name');
  return new Map(names.map((name, index) => [name, index]));
}

/**
 * Checks a graph with measure detail against its measures: blocks, nodes, lines, merging, styles,
 * classes and the figures the graph reports. `focus` is the agency filtered on, if any.
 */
function checkMeasureGraph(graph: OwnershipGraph, matrix: Matrix, measures: MatrixMeasure[], focus?: string): Parsed {
  const parsed = parse(graph.mermaid);
  const parts = partsOf(measures);
  const index = agencyIndex(matrix, measures);
  assert.equal(graph.level, 'measures');
  assert.deepEqual(graph.measures, measures);

  // One box per part, written last first (Mermaid stacks them reversed), each laid out left to right.
  const blocks = parsed.subgraphs.filter((s) => /^p\d+$/.test(s.id));
  assert.deepEqual(blocks.map((s) => s.id), parts.map((_, p) => `p${p}`).reverse(), 'one block per part, written last first');
  checkColumns(parsed, parts.map((_, p) => `p${p}`));
  for (const block of blocks) assert.equal(block.direction, 'LR', block.id);

  const nodes = graphNodes(parsed);
  for (const id of nodes) assert.match(id, /^p\d+(a\d+|m\d+|c\d+x?)$/, 'measure and agency nodes only');
  const measureNodes = new Map<string, MatrixMeasure>();
  parts.forEach((part, p) => {
    const block = blocks.find((s) => s.id === `p${p}`)!;
    const heading = parts.some((other) => other.document !== part.document) ? `${part.document} · ${part.chapter} ` : `${part.chapter} `;
    assert.ok(block.label.startsWith(heading), `${block.id} is headed by its part: ${block.label}`);
    // Leads, then the measures in document order, then the other agencies.
    const kinds = block.nodes.map((id) => /^p\d+([amc])\d+/.exec(id)![1]).join('');
    assert.match(kinds, /^a*m+c*$/, `${block.id}: leads, measures, others`);
    const members = block.nodes.filter((id) => /m\d+$/.test(id));
    assert.deepEqual(members, part.measures.map((_, i) => `p${p}m${i}`), `${block.id}: measures in order`);
    part.measures.forEach((m, i) => {
      assert.equal(decode(parsed.nodes.get(`p${p}m${i}`)!).split(' ')[0], m.id, `p${p}m${i} is ${m.id}`);
      measureNodes.set(`p${p}m${i}`, m);
    });
    // A row per measure: its lead on the left, one node per run of consecutive measures it leads
    // (numbered in order); on the right one node of its other agencies in the matrix's order, the
    // focus agency in a node of its own before it.
    const runs: { name: string; measures: number[] }[] = [];
    part.measures.forEach((m, i) => {
      if (!m.lead) return;
      const last = runs[runs.length - 1];
      if (last?.name === m.lead && last.measures[last.measures.length - 1] === i - 1) last.measures.push(i);
      else runs.push({ name: m.lead, measures: [i] });
    });
    const leadNodes = block.nodes.filter((id) => /^p\d+a\d+$/.test(id));
    assert.deepEqual(leadNodes, runs.map((_, k) => `p${p}a${k}`), `${block.id}: a lead node per run, in order`);
    assert.deepEqual(leadNodes.map((id) => namesOf(parsed, id)), runs.map((run) => [run.name]), `${block.id}: the lead of each run`);
    const otherNodes = block.nodes.filter((id) => /^p\d+c\d+x?$/.test(id));
    const expectedOthers = part.measures.flatMap((m, i) => {
      const rest = m.co.filter((name) => name !== focus);
      return [...(rest.length < m.co.length ? [[`p${p}c${i}`, [focus!]]] : []), ...(rest.length ? [[rest.length < m.co.length ? `p${p}c${i}x` : `p${p}c${i}`, rest]] : [])] as [string, string[]][];
    });
    assert.deepEqual(otherNodes.map((id) => [id, namesOf(parsed, id)]), expectedOthers, `${block.id}: the other agencies of each measure, in order`);
    for (const id of [...leadNodes, ...otherNodes]) for (const name of namesOf(parsed, id)) assert.ok(index.has(name), `${id}: ${name} is an agency of the measures`);
  });
  assert.equal(measureNodes.size, measures.length, 'every measure exactly once');

  // Lines: no labels; a lead line from the left, the others to the right, never leaving the block
  // nor its row; each agency mention of the matrix drawn by exactly one line (a node's line for each name).
  const links = graphLinks(parsed);
  const drawn: string[] = [];
  for (const link of links) {
    assert.equal(link.label, undefined, `no label on ${link.from} ${link.arrow} ${link.to}`);
    const kind = KIND[link.arrow];
    const [agency, measure] = kind === 'lead' ? [link.from, link.to] : [link.to, link.from];
    const where = `${link.from} ${link.arrow} ${link.to}`;
    assert.ok(measureNodes.has(measure), `${where} joins a measure`);
    assert.match(agency, kind === 'lead' ? /^p\d+a\d+$/ : /^p\d+c\d+x?$/, `${where}: leads on the left, others on the right`);
    assert.equal(agency.replace(/[ac]\d+x?$/, ''), measure.replace(/m\d+$/, ''), `${where} stays in its block`);
    if (kind !== 'lead') assert.equal(agency.replace(/^p\d+c|x$/g, ''), measure.replace(/^p\d+m/, ''), `${where} stays in its row`);
    for (const name of namesOf(parsed, agency)) drawn.push(`${measure}\t${name}\t${kind}`);
  }
  assert.deepEqual([...drawn].sort(), mentionsOf(parts).sort(), 'one line per agency mention, of its kind');
  const leadLines = links.filter((link) => link.arrow === '===');
  assert.equal(leadLines.length, measures.filter((m) => m.lead).length, 'one lead line per measure with a lead');
  assert.equal(new Set(leadLines.map((link) => link.to)).size, leadLines.length);
  // Written row by row: the lines in the order of the measures they join (dagre keeps that order).
  const rowOf = (link: (typeof links)[number]) => Number((KIND[link.arrow] === 'lead' ? link.to : link.from).replace(/^p\d+m/, ''));
  for (const block of blocks) {
    const rows = links.filter((link) => (KIND[link.arrow] === 'lead' ? link.to : link.from).startsWith(`${block.id}m`)).map(rowOf);
    assert.deepEqual(rows, [...rows].sort((a, b) => a - b), `${block.id}: lines written row by row`);
  }

  checkStyles(parsed);
  checkLegend(parsed, 'measure');

  // Classes: each node of the graph in exactly one.
  const agencyNodes = nodes.filter((id) => !measureNodes.has(id));
  const focusNodes = agencyNodes.filter((id) => focus !== undefined && namesOf(parsed, id).includes(focus));
  const noLeadNodes = [...measureNodes].filter(([, m]) => m.noLead).map(([id]) => id);
  for (const id of nodes) assert.equal(classOf(parsed, id).length, 1, `${id} in one class: ${classOf(parsed, id).join(', ')}`);
  assert.deepEqual(new Set(parsed.classes.get('focus') ?? []), new Set(focusNodes), 'the focus class on the focus agency');
  assert.deepEqual(new Set((parsed.classes.get('agency') ?? []).filter((id) => !isLegend(id))), new Set(agencyNodes.filter((id) => !focusNodes.includes(id))));
  assert.deepEqual((parsed.classes.get('noLead') ?? []).filter((id) => !isLegend(id)), noLeadNodes, 'noLead on the measures without a lead');
  assert.deepEqual(new Set((parsed.classes.get('measure') ?? []).filter((id) => !isLegend(id))), new Set([...measureNodes.keys()].filter((id) => !noLeadNodes.includes(id))));
  for (const name of parsed.classes.keys()) assert.ok(parsed.classDefs.has(name), `classDef ${name}`);

  // What the graph reports about itself.
  assert.equal(graph.edgeCount, links.length);
  assert.equal(graph.nodeCount, nodes.length);
  assert.deepEqual(graph.noLeadNodeIds, noLeadNodes);
  assert.deepEqual(graph.measureNodes, Object.fromEntries(measureNodes));
  assert.deepEqual(graph.agencyNodes, Object.fromEntries(agencyNodes.map((id) => [id, namesOf(parsed, id)])));
  assert.deepEqual(graph.noLead, measures.filter((m) => m.noLead));
  assert.equal(graph.notice, undefined);
  return parsed;
}

/**
 * The blocks (ids in document order) as Mermaid stacks them: one column (LR) or two or three
 * (TB), columns and blocks written last first, each column a run of consecutive blocks.
 */
function checkColumns(parsed: Parsed, blocks: string[]): void {
  const columns = parsed.subgraphs.filter((s) => /^col\d+$/.test(s.id));
  const written = parsed.subgraphs.filter((s) => blocks.includes(s.id)).map((s) => s.id);
  assert.deepEqual(written, [...blocks].reverse(), 'blocks written last first');
  if (parsed.direction === 'LR') {
    assert.deepEqual(columns, [], 'one column: no column boxes');
    for (const id of blocks) assert.equal(parsed.subgraphs.find((s) => s.id === id)!.parent, undefined, id);
    return;
  }
  assert.ok(columns.length >= 2 && columns.length <= 3, `${columns.length} columns`);
  assert.deepEqual(columns.map((s) => s.id), columns.map((_, i) => `col${i}`).reverse(), 'columns written last first');
  for (const column of columns) {
    assert.equal(column.label, ' ');
    assert.equal(column.parent, undefined);
    assert.equal(column.direction, 'LR');
    assert.equal(parsed.styles.get(column.id), 'fill:none,stroke:none', `${column.id} is not drawn`);
  }
  // Read as drawn: columns left to right, each column's blocks top to bottom.
  const read = [...columns].reverse().flatMap((column) => {
    const inside = parsed.subgraphs.filter((s) => s.parent === column.id && blocks.includes(s.id)).map((s) => s.id);
    assert.ok(inside.length > 0, `${column.id} holds blocks`);
    return inside.reverse();
  });
  assert.deepEqual(read, blocks, 'every block in a column, in document order');
  assert.equal(parsed.subgraphs.find((s) => s.id === 'legend')?.parent, 'col0', 'the legend in the first column');
}

/** Every link styled once, in Mermaid's numbering (legend first); one style per kind of line, three apart. */
function checkStyles(parsed: Parsed): void {
  assert.deepEqual([...parsed.linkStyles.keys()].sort((a, b) => a - b), parsed.links.map((link) => link.index), 'every link styled exactly once');
  const legendLinks = parsed.links.filter((link) => isLegend(link.from));
  assert.deepEqual(legendLinks.map((link) => link.index), legendLinks.map((_, i) => i), 'the legend links are numbered first');
  const styleOf = new Map<Arrow, string>();
  for (const link of parsed.links) {
    const style = parsed.linkStyles.get(link.index)!;
    assert.match(style, /^stroke:#[0-9a-f]{6},stroke-width:[\d.]+px$/);
    if (!styleOf.has(link.arrow)) styleOf.set(link.arrow, style);
    assert.equal(style, styleOf.get(link.arrow), `link ${link.index} (${link.arrow}) styled as the others of its kind`);
  }
  assert.equal(new Set(styleOf.values()).size, styleOf.size, 'each kind of line its own style');
}

/** The legend: written last, its three kinds of node; a line for each style drawn (lead and co when none is). */
function checkLegend(parsed: Parsed, unit: 'measure' | 'part'): void {
  const legend = parsed.subgraphs.find((s) => s.id === 'legend');
  assert.ok(legend, 'a legend');
  for (const s of parsed.subgraphs) if (s.id !== 'legend' && !/^col\d+$/.test(s.id)) assert.ok(s.end < legend.start, `the legend is written after ${s.id}`);
  const links = parsed.links.filter((link) => isLegend(link.from));
  const drawn = new Set(graphLinks(parsed).map((link) => link.arrow));
  const expected = drawn.size ? (['===', '-.-', '---'] as Arrow[]).filter((arrow) => drawn.has(arrow)) : ['===', '-.-'];
  assert.deepEqual(links.map((link) => link.arrow), expected, 'a legend line for each style drawn, no other');
  assert.deepEqual(legend.nodes, [...links.map((_, i) => `legend_agency${i}`), 'legend_measure', 'legend_nolead']);
  const word: Record<Arrow, string> = { '===': '牵头', '-.-': '配合', '---': '负责' };
  links.forEach((link, i) => {
    assert.equal(link.from, `legend_agency${i}`);
    assert.equal(link.to, link.arrow === '---' ? 'legend_nolead' : 'legend_measure');
    assert.ok(link.label?.includes(word[link.arrow]), `legend line ${link.arrow}: ${link.label}`);
  });
  for (const id of legend.nodes) assert.equal(parsed.parentOf.get(id), 'legend');
  assert.deepEqual(classOf(parsed, 'legend_measure'), [unit]);
  assert.deepEqual(classOf(parsed, 'legend_nolead'), ['noLead']);
  for (const id of legend.nodes.filter((node) => node.startsWith('legend_agency'))) assert.deepEqual(classOf(parsed, id), ['agency']);
}

describe('ownership graph', () => {
  const matrix = buildMatrix(seed());
  let graph: OwnershipGraph;
  let parsed: Parsed;
  before(() => {
    graph = buildOwnershipGraph(seed());
    parsed = parse(graph.mermaid);
  });

  it('draws every measure once and every agency it names, one line per mention, tied-alike agencies merged', () => {
    checkMeasureGraph(graph, matrix, matrix.measures);
    assert.equal(graph.measures.length, 23);
    const mentions = matrix.measures.reduce((sum, m) => sum + (m.lead ? 1 : 0) + m.co.length, 0);
    assert.ok(graph.edgeCount < mentions, `merging saves lines: ${graph.edgeCount} lines for ${mentions} mentions`);
    const merged = Object.values(graph.agencyNodes).filter((names) => names.length > 1);
    assert.ok(merged.length > 0, 'some agencies share a node');
    // Every agency named in the seed appears in the graph.
    const named = new Set(matrix.measures.flatMap((m) => (m.lead ? [m.lead, ...m.co] : m.co)));
    assert.deepEqual(new Set(Object.values(graph.agencyNodes).flat()), named);
    assert.deepEqual(new Set(graphNodes(parsed).filter((id) => /[ac]\d+$/.test(id)).flatMap((id) => namesOf(parsed, id))), named);
  });

  it('starts with a flowchart directive and wraps the seed into two or three columns, parts in document order', () => {
    assert.equal(typeof parsed.init.flowchart, 'object');
    assert.equal(parsed.direction, 'TB');
    const columns = parsed.subgraphs.filter((s) => /^col\d+$/.test(s.id));
    assert.ok(columns.length >= 2 && columns.length <= 3, `${columns.length} columns`);
    checkColumns(parsed, ['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
    const chapters = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'].map((id) => parsed.subgraphs.find((s) => s.id === id)!.label.split(' ')[0]);
    assert.deepEqual(chapters, ['2', '3', '4', '5', '6', '7'], 'parts in document order');
    // Headings are the parts' titles.
    const titles = new Map(seed().guideline(SEED).chapters.map((c) => [c.id?.value, c.title]));
    for (const block of parsed.subgraphs.filter((s) => /^p\d+$/.test(s.id))) assert.equal(block.label, `${block.label.split(' ')[0]} ${titles.get(block.label.split(' ')[0])}`);
  });

  it('draws lead lines ===, co-responsible -.-, responsible without a lead ---, each kind its own style', () => {
    const links = graphLinks(parsed);
    assert.equal(links.filter((l) => l.arrow === '===').length, 19);
    assert.ok(links.filter((l) => l.arrow === '-.-').length > 0);
    const responsible = links.filter((l) => l.arrow === '---').map((l) => decode(parsed.nodes.get(l.from)!).split(' ')[0]);
    assert.deepEqual([...new Set(responsible)], NO_LEAD, 'the --- lines run from the measures without a lead');
    assert.equal(parsed.links.filter((l) => isLegend(l.from)).length, 3, 'the legend explains all three');
  });

  it('puts the noLead class on exactly the measures without a lead: 4.2, 4.3, 4.4, 7.1', () => {
    const ids = (parsed.classes.get('noLead') ?? []).filter((id) => !isLegend(id));
    assert.deepEqual(ids, graph.noLeadNodeIds);
    assert.deepEqual(ids.map((id) => decode(parsed.nodes.get(id)!).split(' ')[0]), NO_LEAD);
  });

  it('is deterministic', () => {
    assert.equal(buildOwnershipGraph(seed()).mermaid, graph.mermaid);
    assert.equal(ownershipGraphOf(buildMatrix(seed()), new Map()).mermaid, ownershipGraphOf(buildMatrix(seed()), new Map()).mermaid);
  });

  it('filters by agency, alias accepted, with the agency in a node of its own in class focus', () => {
    const focused = buildOwnershipGraph(seed(), undefined, { agency: '科技厅' });
    assert.equal(focused.mermaid, buildOwnershipGraph(seed(), undefined, { agency: '省科技厅' }).mermaid);
    const expected = matrix.measures.filter((m) => m.lead === '省科技厅' || m.co.includes('省科技厅'));
    assert.equal(expected.length, 19);
    const view = checkMeasureGraph(focused, matrix, expected, '省科技厅');
    const focusNodes = view.classes.get('focus')!;
    assert.ok(focusNodes.length >= 6, 'in every part it has measures in');
    for (const id of focusNodes) assert.deepEqual(namesOf(view, id), ['省科技厅']);
    for (const id of graphNodes(view).filter((node) => /m\d+$/.test(node))) {
      assert.ok(graphLinks(view).some((link) => (link.from === id && focusNodes.includes(link.to)) || (link.to === id && focusNodes.includes(link.from))), `${id} is tied to the focus`);
    }
  });

  it('stacks a small agency view in one column (flowchart LR), its parts in document order', () => {
    const focused = buildOwnershipGraph(seed(), undefined, { agency: '省教育厅' });
    const expected = matrix.measures.filter((m) => m.lead === '省教育厅' || m.co.includes('省教育厅'));
    const view = checkMeasureGraph(focused, matrix, expected, '省教育厅');
    assert.equal(view.direction, 'LR');
    assert.deepEqual(view.subgraphs.map((s) => s.id), ['p3', 'p2', 'p1', 'p0', 'legend'], 'written last first, the legend last');
    assert.deepEqual(['p0', 'p1', 'p2', 'p3'].map((id) => view.subgraphs.find((s) => s.id === id)!.label.split(' ')[0]), ['2', '4', '5', '6']);
  });

  it('filters by part: one block, one column, flowchart LR', () => {
    const part = buildOwnershipGraph(seed(), undefined, { chapter: '4' });
    const expected = matrix.measures.filter((m) => m.chapter === '4');
    assert.deepEqual(expected.map((m) => m.id), ['4.1', '4.2', '4.3', '4.4']);
    const view = checkMeasureGraph(part, matrix, expected);
    assert.equal(part.noLead.length, 3);
    assert.equal(view.direction, 'LR');
    assert.ok(!view.subgraphs.some((s) => /^col/.test(s.id)), 'no columns');
    assert.deepEqual(view.subgraphs.map((s) => s.id), ['p0', 'legend']);
  });

  it('leaves the 负责 line out of the legend when no measure without a lead has agencies', () => {
    const two = buildOwnershipGraph(seed(), undefined, { chapter: '2' });
    const view = checkMeasureGraph(two, matrix, matrix.measures.filter((m) => m.chapter === '2'));
    assert.deepEqual(view.links.filter((l) => isLegend(l.from)).map((l) => l.arrow), ['===', '-.-']);
    // A measure without a lead and without agencies: marked, but no line to explain.
    const lone: MatrixMeasure = { id: '2.9', title: '无单位', document: matrix.measures[0]!.document, file: SEED, line: 1, chapter: '2', lead: null, co: [], noLead: true, noLeadReason: 'collective' };
    const measures = [...matrix.measures.filter((m) => m.chapter === '2'), lone];
    const withLone = ownershipGraphOf({ ...matrix, measures }, new Map());
    const loneView = checkMeasureGraph(withLone, matrix, measures);
    assert.deepEqual(loneView.links.filter((l) => isLegend(l.from)).map((l) => l.arrow), ['===', '-.-']);
    assert.deepEqual(withLone.noLeadNodeIds, ['p0m3']);
  });

  it('keeps hostile names inert: escaped in every label, read back whole, merged names split only on the real line breaks', () => {
    const hostile = ['"]; click a "javascript:alert(1)"', '甲<br>乙', '丙|丁 --> 戊', '#45; %%{init: {}}%%', 'end', 'ﬂ°°1¶ß'];
    const names = [...hostile, '省科技厅'];
    const measures: MatrixMeasure[] = [
      { id: '2.1', title: '"]\nclass x focus', document: 'doc', file: 'doc.yaml', line: 1, chapter: '2', lead: '省科技厅', co: hostile.slice(0, 3), noLead: false, noLeadReason: null },
      { id: '2.2', title: '<b>粗</b>', document: 'doc', file: 'doc.yaml', line: 2, chapter: '2', lead: hostile[3]!, co: hostile.slice(0, 2), noLead: false, noLeadReason: null },
      { id: '2.3', title: 'subgraph x', document: 'doc', file: 'doc.yaml', line: 3, chapter: '2', lead: null, co: hostile.slice(4), noLead: true, noLeadReason: 'collective' },
    ];
    const hostileMatrix: Matrix = { measures, agencies: names.map((name) => ({ name, leads: [], co: [], noLead: [] })) };
    const graph = ownershipGraphOf(hostileMatrix, new Map([['doc\u00002', '"]\nend']]));
    const view = checkMeasureGraph(graph, hostileMatrix, measures);
    assert.deepEqual(new Set(Object.values(graph.agencyNodes).flat()), new Set(names));
    assert.ok(Object.values(graph.agencyNodes).some((group) => group.length === 2 && group.includes('甲<br>乙')), 'the name 甲<br>乙 merged with another, still one name');
    assert.equal(view.subgraphs.find((s) => s.id === 'p0')!.label, '2 "] end');
    assert.equal(decode(view.nodes.get('p0m1')!), '2.2 <b>粗</b>');
  });

  it('refuses an unknown agency or part with a suggestion', () => {
    assert.throws(() => buildOwnershipGraph(seed(), undefined, { agency: '省科技' }), (e: unknown) => e instanceof GraphFilterError && e.suggestion === '省科技厅');
    assert.throws(() => buildOwnershipGraph(seed(), undefined, { chapter: '9' }), (e: unknown) => e instanceof GraphFilterError && e.available.includes('4'));
  });

  describe('aggregated above Mermaid’s limits', () => {
    const prng = seededRandom;

    /**
     * `documents` × `chapters` parts of `perPart` measures, each naming 1 to 4 of `agencyCount`
     * agencies at random (one in ten without a lead): counts differ, so few agencies merge
     * unless they work in teams.
     */
    function fixture(documents: number, chapters: number, perPart: number, agencyCount: number, teams = false): { matrix: Matrix; titles: Map<string, string> } {
      const random = prng(documents * 1000 + chapters * 100 + perPart);
      const agencies = Array.from({ length: agencyCount }, (_, i) => `单位${i}`);
      const measures: MatrixMeasure[] = [];
      const titles = new Map<string, string>();
      for (let d = 0; d < documents; d++) {
        for (let c = 2; c < 2 + chapters; c++) {
          titles.set(`doc-${d}\u0000${c}`, `第${c}部分`);
          for (let k = 1; k <= perPart; k++) {
            const picked = Array.from({ length: 1 + Math.floor(random() * 4) }, () => Math.floor(random() * agencyCount));
            // In teams, agencies 2k and 2k+1 are co-responsible together wherever either is.
            const named = [...new Set(teams ? [picked[0]!, ...picked.slice(1).flatMap((i) => [i & ~1, i | 1])] : picked)].map((i) => agencies[i]!);
            const noLead = random() < 0.1;
            measures.push({ id: `${c}.${k}`, title: `措施${k}`, document: `doc-${d}`, file: `f${d}.yaml`, line: k, chapter: String(c), lead: noLead ? null : named[0]!, co: noLead ? named : named.slice(1), noLead, noLeadReason: noLead ? 'collective' : null });
          }
        }
      }
      return { matrix: { measures, agencies: agencies.map((name) => ({ name, leads: [], co: [], noLead: [] })) }, titles };
    }

    const limits = MERMAID_LIMITS;
    function withinLimits(graph: OwnershipGraph): Parsed {
      const view = parse(graph.mermaid);
      assert.ok(graph.mermaid.length <= limits.maxTextSize, `${graph.mermaid.length} characters`);
      assert.ok(view.links.length <= limits.maxEdges, `${view.links.length} links, the legend's included`);
      return view;
    }

    /** Lead and co counts of each agency per member (part or document), in the member's order. */
    function tallies(groups: MatrixMeasure[][]): Map<string, { lead: number; co: number }>[] {
      return groups.map((measures) => {
        const tally = new Map<string, { lead: number; co: number }>();
        for (const m of measures) {
          for (const name of m.lead ? [m.lead, ...m.co] : m.co) {
            const entry = tally.get(name) ?? { lead: 0, co: 0 };
            if (name === m.lead) entry.lead++;
            else entry.co++;
            tally.set(name, entry);
          }
        }
        return tally;
      });
    }
    const countLabel = (entry: { lead: number; co: number }) => [entry.lead ? `牵头 ${entry.lead}` : '', entry.co ? `配合 ${entry.co}` : ''].filter(Boolean).join(' · ');

    /**
     * Checks an aggregated graph: member nodes (`members` their ids, `groups` their measures),
     * agency nodes by block, count labels, classes and figures. Returns the (member, agency)
     * pairs the lines stand for, `<member>\t<agency>`.
     */
    function checkAggregated(graph: OwnershipGraph, view: Parsed, members: string[], groups: MatrixMeasure[][], headings: string[], agencyPattern: RegExp, blockOf: (id: string) => string): string[] {
      const memberNodes = graphNodes(view).filter((id) => !agencyPattern.test(id));
      assert.deepEqual(new Set(memberNodes), new Set(members), 'the members, nothing else beside the agencies');
      assert.equal(memberNodes.length, members.length);
      for (const block of new Set(members.map(blockOf))) {
        const inBlock = (id: string) => blockOf(id) === block;
        assert.deepEqual(memberNodes.filter(inBlock), members.filter(inBlock), `${block}: members in order`);
      }
      const tally = tallies(groups);
      members.forEach((id, i) => {
        const withoutLead = groups[i]!.filter((m) => m.noLead).length;
        // The block is titled with the part (or document); its node gives the counts.
        assert.equal(decode(view.subgraphs.find((s) => s.id === blockOf(id))!.label), headings[i], `${id}: its block's title`);
        assert.equal(view.parentOf.get(id), blockOf(id), `${id} in its own block`);
        const label = decode(view.nodes.get(id)!);
        assert.equal(label, `${groups[i]!.length} measures${withoutLead ? ` · ${withoutLead} without lead` : ''}`);
        assert.deepEqual(classOf(view, id), [withoutLead ? 'noLead' : 'part'], id);
      });
      const pairs: string[] = [];
      for (const link of graphLinks(view)) {
        const where = `${link.from} ${link.arrow} ${link.to}`;
        assert.notEqual(link.arrow, '---', `${where}: only lead and co lines when aggregated`);
        const [agency, member] = link.arrow === '===' ? [link.from, link.to] : [link.to, link.from];
        const i = members.indexOf(member);
        assert.ok(i >= 0 && agencyPattern.test(agency), `${where} joins an agency to a member`);
        assert.equal(blockOf(agency), blockOf(member), `${where} stays in its block`);
        assert.match(agency, link.arrow === '===' ? /a\d+$/ : /c\d+$/, `${where}: leads left, others right`);
        for (const name of namesOf(view, agency)) {
          const entry = tally[i]!.get(name);
          assert.ok(entry, `${where}: ${name} has measures in ${member}`);
          assert.equal(link.label, countLabel(entry), `${where} for ${name}`);
          assert.equal(link.arrow, entry.lead > 0 ? '===' : '-.-', `${where} for ${name}`);
          pairs.push(`${member}\t${name}`);
        }
      }
      assert.equal(new Set(pairs).size, pairs.length, 'no agency twice on a member');
      for (const id of graphNodes(view).filter((node) => agencyPattern.test(node))) assert.deepEqual(classOf(view, id), ['agency'], id);
      checkStyles(view);
      checkLegend(view, 'part');
      assert.equal(graph.edgeCount, graphLinks(view).length);
      assert.equal(graph.nodeCount, graphNodes(view).length);
      assert.deepEqual(graph.noLeadNodeIds, members.filter((id) => classOf(view, id).includes('noLead')));
      assert.deepEqual(graph.measureNodes, {});
      assert.deepEqual(graph.agencyNodes, Object.fromEntries(graphNodes(view).filter((id) => agencyPattern.test(id)).map((id) => [id, namesOf(view, id)])));
      return pairs;
    }

    /** No two agency nodes on one side of a block with the same lines: they would be one node. */
    function mergedExactly(view: Parsed, agencyPattern: RegExp, blockOf: (id: string) => string): void {
      const seen = new Map<string, string>();
      for (const id of graphNodes(view).filter((node) => agencyPattern.test(node))) {
        const lines = graphLinks(view)
          .filter((link) => link.from === id || link.to === id)
          .map((link) => `${link.from === id ? link.to : link.from}${link.arrow}${link.label}`)
          .sort()
          .join(' ');
        const key = `${blockOf(id)} ${/a\d+$/.test(id) ? 'a' : 'c'} ${lines}`;
        assert.ok(!seen.has(key), `${id} and ${seen.get(key)} are tied alike: one node`);
        seen.set(key, id);
      }
    }

    const byDocument = (measures: MatrixMeasure[]) => [...new Set(measures.map((m) => m.document))].map((document) => measures.filter((m) => m.document === document));
    const allPairs = (groups: MatrixMeasure[][], members: string[]) => tallies(groups).flatMap((tally, i) => [...tally.keys()].map((name) => `${members[i]}\t${name}`));

    it('keeps measure detail while it fits: at most two lines a measure, however many agencies it names', function () {
      const { matrix: small, titles } = fixture(1, 6, 25, 20, true);
      const graph = ownershipGraphOf(small, titles);
      checkMeasureGraph(graph, small, small.measures);
      const view = withinLimits(graph);
      const mentions = small.measures.reduce((sum, m) => sum + (m.lead ? 1 : 0) + m.co.length, 0);
      assert.ok(mentions > limits.maxEdges, `${mentions} mentions: drawn only because a measure's other agencies share one line`);
      const rows = small.measures.reduce((sum, m) => sum + (m.lead ? 1 : 0) + (m.co.length ? 1 : 0), 0);
      assert.equal(graphLinks(view).length, rows, 'a lead line and one line to the other agencies, per measure');
      assert.ok(view.links.length > limits.maxEdges * 0.5, 'near the limit');
    });

    it('aggregates to parts: one block per part, in order, its agencies linked to its node with their counts', function () {
      const { matrix: big, titles } = fixture(3, 6, 30, 20);
      const graph = ownershipGraphOf(big, titles);
      assert.equal(graph.level, 'parts');
      // The core names no host's controls; a host's own filter names come in brackets.
      assert.equal(graph.notice, 'Aggregated view: 540 measures are too many for one Mermaid graph, so agencies link to parts, with counts. Filter by agency or part for measure detail.');
      assert.equal(
        ownershipGraphOf(big, titles, { filterHint: '--agency NAME / --chapter ID' }).notice,
        'Aggregated view: 540 measures are too many for one Mermaid graph, so agencies link to parts, with counts. Filter by agency or part (--agency NAME / --chapter ID) for measure detail.',
      );
      assert.equal(ownershipGraphOf(big, titles, { locale: 'zh-cn', filterHint: '上方的单位、部分筛选' }).notice, '汇总视图：540 项措施超出单张 Mermaid 图的容量，改为显示各单位与各部分的关联及数量。按单位或部分筛选（上方的单位、部分筛选）可查看措施明细。');
      const view = withinLimits(graph);
      const blocks = Array.from({ length: 18 }, (_, i) => `p${i}`);
      checkColumns(view, blocks);
      for (const block of view.subgraphs.filter((s) => /^p\d+$/.test(s.id))) assert.equal(block.direction, 'LR');
      const groups = byDocument(big.measures).flatMap((document) => partsOf(document).map((part) => part.measures));
      const members = blocks.map((block) => `${block}n`);
      const headings = groups.map((measures) => `${measures[0]!.document} · ${measures[0]!.chapter} 第${measures[0]!.chapter}部分`);
      const agencyPattern = /^p\d+[ac]\d+$/;
      const blockOf = (id: string) => /^p\d+/.exec(id)![0];
      const pairs = checkAggregated(graph, view, members, groups, headings, agencyPattern, blockOf);
      assert.deepEqual(pairs.sort(), allPairs(groups, members).sort(), 'every agency of every part, by exactly one line');
      mergedExactly(view, agencyPattern, blockOf);
      assert.ok(graph.edgeCount < pairs.length, 'some agencies merged');
      // Measure detail would not fit: its lines alone are over the limit.
      assert.ok(big.measures.reduce((sum, m) => sum + (m.lead ? 1 : 0) + m.co.length, 0) > 2 * limits.maxEdges);
    });

    it('aggregates to documents when parts are too many: one block per document, agencies linked with their counts', function () {
      const { matrix: big, titles } = fixture(10, 5, 20, 20);
      const graph = ownershipGraphOf(big, titles);
      assert.equal(graph.level, 'documents');
      assert.match(graph.notice!, /^Aggregated view: 1000 measures .* agencies link to documents, with counts\./);
      const view = withinLimits(graph);
      const blocks = Array.from({ length: 10 }, (_, i) => `d${i}`);
      checkColumns(view, blocks);
      const groups = byDocument(big.measures);
      const members = blocks.map((block) => `${block}n`);
      const agencyPattern = /^d\d+[ac]\d+$/;
      const blockOf = (id: string) => /^d\d+/.exec(id)![0];
      const pairs = checkAggregated(graph, view, members, groups, groups.map((g) => g[0]!.document), agencyPattern, blockOf);
      assert.deepEqual(pairs.sort(), allPairs(groups, members).sort(), 'every agency of every document, by exactly one line');
      mergedExactly(view, agencyPattern, blockOf);
      // By part it would not fit: asked for parts, it still draws documents.
      assert.equal(ownershipGraphOf(big, titles, { level: 'parts' }).level, 'documents');
    });

    it('keeps only the strongest links when even documents are too many, always within the limits', function () {
      const { matrix: big, titles } = fixture(40, 5, 20, 20);
      const graph = ownershipGraphOf(big, titles);
      assert.equal(graph.level, 'strongest-links');
      const view = withinLimits(graph);
      const notice = /only the (\d+) strongest of (\d+) lines/.exec(graph.notice!);
      assert.ok(notice, graph.notice);
      const groups = byDocument(big.measures);
      const members = groups.map((_, d) => `d${d}n`);
      const agencyPattern = /^d\d+[ac]\d+$/;
      const blockOf = (id: string) => /^d\d+/.exec(id)![0];
      const pairs = checkAggregated(graph, view, members, groups, groups.map((g) => g[0]!.document), agencyPattern, blockOf);
      assert.equal(Number(notice[1]), graphLinks(view).length, 'the notice counts the lines drawn');
      // The lines the documents view would draw: in each document's block, agencies with the same
      // counts share a node (one side for those that lead there, one for the others), eight at most.
      const tally = tallies(groups);
      let total = 0;
      for (const t of tally) {
        const alike = new Map<string, number>();
        for (const entry of t.values()) {
          const key = `${entry.lead > 0}|${countLabel(entry)}`;
          alike.set(key, (alike.get(key) ?? 0) + 1);
        }
        for (const size of alike.values()) total += Math.ceil(size / 8);
      }
      assert.equal(Number(notice[2]), total, 'the notice counts the lines of the documents view');
      assert.ok(total > limits.maxEdges, `${total} lines would not fit`);
      // The strongest are kept: no pair left out outweighs a pair drawn (a lead counts double).
      const weight = (pair: string) => {
        const [member, name] = pair.split('\t');
        const entry = tally[members.indexOf(member!)]!.get(name!)!;
        return entry.lead * 2 + entry.co;
      };
      const drawn = new Set(pairs);
      const left = allPairs(groups, members).filter((pair) => !drawn.has(pair));
      assert.ok(left.length > 0);
      const weakestDrawn = Math.min(...pairs.map(weight));
      const strongestLeft = Math.max(...left.map(weight));
      assert.ok(weakestDrawn >= strongestLeft, `drawn down to weight ${weakestDrawn}, left out up to ${strongestLeft}`);
      assert.ok(view.links.length >= limits.maxEdges - 3, `${view.links.length} links: as many as fit, less the three the legend may need`);
    });

    it('shows measure detail again when filtered to one agency and one part', function () {
      const { matrix: big, titles } = fixture(40, 5, 20, 20);
      const graph = ownershipGraphOf(big, titles, { agency: '单位0', chapter: '2' });
      const expected = big.measures.filter((m) => m.chapter === '2' && (m.lead === '单位0' || m.co.includes('单位0')));
      checkMeasureGraph(graph, big, expected, '单位0');
      withinLimits(graph);
    });
  });
});
