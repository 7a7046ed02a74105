// `taskmatrix import`: the plain text of a policy document to guideline YAML, with a list of
// everything that looked like a measure or a responsibility list but could not be read.
import type { Division } from '../model';
import type { RegistryIndex } from '../registry';
import { formatMessage } from '../messages';
import type { Locale } from '../types';
import { guidelineToYaml } from './emit';
import type { ImportedChapter, ImportedGuideline, ImportedMeasure } from './emit';
import { buildOutline, paragraphsOf } from './outline';
import type { OutlineNode } from './outline';
import { splitParagraphs } from './paragraphs';
import type { Paragraph } from './paragraphs';
import { LEAD_RULE, parseResponsibility } from './responsibility';
import type { ResponsibilityList } from './responsibility';
import { extractTargets } from './targets';

export interface ImportOptions {
  id: string;
  locale: Locale;
  title?: string;
  issuer?: string;
  /** Resolves names and aliases; names it does not know are reported as new. */
  registry?: RegistryIndex;
  /** Where the modeline points, relative to the output file. */
  schemaPath?: string;
}

export interface ImportProblem {
  line: number;
  message: string;
  /** The start of the paragraph, to recognise it by. */
  excerpt: string;
}

export interface ImportResult {
  yaml: string;
  guideline: ImportedGuideline;
  counts: { parts: number; measures: number; lists: number; targets: number };
  problems: ImportProblem[];
  /** Names not in the registry (all names when there is none), in order of first mention. */
  newAgencies: string[];
}

interface Draft {
  node: OutlineNode;
  paragraphs: Paragraph[];
  /** The body without the trailing responsibility list. */
  body: string;
  list?: ResponsibilityList;
}

const EXCERPT_LENGTH = 30;

export function importGuideline(source: string, options: ImportOptions): ImportResult {
  const { locale } = options;
  const paragraphs = splitParagraphs(source);
  const outline = buildOutline(paragraphs);
  const title = options.title ?? titleOf(outline.front) ?? options.id;
  const { parts, outside } = topLevelParts(outline.parts, title);
  const problems: ImportProblem[] = [];
  const problem = (paragraph: Paragraph, key: 'import.noList' | 'import.unreadName' | 'import.strayList' | 'import.partList' | 'import.beforeParts', args: Record<string, string> = {}) =>
    problems.push({ line: paragraph.line, message: formatMessage(locale, key, args), excerpt: excerpt(paragraph.text) });
  const known = (name: string) => options.registry?.resolve(name) !== undefined;

  for (const node of outside) if (paragraphsOf(node).some((paragraph) => trailingList(paragraph.text, known))) problem(node.heading, 'import.beforeParts');
  const consumed = new Set<Paragraph>();
  const chapters: Array<{ part: OutlineNode; drafts: Draft[] }> = [];
  for (const part of parts) {
    const drafts = part.children.some(hasListDeep(known)) ? part.children.flatMap(measureNodes(known)).map((node) => draftOf(node, known)) : [];
    for (const draft of drafts) {
      if (draft.list) consumed.add(draft.paragraphs[draft.paragraphs.length - 1]!);
      else problem(draft.node.heading, 'import.noList');
      for (const name of draft.list?.unparsed ?? []) problem(draft.paragraphs[draft.paragraphs.length - 1]!, 'import.unreadName', { name });
    }
    if (drafts.length === 0 && trailingList(part.heading.body, known)) problem(part.heading, 'import.partList');
    chapters.push({ part, drafts });
  }
  // A parenthesis ending in 负责/牵头/单位 anywhere else is a responsibility list this reading missed.
  for (const paragraph of paragraphs) {
    const strayAt = strayListIn(paragraph, consumed.has(paragraph));
    if (strayAt !== undefined) problem(paragraph, 'import.strayList', { list: strayAt });
  }

  // A lead rule outside every list (a 注： line, the preamble) holds for the whole document.
  const globalRule = paragraphs.some((paragraph) => LEAD_RULE.test(consumed.has(paragraph) ? withoutTrailingList(paragraph.text) : paragraph.text));
  const anyLead = globalRule || chapters.some(({ drafts }) => drafts.some(({ list }) => list?.statesLeadRule || list?.explicitLead));
  const fileDivision: Division | undefined = anyLead ? undefined : 'joint';
  const newAgencies: string[] = [];
  const divisionOf = divisionReader(globalRule);
  const importedChapters: ImportedChapter[] = chapters.map(({ part, drafts }) => ({
    id: String(part.path[0]),
    // A heading with no words at all keeps its printed number, so that the title is never empty.
    title: firstSentence(part.heading.body).title || part.heading.text || part.markers.join(''),
    measures: drafts.map((draft): ImportedMeasure => {
      const { title, rest } = firstSentence(draft.body);
      const printed = draft.node.markers.join('');
      const measure: ImportedMeasure = { id: draft.node.path.join('.'), printed, title: title || printed, line: draft.node.heading.line };
      const text = measureText(draft, rest);
      if (text !== '') measure.text = text;
      if (!draft.list) return measure;
      measure.agencies = draft.list.agencies.map((name) => {
        const entry = options.registry?.resolve(name);
        if (!entry && !newAgencies.includes(name)) newAgencies.push(name);
        return entry?.agency.name.value ?? name;
      });
      const division = divisionOf(draft.list);
      if (division !== 'lead-first' && division !== fileDivision) measure.division = division;
      return measure;
    }),
  }));

  const targets = parts.flatMap((part) => goalSections(part)).flatMap((node) => {
    const [head, ...others] = paragraphsOf(node);
    const rest = firstSentence(head!.body).rest;
    return extractTargets([{ text: rest, line: head!.line }, ...others.map((paragraph) => ({ text: paragraph.text, line: paragraph.line }))], node.path.join('.'));
  });

  const guideline: ImportedGuideline = {
    id: options.id,
    title,
    ...optional('issuer', options.issuer ?? issuerOf(paragraphs, importedChapters)),
    ...optional('status', /征求意见|草案|送审稿|讨论稿/.test(title) ? ('draft' as const) : undefined),
    ...optional('division', fileDivision),
    targets,
    chapters: importedChapters,
  };
  const measures = importedChapters.flatMap((chapter) => chapter.measures);
  const trailing = options.registry && newAgencies.length > 0 ? [formatMessage(locale, 'import.newAgenciesComment', { count: newAgencies.length }), ...newAgencies.map((name) => `  - ${name}`)] : [];
  problems.sort((a, b) => a.line - b.line);
  return {
    yaml: guidelineToYaml(guideline, options.schemaPath ?? '../schemas/guideline.schema.json', trailing),
    guideline,
    counts: { parts: importedChapters.length, measures: measures.length, lists: measures.filter((measure) => measure.agencies).length, targets: targets.length },
    problems,
    newAgencies,
  };
}

