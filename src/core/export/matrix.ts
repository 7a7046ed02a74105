// The responsibility matrix: lead and co-responsible agencies per measure, and per agency
// the measures it leads, co-owns and sits in without a lead. `matrix --format json` prints it as is.
import { dueOf, effectiveDeadline } from '../model/deadline';
import type { Due } from '../model/deadline';
import { positionAt } from '../source/document';
import { ownershipOf } from '../model/lead';
import type { NoLeadReason } from '../model/lead';
import { allMeasures } from '../model/model';
import type { Project } from '../project/project';

export interface MatrixMeasure {
  id: string;
  title: string;
  document: string;
  file: string;
  line: number;
  /** Id of the part (chapter) the measure belongs to; an addition to the design's contract. */
  chapter: string;
  lead: string | null;
  co: string[];
  noLead: boolean;
  noLeadReason: NoLeadReason | null;
  /*
   * Deadline and progress (additions to the contract). buildMatrix always fills them; they are
   * optional so that a matrix made by hand (tests, other tools) needs none.
   */
  /** The deadline in force as written (the measure's own, else the document's), or null. */
  deadline?: string | null;
  /** Its due date: YYYY-MM-DD, "ongoing", or null (no deadline, no year, or unreadable). */
  due?: Due;
  /** The measure's status as written, or null. */
  status?: string | null;
}

export interface MatrixAgency {
  name: string;
  /** Measures the agency leads. */
  leads: string[];
  /** Measures the agency is co-responsible for, with or without a lead. */
  co: string[];
  /** Measures without a lead that name the agency. */
  noLead: string[];
}

export interface Matrix {
  measures: MatrixMeasure[];
  agencies: MatrixAgency[];
}

/**
 * Builds the matrix of the project's guidelines (or of the given ones). Agencies come in
 * registry order, then unknown names in order of appearance. Measure references in agency
 * lists are plain ids when the measures come from one document and `<document>:<id>` when from several.
 */
export function buildMatrix(project: Project, paths: string[] = project.guidelinePaths()): Matrix {
  const measures: MatrixMeasure[] = [];
  const agencies = new Map<string, MatrixAgency>();
  const agency = (name: string): MatrixAgency => {
    let entry = agencies.get(name);
    if (!entry) agencies.set(name, (entry = { name, leads: [], co: [], noLead: [] }));
    return entry;
  };
  const registries = new Set(paths.map((path) => project.registryFor(path)).filter((index) => index !== undefined));
  for (const registry of registries) for (const entry of registry.agencies) agency(entry.name.value);

  // Ids are ambiguous only when measures of several documents are listed.
  const qualify = new Set(paths.filter((path) => allMeasures(project.guideline(path)).length > 0).map((path) => project.guideline(path).id?.value ?? path)).size > 1;
  for (const path of paths) {
    const guideline = project.guideline(path);
    const registry = project.registryFor(path);
    const document = guideline.id?.value ?? path;
    const file = project.file(path)!;
    for (const measure of allMeasures(guideline)) {
      const ownership = ownershipOf(measure, guideline, registry);
      const id = measure.id?.value ?? '';
      const reference = qualify ? `${document}:${id}` : id;
      const deadline = effectiveDeadline(measure, guideline)?.deadline.value ?? null;
      measures.push({
        id,
        title: measure.title ?? '',
        document,
        file: path,
        line: positionAt(file, (measure.id?.range ?? measure.headRange)[0]).line,
        chapter: measure.chapterId ?? '',
        lead: ownership.lead,
        co: ownership.co,
        noLead: ownership.noLead,
        noLeadReason: ownership.noLeadReason,
        deadline,
        due: deadline === null ? null : dueOf(deadline),
        status: measure.status?.value ?? null,
      });
      if (ownership.lead !== null) agency(ownership.lead).leads.push(reference);
      for (const name of ownership.co) agency(name).co.push(reference);
      if (ownership.noLead) for (const name of ownership.co) agency(name).noLead.push(reference);
    }
  }
  return { measures, agencies: [...agencies.values()] };
}
