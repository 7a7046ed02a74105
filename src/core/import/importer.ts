// `taskmatrix import`: a policy document to guideline YAML, with a list of everything that looked
// like a measure or a responsibility list but could not be read. The stages, in order:
//   read/ (text, Word, PDF, spreadsheet, CSV → blocks)  →  paragraphs.ts  →  outline.ts  →
//   lists.ts + responsibility.ts  →  measures.ts (or tables.ts for a task table)  →  emit.ts
import type { Division } from '../model/model';
import type { RegistryIndex } from '../model/registry';
import { formatMessage } from '../wording/messages';
import type { Locale } from '../types';
import { abbreviations } from './abbreviations';
import { deadlineOfLabel } from './deadline-phrase';
import { guidelineToYaml } from './emit';
import type { ImportedChapter, ImportedGuideline, ImportedMeasure } from './emit';
import { frontMatter } from './front-matter';
import { withoutList } from './lists';
import { hasList, measuresOf } from './measures';
import type { MeasureDraft } from './measures';
import { buildOutline, paragraphsOf } from './outline';
import type { OutlineNode } from './outline';
import { documentParagraphs, splitParagraphs } from './paragraphs';
import type { Paragraph } from './paragraphs';
import { LEAD_RULE } from './responsibility';
import type { ResponsibilityList } from './responsibility';
import type { SourceDocument, TableBlock } from './source';
import { isTaskTable, tableChapters } from './tables';
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
  /** The PDF page of the paragraph, when the document is a PDF. */
  page?: number;
  message: string;
  /** The start of the paragraph, to recognise it by. */
  excerpt: string;
}

export interface ImportResult {
  yaml: string;
  guideline: ImportedGuideline;
  counts: { parts: number; measures: number; lists: number; targets: number; deadlines: number };
  problems: ImportProblem[];
  /** Names not in the registry (all names when there is none), in order of first mention. */
  newAgencies: string[];
  /** Shortened names and the full name they stand for (发改委 → 市发展和改革委员会), for the registry's aliases. */
  aliases: Array<{ alias: string; name: string }>;
}

/** What every measure is made of before it is written, whether it came from prose or a table. */
interface Draft {
  chapter: { id: string; title: string };
  id: string;
  printed: string;
  title: string;
  text: string;
  list: ResponsibilityList;
  line: number;
  deadline?: string;
}

const EXCERPT_LENGTH = 30;
type ProblemKey = 'import.noList' | 'import.unreadName' | 'import.strayList' | 'import.beforeParts' | 'import.noMeasures';

