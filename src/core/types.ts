// Shared vocabulary of the engine: severities, positions and diagnostics.

export type Severity = 'error' | 'warning' | 'info';

/** A rule id of the design; `yaml-syntax` and `schema` included. */
export type RuleId =
  | 'yaml-syntax'
  | 'schema'
  | 'duplicate-id'
  | 'unknown-agency'
  | 'duplicate-agency'
  | 'no-lead'
  | 'alias-agency'
  | 'unused-agency'
  | 'deadline-format'
  | 'overdue'
  | 'missing-deadline';

export type Locale = 'en' | 'zh-cn';

/** 1-based line and column; columns count UTF-16 code units, as editors and SARIF do. */
export interface Position {
  line: number;
  column: number;
}

/** Half-open character offsets into the file's text (after a BOM is stripped). */
export type OffsetRange = readonly [start: number, end: number];

export interface Diagnostic {
  rule: RuleId;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets behind line/column, for editors that apply fixes. */
  offset: OffsetRange;
  /** Machine-readable details for quick fixes (e.g. the suggested agency name). */
  data?: Record<string, string>;
}

/** A diagnostic that a `taskmatrix-disable-next-line` comment acknowledged. */
export interface SuppressedDiagnostic extends Diagnostic {
  suppression: { line: number; reason: string };
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable output order: by file, line, column, then rule id. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
