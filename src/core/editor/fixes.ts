// Quick fixes as minimal text edits, computed by the engine so that every host applies the
// same change. Edits touch only the characters that change: comments, quoting style, key order
// and the rest of the file survive.
import type { SourceFile } from '../source/document';
import { formatMessage } from '../wording/messages';
import { registryInsertion } from './registry-append';
import { lineStart, nextLineStart } from '../source/text-lines';
import { yamlScalar } from '../source/yaml-scalar';
import { effectiveDivision } from '../model/lead';
import { allMeasures } from '../model/model';
import type { GuidelineModel, Located, MeasureModel } from '../model/model';
import type { Project } from '../project/project';
import type { Diagnostic, Locale, OffsetRange } from '../types';

export interface FileEdit {
  path: string;
  range: OffsetRange;
  newText: string;
}

export interface Fix {
  title: string;
  kind: 'quickfix' | 'refactor';
  /** The obvious fix for its diagnostic: editors apply it on "fix all" and offer it first. */
  preferred: boolean;
  edits: FileEdit[];
  /** Where to take the drafter after the edit (e.g. the new registry entry). */
  reveal?: { path: string; offset: number };
}

/** The fixes for one diagnostic of a file. */
export function fixesFor(project: Project, diagnostic: Diagnostic, locale: Locale): Fix[] {
  const file = project.file(diagnostic.file);
  if (!file) return [];
  const found = agencyEntryAt(project, diagnostic.file, diagnostic.offset);
  const fixes: Fix[] = [];
  switch (diagnostic.rule) {
    case 'unknown-agency': {
      const name = diagnostic.data?.name;
      const suggestion = diagnostic.data?.suggestion;
      if (found && suggestion) fixes.push(replaceFix(file, found.agency, suggestion, locale));
      const registryPath = project.registryPathFor(diagnostic.file);
      if (name && registryPath) {
        const add = addToRegistryFix(project.file(registryPath)!, name, locale);
        if (add) fixes.push(add);
      }
      break;
    }
    case 'alias-agency':
      if (found && diagnostic.data?.canonical) fixes.push(replaceFix(file, found.agency, diagnostic.data.canonical, locale));
      break;
    case 'duplicate-agency':
      if (found) {
        const edit = removeItem(file, found.measure.agencies, found.index);
        if (edit) fixes.push({ title: formatMessage(locale, 'fix.remove', { name: found.agency.value }), kind: 'quickfix', preferred: true, edits: [edit] });
      }
      break;
    case 'no-lead':
      fixes.push(acknowledgeFix(file, diagnostic, locale));
      break;
    case 'deadline-format': {
      const written = file.text.slice(diagnostic.offset[0], diagnostic.offset[1]);
      const suggestion = diagnostic.data?.suggestion;
      // A deadline reached through an alias (*name) is edited at its anchor, not here.
      if (suggestion && !written.startsWith('*')) {
        fixes.push({
          title: formatMessage(locale, 'fix.deadline', { deadline: suggestion }),
          kind: 'quickfix',
          preferred: true,
          edits: [{ path: file.path, range: diagnostic.offset, newText: deadlineScalar(written, suggestion) }],
        });
      }
      break;
    }
    default:
      break;
  }
  return fixes;
}

/**
 * "Make the lead" for the agency at an offset: moved first when it is not, and the measure's
 * division set so that the first listed leads (a by-function or joint measure has no lead however
 * its list is ordered). Nothing when it leads already, or when it is a collective (which cannot).
 */
export function makeLeadFix(project: Project, path: string, offset: number, locale: Locale): Fix | undefined {
  const file = project.file(path);
  const found = agencyEntryAt(project, path, [offset, offset]);
  if (!file || !found) return undefined;
  if (project.registryFor(path)?.resolve(found.agency.value)?.agency.kind === 'collective') return undefined;
  const guideline = project.guideline(path);
  const division = effectiveDivision(found.measure, guideline).division === 'lead-first' ? [] : leadFirstEdit(file, found.measure, guideline);
  if (division === undefined || (found.index === 0 && division.length === 0)) return undefined;
  const moves = found.index === 0 ? [] : moveFirst(file, found.measure.agencies, found.index);
  if (!moves) return undefined;
  const key = found.index === 0 ? 'fix.makeLeadInPlace' : 'fix.makeLead';
  return { title: formatMessage(locale, key, { name: found.agency.value }), kind: 'refactor', preferred: false, edits: [...moves, ...division] };
}

/**
 * The edit that makes a measure lead-first: its own division removed when the document's default
 * is lead-first and no comment stands on that line, else set to lead-first (keeping the comment);
 * a measure that inherits another division gets its own line. Undefined when the file's shape
 * leaves no safe place for it (a flow mapping, an alias).
 */
