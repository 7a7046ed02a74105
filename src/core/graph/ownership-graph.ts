// The agency ownership graph as Mermaid flowchart text: agencies and measures as nodes,
// measures grouped by part, lead edges solid (牵头), co-responsible edges dotted (配合),
// measures without a lead in a warning style. Above Mermaid's limits it aggregates instead
// of emitting a graph Mermaid would refuse. Same input, same text.
import { buildMatrix } from '../matrix';
import type { Matrix, MatrixMeasure } from '../matrix';
import type { Project } from '../project';
import { closestName } from '../suggest';
import type { Locale } from '../types';
import { mermaidLabel, shorten } from './mermaid-text';

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
}

export interface OwnershipGraph {
  mermaid: string;
  level: GraphLevel;
  /** Nodes and edges of the graph itself, the legend excluded. */
  nodeCount: number;
  edgeCount: number;
  /** Ids of the Mermaid nodes drawn with the noLead class. */
  noLeadNodeIds: string[];
  /** The measure behind each measure node (empty in aggregated views): lets a preview reveal it. */
  measureNodes: Record<string, MatrixMeasure>;
  /** The agency behind each agency node. */
  agencyNodes: Record<string, string>;
  /** The measures shown, and those of them without a lead. */
  measures: MatrixMeasure[];
  noLead: MatrixMeasure[];
  /** Set when the graph is aggregated: what it shows instead, and how to get detail. */
  notice?: string;
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

interface Edge {
  from: string;
  to: string;
  lead: boolean;
  label: string;
  /** For the strongest-links view: leads count double. */
  weight: number;
}

const WORDS: Record<Locale, Record<'lead' | 'co' | 'responsible' | 'legend' | 'agency' | 'measure' | 'part' | 'document' | 'noLead' | 'measures' | 'noLeadCount', string>> = {
  // Edge labels stay the Chinese terms in both locales (short, and what the documents say); the legend translates.
  en: { lead: '牵头', co: '配合', responsible: '负责', legend: '图例 Legend', agency: '单位 agency', measure: '措施 measure', part: '部分 part (count)', document: '文件 document (count)', noLead: '无牵头单位 no lead', measures: 'measures', noLeadCount: 'without lead' },
  'zh-cn': { lead: '牵头', co: '配合', responsible: '负责', legend: '图例', agency: '单位', measure: '措施', part: '部分（数量）', document: '文件（数量）', noLead: '无牵头单位', measures: '项措施', noLeadCount: '项无牵头' },
};

const NOTICE: Record<Locale, Record<Exclude<GraphLevel, 'measures'>, string>> = {
  en: {
    parts: 'Aggregated view: {measures} measures are too many for one Mermaid graph, so agencies link to parts, with counts. Filter with --agency or --chapter for measure detail.',
    documents: 'Aggregated view: {measures} measures are too many for one Mermaid graph, so agencies link to documents, with counts. Filter with --agency or --chapter for measure detail.',
    'strongest-links': 'Aggregated view: {measures} measures are too many for one Mermaid graph; agencies link to documents, and only the {shown} strongest of {total} links are drawn. Filter with --agency or --chapter for detail.',
  },
  'zh-cn': {
    parts: '汇总视图：{measures} 项措施超出单张 Mermaid 图的容量，改为显示各单位与各部分的关联及数量。使用 --agency 或 --chapter 筛选可查看措施明细。',
    documents: '汇总视图：{measures} 项措施超出单张 Mermaid 图的容量，改为显示各单位与各文件的关联及数量。使用 --agency 或 --chapter 筛选可查看措施明细。',
    'strongest-links': '汇总视图：{measures} 项措施超出单张 Mermaid 图的容量；显示各单位与各文件的关联，仅绘出 {total} 条关联中最强的 {shown} 条。使用 --agency 或 --chapter 筛选可查看明细。',
  },
};

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

