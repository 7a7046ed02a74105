// What changed in one measure between two drafts: the record `diff --format json` prints.
import { withoutSpace } from './matching';
import type { MeasureSnapshot } from './snapshot';

export type ChangeKind = 'added' | 'removed' | 'moved' | 'changed';

export interface ValueChange {
  old: string | null;
  new: string | null;
}

export interface MeasureChange {
  change: ChangeKind;
  document: string;
  /** The measure's id in the new draft; a removed measure's old id. */
  id: string;
  /** Its id in the old draft; null for an added measure. */
  oldId: string | null;
  title: string;
  /** The title in the old draft (an addition to the design's contract); null for an added measure. */
  oldTitle: string | null;
  /** null when the lead is the same (no lead on both sides included). */
  lead: ValueChange | null;
  /** Agencies newly in the measure as co-responsible (an agency trading lead for co is told by `lead`). */
  coAdded: string[];
  /** Agencies no longer in the measure as co-responsible. */
  coRemoved: string[];
  division: ValueChange | null;
  deadline: ValueChange | null;
  /** Progress status (an addition to the design's contract). */
  status: ValueChange | null;
  /** Whether the measure's text changed (its title: compare `title` and `oldTitle`). */
  textChanged: boolean;
}

/** The change between two matched measures, or undefined when nothing but white space differs. */
export function measureChange(document: string, before: MeasureSnapshot, after: MeasureSnapshot): MeasureChange | undefined {
  const lead = before.lead === after.lead ? null : { old: before.lead, new: after.lead };
  const wasIn = new Set([...before.co, ...(before.lead === null ? [] : [before.lead])]);
  const isIn = new Set([...after.co, ...(after.lead === null ? [] : [after.lead])]);
  const coAdded = after.co.filter((name) => !wasIn.has(name));
  const coRemoved = before.co.filter((name) => !isIn.has(name));
  const division = valueChange(before.division, after.division);
  const deadline = valueChange(before.deadline, after.deadline);
  const status = valueChange(before.status, after.status);
  const titleChanged = before.title !== after.title && withoutSpace(before.title) !== withoutSpace(after.title);
  const textChanged = before.text !== after.text && withoutSpace(before.text) !== withoutSpace(after.text);
  const changed = lead || coAdded.length || coRemoved.length || division || deadline || status || titleChanged || textChanged;
  if (!changed && before.id === after.id) return undefined;
  return {
    change: changed ? 'changed' : 'moved',
    document,
    id: after.id,
    oldId: before.id,
    title: after.title,
    oldTitle: before.title,
    lead,
    coAdded,
    coRemoved,
    division,
    deadline,
    status,
    textChanged,
  };
}

/** A measure only the new draft has: its agencies are all gained. */
export function addedMeasure(document: string, after: MeasureSnapshot): MeasureChange {
  return { ...empty(document, after, 'added'), oldId: null, oldTitle: null, lead: after.lead === null ? null : { old: null, new: after.lead }, coAdded: [...after.co] };
}

/** A measure only the old draft has: its agencies are all lost. */
export function removedMeasure(document: string, before: MeasureSnapshot): MeasureChange {
  return { ...empty(document, before, 'removed'), lead: before.lead === null ? null : { old: before.lead, new: null }, coRemoved: [...before.co] };
}

function empty(document: string, measure: MeasureSnapshot, change: ChangeKind): MeasureChange {
  return { change, document, id: measure.id, oldId: measure.id, title: measure.title, oldTitle: measure.title, lead: null, coAdded: [], coRemoved: [], division: null, deadline: null, status: null, textChanged: false };
}

function valueChange(before: string | null, after: string | null): ValueChange | null {
  return before === after ? null : { old: before, new: after };
}
