// The agency ownership graph as Mermaid flowchart text: a block per part, a row per measure in
// document order (its lead, the measure, its other agencies), lead edges thick (牵头),
// co-responsible edges dotted (配合), measures without a lead in a warning style. Above Mermaid's
// limits it aggregates instead of emitting a graph Mermaid would refuse. Same input, same text.
import { buildMatrix } from '../export/matrix';
import type { Matrix, MatrixMeasure } from '../export/matrix';
import type { Project } from '../project/project';
import { closestName } from '../rules/suggest';
import type { Locale } from '../types';
import { orderAgencies } from './block-order';
import { mermaidLabel, shorten } from './mermaid-text';
import { graphNotice, roleWord, wording } from '../wording/wording';

/** Mermaid's defaults (maxTextSize 50,000 characters, maxEdges 500): a graph beyond them is refused. */
export const MERMAID_LIMITS = { maxTextSize: 50_000, maxEdges: 500 } as const;

export type GraphLevel = 'measures' | 'parts' | 'documents' | 'strongest-links';

export interface GraphOptions {
  /** Only measures naming this agency (registry name or alias), and the agencies they share them with. */
  agency?: string;
  /** Only measures of this part (chapter id, e.g. "4"). */
  chapter?: string;
  locale?: Locale;
  limits?: { maxTextSize: number; maxEdges: number };
  /**
   * The most detailed view wanted: `parts` draws agencies against the parts of each document,
   * `documents` agencies against documents (a workspace overview). Coarser views still follow
   * when it is too big for Mermaid. Default `measures`.
   */
  level?: Exclude<GraphLevel, 'strongest-links'>;
  /**
   * How the host's user filters, named in the notice of an aggregated graph after the core's words
   * (the command line: its flags; a panel: its controls). The core names no host's controls.
   */
  filterHint?: string;
}

export const GRAPH_LEVELS = ['measures', 'parts', 'documents'] as const;

export interface OwnershipGraph {
  mermaid: string;
  level: GraphLevel;
  /** Nodes and edges of the graph itself, the legend excluded. */
  nodeCount: number;
  edgeCount: number;
  /**
   * The same graph as separate diagrams: the legend, then each block (part or document) in order.
   * Together they draw what `mermaid` draws; a preview can redraw only the pieces that changed.
   */
  pieces: GraphPiece[];
  /** Ids of the Mermaid nodes drawn with the noLead class. */
  noLeadNodeIds: string[];
  /** The measure behind each measure node (empty in aggregated views): lets a preview reveal it. */
  measureNodes: Record<string, MatrixMeasure>;
  /** The document (its path in the project) behind each document node of the documents view: lets a preview open it. */
  documentNodes: Record<string, string>;
  /** The agencies behind each agency node: a lead, a measure's other agencies, or (aggregated) agencies tied to a part alike. */
  agencyNodes: Record<string, string[]>;
  /** The measures shown, and those of them without a lead. */
  measures: MatrixMeasure[];
  noLead: MatrixMeasure[];
  /** Set when the graph is aggregated: what it shows instead, and how to get detail. */
  notice?: string;
}

export interface GraphPiece {
  /** `legend`, or the block's id (`p0`, `d3`, …). */
  id: string;
  mermaid: string;
}

/** A filter that matches nothing the user could have meant: unknown agency or part. */
export class GraphFilterError extends Error {
  constructor(
    readonly filter: 'agency' | 'chapter',
    readonly value: string,
    readonly suggestion: string | undefined,
    readonly available: string[],
  ) {
    super(`unknown ${filter} ${value}`);
  }
}

interface Part {
  key: string;
  document: string;
  chapter: string;
  title: string;
  measures: MatrixMeasure[];
}

/** How an agency is tied to a measure (or, aggregated, to a part or document). */
type EdgeKind = 'lead' | 'co' | 'responsible';

interface Edge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** Empty with measure detail (the line style tells); the 牵头/配合 counts when aggregated. */
  label: string;
  /** For the strongest-links view: leads count double. */
  weight: number;
}

type Word = 'lead' | 'co' | 'responsible' | 'legend' | 'agency' | 'measure' | 'part' | 'document' | 'noLead' | 'measures' | 'noLeadCount' | 'legendLead' | 'legendCo' | 'legendResponsible';

