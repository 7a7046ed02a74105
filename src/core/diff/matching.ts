// Which measure of the old draft became which of the new: first the same words, then the most
// similar, and only the rest by id — so that inserting a measure renumbers the ones after it
// instead of making each look rewritten as its neighbour.
import type { MeasureSnapshot } from './snapshot';
import { fingerprintOf, similarity } from './similarity';
import type { Fingerprint } from './similarity';

/** Below this, two measures are different measures that may still share an id. */
export const SIMILARITY_THRESHOLD = 0.5;

/** Up to this many old × new candidates, every pair is compared; above, each is compared with its neighbours in order. */
const ALL_PAIRS_LIMIT = 250 * 250;
/** How many measures either side of its expected place a measure is compared with, in large documents. */
const WINDOW = 20;

export interface Matching {
  /** new index → old index, for the measures found in both drafts. */
  oldOf: Map<number, number>;
  /** Old indices with no counterpart: removed. */
  removed: number[];
  /** New indices with no counterpart: added. */
  added: number[];
}

/** Pairs the measures of two drafts of one document. */
export function matchMeasures(before: readonly MeasureSnapshot[], after: readonly MeasureSnapshot[]): Matching {
  const oldOf = new Map<number, number>();
  const takenOld = new Set<number>();
  const pair = (oldIndex: number, newIndex: number) => {
    oldOf.set(newIndex, oldIndex);
    takenOld.add(oldIndex);
  };

  // 1. The same title and text (white space aside), in order.
  const byContent = new Map<string, number[]>();
  before.forEach((measure, index) => {
    const key = contentKey(measure);
    if (key === undefined) return;
    const list = byContent.get(key);
    if (list) list.push(index);
    else byContent.set(key, [index]);
  });
  after.forEach((measure, index) => {
    const key = contentKey(measure);
    const candidates = key === undefined ? undefined : byContent.get(key);
    if (!candidates?.length) return;
    // Among measures worded alike, the one under the same id is this one.
    const sameId = candidates.findIndex((oldIndex) => before[oldIndex]!.id === measure.id);
    pair(candidates.splice(sameId < 0 ? 0 : sameId, 1)[0]!, index);
  });

  // 2. The most similar above the threshold, best pairs first.
  const restOld = before.map((_, index) => index).filter((index) => !takenOld.has(index));
  const restNew = after.map((_, index) => index).filter((index) => !oldOf.has(index));
  if (restOld.length && restNew.length) {
    for (const [oldIndex, newIndex] of similarPairs(before, after, restOld, restNew)) pair(oldIndex, newIndex);
  }

  // 3. What is left, by id.
  const oldById = new Map<string, number>();
  for (const index of restOld) if (!takenOld.has(index) && before[index]!.id !== '' && !oldById.has(before[index]!.id)) oldById.set(before[index]!.id, index);
  for (const index of restNew) {
    if (oldOf.has(index)) continue;
    const oldIndex = oldById.get(after[index]!.id);
    if (oldIndex === undefined || takenOld.has(oldIndex)) continue;
    pair(oldIndex, index);
  }

  return {
    oldOf,
    removed: before.map((_, index) => index).filter((index) => !takenOld.has(index)),
    added: after.map((_, index) => index).filter((index) => !oldOf.has(index)),
  };
}

/** A measure's words for exact matching; undefined when it has none to match by. */
function contentKey(measure: MeasureSnapshot): string | undefined {
  const title = withoutSpace(measure.title);
  const text = withoutSpace(measure.text);
  return title === '' && text === '' ? undefined : `${title}\u0000${text}`;
}

/** The text without white space; most texts have none, and testing is cheaper than copying. */
export function withoutSpace(text: string): string {
  return /\s/.test(text) ? text.replace(/\s+/g, '') : text;
}

/**
 * Pairs above the threshold, each measure at most once, the most similar (then the nearest in
 * order) first. Large documents compare each new measure with a window of old ones around its
 * expected place and with the old measure of its id, which keeps the work linear.
 */
function similarPairs(before: readonly MeasureSnapshot[], after: readonly MeasureSnapshot[], restOld: number[], restNew: number[]): [number, number][] {
  const oldPrints: (Fingerprint | undefined)[] = [];
  const newPrints: (Fingerprint | undefined)[] = [];
  const printOf = (prints: (Fingerprint | undefined)[], at: number, measure: MeasureSnapshot) => (prints[at] ??= fingerprintOf(measure.title, measure.text));
  const candidates: { oldAt: number; newAt: number; score: number; distance: number }[] = [];
  const consider = (oldAt: number, newAt: number) => {
    const score = similarity(printOf(oldPrints, oldAt, before[restOld[oldAt]!]!), printOf(newPrints, newAt, after[restNew[newAt]!]!));
    if (score >= SIMILARITY_THRESHOLD) candidates.push({ oldAt, newAt, score, distance: Math.abs(oldAt * restNew.length - newAt * restOld.length) });
  };
  if (restOld.length * restNew.length <= ALL_PAIRS_LIMIT) {
    for (let newAt = 0; newAt < restNew.length; newAt++) for (let oldAt = 0; oldAt < restOld.length; oldAt++) consider(oldAt, newAt);
  } else {
    const oldAtById = new Map<string, number>();
    restOld.forEach((index, oldAt) => oldAtById.set(before[index]!.id, oldAt));
    for (let newAt = 0; newAt < restNew.length; newAt++) {
      const expected = Math.round((newAt * restOld.length) / restNew.length);
      const from = Math.max(0, expected - WINDOW);
      const to = Math.min(restOld.length - 1, expected + WINDOW);
      for (let oldAt = from; oldAt <= to; oldAt++) consider(oldAt, newAt);
      const sameId = oldAtById.get(after[restNew[newAt]!]!.id);
      if (sameId !== undefined && (sameId < from || sameId > to)) consider(sameId, newAt);
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.distance - b.distance || a.newAt - b.newAt);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs: [number, number][] = [];
  for (const { oldAt, newAt } of candidates) {
    if (usedOld.has(oldAt) || usedNew.has(newAt)) continue;
    usedOld.add(oldAt);
    usedNew.add(newAt);
    pairs.push([restOld[oldAt]!, restNew[newAt]!]);
  }
  return pairs;
}
