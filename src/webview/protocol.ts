// Messages between the extension and its webview panels (types only: shared by both sides).

export interface GraphFilter {
  agency?: string;
  chapter?: string;
}

export interface GraphPayload {
  type: 'graph';
  /** The document shown, kept in the webview's state so the panel comes back after a reload. */
  uri: string;
  /** Increases with every update; the webview renders only the newest it has. */
  seq: number;
  title: string;
  /** The whole graph (exported as SVG), and the same in pieces (the legend, then each part), which the panel draws. */
  mermaid: string;
  pieces: { id: string; mermaid: string }[];
  level: string;
  notice?: string;
  noLeadIds: string[];
  /** Node ids that stand for a measure (a click reveals it). */
  measureIds: string[];
  /** Node ids that stand for a document, in the workspace overview (a click opens its graph). */
  documentIds: string[];
  agencies: string[];
  chapters: { id: string; title: string }[];
  filter: GraphFilter;
  labels: Record<string, string>;
}

export interface GraphInspection {
  seq: number;
  ok: boolean;
  error?: string;
  nodeIds: string[];
  edgeCount: number;
  noLeadIds: string[];
  text: string;
  theme: string;
  /** The zoom the graph is drawn at (1 = its own size), and how much of it the viewport shows. */
  scale: number;
  viewport: { width: number; height: number };
}

/** `typing`: the document is being edited, an update will follow once typing pauses. */
export type ToGraphWebview = GraphPayload | { type: 'inspect'; requestId: number } | { type: 'click'; nodeId: string } | { type: 'requestSvg' } | { type: 'typing' };

export type FromGraphWebview =
  | { type: 'ready' }
  | { type: 'rendered'; seq: number; ok: boolean; ms: number; error?: string }
  | { type: 'filter'; filter: GraphFilter }
  | { type: 'reveal'; nodeId: string }
  | { type: 'openDocument'; nodeId: string }
  | { type: 'exportSvg'; svg: string }
  | { type: 'copySource' }
  | { type: 'inspected'; requestId: number; result: GraphInspection };

export interface MatrixPayload {
  type: 'matrix';
  uri: string;
  title: string;
  shape: 'list' | 'grid';
  headers: string[];
  rows: string[][];
  noLead: boolean[];
  fixedColumns: number;
  /** Per column that does not sort by its text (deadline, due, status): a key per row. */
  sortKeys: Record<number, SortKey[]>;
  /** Per row: the measure is overdue. */
  overdue: boolean[];
  /** The column whose cells say "overdue" beside the date (the due column), or -1. */
  overdueColumn: number;
  /** Changes highlighted since a revision; absent when none are. */
  changes?: {
    /** What they are measured against, with the diff's summary. */
    since: string;
    /** Per row: the words of its mark ("~ changed since HEAD"), or '' when the measure is unchanged. */
    marks: string[];
    /** The column the mark stands in (the title). */
    column: number;
  };
  /** Columns whose cells are agency names (a list's lead and co-responsible): never broken inside a name. */
  nameColumns: number[];
  labels: Record<string, string>;
}

/**
 * Rows compare by `group` first, in every direction (rows with nothing to order by stay last),
 * then by `key` in the direction chosen.
 */
export interface SortKey {
  group: number;
  key: string;
}

export interface MatrixInspection {
  rows: number;
  visibleRows: number;
  headers: string[];
  firstColumn: string[];
  /** The first column of the rows marked overdue, and the words of each mark. */
  overdue: string[];
  overdueMarks: string[];
  /** The first column of the rows marked as changed, and the words of each mark. */
  changed: string[];
  changeMarks: string[];
  changesSince: string;
  /** The rows shown, as indices into the payload's rows, in the order shown. */
  order: number[];
  /** For the first row shown: each cell's text with its computed white-space and word-break. */
  cellStyles: { text: string; whiteSpace: string; wordBreak: string }[];
}

export type ToMatrixWebview = MatrixPayload | { type: 'inspect'; requestId: number } | { type: 'setFilter'; text: string } | { type: 'sortBy'; column: number };

export type FromMatrixWebview =
  | { type: 'ready' }
  | { type: 'shape'; shape: 'list' | 'grid' }
  | { type: 'exportCsv'; rows: number[] }
  | { type: 'exportPlan'; format: 'docx' | 'xlsx' }
  | { type: 'highlightChanges' }
  | { type: 'clearChanges' }
  | { type: 'inspected'; requestId: number; result: MatrixInspection };

/** A run of text of a change: kept, added or removed (drawn struck through or underlined, and with − or + for screen readers). */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** One measure's change, as the diff panel lists it. */
export interface DiffItem {
  /** Sent back when the measure is clicked. */
  index: number;
  change: 'added' | 'removed' | 'moved' | 'changed';
  /** The change in words: added, removed, moved, changed. */
  changeLabel: string;
  /** The id, or `old → new` for a renumbered measure. */
  label: string;
  title: string;
  /** Each line: a label (lead, co, title…) and its parts. */
  details: { label: string; parts: DiffPart[] }[];
}

export interface DiffPayload {
  type: 'diff';
  /** Kept by the webview, so that the panel comes back after a window reload. */
  state: PanelState;
  /** Earlier draft → current draft, in words. */
  heading: string;
  summary: string;
  notes: string[];
  leadHeading: string;
  leadChanges: DiffItem[];
  otherHeading: string;
  otherChanges: DiffItem[];
  agenciesHeading: string;
  agencies: { name: string; parts: DiffPart[] }[];
}

export interface DiffInspection {
  heading: string;
  summary: string;
  /** Per listed measure, lead changes first: `label|change|title` and its detail lines as text. */
  items: { label: string; change: string; title: string; details: string[]; lead: boolean }[];
  agencies: string[];
}

export type ToDiffWebview = DiffPayload | { type: 'inspect'; requestId: number } | { type: 'click'; index: number };

export type FromDiffWebview = { type: 'ready' } | { type: 'reveal'; index: number } | { type: 'inspected'; requestId: number; result: DiffInspection };

/** What a panel's webview keeps across reloads (restored by the panel serializer). */
export interface PanelState {
  uri?: string;
  filter?: GraphFilter;
  view?: { x: number; y: number; scale: number };
  shape?: 'list' | 'grid';
  text?: string;
  sort?: { column: number; descending: boolean };
  /** The diff panel's earlier draft: a git revision, or another task file (a URI). */
  against?: { revision?: string; file?: string };
}
