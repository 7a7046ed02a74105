// The responsibility matrix as a table, in two shapes shared by the CSV, Markdown and HTML
// exporters so that all three say the same:
// - list: one row per measure (编号, 措施, 牵头单位, 配合单位, 说明), with 完成时限, 到期日 and 进展
//   before 说明 when any measure has a deadline or a status;
// - grid: measures × agencies, each cell 牵头, 配合 or 负责 (named in a measure without a lead).
import { MEASURE_STATUSES } from '../model/deadline';
import type { Matrix } from './matrix';
import { formatMessage } from '../wording/messages';
import type { MessageKey } from '../wording/messages';
import type { Locale } from '../types';
import { label } from './labels';
import { noLeadReasonText, roleWord } from '../wording/wording';

export interface Table {
  headers: string[];
  rows: string[][];
  /** Per row: the measure has no lead (exporters that can, highlight it). */
  noLead: boolean[];
  /** Columns before the agency columns of a grid (all of them in a list). */
  fixedColumns: number;
}

const LIST_HEADERS: Record<Locale, { document: string; id: string; title: string; text: string; lead: string; co: string; deadline: string; due: string; status: string; note: string }> = {
  en: {
    document: 'Document (文件)',
    id: 'No. (编号)',
    title: 'Measure (措施)',
    text: 'Text (内容)',
    lead: 'Lead (牵头单位)',
    co: 'Co-responsible (配合单位)',
    deadline: 'Deadline (完成时限)',
    due: 'Due (到期日)',
    status: 'Status (进展)',
    note: 'Note (说明)',
  },
  'zh-cn': { document: '文件', id: '编号', title: '措施', text: '具体内容', lead: '牵头单位', co: '配合单位', deadline: '完成时限', due: '到期日', status: '进展', note: '说明' },
};

/** Column names shared by every table of measures (matrix, no-lead lists). */
export function columnHeaders(locale: Locale): (typeof LIST_HEADERS)[Locale] {
  return LIST_HEADERS[locale];
}

export function matrixTable(matrix: Matrix, locale: Locale, shape: 'list' | 'grid' = 'list'): Table {
  const multiple = new Set(matrix.measures.map((m) => m.document)).size > 1;
  const h = LIST_HEADERS[locale];
  const lead = (prefix: string[]) => (multiple ? [h.document, ...prefix] : prefix);
  const rowStart = (m: Matrix['measures'][number]) => (multiple ? [m.document, m.id, m.title] : [m.id, m.title]);
  const noLead = matrix.measures.map((m) => m.noLead);

  if (shape === 'list') {
    // Files without deadlines keep the table they always had.
    const dated = matrix.measures.some((m) => (m.deadline ?? null) !== null || (m.status ?? null) !== null);
    const progress = (m: Matrix['measures'][number]) => (dated ? [m.deadline ?? '', dueText(locale, m.due ?? null), statusText(locale, m.status ?? null)] : []);
    const headers = lead([h.id, h.title, h.lead, h.co, ...(dated ? [h.deadline, h.due, h.status] : []), h.note]);
    return {
      headers,
      rows: matrix.measures.map((m) => [...rowStart(m), m.lead ?? '', m.co.join('、'), ...progress(m), m.noLeadReason ? noLeadReasonText(locale, m.noLeadReason) : '']),
      noLead,
      fixedColumns: headers.length,
    };
  }
  const agencies = matrix.agencies.filter((a) => a.leads.length || a.co.length).map((a) => a.name);
  return {
    headers: lead([h.id, h.title, ...agencies]),
    rows: matrix.measures.map((m) => [
      ...rowStart(m),
      ...agencies.map((name) => (name === m.lead ? roleWord(locale, 'lead') : m.co.includes(name) ? roleWord(locale, m.noLead ? 'responsible' : 'co') : '')),
    ]),
    noLead,
    fixedColumns: multiple ? 3 : 2,
  };
}

/** A due date as a table shows it: the date, 长期 (ongoing), or nothing. */
export function dueText(locale: Locale, due: string | null): string {
  return due === 'ongoing' ? label(locale, 'dueOngoing') : (due ?? '');
}

/** A status in the table's language (the words the overdue rule uses); a value outside the schema as written. */
export function statusText(locale: Locale, status: string | null): string {
  if (status === null) return '';
  return (MEASURE_STATUSES as readonly string[]).includes(status) ? formatMessage(locale, `status.${status}` as MessageKey) : status;
}