/**
 * The division of each list, read in document order. An explicit lead or 各自负责 settles a list
 * by itself; a plain list follows the lead rule (stated in it, in a note, or in an earlier list
 * with 下同) or an earlier by-function list with 下同; with none of them nobody leads (joint).
 */
function divisionReader(globalRule: boolean): (list: ResponsibilityList) => Division {
  let carried: 'lead-first' | 'by-function' | undefined;
  return (list) => {
    let division: Division;
    if (list.explicitLead) division = 'lead-first';
    else if (list.byFunction) division = 'by-function';
    else if (list.statesLeadRule || globalRule || carried === 'lead-first') division = 'lead-first';
    else division = carried ?? 'joint';
    if (list.ditto) carried = list.byFunction ? 'by-function' : list.statesLeadRule || list.explicitLead ? 'lead-first' : carried;
    return division;
  };
}

/** The measure's text: the heading paragraph after its title, then the later paragraphs, without the list. */
function measureText(draft: Draft, rest: string): string {
  const later = draft.paragraphs.slice(1).map((paragraph) => paragraph.text);
  if (draft.list && later.length > 0) later[later.length - 1] = withoutTrailingList(later[later.length - 1]!);
  return [rest, ...later].filter((piece) => piece !== '').join('\n');
}

/**
 * The parts of the document. One numbered only by items (（一）…) or 1. gets one part, titled as
 * the document; in one with parts, items before the first part heading are front matter.
 */
function topLevelParts(nodes: OutlineNode[], title: string): { parts: OutlineNode[]; outside: OutlineNode[] } {
  const parts = nodes.filter((node) => node.heading.kind === 'part');
  if (parts.length > 0) return { parts, outside: nodes.filter((node) => node.heading.kind !== 'part') };
  if (nodes.length === 0) return { parts: [], outside: [] };
  const heading: Paragraph = { kind: 'part', text: title, body: title, marker: '', number: 1, line: nodes[0]!.heading.line };
  const renumber = (node: OutlineNode): OutlineNode => ({ ...node, path: [1, ...node.path], children: node.children.map(renumber) });
  return { parts: [{ heading, paragraphs: [], children: nodes.map(renumber), path: [1], markers: [''] }], outside: [] };
}

/**
 * The nodes that are measures. An item is one measure unless two or more of its sub-items carry
 * a responsibility list of their own (or one that is not the last: then the list cannot be the
 * whole item's), in which case each sub-item is a measure.
 */
function measureNodes(known: (name: string) => boolean) {
  const expand = (node: OutlineNode): OutlineNode[] => {
    const listed = node.children.filter(hasListDeep(known));
    const ownList = trailingList([node.heading, ...node.paragraphs].map((p) => p.text).join(''), known) !== undefined;
    const split = !ownList && (listed.length >= 2 || (listed.length === 1 && listed[0] !== node.children[node.children.length - 1]));
    return split ? node.children.flatMap(expand) : [node];
  };
  return expand;
}

function hasListDeep(known: (name: string) => boolean) {
  return (node: OutlineNode): boolean => paragraphsOf(node).some((paragraph) => trailingList(paragraph.text, known) !== undefined);
}

