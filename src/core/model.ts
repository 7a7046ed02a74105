// The typed view of a task file, read straight from the YAML nodes so that it keeps
// positions and survives files that still break the schema (a preview must keep working).
import { isMap } from 'yaml';
import type { Node } from 'yaml';
import { headRange, nodeRange, pairOf, scalarText, seqItems, valueOf } from './document';
import type { SourceFile } from './document';
import type { OffsetRange } from './types';

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
  chapterId?: string;
  /** First line of the measure's mapping: where measure-wide findings point. */
  headRange: OffsetRange;
}

export interface ChapterModel {
  id?: Located;
  title?: string;
  measures: MeasureModel[];
  headRange: OffsetRange;
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
}

export interface RegistryModel {
  agencies: AgencyEntry[];
}

/** Every measure of a guideline, in document order. */
export function allMeasures(guideline: GuidelineModel): MeasureModel[] {
  return guideline.chapters.flatMap((chapter) => chapter.measures);
}

/** Reads the guideline model of a file; tolerant of any shape. */
export function readGuideline(file: SourceFile): GuidelineModel {
  const { doc } = file;
  const root = doc.contents ?? undefined;
  const chapters = seqItems(doc, valueOf(doc, root, 'chapters')).map((chapterNode) => {
    const chapterId = located(valueOf(doc, chapterNode, 'id'));
    return {
      id: chapterId,
      title: scalarText(valueOf(doc, chapterNode, 'title')),
      measures: seqItems(doc, valueOf(doc, chapterNode, 'measures')).map((node) => readMeasure(file, node, chapterId?.value)),
      headRange: headRange(file, chapterNode),
    };
  });
  const targets = seqItems(doc, valueOf(doc, root, 'targets')).map((node) => ({
    id: located(valueOf(doc, node, 'id')),
    text: scalarText(valueOf(doc, node, 'text')),
    headRange: headRange(file, node),
  }));
  return {
    id: located(valueOf(doc, root, 'id')),
    title: scalarText(valueOf(doc, root, 'title')),
    division: located(valueOf(doc, root, 'division')),
    targets,
    chapters,
  };
}

function readMeasure(file: SourceFile, node: Node, chapterId: string | undefined): MeasureModel {
  const { doc } = file;
  const agenciesPair = isMap(node) ? pairOf(node, 'agencies') : undefined;
  const agenciesNode = valueOf(doc, node, 'agencies');
  return {
    id: located(valueOf(doc, node, 'id')),
    title: scalarText(valueOf(doc, node, 'title')),
    text: scalarText(valueOf(doc, node, 'text')),
    agencies: locatedList(file, agenciesNode),
    agenciesRange: agenciesPair ? headRange(file, agenciesNode ?? (agenciesPair.key as Node)) : undefined,
    division: located(valueOf(doc, node, 'division')),
    chapterId,
    headRange: headRange(file, node),
  };
}

/** Reads the registry model of a file; tolerant of any shape. */
export function readRegistry(file: SourceFile): RegistryModel {
  const { doc } = file;
  const agencies: AgencyEntry[] = [];
  for (const node of seqItems(doc, valueOf(doc, doc.contents ?? undefined, 'agencies'))) {
    const name = located(valueOf(doc, node, 'name'));
    if (!name) continue;
    agencies.push({
      name,
      fullName: scalarText(valueOf(doc, node, 'fullName')),
      en: scalarText(valueOf(doc, node, 'en')),
      kind: scalarText(valueOf(doc, node, 'kind')),
      aliases: locatedList(file, valueOf(doc, node, 'aliases')),
      headRange: headRange(file, node),
    });
  }
  return { agencies };
}

function located(node: Node | undefined): Located | undefined {
  const value = scalarText(node);
  return value === undefined ? undefined : { value, range: nodeRange(node) };
}

function locatedList(file: SourceFile, node: Node | undefined): Located[] {
  return seqItems(file.doc, node)
    .map((item) => located(item))
    .filter((item): item is Located => item !== undefined);
}