/** Imports a document: its plain text, or the blocks a format reader gave. */
export function importGuideline(source: string | SourceDocument, options: ImportOptions): ImportResult {
  const { locale } = options;
  const document: SourceDocument = typeof source === 'string' ? { format: 'text', paragraphsKnown: false, blocks: [] } : source;
  const paragraphs = typeof source === 'string' ? splitParagraphs(source) : documentParagraphs(source);
  const pageOf = pageFinder(document);
  const problems: ImportProblem[] = [];
  const problem = (at: { line: number; text: string }, key: ProblemKey, args: Record<string, string> = {}) =>
    problems.push({ line: at.line, ...optional('page', pageOf(at.line)), message: formatMessage(locale, key, args), excerpt: excerpt(at.text) });
  const known = (name: string) => options.registry?.resolve(name) !== undefined;

  const outline = buildOutline(paragraphs);
  const front = frontMatter(outline.front, paragraphs);
  const title = options.title ?? front.title ?? options.id;
  const { parts, outside } = topLevelParts(outline.parts, title, known);
  for (const node of outside) if (hasList(node, known)) problem(node.heading, 'import.beforeParts');

  // Prose measures, and the measures of task tables (a 分工方案 in Word or a spreadsheet).
  const prose = proseMeasures(parts, title, known);
  const tableDrafts = tableMeasures(document, title, known);
  // A plan circulated as a table has prose only around it (title, preamble): the table is the plan.
  const fromTables = tableDrafts.length > prose.drafts.length;
  const drafts = fromTables ? uniqueIds(tableDrafts) : prose.drafts;
  const { used } = prose;

  if (drafts.length === 0) problem(paragraphs[0] ?? { line: 1, text: '' }, 'import.noMeasures');
  for (const draft of drafts) for (const name of draft.list.unparsed) problem({ line: draft.line, text: draft.title }, 'import.unreadName', { name });
  if (!fromTables) {
    // Numbered items that look like measures but name nobody, and lists this reading did not use.
    for (const part of parts) for (const node of unlistedItems(part, drafts, known)) problem(node.heading, 'import.noList');
    for (const paragraph of paragraphs) {
      const stray = strayListIn(paragraph, used.get(paragraph) ?? []);
      if (stray !== undefined) problem(paragraph, 'import.strayList', { list: stray });
    }
  }

  // A lead rule outside every list (a 注： line, the preamble, a closing sentence) holds for the whole document.
  const globalRule = paragraphs.some((paragraph) => !used.has(paragraph) && LEAD_RULE.test(paragraph.text)) || drafts.some((draft) => draft.list.statesLeadRule && !draft.list.ditto && draft.list.agencies.length === 0);
  const divisions = readDivisions(drafts.map((draft) => draft.list), globalRule);
  const anyLead = globalRule || drafts.some(({ list }) => list.statesLeadRule || list.explicitLead);
  const fileDivision: Division | undefined = !anyLead && divisions.filter((division) => division === 'joint').length > divisions.length / 2 ? 'joint' : undefined;

  const newAgencies: string[] = [];
  const resolve = (name: string) => {
    const entry = options.registry?.resolve(name);
    if (!entry && !newAgencies.includes(name)) newAgencies.push(name);
    return entry?.agency.name.value ?? name;
  };
  const importedChapters: ImportedChapter[] = [];
  const chapterById = new Map<string, ImportedChapter>();
  const chapterList = fromTables ? uniqueChapters(drafts.map((draft) => draft.chapter)) : prose.chapters;
  for (const chapter of chapterList) {
    const imported: ImportedChapter = { id: chapter.id, title: chapter.title, measures: [] };
    chapterById.set(chapter.id, imported);
    importedChapters.push(imported);
  }
  drafts.forEach((draft, index) => {
    const measure: ImportedMeasure = { id: draft.id, printed: draft.printed, title: draft.title || draft.printed || draft.id, line: draft.line };
    if (draft.text !== '') measure.text = draft.text;
    measure.agencies = draft.list.agencies.map(resolve);
    const division = divisions[index]!;
    if (division !== (fileDivision ?? 'lead-first')) measure.division = division;
    // Each measure keeps its own deadline even when all share one: the plan prints it per row.
    if (draft.deadline !== undefined) measure.deadline = draft.deadline;
    chapterById.get(draft.chapter.id)!.measures.push(measure);
  });

  const targets = fromTables
    ? []
    : parts.flatMap((part) => goalSections(part)).flatMap((node) => {
        const [head, ...others] = paragraphsOf(node);
        const rest = firstSentence(head!.body).rest;
        return extractTargets([{ text: rest, line: head!.line }, ...others.map((paragraph) => ({ text: paragraph.text, line: paragraph.line }))], node.path.join('.'));
      });

  const guideline: ImportedGuideline = {
    id: options.id,
    title,
    ...optional('issuer', options.issuer ?? front.issuer ?? issuerOf(paragraphs, importedChapters)),
    ...optional('status', /征求意见|草案|送审稿|讨论稿/.test(title) ? ('draft' as const) : undefined),
    ...optional('division', fileDivision),
    targets,
    chapters: importedChapters.filter((chapter) => chapter.measures.length > 0 || !fromTables),
  };
  const measures = guideline.chapters.flatMap((chapter) => chapter.measures);
  const aliases = abbreviations(measures.flatMap((measure) => measure.agencies ?? []), (name) => options.registry?.resolve(name) !== undefined);
  const trailing = options.registry && newAgencies.length > 0 ? [formatMessage(locale, 'import.newAgenciesComment', { count: newAgencies.length }), ...newAgencies.map((name) => `  - ${name}`)] : [];
  problems.sort((a, b) => a.line - b.line);
  return {
    yaml: guidelineToYaml(guideline, options.schemaPath ?? '../schemas/guideline.schema.json', trailing),
    guideline,
    counts: { parts: guideline.chapters.length, measures: measures.length, lists: measures.filter((measure) => measure.agencies && measure.agencies.length > 0).length, targets: targets.length, deadlines: measures.filter((measure) => measure.deadline !== undefined).length },
    problems,
    newAgencies,
    aliases,
  };
}

/**
 * The measures of the outline, the chapters they go in, and the paragraphs whose lists were read
 * (with those lists as printed). A document whose parts are its measures (一、…（A负责）
 * 二、…（B负责）, as many State Council opinions are written) has one chapter, and the parts'
 * numbers are the measures' own: 1.1 … 1.20.
 */