/** The graph's words in a language, from the wording table (count labels keep the Chinese role words in both). */
function graphWords(locale: Locale): Record<Word, string> {
  const graph = (key: Exclude<Word, 'lead' | 'co' | 'responsible'>) => wording(locale, `graph.${key}`);
  return {
    lead: roleWord(locale, 'lead'),
    co: roleWord(locale, 'co'),
    responsible: roleWord(locale, 'responsible'),
    legend: graph('legend'),
    agency: graph('agency'),
    measure: graph('measure'),
    part: graph('part'),
    document: graph('document'),
    noLead: graph('noLead'),
    measures: graph('measures'),
    noLeadCount: graph('noLeadCount'),
    legendLead: graph('legendLead'),
    legendCo: graph('legendCo'),
    legendResponsible: graph('legendResponsible'),
  };
}

const CLASS_DEFS = [
  'classDef agency fill:#e7f0ff,stroke:#1c4f9c,color:#0b2545',
  'classDef measure fill:#ffffff,stroke:#868e96,color:#212529',
  'classDef part fill:#f8f9fa,stroke:#495057,color:#212529',
  'classDef noLead fill:#fff4e6,stroke:#d9480f,stroke-width:3px,color:#862e00,stroke-dasharray:6 3',
  'classDef focus fill:#1c4f9c,stroke:#0b2545,color:#ffffff',
];

/** Builds the ownership graph of the project's guidelines (or the given ones). */
export function buildOwnershipGraph(project: Project, paths: string[] = project.guidelinePaths(), options: GraphOptions = {}): OwnershipGraph {
  // The agency filter accepts an alias too, as the drafter may know only the short form.
  const registry = paths.map((path) => project.registryFor(path)).find((index) => index !== undefined);
  const agency = options.agency !== undefined && registry ? registry.canonical(options.agency) : options.agency;
  return ownershipGraphOf(buildMatrix(project, paths), partTitles(project, paths), { ...options, agency });
}

/** Titles of every part, keyed `<document>\u0000<chapter id>`. */
function partTitles(project: Project, paths: string[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const path of paths) {
    const guideline = project.guideline(path);
    const document = guideline.id?.value ?? path;
    for (const chapter of guideline.chapters) titles.set(`${document}\u0000${chapter.id?.value ?? ''}`, chapter.title ?? '');
  }
  return titles;
}

/** The graph of a matrix: filters applied, then the most detailed level Mermaid accepts. */
export function ownershipGraphOf(matrix: Matrix, titles: Map<string, string>, options: GraphOptions = {}): OwnershipGraph {
  const locale = options.locale ?? 'en';
  const limits = options.limits ?? MERMAID_LIMITS;
  const { measures, focus } = applyFilters(matrix, options);
  const agencyOrder = matrix.agencies.map((a) => a.name);
  const fits = (layout: Layout) => {
    // Counting edges is free; writing the text of a layout with too many is most of the work.
    if (layout.edges.length + LEGEND_EDGES > limits.maxEdges) return undefined;
    const text = emit(layout, locale);
    return text.length <= limits.maxTextSize ? text : undefined;
  };

  let full: Layout | undefined;
  for (const level of GRAPH_LEVELS.slice(GRAPH_LEVELS.indexOf(options.level ?? 'measures'))) {
    full = buildGraphLayout(level, measures, agencyOrder, titles, focus, locale);
    const text = fits(full);
    if (text !== undefined) return result(level, full, text, measures, options, full.edges.length);
  }
  // Still too big: keep the strongest links of the documents view that fit (their count found by bisection).
  full = full!;
  const order = new Map(full.edges.map((edge, index) => [edge, index]));
  const ranked = [...full.edges].sort((a, b) => b.weight - a.weight || order.get(a)! - order.get(b)!);
  const keep = (count: number): Layout => {
    const kept = new Set(ranked.slice(0, count));
    const edges = full.edges.filter((edge) => kept.has(edge));
    const linked = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
    return { ...full, blocks: full.blocks.map((block) => ({ ...block, leads: block.leads.filter((a) => linked.has(a.id)), others: block.others.filter((a) => linked.has(a.id)) })), edges };
  };
  let low = 0;
  let high = ranked.length;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (fits(keep(middle)) !== undefined) low = middle;
    else high = middle - 1;
  }
  const layout = keep(low);
  return result('strongest-links', layout, emit(layout, locale), measures, options, full.edges.length);
}