function draftOf(node: OutlineNode, known: (name: string) => boolean): Draft {
  const paragraphs = paragraphsOf(node);
  const last = paragraphs[paragraphs.length - 1]!;
  const list = trailingList(last.text, known);
  const body = paragraphs.length === 1 && list ? withoutTrailingList(node.heading.body) : node.heading.body;
  return { node, paragraphs, body, ...(list ? { list: list.list } : {}) };
}

/** The responsibility list that ends a text, if its last parenthesis is one. */
function trailingList(text: string, known: (name: string) => boolean): { list: ResponsibilityList; start: number } | undefined {
  const group = trailingParenthesis(text);
  if (!group) return undefined;
  const list = parseResponsibility(group.contents, known);
  return list ? { list, start: group.start } : undefined;
}

/** The last parenthesised group of a text when nothing but a full stop follows it. */
function trailingParenthesis(text: string): { contents: string; start: number } | undefined {
  const trimmed = text.replace(/[\s。.；;]+$/, '');
  const last = trimmed[trimmed.length - 1];
  if (last !== '）' && last !== ')') return undefined;
  let depth = 0;
  for (let index = trimmed.length - 1; index >= 0; index--) {
    const char = trimmed[index];
    if (char === '）' || char === ')') depth++;
    else if (char === '（' || char === '(') {
      depth--;
      if (depth === 0) return { contents: trimmed.slice(index + 1, -1), start: index };
    }
  }
  return undefined;
}

function withoutTrailingList(text: string): string {
  const group = trailingParenthesis(text);
  return group ? text.slice(0, group.start).replace(/\s+$/, '') : text;
}

/**
 * The first parenthesis in a paragraph that reads like a responsibility list (ends in 负责, 牵头
 * or 单位) but is not the list this import used, if any.
 */
function strayListIn(paragraph: Paragraph, listUsed: boolean): string | undefined {
  const text = listUsed ? withoutTrailingList(paragraph.text) : paragraph.text;
  for (const match of text.matchAll(/[（(]([^（）()]{2,200})[）)]/g)) {
    if (/(负责|牵头|单位)$/.test(match[1]!)) return match[0];
  }
  return undefined;
}

/** Part and item headings that introduce the development goals (发展目标, 主要目标, …). */
function goalSections(part: OutlineNode): OutlineNode[] {
  const isGoal = (node: OutlineNode) => /目标/.test(firstSentence(node.heading.body).title) && firstSentence(node.heading.body).title.length <= 12;
  if (isGoal(part)) return [part];
  return part.children.filter(isGoal);
}

/**
 * The title (first sentence, without its full stop) and the rest of a heading paragraph. Stray
 * punctuation after the marker (（一）。加强研究。) is skipped, so that a title is never empty.
 */
function firstSentence(body: string): { title: string; rest: string } {
  const text = body.replace(/^[\s。！？，、；：.,;:]+/, '');
  const stop = text.search(/[。！？]/);
  if (stop < 0) return { title: text.trim(), rest: '' };
  return { title: text.slice(0, stop).trim(), rest: text.slice(stop + 1).trim() };
}

/**
 * The document's title from the lines before its body: the line that names a kind of document
 * (关于…的意见, …方案, …办法) with a following `（征求意见稿）`; document numbers (浙政发〔2024〕1号)
 * and letterheads (…文件) are skipped.
 */
function titleOf(front: Paragraph[]): string | undefined {
  const heads = front.filter((paragraph) => !/[。]$/.test(paragraph.text) && !/〔\d{4}〕|\[\d{4}\]|号$|文件$/.test(paragraph.text));
  const index = Math.max(0, heads.findIndex((paragraph) => /关于|意见|方案|通知|办法|规划|措施|计划|决定|纲要|条例|规定|指南|细则|政策/.test(paragraph.text)));
  const head = heads[index];
  if (!head) return undefined;
  let title = head.text;
  for (const next of heads.slice(index + 1)) {
    if (/^[（(][^（）()]{1,15}[）)]$/.test(next.text)) title += next.text;
    else break;
  }
  return title;
}

/** 现结合浙江实际 with agencies named 省… gives 浙江省. */
function issuerOf(paragraphs: Paragraph[], chapters: ImportedChapter[]): string | undefined {
  for (const paragraph of paragraphs.slice(0, 12)) {
    const match = /结合(?!我|本|各)([\u4e00-\u9fff]{2,4}?)(省|市|县|区)?实际/.exec(paragraph.text);
    if (!match) continue;
    if (match[2]) return match[1]! + match[2];
    const prefixes = chapters.flatMap((chapter) => chapter.measures.flatMap((measure) => measure.agencies ?? [])).map((name) => name[0]);
    const level = ['省', '市', '县'].find((prefix) => prefixes.filter((p) => p === prefix).length > prefixes.length / 2);
    return level ? match[1]! + level : undefined;
  }
  return undefined;
}

function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