function proseMeasures(parts: OutlineNode[], title: string, known: (name: string) => boolean): { drafts: Draft[]; chapters: Array<{ id: string; title: string }>; used: Map<Paragraph, string[]> } {
  const used = new Map<Paragraph, string[]>();
  const drafts: Draft[] = [];
  const chapters: Array<{ id: string; title: string }> = [];
  const measuresByPart = parts.map((part) => ({ part, measures: measuresOf(part, known) }));
  const partsAreMeasures =
    measuresByPart.filter(({ measures }) => measures.length > 0).length > 1 &&
    measuresByPart.every(({ part, measures }) => measures.length === 0 || (measures.length === 1 && measures[0]!.heading === part.heading));
  for (const { part, measures } of measuresByPart) {
    const chapter = partsAreMeasures ? { id: '1', title } : { id: String(part.path[0]), title: chapterTitle(part) };
    if (!chapters.some((each) => each.id === chapter.id)) chapters.push(chapter);
    for (const measure of measures) {
      for (const paragraph of measure.list.paragraphs) used.set(paragraph, [...(used.get(paragraph) ?? []), ...measure.list.printed.split('\n')]);
      const draft = draftOfMeasure(measure, chapter);
      drafts.push(partsAreMeasures ? { ...draft, id: `1.${part.path[0]}`, printed: part.markers.join('') } : draft);
    }
  }
  return { drafts, chapters, used };
}

/** The measures of the task-division tables among the document's blocks, in order. */
function tableMeasures(document: SourceDocument, title: string, known: (name: string) => boolean): Draft[] {
  const tables = document.blocks.filter((block): block is TableBlock => block.kind === 'table' && isTaskTable(block));
  return tables.flatMap((table) =>
    tableChapters(table, known, title).flatMap((chapter) =>
      chapter.measures.map((measure): Draft => ({ chapter: { id: String(chapter.number), title: chapter.title }, id: measure.path.join('.'), printed: measure.printed, title: measure.title, text: measure.text, list: measure.list, line: measure.line, ...optional('deadline', measure.deadline) })),
    ),
  );
}

/**
 * The division of each list, read in document order. An explicit single lead or 各自负责 settles
 * a list by itself; two or more leads share the lead (joint); a plain list follows the lead rule
 * (stated in it, anywhere in the document, or in an earlier list with 下同) or an earlier
 * by-function list with 下同; a list that names one agency alone makes it the lead; with none of
 * them nobody leads (joint).
 */
function readDivisions(lists: ResponsibilityList[], globalRule: boolean): Division[] {
  let carried: 'lead-first' | 'by-function' | undefined;
  return lists.map((list) => {
    let division: Division;
    if (list.explicitLead) division = list.leadCount > 1 ? 'joint' : 'lead-first';
    else if (list.byFunction) division = 'by-function';
    else if (list.statesLeadRule || globalRule || carried === 'lead-first') division = 'lead-first';
    else if (list.agencies.length === 1) division = 'lead-first';
    else division = carried ?? 'joint';
    if (list.ditto) carried = list.byFunction ? 'by-function' : list.statesLeadRule || list.explicitLead ? 'lead-first' : carried;
    return division;
  });
}

/**
 * A prose measure as a draft: its title, its text without the list, its id, and its deadline —
 * stated in the list, or on a line of its own beside it (完成时限：2025年12月底), which then leaves the text.
 */
function draftOfMeasure(measure: MeasureDraft, chapter: { id: string; title: string }): Draft {
  const { list } = measure;
  const deadlineLines = measure.paragraphs.filter((paragraph) => !list.paragraphs.includes(paragraph) && paragraph !== measure.heading && deadlineOfLabel(paragraph.text) !== undefined);
  const deadline = list.list.deadline ?? (deadlineLines[0] && deadlineOfLabel(deadlineLines[0].text));
  const pieces = measure.paragraphs
    .filter((paragraph) => !deadlineLines.includes(paragraph))
    .map((paragraph) => {
      const text = withoutList(paragraph, list);
      if (paragraph !== measure.heading) return text;
      return measure.numbered ? text.slice(paragraph.text.length - paragraph.body.length) : text.replace(/^[—－-]+\s*/, '');
    })
    .map((text) => text.trim());
  const [head = '', ...later] = pieces;
  let { title, rest } = firstSentence(head);
  const others = later.filter((piece) => piece !== '' && !isClosingLine(piece));
  if (title === '' && others.length > 0) ({ title, rest } = firstSentence(others.shift()!));
  return {
    chapter,
    id: measure.path.join('.'),
    printed: measure.printed,
    title,
    text: [rest, ...others].filter((piece) => piece !== '').join('\n'),
    list: list.list,
    line: measure.heading.line,
    ...optional('deadline', deadline),
  };
}