function result(level: GraphLevel, layout: Layout, text: string, measures: MatrixMeasure[], options: GraphOptions, totalLinks: number): OwnershipGraph {
  const locale = options.locale ?? 'en';
  // Only a view coarser than the one asked for needs saying.
  const noticeText =
    level === 'measures' || level === (options.level ?? 'measures')
      ? undefined
      : graphNotice(locale, level, { measures: measures.length, shown: layout.edges.length, total: totalLinks }, options.filterHint);
  return {
    mermaid: text,
    level,
    nodeCount: layout.blocks.reduce((sum, block) => sum + block.leads.length + block.others.length + block.members.length, 0),
    edgeCount: layout.edges.length,
    noLeadNodeIds: layout.noLead,
    pieces: emitPieces(layout, locale),
    measureNodes: layout.measureOf,
    documentNodes: layout.documentOf,
    agencyNodes: Object.fromEntries(layout.blocks.flatMap((block) => [...block.leads, ...block.others].map((agency) => [agency.id, agency.names]))),
    measures,
    noLead: measures.filter((m) => m.noLead),
    notice: noticeText,
  };
}

function applyFilters(matrix: Matrix, options: GraphOptions): { measures: MatrixMeasure[]; focus: string | undefined } {
  let measures = matrix.measures;
  let focus: string | undefined;
  if (options.agency !== undefined) {
    const names = matrix.agencies.map((a) => a.name);
    focus = names.includes(options.agency) ? options.agency : undefined;
    if (!focus) throw new GraphFilterError('agency', options.agency, closestName(options.agency, names), names);
    measures = measures.filter((m) => m.lead === focus || m.co.includes(focus!));
  }
  if (options.chapter !== undefined) {
    const chapters = [...new Set(matrix.measures.map((m) => m.chapter))];
    if (!chapters.includes(options.chapter)) throw new GraphFilterError('chapter', options.chapter, closestName(options.chapter, chapters), chapters);
    measures = measures.filter((m) => m.chapter === options.chapter);
  }
  return { measures, focus };
}

/** What a graph draws, before it is written out as Mermaid text. */
interface Layout {
  /** What the non-agency nodes are: measures, or the parts or documents they are counted in. */
  unit: 'measure' | 'part' | 'document';
  /**
   * One block per part (aggregated: per document, or one for all), stacked in document order.
   * Each block has its own copy of every agency it involves, so no line leaves its block.
   */
  blocks: Block[];
  edges: Edge[];
  /** Ids of measure (or part) nodes drawn in the no-lead style. */
  noLead: string[];
  measureOf: Record<string, MatrixMeasure>;
  documentOf: Record<string, string>;
}

interface Block {
  id: string;
  /** The part's (or document's) heading. */
  label: string;
  /** Agencies that lead there, drawn left of the members; all others, drawn right of them. */
  leads: BlockAgency[];
  others: BlockAgency[];
  members: { id: string; label: string }[];
}

/** An agency node: a lead, the other agencies of one measure, or (aggregated) agencies tied to a block alike. */
interface BlockAgency {
  id: string;
  names: string[];
  focus: boolean;
}

/** A line of a block before its agency node is known: the agency's name and the member's position. */
type BlockEdge = Edge & { agency: string; position: number };

const LEGEND_EDGES = 3;

/** In aggregated views, agencies tied to a block alike share a node up to this many names; more make another node. */
const MAX_NAMES_PER_NODE = 8;