  for (const level of ['measures', 'parts', 'documents'] as const) {
    const layout = lay(level, measures, agencyOrder, titles, focus, locale);
    const text = fits(layout);
    if (text !== undefined) return result(level, layout, text, measures, locale, layout.edges.length);
  }
  // Still too big: keep the strongest links that fit (the count of kept links is found by bisection).
  const full = lay('documents', measures, agencyOrder, titles, focus, locale);
  const order = new Map(full.edges.map((edge, index) => [edge, index]));
  const ranked = [...full.edges].sort((a, b) => b.weight - a.weight || order.get(a)! - order.get(b)!);
  const keep = (count: number): Layout => {
    const kept = new Set(ranked.slice(0, count));
    const edges = full.edges.filter((edge) => kept.has(edge));
    const linked = new Set(edges.map((edge) => edge.from));
    return { ...full, agencies: full.agencies.filter((a) => linked.has(a.id)), edges };
  };
  let low = 0;
  let high = ranked.length;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (fits(keep(middle)) !== undefined) low = middle;
    else high = middle - 1;
  }
  const layout = keep(low);
  return result('strongest-links', layout, emit(layout, locale), measures, locale, full.edges.length);
}

function result(level: GraphLevel, layout: Layout, text: string, measures: MatrixMeasure[], locale: Locale, totalLinks: number): OwnershipGraph {
  const noticeText =
    level === 'measures'
      ? undefined
      : NOTICE[locale][level].replace('{measures}', String(measures.length)).replace('{shown}', String(layout.edges.length)).replace('{total}', String(totalLinks));
  return {
    mermaid: text,
    level,
    nodeCount: layout.agencies.length + layout.groups.reduce((sum, group) => sum + (group.members.length || 1), 0),
    edgeCount: layout.edges.length,
    noLeadNodeIds: layout.noLead,
    measureNodes: layout.measureOf,
    agencyNodes: Object.fromEntries(layout.agencies.map((agency) => [agency.id, agency.name])),
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
  agencies: { id: string; name: string; label: string; focus: boolean }[];
  /** With measure detail: one subgraph per part holding its measures; aggregated: one node per part. */
  groups: { id: string; label: string; members: { id: string; label: string }[] }[];
  edges: Edge[];
  /** Ids of measure (or part) nodes drawn in the no-lead style. */
  noLead: string[];
  measureOf: Record<string, MatrixMeasure>;
}

const LEGEND_EDGES = 2;

function lay(
  level: Exclude<GraphLevel, 'strongest-links'>,
  measures: MatrixMeasure[],
  agencyOrder: string[],
  titles: Map<string, string>,
  focus: string | undefined,
  locale: Locale,
): Layout {
  const words = WORDS[locale];
  // Agencies in registry order, then unknown names in order of appearance: ids a0, a1, …
  const used = new Set(measures.flatMap((m) => (m.lead ? [m.lead, ...m.co] : m.co)));
  const registered = new Set(agencyOrder);
  const names = [...agencyOrder.filter((name) => used.has(name)), ...[...used].filter((name) => !registered.has(name))];
  const agencyIndex = new Map(names.map((name, index) => [name, index]));
  const agencyId = new Map(names.map((name, index) => [name, `a${index}`]));
  const layout: Layout = { unit: level === 'measures' ? 'measure' : level === 'parts' ? 'part' : 'document', agencies: names.map((name) => ({ id: agencyId.get(name)!, name, label: shorten(name, 40), focus: name === focus })), groups: [], edges: [], noLead: [], measureOf: {} };

  const multipleDocuments = new Set(measures.map((m) => m.document)).size > 1;
  partsOf(measures, titles, level === 'documents').forEach((part, partIndex) => {
    const partId = `p${partIndex}`;
    if (level === 'measures') {
      const heading = `${multipleDocuments ? `${part.document} · ` : ''}${part.chapter} ${part.title}`;
      const members = part.measures.map((m, index) => {
        const id = `m${partIndex}_${index}`;
        layout.measureOf[id] = m;
        if (m.noLead) layout.noLead.push(id);
        if (m.lead) layout.edges.push({ from: agencyId.get(m.lead)!, to: id, lead: true, label: words.lead, weight: 1 });
        for (const name of m.co) layout.edges.push({ from: agencyId.get(name)!, to: id, lead: false, label: m.noLead ? words.responsible : words.co, weight: 1 });
        return { id, label: shorten(`${m.id} ${m.title}`, 40) };
      });
      layout.groups.push({ id: partId, label: shorten(heading, 60), members });
      return;
    }
    // Aggregated: one node per part (or document) with its measure counts, one edge per agency.
    const withoutLead = part.measures.filter((m) => m.noLead).length;
    if (withoutLead) layout.noLead.push(partId);
    const heading = level === 'documents' ? part.document : `${multipleDocuments ? `${part.document} · ` : ''}${part.chapter} ${part.title}`;
    const counts = `${part.measures.length} ${words.measures}${withoutLead ? ` · ${withoutLead} ${words.noLeadCount}` : ''}`;
    layout.groups.push({ id: partId, label: `${shorten(heading, 40)} (${counts})`, members: [] });
    const tally = new Map<string, { lead: number; co: number }>();
    for (const m of part.measures) {
      for (const name of m.lead ? [m.lead, ...m.co] : m.co) {
        const entry = tally.get(name) ?? { lead: 0, co: 0 };
        if (name === m.lead) entry.lead++;
        else entry.co++;
        tally.set(name, entry);
      }
    }
    // In agency order: the part's own agencies sorted, not every agency looked up for every part.
    for (const name of [...tally.keys()].sort((a, b) => agencyIndex.get(a)! - agencyIndex.get(b)!)) {
      const entry = tally.get(name)!;
      const label = [entry.lead ? `${words.lead} ${entry.lead}` : '', entry.co ? `${words.co} ${entry.co}` : ''].filter(Boolean).join(' · ');
      layout.edges.push({ from: agencyId.get(name)!, to: partId, lead: entry.lead > 0, label, weight: entry.lead * 2 + entry.co });
    }
  });
  return layout;
}

/** Writes a layout as Mermaid flowchart text; every label goes through mermaidLabel. */
function emit(layout: Layout, locale: Locale): string {
  const words = WORDS[locale];
  const lines: string[] = ['flowchart LR', ...CLASS_DEFS.map((line) => `  ${line}`)];
  lines.push(
    `  subgraph legend["${mermaidLabel(words.legend)}"]`,
    '    direction LR',
    `    legend_agency["${mermaidLabel(words.agency)}"]`,
    `    legend_measure["${mermaidLabel(words[layout.unit])}"]`,
    `    legend_nolead["${mermaidLabel(words.noLead)}"]`,
    `    legend_agency -->|${mermaidLabel(words.lead)}| legend_measure`,
    `    legend_agency -.->|${mermaidLabel(words.co)}| legend_nolead`,
    '  end',
    '  class legend_agency agency',
    '  class legend_measure measure',
    '  class legend_nolead noLead',
  );
  for (const agency of layout.agencies) lines.push(`  ${agency.id}["${mermaidLabel(agency.label)}"]`);
  for (const group of layout.groups) {
    if (group.members.length === 0) {
      lines.push(`  ${group.id}["${mermaidLabel(group.label)}"]`);
      continue;
    }
    lines.push(`  subgraph ${group.id}["${mermaidLabel(group.label)}"]`);
    for (const member of group.members) lines.push(`    ${member.id}["${mermaidLabel(member.label)}"]`);
    lines.push('  end');
  }
  for (const edge of layout.edges) lines.push(`  ${edge.from} ${edge.lead ? '-->' : '-.->'}|${mermaidLabel(edge.label)}| ${edge.to}`);

  const noLead = new Set(layout.noLead);
  pushClass(lines, layout.agencies.filter((a) => !a.focus).map((a) => a.id), 'agency');
  pushClass(lines, layout.agencies.filter((a) => a.focus).map((a) => a.id), 'focus');
  const members = layout.groups.flatMap((group) => group.members.map((member) => member.id));
  pushClass(lines, members.filter((id) => !noLead.has(id)), 'measure');
  const partNodes = layout.groups.filter((group) => group.members.length === 0).map((group) => group.id);
  pushClass(lines, partNodes.filter((id) => !noLead.has(id)), 'part');
  pushClass(lines, layout.noLead, 'noLead');
  return `${lines.join('\n')}\n`;
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