/**
 * The parts of the document. One numbered only by items (（一）…) or 1. gets one part, titled as
 * the document. When the numbering starts again (a notice with its own 一、二、 before the plan it
 * issues), the run that carries the responsibility lists is the plan; the rest is front matter.
 */
function topLevelParts(nodes: OutlineNode[], title: string, known: (name: string) => boolean): { parts: OutlineNode[]; outside: OutlineNode[] } {
  const partNodes = nodes.filter((node) => node.heading.kind === 'part');
  const top = partNodes.length > 0 ? partNodes : nodes;
  const runs: OutlineNode[][] = [];
  for (const node of top) {
    const run = runs[runs.length - 1];
    if (!run || node.heading.number <= run[run.length - 1]!.heading.number || node.heading.kind !== run[0]!.heading.kind) runs.push([node]);
    else run.push(node);
  }
  const weight = (run: OutlineNode[]) => run.filter((node) => hasList(node, known)).length;
  const chosen = runs.reduce<OutlineNode[]>((best, run) => (weight(run) > weight(best) ? run : best), runs[0] ?? []);
  const outside = nodes.filter((node) => !chosen.includes(node));
  if (partNodes.length > 0) return { parts: chosen, outside };
  if (chosen.length === 0) return { parts: [], outside };
  const heading: Paragraph = { kind: 'part', text: title, body: title, marker: '', number: 1, line: chosen[0]!.heading.line };
  const renumber = (node: OutlineNode): OutlineNode => ({ ...node, path: [1, ...node.path], children: node.children.map(renumber) });
  return { parts: [{ heading, paragraphs: [], children: chosen.map(renumber), path: [1], markers: [''] }], outside };
}

/** A part's title: its heading's first sentence, or its printed number when it has no words. */
function chapterTitle(part: OutlineNode): string {
  return firstSentence(part.heading.body).title || part.heading.text || part.markers.join('');
}

/** The items of a part that carry no list while items beside them do. */
function unlistedItems(part: OutlineNode, drafts: Draft[], known: (name: string) => boolean): OutlineNode[] {
  const ids = drafts.map((draft) => draft.id);
  if (!part.children.some((child) => hasList(child, known))) return [];
  return part.children.filter((child) => {
    const prefix = child.path.join('.');
    return !ids.some((id) => id === prefix || id.startsWith(`${prefix}.`)) && !goalSections(part).includes(child);
  });
}

/**
 * The first parenthesis in a paragraph that reads like a responsibility list (ends in 负责, 牵头
 * or 单位) but is not the list this import used, if any.
 */
function strayListIn(paragraph: Paragraph, listsUsed: string[]): string | undefined {
  for (const match of paragraph.text.matchAll(/[（(]([^（）()]{2,200})[）)]/g)) {
    if (listsUsed.some((printed) => printed.includes(match[0]))) continue;
    if (/(负责|牵头|单位)$/.test(match[1]!)) return match[0];
  }
  return undefined;
}

/** Table rows numbered again in a second table keep their ids apart. */
function uniqueIds(drafts: Draft[]): Draft[] {
  const seen = new Set<string>();
  return drafts.map((draft) => {
    let id = draft.id;
    for (let extra = 1; seen.has(id); extra++) id = `${draft.id}.${extra}`;
    seen.add(id);
    return id === draft.id ? draft : { ...draft, id };
  });
}

function uniqueChapters(chapters: Array<{ id: string; title: string }>): Array<{ id: string; title: string }> {
  const byId = new Map<string, { id: string; title: string }>();
  for (const chapter of chapters) if (!byId.has(chapter.id)) byId.set(chapter.id, chapter);
  return [...byId.values()];
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

/** Signature, date and circulation lines that close a document; they belong to no measure. */
function isClosingLine(text: string): boolean {
  return /^([〇零一二三四五六七八九十\d]{4}年[〇零一二三四五六七八九十\d]{1,2}月[〇零一二三四五六七八九十\d]{1,3}日|（此件[^）]*）|\(此件[^)]*\)|抄送[:：].*|附件[:：]?.{0,40})$/.test(text);
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

/** The PDF page a paragraph starts on, from the reader's blocks. */
function pageFinder(document: SourceDocument): (line: number) => number | undefined {
  const pages = new Map<number, number>();
  for (const block of document.blocks) if (block.kind === 'text' && block.page !== undefined) pages.set(block.line, block.page);
  return (line) => pages.get(line);
}

function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