function buildGraphLayout(
  level: Exclude<GraphLevel, 'strongest-links'>,
  measures: MatrixMeasure[],
  agencyOrder: string[],
  titles: Map<string, string>,
  focus: string | undefined,
  locale: Locale,
): Layout {
  const words = graphWords(locale);
  // Agencies in registry order, then unknown names in order of appearance; the index names their nodes.
  const used = new Set(measures.flatMap((m) => (m.lead ? [m.lead, ...m.co] : m.co)));
  const registered = new Set(agencyOrder);
  const names = [...agencyOrder.filter((name) => used.has(name)), ...[...used].filter((name) => !registered.has(name))];
  const agencyIndex = new Map(names.map((name, index) => [name, index]));
  const layout: Layout = { unit: level === 'measures' ? 'measure' : level === 'parts' ? 'part' : 'document', blocks: [], edges: [], noLead: [], measureOf: {}, documentOf: {} };
  const multipleDocuments = new Set(measures.map((m) => m.document)).size > 1;
  const headingOf = (part: Part) => `${multipleDocuments ? `${part.document} · ` : ''}${part.chapter} ${part.title}`;

  /**
   * Adds an aggregated block: its members in order between two columns of agencies, the leads on the left and
   * the others on the right, so that no lead line can cross a co-responsible one. Agencies tied to
   * exactly the same members in the same way share one node (their names one per line): they are
   * interchangeable in the drawing, and as separate nodes their lines would only cross each other.
   * Each column is then ordered beside the members so that few of its lines cross.
   */
  const addBlock = (id: string, label: string, members: Block['members'], edges: BlockEdge[]) => {
    const column = (side: 'lead' | 'other', prefix: string) => {
      const links = edges.filter((edge) => (edge.kind === 'lead') === (side === 'lead'));
      const signatures = new Map<string, string[]>();
      for (const edge of links) listIn(signatures, edge.agency).push(`${edge.position}:${edge.kind}:${edge.label}`);
      const groups = new Map<string, string[]>();
      const openChunk = new Map<string, number>();
      const byRegistry = [...signatures.keys()].sort((x, y) => agencyIndex.get(x)! - agencyIndex.get(y)!);
      for (const name of byRegistry) {
        // The focus agency keeps a node of its own, drawn in its own style; a node holds at most
        // MAX_NAMES_PER_NODE names, so that it stays a box one can read and a line one can drop.
        const signature = name === focus ? `\u0000${name}` : signatures.get(name)!.join('|');
        let chunk = openChunk.get(signature) ?? 0;
        if ((groups.get(`${signature}#${chunk}`)?.length ?? 0) >= MAX_NAMES_PER_NODE) openChunk.set(signature, ++chunk);
        listIn(groups, `${signature}#${chunk}`).push(name);
      }
      const nodeOfGroup = new Map<string, string>();
      const names = new Map<string, string[]>();
      for (const group of groups.values()) {
        const node = `${id}${prefix}${agencyIndex.get(group[0]!)}`;
        names.set(node, group);
        for (const name of group) nodeOfGroup.set(name, node);
      }
      const nodes = [...names.keys()];
      const order = orderAgencies(nodes, links.filter((edge) => names.get(nodeOfGroup.get(edge.agency)!)![0] === edge.agency).map((edge) => ({ agency: nodeOfGroup.get(edge.agency)!, position: edge.position, lead: side === 'lead' })));
      const agencies = order.map((node) => ({ id: node, names: names.get(node)!, focus: names.get(node)!.includes(focus ?? '\u0000') }));
      // One line per group and member: the group's first agency stands for all of it.
      const drawn = links.filter((edge) => names.get(nodeOfGroup.get(edge.agency)!)![0] === edge.agency).map((edge) => ({ ...edge, node: nodeOfGroup.get(edge.agency)! }));
      return { drawn, agencies };
    };
    const leads = column('lead', 'a');
    const others = column('other', 'c');
    layout.blocks.push({ id, label, leads: leads.agencies, others: others.agencies, members });
    // Written from left to right (agency to member to agency), so that each column keeps its side.
    for (const edge of leads.drawn) layout.edges.push({ from: edge.node, to: edge.to, kind: edge.kind, label: edge.label, weight: edge.weight });
    for (const edge of others.drawn) layout.edges.push({ from: edge.to, to: edge.node, kind: edge.kind, label: edge.label, weight: edge.weight });
  };

  if (level === 'measures') {
    partsOf(measures, titles, false).forEach((part, partIndex) => addMeasureRows(layout, `p${partIndex}`, shorten(headingOf(part), 60), part.measures, focus));
    return layout;
  }

  // Aggregated: one block per part (or document), as with measure detail: a node with its measure
  // counts between its agencies, a line each labelled with the agency's counts there. Agencies with
  // the same counts share a node, so a block of forty agencies is a handful of boxes, and no line
  // crosses into another block.
  partsOf(measures, titles, level === 'documents').forEach((part, index) => {
    const id = `${level === 'parts' ? 'p' : 'd'}${index}`;
    const node = `${id}n`;
    if (level === 'documents') layout.documentOf[node] = part.measures[0]!.file;
    const withoutLead = part.measures.filter((m) => m.noLead).length;
    if (withoutLead) layout.noLead.push(node);
    const tally = new Map<string, { lead: number; co: number }>();
    for (const m of part.measures) {
      for (const name of m.lead ? [m.lead, ...m.co] : m.co) {
        let entry = tally.get(name);
        if (!entry) tally.set(name, (entry = { lead: 0, co: 0 }));
        if (name === m.lead) entry.lead++;
        else entry.co++;
      }
    }
    const edges: BlockEdge[] = [];
    for (const [name, entry] of tally) {
      const label = [entry.lead ? `${words.lead} ${entry.lead}` : '', entry.co ? `${words.co} ${entry.co}` : ''].filter(Boolean).join(' · ');
      edges.push({ agency: name, position: 0, from: '', to: node, kind: entry.lead > 0 ? 'lead' : 'co', label, weight: entry.lead * 2 + entry.co });
    }
    const counts = `${part.measures.length} ${words.measures}${withoutLead ? ` · ${withoutLead} ${words.noLeadCount}` : ''}`;
    addBlock(id, shorten(level === 'documents' ? part.document : headingOf(part), 60), [{ id: node, label: counts }], edges);
  });
  return layout;
}

