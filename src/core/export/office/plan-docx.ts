// The task-division plan as a Word file, the way a general office circulates it: the document's
// title, then one table (序号 · 重点任务 · 牵头单位 · 配合单位 · 完成时限) with the parts as
// full-width rows and the header row repeated on every page; A4 landscape; 黑体 for headings and
// 仿宋_GB2312 for the body, as government documents set them. With `byAgency`, each agency's own
// task list instead, one per page. Written with the `docx` library.
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import type { Locale } from '../../types';
import { officeText } from '../escape';
import { columnHeaders, statusText } from '../matrix-table';
import { label } from '../labels';
import type { ExportLabel } from '../labels';
import type { PlanAgency, PlanDocument, PlanTask, TaskPlan } from '../task-plan';
import { stampedWith } from './stable-zip';

export interface PlanDocxOptions {
  byAgency?: boolean;
}

// Latin text in Times New Roman, Chinese in the faces of the 党政机关公文格式 (GB/T 9704): 黑体
// for headings, 仿宋_GB2312 for the body. A machine without them substitutes its own (Word and
// WPS on Chinese Windows have both; LibreOffice maps them to a CJK face of fontconfig).
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', hint: 'eastAsia' } as const;
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312', hint: 'eastAsia' } as const;
/** Sizes in half-points: 二号 22 pt, 四号 14 pt, 小四 12 pt. */
const TITLE_SIZE = 44;
const TABLE_SIZE = 24;

/** A4 landscape with 2 cm margins leaves 25.7 cm = 14,570 twips for the table. */
const MARGIN = 1134;
const TABLE_WIDTH = 16838 - 2 * MARGIN;

export async function planToDocx(plan: TaskPlan, options: PlanDocxOptions = {}): Promise<Uint8Array> {
  const children = options.byAgency ? agencyLists(plan) : planTables(plan);
  const document = new Document({
    title: plan.title,
    creator: 'taskmatrix',
    lastModifiedBy: 'taskmatrix',
    styles: { default: { document: { run: { font: BODY_FONT, size: TABLE_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            // docx takes the portrait size and swaps it for landscape.
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children: children.length ? children : [paragraph([])],
      },
    ],
  });
  return stampedWith(new Uint8Array(await Packer.toArrayBuffer(document)), plan.today);
}

function planTables(plan: TaskPlan): (Paragraph | Table)[] {
  const { locale } = plan;
  const withStatus = plan.documents.some((document) => document.parts.some((part) => part.tasks.some((task) => task.status !== null)));
  const headers = [label(locale, 'planNumber'), label(locale, 'planTask'), columnHeaders(locale).lead, columnHeaders(locale).co, columnHeaders(locale).deadline, ...(withStatus ? [columnHeaders(locale).status] : [])];
  // 序号 narrow, 重点任务 wide: the text of a measure is most of what is read.
  const widths = withStatus ? [800, 5970, 2100, 3000, 1500, 1200] : [800, 6570, 2300, 3300, 1600];
  return plan.documents.flatMap((document, index) => [
    title(label(locale, 'planHeading', { title: document.title }), index > 0),
    ...statusDate(plan, withStatus),
    table(widths, headers, documentRows(document, widths.length, withStatus, locale)),
  ]);
}

function documentRows(document: PlanDocument, columns: number, withStatus: boolean, locale: Locale): TableRow[] {
  return document.parts.flatMap((part) => [
    ...(part.heading ? [fullWidthRow(part.heading, columns)] : []),
    ...part.tasks.map((task) => taskRow(task.number, task, { withDocument: false, withStatus }, locale)),
  ]);
}

/** A measure's row: 序号, 重点任务, 牵头单位, 配合单位, 完成时限 and, where progress is followed, 进展. */
function taskRow(number: number, task: PlanTask, options: { withDocument: boolean; withStatus: boolean }, locale: Locale): TableRow {
  return new TableRow({
    children: [
      cell([String(number)], { center: true }),
      taskCell(task, options.withDocument),
      cell([task.leadCell], { center: true }),
      cell([task.coCell.join('、')]),
      deadlineCell(task, options.withStatus, locale),
      ...(options.withStatus ? [cell([statusText(locale, task.status)], { center: true })] : []),
    ],
  });
}

function agencyLists(plan: TaskPlan): (Paragraph | Table)[] {
  const { locale } = plan;
  const h = columnHeaders(locale);
  const headers = [label(locale, 'planNumber'), label(locale, 'planTask'), h.lead, h.co, h.deadline, h.status];
  const widths = [800, 6170, 2000, 2900, 1500, 1200];
  const several = plan.documents.length > 1;
  return plan.agencies.flatMap((agency, index) => [
    title(label(locale, 'planAgencyHeading', { agency: agency.name }), index > 0),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [run([label(locale, 'planAgencySummary', { led: agency.led, co: agency.coOwned, noLead: agency.noLead, overdue: agency.overdue }), ...(plan.dated ? [label(locale, 'planToday', { today: plan.today })] : [])].join(' '))],
    }),
    table(widths, headers, agencyRows(agency, widths.length, several, locale)),
  ]);
}

