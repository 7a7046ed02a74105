// The responsibility diff between drafts (`taskmatrix diff`).
export { diffProjects, diffSnapshots, hasChanges } from './responsibility-diff';
export type { DiffSide, ResponsibilityDiff } from './responsibility-diff';
export type { ChangeKind, MeasureChange, ValueChange } from './measure-changes';
export type { AgencyChange } from './agency-changes';
export { matchMeasures, SIMILARITY_THRESHOLD } from './matching';
export type { Matching } from './matching';
export { readDraft, snapshotOf, UNDERSTANDING_RULES } from './snapshot';
export type { DocumentSnapshot, MeasureSnapshot } from './snapshot';
export { wordDiff } from './word-diff';
export type { WordDiffPart } from './word-diff';
