// The responsibility matrix as a table of rows (编号, 措施, 牵头单位, 配合单位, 说明),
// shared by the CSV and Markdown exporters so that both say the same.
import type { Locale } from '../types';
import type { Matrix } from '../matrix';
import type { NoLeadReason } from '../lead';

export interface MatrixRow {
  document: string;
  id: string;
  title: string;
  lead: string;
  co: string;
  note: string;
}

const HEADERS: Record<Locale, Record<keyof MatrixRow, string>> = {
  en: { document: 'Document (文件)', id: 'No. (编号)', title: 'Measure (措施)', lead: 'Lead (牵头单位)', co: 'Co-responsible (配合单位)', note: 'Note (说明)' },
  'zh-cn': { document: '文件', id: '编号', title: '措施', lead: '牵头单位', co: '配合单位', note: '说明' },
};

const NO_LEAD: Record<Locale, Record<NoLeadReason, string>> = {
  en: {
    'by-function': 'No lead: each by function (根据职能分工各自负责)',
    joint: 'No lead: the document names none',
    collective: 'No lead: first agency is a collective',
    'none-listed': 'No lead: no agency listed',
  },
  'zh-cn': {
    'by-function': '无牵头单位：根据职能分工各自负责',
    joint: '无牵头单位：文件未指定牵头单位',
    collective: '无牵头单位：首位单位为集合性主体',
    'none-listed': '无牵头单位：未列出责任单位',
  },
};

/** Columns in order; the document column only when the matrix spans several documents. */
export function matrixColumns(matrix: Matrix): (keyof MatrixRow)[] {
  const multiple = new Set(matrix.measures.map((m) => m.document)).size > 1;
  return multiple ? ['document', 'id', 'title', 'lead', 'co', 'note'] : ['id', 'title', 'lead', 'co', 'note'];
}

export function matrixHeaders(locale: Locale): Record<keyof MatrixRow, string> {
  return HEADERS[locale];
}

export function matrixRows(matrix: Matrix, locale: Locale): MatrixRow[] {
  return matrix.measures.map((m) => ({
    document: m.document,
    id: m.id,
    title: m.title,
    lead: m.lead ?? '',
    co: m.co.join('、'),
    note: m.noLeadReason ? NO_LEAD[locale][m.noLeadReason] : '',
  }));
}
