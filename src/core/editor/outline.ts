// The outline of a task file: parts and their measures (with each measure's lead), or the
// registry's agencies. Editors show it as document symbols and code lenses.
import { dueOf, effectiveDeadline, isOverdue } from '../deadline';
import { ownershipOf } from '../lead';
import type { Ownership } from '../lead';
import type { Project } from '../project';
import type { OffsetRange } from '../types';

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

export function outlineOf(project: Project, path: string): OutlineItem[] {
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
        detail: ownership.lead ? `牵头: ${ownership.lead}` : '无牵头单位',
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
