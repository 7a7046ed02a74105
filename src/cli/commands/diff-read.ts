// Reading the two drafts of `taskmatrix diff` from disk: which files, and the notes a folder walk
// gives; what is read of each draft and which errors count is the engine's (readDraft).
// (A worker thread reading one draft while the main thread read the other was tried: on the two
// shared cores measured, each thread ran 1.5× slower and the whole no faster.)
import { readDraft } from '../../core/index';
import type { DocumentSnapshot } from '../../core/index';
import { UsageError } from '../files';
import { loadProject } from '../load';
import type { LoadedProject, LoadOptions } from '../load';

/** One draft as the diff compares it. */
export interface DraftRead {
  snapshots: DocumentSnapshot[];
  /** YAML and schema errors: what was left out of the snapshots. */
  unreadErrors: number;
  /** Notes for standard error (a folder's skipped files, a guideline without a registry). */
  notes: string[];
}

/** A draft from files or folders on disk. */
export function readDraftFiles(paths: string[], options: LoadOptions): DraftRead {
  return readLoadedDraft(loadProject(paths, options), paths, true);
}

/** A draft whose project is loaded; `diff OLD NEW` needs a guideline on each side, --git may have none yet. */
export function readLoadedDraft(loaded: LoadedProject, paths: string[], needsGuideline: boolean): DraftRead {
  const guidelines = loaded.requested.filter((path) => loaded.project.kind(path) === 'guideline');
  if (needsGuideline && guidelines.length === 0) throw new UsageError('diffNoGuidelines', { paths: paths.join(', ') });
  return { ...readDraft(loaded.project, guidelines), notes: loaded.notes };
}
