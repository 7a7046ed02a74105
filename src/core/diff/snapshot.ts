// What the diff compares: each measure reduced to its words and its resolved ownership, read
// through the same ownershipOf as the matrix so that aliases count as the registry name.
import { effectiveDeadline } from '../model/deadline';
import { effectiveDivision, ownershipOf } from '../model/lead';
import type { Division } from '../model/model';
import { allMeasures } from '../model/model';
import type { Project } from '../project/project';
import type { RuleId } from '../types';

export interface MeasureSnapshot {
  id: string;
  title: string;
  text: string;
  lead: string | null;
  co: string[];
  division: Division;
  /** The deadline in force as written (the measure's own, else the document's). */
  deadline: string | null;
  status: string | null;
}

export interface DocumentSnapshot {
  /** The guideline's id, else its path. */
  document: string;
  path: string;
  /** The guideline's title, or ''. */
  title: string;
  measures: MeasureSnapshot[];
}

/** The guidelines at `paths` of a project, as the diff sees them; files with errors give what can be read. */
export function snapshotOf(project: Project, paths: string[]): DocumentSnapshot[] {
  return paths.map((path) => {
    const guideline = project.guideline(path);
    const registry = project.registryFor(path);
    const measures = allMeasures(guideline).map((measure): MeasureSnapshot => {
      const ownership = ownershipOf(measure, guideline, registry);
      return {
        id: measure.id?.value ?? '',
        title: measure.title ?? '',
        text: measure.text ?? '',
        lead: ownership.lead,
        co: ownership.co,
        division: effectiveDivision(measure, guideline).division,
        deadline: effectiveDeadline(measure, guideline)?.deadline.value ?? null,
        status: measure.status?.value ?? null,
      };
    });
    return { document: guideline.id?.value ?? path, path, title: guideline.title ?? '', measures };
  });
}

/**
 * The rules whose errors change what the diff reads: a measure the parser or the schema could
 * not take is missing from it. The others (an unknown agency, a duplicate id) are compared as
 * written and reported by lint; running every rule for the count cost a third of a large diff.
 */
export const UNDERSTANDING_RULES: readonly RuleId[] = ['yaml-syntax', 'schema'];

/**
 * A draft's snapshots and how many errors left part of it unread, file by file, each parse let go
 * once read: two drafts of 10,000 measures held whole kept the garbage collector busy for a third
 * of the run.
 */
export function readDraft(project: Project, paths: string[]): { snapshots: DocumentSnapshot[]; unreadErrors: number } {
  const snapshots: DocumentSnapshot[] = [];
  let unreadErrors = 0;
  for (const path of paths) {
    for (const d of project.lint([path], { only: UNDERSTANDING_RULES }).diagnostics) if (d.severity === 'error') unreadErrors++;
    for (const snapshot of snapshotOf(project, [path])) snapshots.push(snapshot);
    project.release(path);
  }
  return { snapshots, unreadErrors };
}
