// What the diff's output formats share: labels of a change and measure references.
import type { Locale, MeasureChange, ResponsibilityDiff, ValueChange } from '../../core/index';
import { t } from '../messages';

export interface DiffFormatInput {
  diff: ResponsibilityDiff;
  locale: Locale;
  color: boolean;
}

export type DiffFormatter = (input: DiffFormatInput) => string;

/** Measure ids carry their document when the diff spans several. */
export function spansDocuments(diff: ResponsibilityDiff): boolean {
  return new Set(diff.measures.map((measure) => measure.document)).size > 1 || diff.documents.added.length + diff.documents.removed.length > 0;
}

/** `5.1 → 5.2` for a renumbered measure, else its id; with its document when asked. */
export function measureLabel(measure: MeasureChange, withDocument: boolean, arrow = ' → '): string {
  const id = measure.oldId !== null && measure.oldId !== measure.id ? `${measure.oldId}${arrow}${measure.id}` : measure.id;
  return withDocument ? `${measure.document}:${id}` : id;
}

/** A changed value as "old → new", an absent side shown as "none". */
export function valueText(change: ValueChange, locale: Locale): string {
  return `${change.old ?? t(locale, 'diffNone')} → ${change.new ?? t(locale, 'diffNone')}`;
}

export function summaryText(diff: ResponsibilityDiff, locale: Locale): string {
  return t(locale, 'diffSummary', diff.summary);
}

/** Measures whose lead changed, added and removed ones included. */
export function leadChanges(diff: ResponsibilityDiff): MeasureChange[] {
  return diff.measures.filter((measure) => measure.lead !== null);
}