function agencyRows(agency: PlanAgency, columns: number, several: boolean, locale: Locale): TableRow[] {
  const rows: TableRow[] = [];
  let group: string | undefined;
  agency.tasks.forEach(({ role, task }, index) => {
    if (role !== group) rows.push(fullWidthRow(label(locale, `planGroup.${role}` as ExportLabel), columns));
    group = role;
    rows.push(taskRow(index + 1, task, { withDocument: several, withStatus: true }, locale));
  });
  return rows;
}

function title(text: string, newPage: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore: newPage,
    spacing: { after: 240 },
    children: [new TextRun({ text: officeText(text), font: HEADING_FONT, size: TITLE_SIZE })],
  });
}

function statusDate(plan: TaskPlan, withStatus: boolean): Paragraph[] {
  if (!withStatus) return [];
  return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(label(plan.locale, 'planToday', { today: plan.today }))] })];
}

function table(widths: number[], headers: string[], rows: TableRow[]): Table {
  const scale = TABLE_WIDTH / widths.reduce((sum, width) => sum + width, 0);
  const columnWidths = widths.map((width) => Math.round(width * scale));
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    rows: [
      // Repeated at the top of every page the table runs onto.
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((text) => cell([text], { center: true, heading: true, shade: 'D9D9D9' })),
      }),
      ...rows,
    ],
  });
}

function fullWidthRow(text: string, columns: number): TableRow {
  return new TableRow({ cantSplit: true, children: [cell([text], { heading: true, columnSpan: columns, shade: 'F2F2F2' })] });
}

/** 重点任务: the measure's number and title in bold, then its text. */
function taskCell(task: PlanTask, withDocument: boolean): TableCell {
  const head = `${withDocument ? `${task.document} ` : ''}${task.id ? `${task.id} ` : ''}${task.title}`.trim();
  return new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    children: [paragraph([run(head, { bold: true })]), ...(task.text ? task.text.split(/\n+/).map((line) => paragraph([run(line)])) : [])],
  });
}

/**
 * 完成时限 as the document writes it. Where progress is followed (a status column), an overdue
 * measure is marked in red; a plan as issued has no progress yet and no marks.
 */
function deadlineCell(task: PlanTask, followed: boolean, locale: Locale): TableCell {
  const lines = [paragraph([run(task.deadline ?? '')], true)];
  if (followed && task.overdue) lines.push(paragraph([run(label(locale, 'planOverdue'), { bold: true, color: 'C00000' })], true));
  return new TableCell({ verticalAlign: VerticalAlignTable.CENTER, children: lines });
}

function cell(lines: string[], options: { center?: boolean; heading?: boolean; columnSpan?: number; shade?: string } = {}): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
    ...(options.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.shade } } : {}),
    children: lines.map((line) => paragraph([options.heading ? new TextRun({ text: officeText(line), font: HEADING_FONT, size: TABLE_SIZE }) : run(line)], options.center)),
  });
}

function paragraph(children: TextRun[], center = false): Paragraph {
  return new Paragraph({ ...(center ? { alignment: AlignmentType.CENTER } : {}), children });
}

function run(text: string, style: { bold?: boolean; color?: string; size?: number } = {}): TextRun {
  return new TextRun({ text: officeText(text), ...style });
}
