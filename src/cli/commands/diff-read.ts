// Reading the two drafts of `taskmatrix diff`: decoding and parsing them is most of a large
// diff's time. (A worker thread reading one draft while the main thread read the other was
// tried: on the two shared cores measured, each thread ran 1.5× slower and the whole no faster.)
import { snapshotOf } from '../../core/index';
import type { DiffSide, DocumentSnapshot } from '../../core/index';
import { UsageError } from '../files';
import { loadProject } from '../load';
import type { LoadedProject, LoadOptions } from '../load';

/**
 * The rules whose errors change what the diff reads: a measure the parser or the schema could
 * not take is missing from it. The others (an unknown agency, a duplicate id) are compared as
 * written and reported by `lint`; running every rule here cost a third of a large diff.
 */
const UNDERSTANDING_RULES = ['yaml-syntax', 'schema'] as const;

/** One draft as the diff compares it. */
export interface DraftRead {
  snapshots: DocumentSnapshot[];
  /** YAML and schema errors: what was left out of the snapshots. */
  errors: number;
  /** Notes for standard error (a folder's skipped files, a guideline without a registry). */
  notes: string[];
}

/** A draft from files or folders on disk. */
export function readDraft(paths: string[], options: LoadOptions): DraftRead {
  return readLoadedDraft(loadProject(paths, options), paths, true);
}

/** A draft whose project is loaded; `diff OLD NEW` needs a guideline on each side, --git may have none yet. */
export function readLoadedDraft(loaded: LoadedProject, paths: string[], needsGuideline: boolean): DraftRead {
  const guidelines = loaded.requested.filter((path) => loaded.project.kind(path) === 'guideline');
  if (needsGuideline && guidelines.length === 0) throw new UsageError('diffNoGuidelines', { paths: paths.join(', ') });
  return { ...readSide({ project: loaded.project, paths: guidelines }), notes: loaded.notes };
}

/**
 * The snapshots of a side and its count of errors, file by file, each parse let go once read:
 * two drafts of 10,000 measures held whole kept the garbage collector busy for a third of the run.
 */
export function readSide(side: DiffSide): Omit<DraftRead, 'notes'> {
  const snapshots: DocumentSnapshot[] = [];
  let errors = 0;
  for (const path of side.paths) {
    for (const d of side.project.lint([path], { only: UNDERSTANDING_RULES }).diagnostics) if (d.severity === 'error') errors++;
    for (const snapshot of snapshotOf(side.project, [path])) snapshots.push(snapshot);
    side.project.release(path);
  }
  return { snapshots, errors };
}
