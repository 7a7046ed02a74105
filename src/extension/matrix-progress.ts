// What the matrix panel needs beyond the engine's table to follow deadlines: how the deadline,
// due and status columns sort, and which rows are overdue. No `vscode` here: a pure function of
// the matrix, tested on its own.
import { columnHeaders, isOverdue, MEASURE_STATUSES } from '../core/index';
import type { Locale, Matrix, Table } from '../core/index';
import type { SortKey } from '../webview/protocol';

export interface MatrixProgress {
  sortKeys: Record<number, SortKey[]>;
  overdue: boolean[];
  overdueColumn: number;
}

/**
 * Statuses in the order a follow-up meeting goes through them: what has not started, what is
 * under way, what is late, then what is done; a status outside the schema after them, none last.
 */
const STATUS_ORDER: readonly string[] = ['not-started', 'in-progress', 'delayed', 'done'] satisfies (typeof MEASURE_STATUSES)[number][];

/**
 * Sort keys and overdue rows of a table made by matrixTable from `matrix`: due dates (and the
 * deadlines that mean them) in date order with ongoing, then undated, then none last, statuses in
 * STATUS_ORDER; overdue as the overdue rule judges it on `today`.
 */
export function matrixProgress(matrix: Matrix, table: Table, locale: Locale, today: string): MatrixProgress {
  const names = columnHeaders(locale);
  const column = (name: string) => table.headers.indexOf(name);
  // A deadline without a date (一季度, or unreadable) before no deadline at all, in the deadline column.
  const byDue = (m: Matrix['measures'][number], tie: string): SortKey => {
    const due = m.due ?? null;
    if (due === null) return { group: tie ? 2 : 3, key: tie };
    return due === 'ongoing' ? { group: 1, key: tie } : { group: 0, key: `${due} ${tie}` };
  };
  const byStatus = (status: string | null): SortKey => {
    if (status === null) return { group: 2, key: '' };
    const rank = STATUS_ORDER.indexOf(status);
    return rank >= 0 ? { group: 0, key: String(rank) } : { group: 1, key: status };
  };
  const sortKeys: Record<number, SortKey[]> = {};
  const deadline = column(names.deadline);
  const due = column(names.due);
  const status = column(names.status);
  if (deadline >= 0) sortKeys[deadline] = matrix.measures.map((m) => byDue(m, m.deadline ?? ''));
  if (due >= 0) sortKeys[due] = matrix.measures.map((m) => byDue(m, ''));
  if (status >= 0) sortKeys[status] = matrix.measures.map((m) => byStatus(m.status ?? null));
  return {
    sortKeys,
    overdue: matrix.measures.map((m) => isOverdue(m.due ?? null, m.status ?? null, today)),
    // The grid has no due column: the mark goes after the measure's title.
    overdueColumn: due >= 0 ? due : column(names.title),
  };
}
