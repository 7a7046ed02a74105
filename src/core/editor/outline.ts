// The outline of a task file: parts and their measures (with each measure's lead), or the
// registry's agencies, and the line a code lens shows above each measure. Editors show them as
// document symbols and code lenses; the words are the wording table's.
import { dueOf, effectiveDeadline, isOverdue } from '../model/deadline';
import { ownershipOf } from '../model/lead';
import type { Ownership } from '../model/lead';
import type { Project } from '../project/project';
import type { Locale, OffsetRange } from '../types';
import { leadSummary, noLeadReasonText, wording } from '../wording/wording';

export interface OutlineItem {
  kind: 'chapter' | 'measure' | 'agency';
  name: string;
  detail: string;
  /** Where the item starts (its first line) and where its id or name is. */
  range: OffsetRange;
  selection: OffsetRange;
  ownership?: Ownership;
  /** The measure's lead is a name the registry does not know (only when there is a registry). */
  leadUnregistered?: boolean;
  /** A measure's deadline in force, as written (its own or the document's), if any. */
  deadline?: string;
  /** Whether the measure is overdue on the project's today for the file (as the overdue rule judges it). */
  overdue?: boolean;
  children: OutlineItem[];
}

/** The outline of a file: a registry's agencies, or a guideline's parts with their measures (`detail` in `locale`). */
export function outlineOf(project: Project, path: string, locale: Locale = 'en'): OutlineItem[] {
  const file = project.file(path);
  if (!file) return [];
  if (file.kind === 'registry') {
    return project.registryModel(path).agencies.map((agency) => ({
      kind: 'agency',
      name: agency.name.value,
      detail: agency.kind ?? '',
      range: agency.range,
      selection: agency.name.range,
      children: [],
    }));
  }
  const guideline = project.guideline(path);
  const registry = project.registryFor(path);
  const today = project.todayFor(path);
  return guideline.chapters.map((chapter) => ({
    kind: 'chapter',
    name: `${chapter.id?.value ?? '?'} ${chapter.title ?? ''}`.trim(),
    detail: '',
    range: chapter.range,
    selection: chapter.id?.range ?? chapter.headRange,
    children: chapter.measures.map((measure) => {
      const ownership = ownershipOf(measure, guideline, registry);
      const deadline = effectiveDeadline(measure, guideline)?.deadline.value;
      return {
        kind: 'measure' as const,
        name: `${measure.id?.value ?? '?'} ${measure.title ?? ''}`.trim(),
        detail: leadSummary(locale, ownership.lead),
        range: measure.range,
        selection: measure.id?.range ?? measure.headRange,
        ownership,
        ...(ownership.lead !== null && registry && !registry.resolve(ownership.lead) ? { leadUnregistered: true } : {}),
        ...(deadline === undefined ? {} : { deadline, overdue: isOverdue(dueOf(deadline), measure.status?.value, today) }),
        children: [],
      };
    }),
  }));
}

/**
 * The code lens of a measure of the outline: `牵头: 省科技厅  ·  配合 3  ·  2025年底前  ·  ⚠ 逾期`,
 * a lead the registry does not know marked (`牵头: 省科技 ⚠ 未登记`), and a measure without a lead
 * saying why in words (`⚠ 无牵头单位（根据职能分工各自负责）`).
 */
export function measureLensTitle(measure: OutlineItem, locale: Locale): string {
  const ownership = measure.ownership;
  const parts: string[] = [];
  if (ownership?.lead) {
    parts.push(leadSummary(locale, measure.leadUnregistered ? `${ownership.lead} ${wording(locale, 'mark.unregistered')}` : ownership.lead));
    if (ownership.co.length) parts.push(wording(locale, 'mark.coCount', { count: ownership.co.length }));
  } else {
    parts.push(wording(locale, 'mark.noLeadBecause', { reason: noLeadReasonText(locale, ownership?.noLeadReason ?? 'none-listed') }));
  }
  if (measure.deadline) parts.push(measure.deadline);
  if (measure.overdue) parts.push(wording(locale, 'mark.overdue'));
  return parts.join('  ·  ');
}
