// The typed view of a task file, read straight from the YAML nodes so that it keeps
// positions and survives files that still break the schema (a preview must keep working).
import { isAlias, isMap } from 'yaml';
import type { Node } from 'yaml';
import { deref, headRange, nodeRange, pairOf, rawItems, rawValueOf, scalarText, valueOf } from '../source/document';
import type { SourceFile } from '../source/document';
import type { OffsetRange } from '../types';

export type Division = 'lead-first' | 'by-function' | 'joint';
export const DIVISIONS: readonly Division[] = ['lead-first', 'by-function', 'joint'];

export type AgencyKind = 'government' | 'party' | 'lab' | 'financial' | 'enterprise' | 'collective';
export const AGENCY_KINDS: readonly AgencyKind[] = ['government', 'party', 'lab', 'financial', 'enterprise', 'collective'];

/** A text value together with where it is written. */
export interface Located<T = string> {
  value: T;
  range: OffsetRange;
}

export interface MeasureModel {
  id?: Located;
  title?: string;
  text?: string;
  /** Agency names as written, in order; non-text items are left out. */
  agencies: Located[];
  /** Where the `agencies` value is, when the key is present. */
  agenciesRange?: OffsetRange;
  division?: Located;
  /** The deadline (完成时限) as written; the guideline's applies when absent. */
  deadline?: Located;
  /** Progress status (not-started, in-progress, done, delayed) as written. */
  status?: Located;
  chapterId?: string;
  /** First line of the measure's mapping: where measure-wide findings point. */
  headRange: OffsetRange;
  /** The whole measure (outline ranges). */
  range: OffsetRange;
}

export interface ChapterModel {
  id?: Located;
  title?: string;
  measures: MeasureModel[];
  headRange: OffsetRange;
  range: OffsetRange;
}

export interface TargetModel {
  id?: Located;
  text?: string;
  headRange: OffsetRange;
}

export interface GuidelineModel {
  id?: Located;
  title?: string;
  division?: Located;
  /** Default deadline of every measure. */
  deadline?: Located;
  targets: TargetModel[];
  chapters: ChapterModel[];
}

export interface AgencyEntry {
  name: Located;
  fullName?: string;
  en?: string;
  kind?: string;
  aliases: Located[];
  headRange: OffsetRange;
  range: OffsetRange;
}

export interface RegistryModel {
  agencies: AgencyEntry[];
}

const measuresOf = new WeakMap<GuidelineModel, MeasureModel[]>();

/** Every measure of a guideline, in document order (one list per model: every rule asks for it). */
export function allMeasures(guideline: GuidelineModel): MeasureModel[] {
  let measures = measuresOf.get(guideline);
  if (!measures) measuresOf.set(guideline, (measures = guideline.chapters.flatMap((chapter) => chapter.measures)));
  return measures;
}

/*
 * Reading follows YAML aliases (within the file's alias budget). Anything reached through an
 * alias is located at the alias, where the drafter wrote it, not at the anchor it copies:
 * `via` carries the range of the outermost alias on the way down.
 */

/** Reads the guideline model of a file; tolerant of any shape. */
export function readGuideline(file: SourceFile): GuidelineModel {
  const root = file.doc.contents ?? undefined;
  const chapters = items(file, rawValueOf(file, root, 'chapters')).map(({ node: chapterNode, via }) => {
    const chapterId = located(file, rawValueOf(file, chapterNode, 'id'), via);
    return {
      id: chapterId,
      title: scalarText(valueOf(file, chapterNode, 'title')),
      measures: items(file, rawValueOf(file, chapterNode, 'measures'), via).map((measure) => readMeasure(file, measure.node, measure.via, chapterId?.value)),
      headRange: via ?? headRange(file, chapterNode),
      range: via ?? nodeRange(chapterNode),
    };
  });
  const targets = items(file, rawValueOf(file, root, 'targets')).map(({ node, via }) => ({
    id: located(file, rawValueOf(file, node, 'id'), via),
    text: scalarText(valueOf(file, node, 'text')),
    headRange: via ?? headRange(file, node),
  }));
  return {
    id: located(file, rawValueOf(file, root, 'id')),
    title: scalarText(valueOf(file, root, 'title')),
    division: located(file, rawValueOf(file, root, 'division')),
    deadline: located(file, rawValueOf(file, root, 'deadline')),
    targets,
    chapters,
  };
}

function readMeasure(file: SourceFile, node: Node, via: OffsetRange | undefined, chapterId: string | undefined): MeasureModel {
  const agenciesPair = isMap(node) ? pairOf(node, 'agencies') : undefined;
  const agenciesRaw = rawValueOf(file, node, 'agencies');
  return {
    id: located(file, rawValueOf(file, node, 'id'), via),
    title: scalarText(valueOf(file, node, 'title')),
    text: scalarText(valueOf(file, node, 'text')),
    agencies: locatedList(file, agenciesRaw, via),
    agenciesRange: agenciesPair ? (via ?? (isAlias(agenciesRaw) ? nodeRange(agenciesRaw) : headRange(file, agenciesRaw ?? (agenciesPair.key as Node)))) : undefined,
    division: located(file, rawValueOf(file, node, 'division'), via),
    deadline: located(file, rawValueOf(file, node, 'deadline'), via),
    status: located(file, rawValueOf(file, node, 'status'), via),
    chapterId,
    headRange: via ?? headRange(file, node),
    range: via ?? nodeRange(node),
  };
}

/** Reads the registry model of a file; tolerant of any shape. */
export function readRegistry(file: SourceFile): RegistryModel {
  const agencies: AgencyEntry[] = [];
  for (const { node, via } of items(file, rawValueOf(file, file.doc.contents ?? undefined, 'agencies'))) {
    const name = located(file, rawValueOf(file, node, 'name'), via);
    if (!name) continue;
    agencies.push({
      name,
      fullName: scalarText(valueOf(file, node, 'fullName')),
      en: scalarText(valueOf(file, node, 'en')),
      kind: scalarText(valueOf(file, node, 'kind')),
      aliases: locatedList(file, rawValueOf(file, node, 'aliases'), via),
      headRange: via ?? headRange(file, node),
      range: via ?? nodeRange(node),
    });
  }
  return { agencies };
}

/** The items of a list written at `raw`, each resolved, with the alias range it was reached through. */
function items(file: SourceFile, raw: Node | undefined, via?: OffsetRange): { node: Node; via: OffsetRange | undefined }[] {
  const listVia = via ?? (isAlias(raw) ? nodeRange(raw) : undefined);
  const found: { node: Node; via: OffsetRange | undefined }[] = [];
  for (const item of rawItems(file, raw)) {
    const node = deref(file, item);
    if (node) found.push({ node, via: listVia ?? (isAlias(item) ? nodeRange(item) : undefined) });
  }
  return found;
}

function located(file: SourceFile, raw: Node | undefined, via?: OffsetRange): Located | undefined {
  const value = scalarText(deref(file, raw));
  return value === undefined ? undefined : { value, range: via ?? nodeRange(raw) };
}

function locatedList(file: SourceFile, raw: Node | undefined, via?: OffsetRange): Located[] {
  return items(file, raw, via)
    .map(({ node, via: itemVia }) => {
      const value = scalarText(node);
      return value === undefined ? undefined : { value, range: itemVia ?? nodeRange(node) };
    })
    .filter((item): item is Located => item !== undefined);
}
