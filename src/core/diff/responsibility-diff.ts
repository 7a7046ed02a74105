// The responsibility diff of two drafts: documents paired, their measures matched, and what
// changed per measure and per agency. `diff --format json` prints it as is.
import type { Project } from '../project/project';
import { agencyChanges } from './agency-changes';
import type { AgencyChange } from './agency-changes';
import { matchMeasures, SIMILARITY_THRESHOLD } from './matching';
import { bigramsOf, dice } from './similarity';
import { addedMeasure, measureChange, removedMeasure } from './measure-changes';
import type { MeasureChange } from './measure-changes';
import { snapshotOf } from './snapshot';
import type { DocumentSnapshot } from './snapshot';

export interface ResponsibilityDiff {
  summary: { added: number; removed: number; moved: number; changed: number };
  /** Documents only one side has (an addition to the design's contract); their measures are listed as added or removed. */
  documents: { added: string[]; removed: string[] };
  measures: MeasureChange[];
  agencies: AgencyChange[];
}

/** One side of a diff: the guidelines of a project to compare. */
export interface DiffSide {
  project: Project;
  paths: string[];
}

/** The responsibility changes from the guidelines of `before` to those of `after`. */
export function diffProjects(before: DiffSide, after: DiffSide): ResponsibilityDiff {
  return diffSnapshots(snapshotOf(before.project, before.paths), snapshotOf(after.project, after.paths));
}

/** The same, from documents already read. */
export function diffSnapshots(before: DocumentSnapshot[], after: DocumentSnapshot[]): ResponsibilityDiff {
  const measures: MeasureChange[] = [];
  const documents = { added: [] as string[], removed: [] as string[] };
  const pairs = pairDocuments(before, after);
  for (const [old, current] of pairs) {
    if (!old) {
      documents.added.push(current!.document);
      for (const measure of current!.measures) measures.push(addedMeasure(current!.document, measure));
    } else if (!current) {
      documents.removed.push(old.document);
      for (const measure of old.measures) measures.push(removedMeasure(old.document, measure));
    } else {
      for (const change of documentChanges(old, current)) measures.push(change);
    }
  }
  const summary = { added: 0, removed: 0, moved: 0, changed: 0 };
  for (const measure of measures) summary[measure.change]++;
  // Count documents as paired: two imports of one document under two ids are one document, and
  // their measures are named by id alone, as the measure lines name them.
  return { summary, documents, measures, agencies: agencyChanges(measures, pairs.length > 1) };
}

/** Whether the two drafts differ in anything the diff reports. */
export function hasChanges(diff: ResponsibilityDiff): boolean {
  return diff.measures.length > 0 || diff.documents.added.length > 0 || diff.documents.removed.length > 0;
}

/**
 * Old and new of each document: by document id, or by path when an id repeats. Two single
 * documents of different ids are one document when they share a path or their titles read
 * alike (two imports of two drafts: 《…（征求意见稿）》 and 《…》).
 */
function pairDocuments(before: DocumentSnapshot[], after: DocumentSnapshot[]): [DocumentSnapshot | undefined, DocumentSnapshot | undefined][] {
  if (before.length === 1 && after.length === 1 && sameDocument(before[0]!, after[0]!)) return [[before[0], after[0]]];
  const keyed = (snapshots: DocumentSnapshot[]) => {
    const byKey = new Map<string, DocumentSnapshot>();
    for (const snapshot of snapshots) byKey.set(byKey.has(snapshot.document) ? `\u0000${snapshot.path}` : snapshot.document, snapshot);
    return byKey;
  };
  const oldByKey = keyed(before);
  const pairs: [DocumentSnapshot | undefined, DocumentSnapshot | undefined][] = [];
  for (const [key, current] of keyed(after)) {
    pairs.push([oldByKey.get(key), current]);
    oldByKey.delete(key);
  }
  for (const old of oldByKey.values()) pairs.push([old, undefined]);
  return pairs;
}

function sameDocument(old: DocumentSnapshot, current: DocumentSnapshot): boolean {
  return old.document === current.document || old.path === current.path || (old.title !== '' && dice(bigramsOf(old.title), bigramsOf(current.title)) >= SIMILARITY_THRESHOLD);
}

/** The measure changes within one document, in the new draft's order, each removed measure after the one it followed. */
function documentChanges(old: DocumentSnapshot, current: DocumentSnapshot): MeasureChange[] {
  const { oldOf, removed } = matchMeasures(old.measures, current.measures);
  const document = current.document;
  // A removed measure is shown where it stood: after the new place of the nearest kept measure before it.
  const newOf = new Map<number, number>();
  for (const [newIndex, oldIndex] of oldOf) newOf.set(oldIndex, newIndex);
  const removedAfter = new Map<number, number[]>();
  let anchor = -1;
  let nextRemoved = 0;
  for (let oldIndex = 0; oldIndex < old.measures.length; oldIndex++) {
    if (removed[nextRemoved] === oldIndex) {
      const list = removedAfter.get(anchor);
      if (list) list.push(oldIndex);
      else removedAfter.set(anchor, [oldIndex]);
      nextRemoved++;
    } else if (newOf.has(oldIndex)) anchor = newOf.get(oldIndex)!;
  }
  const changes: MeasureChange[] = [];
  const pushRemoved = (after: number) => {
    for (const oldIndex of removedAfter.get(after) ?? []) changes.push(removedMeasure(document, old.measures[oldIndex]!));
  };
  pushRemoved(-1);
  current.measures.forEach((measure, newIndex) => {
    const oldIndex = oldOf.get(newIndex);
    const change = oldIndex === undefined ? addedMeasure(document, measure) : measureChange(document, old.measures[oldIndex]!, measure);
    if (change) changes.push(change);
    pushRemoved(newIndex);
  });
  return changes;
}