function leadFirstEdit(file: SourceFile, measure: MeasureModel, guideline: GuidelineModel): FileEdit[] | undefined {
  const { text } = file;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const own = measure.division;
  if (own) {
    const written = text.slice(own.range[0], own.range[1]);
    if (written.startsWith('*')) return undefined;
    const start = lineStart(text, own.range[0]);
    const end = nextLineStart(text, own.range[1]);
    const line = text.slice(start, end);
    const defaultLeads = (guideline.division?.value ?? 'lead-first') === 'lead-first';
    if (defaultLeads && /^[ \t]*division:/.test(line) && !line.includes('#')) return [{ path: file.path, range: [start, end], newText: '' }];
    return [{ path: file.path, range: own.range, newText: scalarLike(written, 'lead-first') }];
  }
  const [first, last] = measure.range;
  if (text[first] === '{' || text[first] === '*') return undefined;
  const indent = ' '.repeat(first - lineStart(text, first));
  const at = text[last - 1] === '\n' ? last : nextLineStart(text, last);
  const before = at === text.length && !text.endsWith('\n') ? newline : '';
  return [{ path: file.path, range: [at, at], newText: `${before}${indent}division: lead-first${newline}` }];
}

/** Every preferred fix of a file's diagnostics that does not overlap another: "fix all". */
export function fixAllEdits(project: Project, path: string, diagnostics: Diagnostic[], locale: Locale): FileEdit[] {
  // Removing a repeated agency beats renaming it: an alias that repeats its own agency goes away.
  const ordered = [...diagnostics].sort((a, b) => Number(b.rule === 'duplicate-agency') - Number(a.rule === 'duplicate-agency'));
  const candidates: Fix[] = [];
  for (const diagnostic of ordered) {
    if (diagnostic.file !== path) continue;
    const fix = fixesFor(project, diagnostic, locale).find((candidate) => candidate.preferred);
    if (fix && fix.edits.every((edit) => edit.path === path)) candidates.push(fix);
  }
  // In that order, a fix is taken unless one of its edits overlaps an edit taken before it.
  const taken = new TakenRanges(candidates.flatMap((fix) => fix.edits.map((edit) => edit.range[0])));
  const edits: FileEdit[] = [];
  for (const fix of candidates) {
    if (fix.edits.some((edit) => taken.overlaps(edit.range))) continue;
    for (const edit of fix.edits) {
      taken.add(edit.range);
      edits.push(edit);
    }
  }
  return edits;
}

/**
 * Ranges taken so far, asked whether a range overlaps one of them (start < its end and end > its
 * start) in logarithmic time: a Fenwick tree of the furthest end by start, over the starts known
 * in advance. Checking each fix against every edit taken before it made "fix all" quadratic.
 */
class TakenRanges {
  private readonly starts: number[];
  private readonly furthestEnd: number[];

  constructor(starts: number[]) {
    this.starts = [...new Set(starts)].sort((a, b) => a - b);
    this.furthestEnd = new Array<number>(this.starts.length + 1).fill(-Infinity);
  }

  overlaps([start, end]: OffsetRange): boolean {
    let furthest = -Infinity;
    for (let i = countBelow(this.starts, end); i > 0; i -= i & -i) furthest = Math.max(furthest, this.furthestEnd[i]!);
    return furthest > start;
  }

  add([start, end]: OffsetRange): void {
    for (let i = countBelow(this.starts, start) + 1; i < this.furthestEnd.length; i += i & -i) this.furthestEnd[i] = Math.max(this.furthestEnd[i]!, end);
  }
}

