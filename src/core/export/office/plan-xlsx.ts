// The task-division plan as an Excel workbook, for the offices that follow it up: one row per
// measure (frozen header, autofilter, wrapped text), a sheet of each agency's load, and with
// `byAgency` one sheet per agency. Written with exceljs. Every value is written as a plain string
// (or a date): a name beginning with = is text in a cell, never a formula.
import ExcelJS from 'exceljs';
import { officeText } from '../escape';
import { label } from '../labels';
import type { ExportLabel } from '../labels';
import { columnHeaders, dueText, statusText } from '../matrix-table';
import type { PlanRole, PlanTask, TaskPlan } from '../task-plan';
import { roleLabel } from '../../wording/wording';
import { stampedWith } from './stable-zip';

export interface PlanXlsxOptions {
  byAgency?: boolean;
}

interface Column {
  header: string;
  width: number;
  value(task: PlanTask, role?: PlanRole): string | number | Date;
  date?: boolean;
}

export async function planToXlsx(plan: TaskPlan, options: PlanXlsxOptions = {}): Promise<Uint8Array> {
  const { locale } = plan;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'taskmatrix';
  workbook.title = officeText(plan.title);
  // The plan's date, not the clock: the same plan gives the same workbook (see stable-zip.ts).
  workbook.created = workbook.modified = new Date(`${plan.today}T00:00:00Z`);

  const tasks = plan.documents.flatMap((document) => document.parts.flatMap((part) => part.tasks.map((task) => ({ task, part: part.heading }))));
  const partOf = new Map(tasks.map(({ task, part }) => [task, part]));
  const columns = planColumns(plan, (task) => partOf.get(task) ?? '');
  addSheet(workbook, label(locale, 'sheetPlan'), columns, tasks.map(({ task }) => ({ task })));
  addLoads(workbook, plan);
  if (options.byAgency) {
    const names = new SheetNames([label(locale, 'sheetPlan'), label(locale, 'sheetLoads')]);
    const roleColumn: Column = { header: label(locale, 'planRole'), width: 12, value: (_task, role) => roleLabel(locale, role ?? 'co') };
    const agencyColumns = [columns[0]!, roleColumn, ...columns.slice(1)];
    for (const agency of plan.agencies) addSheet(workbook, names.take(agency.name), agencyColumns, agency.tasks);
  }
  return stampedWith(new Uint8Array(await workbook.xlsx.writeBuffer()), plan.today);
}

function planColumns(plan: TaskPlan, partOf: (task: PlanTask) => string): Column[] {
  const { locale } = plan;
  const h = columnHeaders(locale);
  const several = plan.documents.length > 1;
  return [
    ...(several ? [{ header: h.document, width: 16, value: (task: PlanTask) => task.document }] : []),
    { header: label(locale, 'planNumber'), width: 7, value: (task) => task.number },
    { header: h.id, width: 8, value: (task) => task.id },
    { header: label(locale, 'planPart'), width: 22, value: partOf },
    { header: label(locale, 'planTask'), width: 28, value: (task) => task.title },
    { header: h.text, width: 60, value: (task) => task.text },
    { header: h.lead, width: 16, value: (task) => task.leadCell },
    { header: h.co, width: 30, value: (task) => task.coCell.join('、') },
    { header: h.deadline, width: 14, value: (task) => task.deadline ?? '' },
    ...(plan.dated
      ? [
          // A real date where there is one, so that the column sorts and filters by date.
          { header: h.due, width: 12, date: true, value: (task: PlanTask) => (task.due && task.due !== 'ongoing' ? new Date(`${task.due}T00:00:00Z`) : dueText(locale, task.due)) },
          { header: h.status, width: 10, value: (task: PlanTask) => statusText(locale, task.status) },
          { header: label(locale, 'planOverdue'), width: 8, value: (task: PlanTask) => (task.overdue ? label(locale, 'planOverdue') : '') },
        ]
      : []),
  ];
}

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: { task: PlanTask; role?: PlanRole }[]): void {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    // Printed on A4 landscape, as wide as the page, the header row on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = columns.map((column) => ({ header: officeText(column.header), width: column.width, ...(column.date ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
  for (const { task, role } of rows) sheet.addRow(columns.map((column) => cellValue(column.value(task, role))));
  styleTable(sheet, columns.length, rows.map(({ task }) => task.overdue));
}

function addLoads(workbook: ExcelJS.Workbook, plan: TaskPlan): void {
  const { locale } = plan;
  const headers: ExportLabel[] = ['loadsAgency', 'loadsLed', 'loadsCo', 'loadsNoLead', 'loadsOverdueLed', 'loadsOverdue'];
  const sheet = workbook.addWorksheet(label(locale, 'sheetLoads'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((key, index) => ({ header: label(locale, key), width: index === 0 ? 28 : 14 }));
  for (const agency of plan.agencies) sheet.addRow([officeText(agency.name), agency.led, agency.coOwned, agency.noLead, agency.overdueLed, agency.overdue]);
  styleTable(sheet, headers.length, plan.agencies.map((agency) => agency.overdue > 0));
}

function styleTable(sheet: ExcelJS.Worksheet, columnCount: number, flagged: boolean[]): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columnCount } };
  flagged.forEach((isFlagged, index) => {
    const row = sheet.getRow(index + 2);
    row.alignment = { vertical: 'top', wrapText: true };
    if (isFlagged) row.font = { color: { argb: 'FFC00000' } };
  });
}

function cellValue(value: string | number | Date): string | number | Date {
  return typeof value === 'string' ? officeText(value) : value;
}

/**
 * Sheet names as Excel allows them: at most 31 characters, none of \ / ? * [ ] :, not beginning
 * or ending with an apostrophe, unique without regard to case.
 */
class SheetNames {
  private readonly taken: Set<string>;
  constructor(reserved: string[]) {
    this.taken = new Set(reserved.map((name) => name.toLowerCase()));
  }
  take(wanted: string): string {
    const base = [...officeText(wanted).replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '')].slice(0, 31).join('') || '_';
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${[...base].slice(0, 31 - String(n).length - 1).join('')}~${n}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
