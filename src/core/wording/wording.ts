// The words for the concepts every output names — why a measure has no lead, how a measure divides
// its work, the roles an agency plays, the graph's legend and the markers beside a measure — once,
// in both interface languages. Exports, the graph, the command line and the editor all take them
// from here; a host adds only what is its own (a flag name, a filter name).
// The role words 牵头, 配合 and 负责 are what the documents say, short enough for a cell or a lens:
// they stay Chinese in both languages, and English phrases carry them in brackets.
import type { NoLeadReason } from '../model/lead';
import type { Division } from '../model/model';
import type { Locale } from '../types';

/** An agency's part in a measure: lead (牵头), co-responsible (配合), or responsible where no one leads (负责). */
export type Role = 'lead' | 'co' | 'responsible';

const WORDING = {
  // Why a measure has no lead (the no-lead rule's reasons), as a table's note or a lens says it.
  'noLead.by-function': { en: 'by function (根据职能分工各自负责)', 'zh-cn': '根据职能分工各自负责' },
  'noLead.joint': { en: 'joint: the document names no lead', 'zh-cn': '文件未指定牵头单位' },
  'noLead.collective': { en: 'first agency is a collective', 'zh-cn': '首位单位为集合性主体' },
  'noLead.none-listed': { en: 'no agency listed', 'zh-cn': '未列出责任单位' },
  // The same, as the lead cell of the task-division plan (where a lead's name would stand).
  'noLeadCell.by-function': { en: 'each by function (各自负责)', 'zh-cn': '各自负责' },
  'noLeadCell.joint': { en: 'jointly (共同负责)', 'zh-cn': '共同负责' },
  'noLeadCell.collective': { en: 'a collective leads (集合主体)', 'zh-cn': '集合主体' },
  'noLeadCell.none-listed': { en: 'none listed (未列出)', 'zh-cn': '未列出' },

  // The `division:` values, as completion and hovers explain them.
  'division.lead-first': { en: '排名第一的为牵头单位 — the first listed agency leads', 'zh-cn': '排名第一的为牵头单位：首位单位牵头' },
  'division.by-function': { en: '根据职能分工各自负责 — each within its remit; no lead', 'zh-cn': '根据职能分工各自负责：无牵头单位' },
  'division.joint': { en: 'the document designates no lead', 'zh-cn': '文件未指定牵头单位' },

  // Roles: the word alone (grid cells, graph edges, lenses), and as a heading or a column.
  'role.lead': { en: '牵头', 'zh-cn': '牵头' },
  'role.co': { en: '配合', 'zh-cn': '配合' },
  'role.responsible': { en: '负责', 'zh-cn': '负责' },
  // Translated, for running text and column headers of the command line (diff, stats).
  'roleName.lead': { en: 'lead', 'zh-cn': '牵头' },
  'roleName.co': { en: 'co', 'zh-cn': '配合' },
  'roleColumn.lead': { en: 'Led', 'zh-cn': '牵头' },
  'roleColumn.co': { en: 'Co-owned', 'zh-cn': '配合' },
  'roleColumn.responsible': { en: 'No-lead', 'zh-cn': '无牵头' },
  'roleLabel.lead': { en: 'lead (牵头)', 'zh-cn': '牵头' },
  'roleLabel.co': { en: 'co-responsible (配合)', 'zh-cn': '配合' },
  'roleLabel.responsible': { en: 'responsible, no lead (负责)', 'zh-cn': '负责（无牵头单位）' },
  'roleGroup.lead': { en: 'Leads (牵头)', 'zh-cn': '牵头' },
  'roleGroup.co': { en: 'Co-owns (配合)', 'zh-cn': '配合' },
  'roleGroup.responsible': { en: 'Without a lead (负责)', 'zh-cn': '无牵头单位（负责）' },
  'roleCount.lead': { en: 'Leads {count} (牵头)', 'zh-cn': '牵头 {count} 项' },
  'roleCount.co': { en: 'Co-owns {count} (配合)', 'zh-cn': '配合 {count} 项' },
  'roleCount.responsible': { en: 'Without a lead {count} (负责)', 'zh-cn': '无牵头单位（负责）{count} 项' },

  // Markers beside a measure or an agency (outline, code lens, Agencies view).
  'mark.lead': { en: '牵头: {name}', 'zh-cn': '牵头: {name}' },
  'mark.coCount': { en: '配合 {count}', 'zh-cn': '配合 {count}' },
  // "No lead" in a line of text (the command line's diff and report); the editor's markers above keep the Chinese term.
  'noLeadWord': { en: 'no lead', 'zh-cn': '无牵头单位' },
  'mark.noLead': { en: '无牵头单位', 'zh-cn': '无牵头单位' },
  'mark.noLeadBecause': { en: '⚠ 无牵头单位 — {reason}', 'zh-cn': '⚠ 无牵头单位（{reason}）' },
  'mark.load': { en: '牵头 {led} · 配合 {co}', 'zh-cn': '牵头 {led} · 配合 {co}' },
  'mark.loadNoLead': { en: '牵头 {led} · 配合 {co} · 无牵头 {noLead}', 'zh-cn': '牵头 {led} · 配合 {co} · 无牵头 {noLead}' },
  'mark.overdue': { en: '⚠ overdue', 'zh-cn': '⚠ 逾期' },
  'mark.unregistered': { en: '⚠ not registered', 'zh-cn': '⚠ 未登记' },

  // The ownership graph: node and legend words inside the Mermaid text.
  'graph.legend': { en: '图例 Legend', 'zh-cn': '图例' },
  'graph.agency': { en: '单位 agency', 'zh-cn': '单位' },
  'graph.measure': { en: '措施 measure', 'zh-cn': '措施' },
  'graph.part': { en: '部分 part (count)', 'zh-cn': '部分（数量）' },
  'graph.document': { en: '文件 document (count)', 'zh-cn': '文件（数量）' },
  'graph.noLead': { en: '无牵头单位 no lead', 'zh-cn': '无牵头单位' },
  'graph.measures': { en: 'measures', 'zh-cn': '项措施' },
  'graph.noLeadCount': { en: 'without lead', 'zh-cn': '项无牵头' },
  'graph.legendLead': { en: '牵头 lead', 'zh-cn': '牵头' },
  'graph.legendCo': { en: '配合 co-responsible', 'zh-cn': '配合' },
  'graph.legendResponsible': { en: '负责 responsible, no lead', 'zh-cn': '负责（无牵头）' },
  // The legend of an exported graph page (Markdown, HTML), which names the line styles.
  'legend.lead': { en: 'thick blue line from the left (牵头): the lead agency (first listed)', 'zh-cn': '左侧蓝色粗线（牵头）：牵头单位（排名第一）' },
  'legend.co': { en: 'dotted grey line to the right (配合): a co-responsible agency', 'zh-cn': '右侧灰色虚线（配合）：配合单位' },
  'legend.responsible': { en: 'orange line to the right (负责): responsible, in a measure without a lead', 'zh-cn': '右侧橙色线（负责）：无牵头单位的措施中的责任单位' },
  'legend.noLead': { en: 'orange dashed box: a measure without a lead (无牵头单位)', 'zh-cn': '橙色虚线框：无牵头单位的措施' },
  // Why a graph is coarser than asked: {filter} is how the host's user filters (see graphNotice).
  'notice.parts': {
    en: 'Aggregated view: {measures} measures are too many for one Mermaid graph, so agencies link to parts, with counts. Filter by agency or part{filter} for measure detail.',
    'zh-cn': '汇总视图：{measures} 项措施超出单张 Mermaid 图的容量，改为显示各单位与各部分的关联及数量。按单位或部分筛选{filter}可查看措施明细。',
  },
  'notice.documents': {
    en: 'Aggregated view: {measures} measures are too many for one Mermaid graph, so agencies link to documents, with counts. Filter by agency or part{filter} for measure detail.',
    'zh-cn': '汇总视图：{measures} 项措施超出单张 Mermaid 图的容量，改为显示各单位与各文件的关联及数量。按单位或部分筛选{filter}可查看措施明细。',
  },
  'notice.strongest-links': {
    en: 'Aggregated view: {measures} measures are too many for one Mermaid graph; agencies link to documents, and only the {shown} strongest of {total} lines are drawn. Filter by agency or part{filter} for detail.',
    'zh-cn': '汇总视图：{measures} 项措施超出单张 Mermaid 图的容量；显示各单位与各文件的关联，仅绘出 {total} 条连线中最强的 {shown} 条。按单位或部分筛选{filter}可查看明细。',
  },
} satisfies Record<string, Record<Locale, string>>;