/**
 * A part drawn as rows, one per measure in document order: its lead on the left, the measure,
 * and on the right one node listing its other agencies. A lead serves the run of consecutive
 * measures it leads (省科技厅 → 2.1, 2.2, 2.3). Drawn this way no two lines cross, and Mermaid's
 * layout (dagre), which reorders a column only to remove crossings, keeps the document's order.
 * Sharing one node per agency across a part would cross lines wherever its measures are not
 * consecutive, and dagre would then reorder the measures to untangle them.
 */
function addMeasureRows(layout: Layout, id: string, label: string, measures: MatrixMeasure[], focus: string | undefined): void {
  const block: Block = { id, label, leads: [], others: [], members: [] };
  let run: { name: string; node: string } | undefined;
  measures.forEach((m, position) => {
    const node = `${id}m${position}`;
    layout.measureOf[node] = m;
    if (m.noLead) layout.noLead.push(node);
    block.members.push({ id: node, label: shorten(`${m.id} ${m.title}`, 40) });
    if (m.lead) {
      if (run?.name !== m.lead) {
        run = { name: m.lead, node: `${id}a${block.leads.length}` };
        block.leads.push({ id: run.node, names: [m.lead], focus: m.lead === focus });
      }
      layout.edges.push({ from: run.node, to: node, kind: 'lead', label: '', weight: 1 });
    } else {
      run = undefined;
    }
    // The focus agency (an agency's view) keeps a node of its own, in its own style.
    const kind: EdgeKind = m.noLead ? 'responsible' : 'co';
    const rest = m.co.filter((name) => name !== focus);
    const groups = [...(rest.length < m.co.length ? [[focus!]] : []), ...(rest.length ? [rest] : [])];
    groups.forEach((names, index) => {
      const other = `${id}c${position}${index ? 'x' : ''}`;
      block.others.push({ id: other, names, focus: names[0] === focus });
      layout.edges.push({ from: node, to: other, kind, label: '', weight: 1 });
    });
  });
  layout.blocks.push(block);
}

// Line styles by kind, applied with linkStyle (Mermaid numbers links in order of appearance):
// a lead thick and blue, co-responsible dotted grey, responsible-without-lead solid orange —
// mid tones, that read on the light and on the dark theme alike.
const LINK = {
  lead: { arrow: '===', style: 'stroke:#2f6fd6,stroke-width:3px' },
  co: { arrow: '-.-', style: 'stroke:#7b8794,stroke-width:1.5px' },
  responsible: { arrow: '---', style: 'stroke:#d9480f,stroke-width:2px' },
} as const satisfies Record<EdgeKind, { arrow: string; style: string }>;

// Tighter than Mermaid's defaults (50 px between nodes, 15 px inside them), which make a column of
// 20 agencies a screen tall; the title margin keeps a part's heading clear of its first row.
// A directive rather than front matter: Mermaid versions before 10.5 (other renderers, older
// GitHub Enterprise) read it as a comment and still draw the graph.
const INIT = '%%{init: {"flowchart": {"nodeSpacing": 8, "rankSpacing": 30, "padding": 6, "subGraphTitleMargin": {"top": 6, "bottom": 10}}}}%%';