/** How many of the sorted numbers are below `value`. */
function countBelow(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface AgencyEntry {
  measure: MeasureModel;
  agency: Located;
  index: number;
  /** The measure's place in the file: of two entries that hold a range, the earlier measure's wins. */
  order: number;
}

/** Per guideline model: its agency entries by start, and the furthest end among each prefix of them. */
const agencyEntries = new WeakMap<GuidelineModel, { entries: AgencyEntry[]; furthestEnd: number[] }>();

function agencyEntriesOf(guideline: GuidelineModel): { entries: AgencyEntry[]; furthestEnd: number[] } {
  let known = agencyEntries.get(guideline);
  if (!known) {
    const entries: AgencyEntry[] = [];
    allMeasures(guideline).forEach((measure, order) => {
      // Items reached through a YAML alias all share the alias's range: there is nothing to edit in place.
      if (sharesRange(measure.agencies)) return;
      measure.agencies.forEach((agency, index) => entries.push({ measure, agency, index, order }));
    });
    entries.sort((a, b) => a.agency.range[0] - b.agency.range[0] || a.order - b.order || a.index - b.index);
    const furthestEnd: number[] = [];
    for (const entry of entries) furthestEnd.push(Math.max(furthestEnd[furthestEnd.length - 1] ?? -Infinity, entry.agency.range[1]));
    agencyEntries.set(guideline, (known = { entries, furthestEnd }));
  }
  return known;
}

/** The agency whose range holds `range`: in the first measure (in file order) that has one, its first such agency. */
function agencyEntryAt(project: Project, path: string, range: OffsetRange): { measure: MeasureModel; agency: Located; index: number } | undefined {
  const file = project.file(path);
  if (file?.kind !== 'guideline') return undefined;
  const { entries, furthestEnd } = agencyEntriesOf(project.guideline(path));
  let best: AgencyEntry | undefined;
  // From the last entry starting at or before the range, back while an earlier one can still reach its end.
  for (let i = lastStartingAtOrBefore(entries, range[0]); i >= 0 && furthestEnd[i]! >= range[1]; i--) {
    const entry = entries[i]!;
    if (entry.agency.range[1] < range[1]) continue;
    if (!best || entry.order < best.order || (entry.order === best.order && entry.index < best.index)) best = entry;
  }
  return best && { measure: best.measure, agency: best.agency, index: best.index };
}

/** The index of the last entry whose agency starts at or before `offset` (-1 if none). */
function lastStartingAtOrBefore(entries: AgencyEntry[], offset: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (entries[middle]!.agency.range[0] <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

function sharesRange(items: Located[]): boolean {
  return new Set(items.map((item) => `${item.range[0]}:${item.range[1]}`)).size < items.length;
}

function replaceFix(file: SourceFile, agency: Located, name: string, locale: Locale): Fix {
  return {
    title: formatMessage(locale, 'fix.replace', { name }),
    kind: 'quickfix',
    preferred: true,
    edits: [{ path: file.path, range: agency.range, newText: scalarLike(file.text.slice(agency.range[0], agency.range[1]), name) }],
  };
}

/** A YAML scalar for `name`, quoted the way the text it replaces was (or when YAML needs it). */
export function scalarLike(original: string, name: string): string {
  const quote = original[0] === '"' || original[0] === "'" ? original[0] : undefined;
  if (quote === "'") return `'${name.replace(/'/g, "''")}'`;
  if (quote === '"') return JSON.stringify(name);
  return yamlScalar(name);
}

/**
 * A deadline as a YAML scalar: as scalarLike, but `2025年底前` stays plain when the value it
 * replaces was (digits followed by a Chinese character read as text in every YAML version).
 */
function deadlineScalar(original: string, deadline: string): string {
  const quoted = original[0] === '"' || original[0] === "'";
  const rest = /^\d+(?=[^\x00-\x7f])/.exec(deadline) ? deadline.replace(/^\d+/, '') : undefined;
  return !quoted && rest !== undefined && yamlScalar(rest) === rest ? deadline : scalarLike(original, deadline);
}

/** Whether the items are written as a block list (`- a` lines) rather than a flow list (`[a, b]`). */
function isBlockList(text: string, items: Located[]): boolean {
  const first = items[0]!;
  return /^\s*-\s*$/.test(text.slice(lineStart(text, first.range[0]), first.range[0]));
}

function removeItem(file: SourceFile, items: Located[], index: number): FileEdit | undefined {
  const { text } = file;
  const item = items[index]!;
  if (isBlockList(text, items)) return { path: file.path, range: [lineStart(text, item.range[0]), nextLineStart(text, item.range[1])], newText: '' };
  if (index < items.length - 1) return { path: file.path, range: [item.range[0], items[index + 1]!.range[0]], newText: '' };
  if (index > 0) return { path: file.path, range: [items[index - 1]!.range[1], item.range[1]], newText: '' };
  return { path: file.path, range: item.range, newText: '' };
}

function moveFirst(file: SourceFile, items: Located[], index: number): FileEdit[] | undefined {
  const { text } = file;
  const item = items[index]!;
  const first = items[0]!;
  if (isBlockList(text, items)) {
    const start = lineStart(text, item.range[0]);
    const end = nextLineStart(text, item.range[1]);
    const line = text.slice(start, end);
    return [
      { path: file.path, range: [lineStart(text, first.range[0]), lineStart(text, first.range[0])], newText: line.endsWith('\n') ? line : `${line}\n` },
      { path: file.path, range: [start, end], newText: '' },
    ];
  }
  const written = text.slice(item.range[0], item.range[1]);
  return [
    { path: file.path, range: [first.range[0], first.range[0]], newText: `${written}, ` },
    { path: file.path, range: [items[index - 1]!.range[1], item.range[1]], newText: '' },
  ];
}

function acknowledgeFix(file: SourceFile, diagnostic: Diagnostic, locale: Locale): Fix {
  const start = lineStart(file.text, diagnostic.offset[0]);
  const indent = /^[ \t]*/.exec(file.text.slice(start))![0];
  const newline = file.text.includes('\r\n') ? '\r\n' : '\n';
  const comment = `${indent}# taskmatrix-disable-next-line ${diagnostic.rule} — ${formatMessage(locale, 'fix.acknowledgeReason')}${newline}`;
  return { title: formatMessage(locale, 'fix.acknowledge', { rule: diagnostic.rule }), kind: 'quickfix', preferred: false, edits: [{ path: file.path, range: [start, start], newText: comment }] };
}

/** Appends a new entry at the end of the registry's `agencies:` list, in its indentation. */
function addToRegistryFix(registry: SourceFile, name: string, locale: Locale): Fix | undefined {
  const insertion = registryInsertion(registry, [name], locale);
  if (!insertion) return undefined;
  return {
    title: formatMessage(locale, 'fix.addToRegistry', { name }),
    kind: 'quickfix',
    preferred: false,
    edits: [{ path: registry.path, range: [insertion.offset, insertion.offset], newText: insertion.newText }],
    reveal: { path: registry.path, offset: insertion.offset + insertion.entryOffset },
  };
}