export type WordingKey = keyof typeof WORDING;

/** The words of a concept in the given language, `{name}` placeholders filled. */
export function wording(locale: Locale, key: WordingKey, args: Record<string, string | number> = {}): string {
  return WORDING[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** Why a measure has no lead, in words (a table's note, a lens). */
export function noLeadReasonText(locale: Locale, reason: NoLeadReason): string {
  return wording(locale, `noLead.${reason}`);
}

/** What the lead cell of the task-division plan says for a measure without a lead. */
export function noLeadCellText(locale: Locale, reason: NoLeadReason): string {
  return wording(locale, `noLeadCell.${reason}`);
}

/** What a `division:` value means. */
export function divisionText(locale: Locale, division: Division): string {
  return wording(locale, `division.${division}`);
}

/** The role word itself: 牵头, 配合 or 负责. */
export function roleWord(locale: Locale, role: Role): string {
  return wording(locale, `role.${role}`);
}

/** A lead's or a co-owner's role named in a line of text: `lead` / `牵头`. */
export function roleName(locale: Locale, role: Exclude<Role, 'responsible'>): string {
  return wording(locale, `roleName.${role}`);
}

/** A role as the header of a column of counts: `Led` / `牵头`. */
export function roleColumn(locale: Locale, role: Role): string {
  return wording(locale, `roleColumn.${role}`);
}

/** A role as a column value: `lead (牵头)` / `牵头`. */
export function roleLabel(locale: Locale, role: Role): string {
  return wording(locale, `roleLabel.${role}`);
}

/** A role as the heading of a group of measures: `Leads (牵头)` / `牵头`. */
export function roleGroupLabel(locale: Locale, role: Role): string {
  return wording(locale, `roleGroup.${role}`);
}

/** A role with the number of measures: `Leads 3 (牵头)` / `牵头 3 项`. */
export function roleCountText(locale: Locale, role: Role, count: number): string {
  return wording(locale, `roleCount.${role}`, { count });
}

/** "no lead" in running text: where a lead's name would stand in a line of the command line's output. */
export function noLeadWord(locale: Locale): string {
  return wording(locale, 'noLeadWord');
}

/** A measure's lead in brief: `牵头: 省科技厅`, or 无牵头单位. */
export function leadSummary(locale: Locale, lead: string | null): string {
  return lead ? wording(locale, 'mark.lead', { name: lead }) : wording(locale, 'mark.noLead');
}

/** An agency's load in brief: `牵头 2 · 配合 5`, with `· 无牵头 1` when it answers for measures without a lead. */
export function loadSummary(locale: Locale, load: { led: number; coOwned: number; noLead: number }): string {
  return load.noLead ? wording(locale, 'mark.loadNoLead', { led: load.led, co: load.coOwned, noLead: load.noLead }) : wording(locale, 'mark.load', { led: load.led, co: load.coOwned });
}

/**
 * Says that a graph is aggregated, and how to get measure detail back. `filter` is the host's own
 * way to filter, in brackets after the words (the command line's flags, a panel's controls); the
 * core names none, since it does not know where it is shown.
 */
export function graphNotice(locale: Locale, level: 'parts' | 'documents' | 'strongest-links', counts: { measures: number; shown: number; total: number }, filter?: string): string {
  const hint = filter ? (locale === 'zh-cn' ? `（${filter}）` : ` (${filter})`) : '';
  return wording(locale, `notice.${level}`, { ...counts, filter: hint });
}