/** Rows of nodes per column of blocks before the blocks wrap into a second column. */
const ROWS_PER_COLUMN = 40;
const MAX_COLUMNS = 2;

/**
 * The graph in pieces: the legend, then one diagram per block, in document order. A preview that
 * draws them one by one redraws only the blocks an edit changed, each a small render, and lets the
 * editor run between them; together they show what the whole diagram shows.
 */
function emitPieces(layout: Layout, locale: Locale): GraphPiece[] {
  const blockOf = new Map<string, string>();
  for (const block of layout.blocks) for (const node of [...block.leads, ...block.members, ...block.others]) blockOf.set(node.id, block.id);
  const edgesOf = new Map<string, Edge[]>();
  for (const edge of layout.edges) listIn(edgesOf, blockOf.get(edge.from) ?? '').push(edge);
  const kinds = new Set(layout.edges.map((edge) => edge.kind));
  const pieces: GraphPiece[] = [{ id: 'legend', mermaid: emit({ ...layout, blocks: [], edges: [], noLead: [] }, locale, { legend: true, kinds }) }];
  for (const block of layout.blocks) {
    const own = new Set(block.members.map((member) => member.id));
    const piece = { ...layout, blocks: [block], edges: edgesOf.get(block.id) ?? [], noLead: layout.noLead.filter((id) => own.has(id)) };
    pieces.push({ id: block.id, mermaid: emit(piece, locale, { legend: false }) });
  }
  return pieces;
}

/** Writes a layout as Mermaid flowchart text; every label goes through mermaidLabel. */
function emit(layout: Layout, locale: Locale, options: { legend: boolean; kinds?: Set<EdgeKind> } = { legend: true }): string {
  const words = graphWords(locale);
  // LR at the top level stacks the blocks, which have no line between them, in one column in the
  // order written; each block is laid out on its own, agencies left of its measures.
  const columns = splitColumns(layout.blocks);
  const lines: string[] = [INIT, `flowchart ${columns.length > 1 ? 'TB' : 'LR'}`, ...CLASS_DEFS.map((line) => `  ${line}`)];
  const kinds = options.kinds ?? new Set(layout.edges.map((edge) => edge.kind));
  const legend: [EdgeKind, string, string][] = [
    ['lead', words.legendLead, 'legend_measure'],
    ['co', words.legendCo, 'legend_measure'],
    ['responsible', words.legendResponsible, 'legend_nolead'],
  ];
  // The line styles drawn; with no line at all, the two a reader expects.
  const shownLegend = options.legend ? legend.filter(([kind]) => (kinds.size ? kinds.has(kind) : kind !== 'responsible')) : [];
  const legendLines: string[] = [];
  if (options.legend) legendLines.push(`  subgraph legend["${mermaidLabel(words.legend)}"]`, '    direction LR');
  shownLegend.forEach((_, index) => legendLines.push(`    legend_agency${index}["${mermaidLabel(words.agency)}"]`));
  if (options.legend) legendLines.push(`    legend_measure["${mermaidLabel(words[layout.unit])}"]`, `    legend_nolead["${mermaidLabel(words.noLead)}"]`);
  shownLegend.forEach(([kind, text, target], index) => legendLines.push(`    legend_agency${index} ${LINK[kind].arrow}|${mermaidLabel(text)}| ${target}`));
  if (options.legend) legendLines.push('  end');

  // Mermaid stacks boxes that no line joins in the reverse of the order they are written (it adds
  // subgraphs to the layout last first), so the blocks are written last first to read first-first.
  const writeBlock = (block: Block, indent: string) => {
    lines.push(`${indent}subgraph ${block.id}["${mermaidLabel(block.label)}"]`, `${indent}  direction LR`);
    for (const agency of block.leads) lines.push(`${indent}  ${agency.id}["${agencyLabel(agency)}"]`);
    for (const member of block.members) lines.push(`${indent}  ${member.id}["${mermaidLabel(member.label)}"]`);
    for (const agency of block.others) lines.push(`${indent}  ${agency.id}["${agencyLabel(agency)}"]`);
    lines.push(`${indent}end`);
  };
  if (columns.length === 1) {
    for (const block of [...layout.blocks].reverse()) writeBlock(block, '  ');
    for (const line of legendLines) lines.push(line);
  } else {
    [...columns].reverse().forEach((column, index) => {
      const id = `col${columns.length - 1 - index}`;
      lines.push(`  subgraph ${id}[" "]`, '    direction LR');
      for (const block of [...column].reverse()) writeBlock(block, '    ');
      if (id === 'col0') for (const line of legendLines) lines.push(`  ${line}`);
      lines.push('  end', `  style ${id} fill:none,stroke:none`);
    });
  }
  for (const edge of layout.edges) lines.push(`  ${edge.from} ${LINK[edge.kind].arrow}${edge.label ? `|${mermaidLabel(edge.label)}|` : ''} ${edge.to}`);

  const byKind = new Map<EdgeKind, number[]>();
  const styled = [...shownLegend.map(([kind]) => kind), ...layout.edges.map((edge) => edge.kind)];
  styled.forEach((kind, index) => listIn(byKind, kind).push(index));
  for (const [kind, indexes] of byKind) for (let i = 0; i < indexes.length; i += 50) lines.push(`  linkStyle ${indexes.slice(i, i + 50).join(',')} ${LINK[kind].style}`);

  const noLead = new Set(layout.noLead);
  const agencies = layout.blocks.flatMap((block) => [...block.leads, ...block.others]);
  pushClass(lines, shownLegend.map((_, index) => `legend_agency${index}`), 'agency');
  if (options.legend) {
    pushClass(lines, ['legend_measure'], layout.unit === 'measure' ? 'measure' : 'part');
    pushClass(lines, ['legend_nolead'], 'noLead');
  }
  pushClass(lines, agencies.filter((a) => !a.focus).map((a) => a.id), 'agency');
  pushClass(lines, agencies.filter((a) => a.focus).map((a) => a.id), 'focus');
  const members = layout.blocks.flatMap((block) => block.members.map((member) => member.id)).filter((id) => !noLead.has(id));
  pushClass(lines, members, layout.unit === 'measure' ? 'measure' : 'part');
  pushClass(lines, layout.noLead, 'noLead');
  return `${lines.join('\n')}\n`;
}

/** The names of an agency node, one per line; each escaped, the line breaks Mermaid's own. */
function agencyLabel(agency: BlockAgency): string {
  return agency.names.map((name) => mermaidLabel(shorten(name, 40))).join('<br>');
}

/**
 * Splits the blocks, in order, into columns of about equal height, so that a long guideline reads
 * on a wide screen as a newspaper does instead of as one narrow strip. A block's height is counted
 * in rows: its tallest column (an agency node of several names counts a row per name), plus its heading.
 */
function splitColumns(blocks: Block[]): Block[][] {
  const rowsOf = (agencies: BlockAgency[]) => agencies.reduce((sum, agency) => sum + Math.max(1, agency.names.length * 0.6), 0);
  const rows = blocks.map((block) => Math.max(rowsOf(block.leads), block.members.length, rowsOf(block.others)) + 2);
  const total = rows.reduce((sum, r) => sum + r, 0);
  const count = Math.min(MAX_COLUMNS, blocks.length, Math.max(1, Math.ceil(total / ROWS_PER_COLUMN)));
  const columns: Block[][] = [[]];
  let height = 0;
  blocks.forEach((block, index) => {
    if (columns.length < count && height > 0 && height + rows[index]! / 2 > (total * columns.length) / count) columns.push([]);
    columns[columns.length - 1]!.push(block);
    height += rows[index]!;
  });
  return columns;
}

/** The list stored under `key`, created empty on first use. */
function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** `class a,b,c name` lines, chunked so that no line grows without bound. */
function pushClass(lines: string[], ids: string[], className: string): void {
  for (let i = 0; i < ids.length; i += 50) lines.push(`  class ${ids.slice(i, i + 50).join(',')} ${className}`);
}

function partsOf(measures: MatrixMeasure[], titles: Map<string, string>, byDocument: boolean): Part[] {
  const parts = new Map<string, Part>();
  for (const m of measures) {
    const key = byDocument ? m.document : `${m.document}\u0000${m.chapter}`;
    let part = parts.get(key);
    if (!part) parts.set(key, (part = { key, document: m.document, chapter: m.chapter, title: byDocument ? m.document : (titles.get(key) ?? ''), measures: [] }));
    part.measures.push(m);
  }
  return [...parts.values()];
}
