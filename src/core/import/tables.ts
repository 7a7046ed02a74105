// The task-division table (重点任务分工方案) as a source of measures: a header row names the
// columns (序号, 重点任务/工作任务, 牵头单位, 配合单位/责任单位, 完成时限), part rows (一、…) open
// chapters, and each further row is a measure. Cells merged over several rows are empty below
// their first row, so a row without its own agencies takes them from the row above.
import { deadlineCell } from './deadline-phrase';
import { chineseNumber } from './paragraphs';
import { parseResponsibility } from './responsibility';
import type { ResponsibilityList } from './responsibility';
import type { TableBlock } from './source';

export interface TableMeasure {
  path: number[];
  printed: string;
  title: string;
  text: string;
  list: ResponsibilityList;
  /** The list as printed: the lead and co cells. */
  printedList: string;
  line: number;
  /** The row's 完成时限 cell as written, else the deadline its agency cells state. */
  deadline?: string;
}

export interface TableChapter {
  number: number;
  title: string;
  line: number;
  measures: TableMeasure[];
}

interface Columns {
  number?: number;
  /** Task columns, broadest first (重点任务, then 具体措施). */
  tasks: number[];
  lead?: number;
  co?: number;
  responsible?: number;
  deadline?: number;
}

const TASK = /任务|措施|内容|事项|举措|工作|目标|项目|要点|名称/;
const LEAD = /牵头|主责|主办/;
const CO = /配合|协办|参与|协同|协助|支持/;
const RESPONSIBLE = /责任单位|责任部门|负责单位|责任主体|实施单位|实施主体|实施部门|承办单位|责任处室|单位$/;
// 完成时限, 完成时间, 时间节点, 进度安排, 完成期限, 截止日期; a header that also names the task's
// content (工作内容及时间安排) is the task's.
const DEADLINE = /时限|时间|节点|进度|期限|截止|日期/;
const CONTENT = /任务|措施|内容|举措/;
// 进展情况, 完成情况: a report of progress, filled in later; neither the task nor its deadline.
const PROGRESS_REPORT = /(?:进展|进度|完成|落实)情况$/;
const PART_ROW = /^([一二三四五六七八九十]{1,3})\s*[、．.]\s*(.*)$/s;

/** Whether a table is a task-division table: a header row that names a task and who is responsible. */
export function isTaskTable(table: TableBlock): boolean {
  return headerRow(table.rows) !== undefined;
}

/** The chapters and measures of a task-division table. */
export function tableChapters(table: TableBlock, known: (name: string) => boolean, fallbackTitle: string): TableChapter[] {
  const header = headerRow(table.rows);
  if (!header) return [];
  const columns = columnsOf(table.rows[header.index]!);
  const chapters: TableChapter[] = [];
  let chapter: TableChapter | undefined;
  let partRows = false;
  let previous: { lead: string; co: string; responsible: string; tasks: string[] } | undefined;
  const headerText = table.rows[header.index]!.join('|');
  table.rows.slice(header.index + 1).forEach((row: string[], offset) => {
    const cells = row.map((cell) => cell.replace(/\s*\n\s*/g, '\n').trim());
    const line = table.line + header.index + 1 + offset;
    if (cells.join('|') === headerText || cells.every((cell) => cell === '')) return;
    const distinct = [...new Set(cells.filter((cell) => cell !== ''))];
    let part = PART_ROW.exec(distinct[0] ?? '');
    // A part row may also give its number in the 序号 cell (一 | 总体要求) and name nobody.
    const numberOnly = columns.number === undefined ? undefined : /^([一二三四五六七八九十]{1,3})[、．.]?$/.exec(cells[columns.number] ?? '');
    const namesNobody = [columns.lead, columns.co, columns.responsible].every((index) => index === undefined || (cells[index] ?? '') === '');
    if (numberOnly && namesNobody && distinct.length === 2) part = [numberOnly[0], numberOnly[1]!, distinct.find((cell) => cell !== cells[columns.number!])!] as unknown as RegExpExecArray;
    if ((distinct.length === 1 && (part || cells.filter((cell) => cell !== '').length >= Math.min(3, cells.length))) || (part && namesNobody && distinct.length <= 2)) {
      partRows = true;
      chapter = { number: part ? chineseNumber(part[1]!) : chapters.length + 1, title: (part ? part[2]! : distinct[0]!).replace(/[。：:]$/, ''), line, measures: [] };
      chapters.push(chapter);
      return;
    }
    const cell = (index: number | undefined) => (index === undefined ? '' : (cells[index] ?? ''));
    let tasks = columns.tasks.map(cell);
    let lead = cell(columns.lead);
    let co = cell(columns.co);
    let responsible = cell(columns.responsible);
    const ownAgencies = lead !== '' || co !== '' || responsible !== '';
    const ownTask = tasks.some((task) => task !== '');
    if (!ownTask && !ownAgencies) return;
    // A merged cell is empty below its first row: the broader task and the agencies carry down.
    if (previous) {
      tasks = tasks.map((task, index) => (task === '' && index < tasks.length - 1 ? (previous!.tasks[index] ?? '') : task));
      if (!ownAgencies) ({ lead, co, responsible } = previous);
    }
    previous = { lead, co, responsible, tasks };
    const list = listOf(lead, co, responsible, known);
    if (!list) return;
    if (!chapter) {
      chapter = { number: 1, title: fallbackTitle, line, measures: [] };
      chapters.push(chapter);
    }
    const numberCell = cell(columns.number);
    const number = /^\d+$/.test(numberCell) ? Number(numberCell) : chapter.measures.length + 1;
    // Task cells numbered as an outline ((一) 1、 (1)) number the measure by those numbers.
    const marked = numberCell === '' ? tasks.map(markerOf) : [];
    const numbers = marked.filter((marker): marker is { number: number; printed: string; text: string } => marker !== undefined);
    const detailIndex = lastIndexWhere(tasks, (task, index) => task !== '' && (index === tasks.length - 1 || !ownTask || row[columns.tasks[index]!] !== ''));
    const detail = (marked[detailIndex]?.text ?? tasks[detailIndex]) || '';
    const { title, rest } = titleOf(detail);
    // An empty cell gives no deadline, even below a merged agency cell: the table says none for the row.
    const deadline = deadlineCell(cell(columns.deadline)) ?? list.deadline;
    let path = [chapter.number, number];
    if (numbers.length >= 2 && !partRows) {
      path = numbers.map((marker) => marker.number);
      if (chapter.number !== path[0]) {
        chapter = { number: path[0]!, title: numbers[0]!.text.replace(/[。：:]$/, '') || fallbackTitle, line, measures: [] };
        chapters.push(chapter);
      }
    } else if (numbers.length >= 1 && numberCell === '') {
      path = [chapter.number, ...numbers.map((marker) => marker.number)];
    }
    chapter.measures.push({
      path,
      printed: numberCell || numbers.map((marker) => marker.printed).join('') || String(number),
      title,
      text: rest,
      list,
      printedList: [lead && `牵头单位：${lead}`, co && `配合单位：${co}`, responsible && !lead ? responsible : ''].filter(Boolean).join('；'),
      line,
      ...(deadline ? { deadline } : {}),
    });
  });
  return chapters.filter((each) => each.measures.length > 0);
}

function listOf(lead: string, co: string, responsible: string, known: (name: string) => boolean): ResponsibilityList | undefined {
  const others = [co, responsible].filter(Boolean).join('、');
  // A 牵头 cell that says who leads itself (A牵头，B) is read as written.
  if (lead !== '' && /牵头|配合|负责/.test(lead)) return parseResponsibility(`${lead}${others ? `；配合单位：${others}` : ''}`, known);
  if (lead !== '') return parseResponsibility(`牵头单位：${lead}${others ? `；配合单位：${others}` : ''}`, known);
  const text = [responsible, co].filter(Boolean).join('；');
  if (text === '') return undefined;
  // A single 责任单位 cell may say who leads itself (A牵头，B、C).
  return /牵头|配合|负责|[:：]/.test(text) ? parseResponsibility(text, known) : parseResponsibility(`责任单位：${text}`, known);
}

function headerRow(rows: string[][]): { index: number } | undefined {
  for (let index = 0; index < Math.min(rows.length, 8); index++) {
    const cells = rows[index]!.map((cell) => cell.replace(/\s+/g, ''));
    const agencies = cells.some((cell) => cell.length <= 12 && (LEAD.test(cell) || CO.test(cell) || RESPONSIBLE.test(cell)));
    const task = cells.some((cell) => cell.length <= 12 && TASK.test(cell) && !LEAD.test(cell) && !RESPONSIBLE.test(cell));
    if (agencies && task) return { index };
  }
  return undefined;
}

function columnsOf(header: string[]): Columns {
  const columns: Columns = { tasks: [] };
  header.forEach((raw, index) => {
    const cell = raw.replace(/\s+/g, '');
    if (/^(序号|编号|序|No\.?)$/i.test(cell)) columns.number ??= index;
    else if (LEAD.test(cell) && cell.length <= 12) columns.lead ??= index;
    else if (CO.test(cell) && cell.length <= 12) columns.co ??= index;
    else if (RESPONSIBLE.test(cell) && cell.length <= 12) columns.responsible ??= index;
    else if (PROGRESS_REPORT.test(cell)) return;
    else if (DEADLINE.test(cell) && !CONTENT.test(cell) && cell.length <= 12) columns.deadline ??= index;
    else if (/^(\d{4}年|备注|说明|序$)/.test(cell) || cell === '') return;
    // 任务分类, 主要方向, 重点任务: every other column describes the task, broadest first.
    else columns.tasks.push(index);
  });
  return columns;
}

/** The outline number a cell starts with: 一、 （一） 1、 1. （1）. */
function markerOf(cell: string): { number: number; printed: string; text: string } | undefined {
  const match = /^\s*(?:([一二三四五六七八九十]{1,3})\s*[、．.]|[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]|(\d{1,3})\s*[、.．](?!\d)|[（(]\s*(\d{1,3})\s*[）)])\s*/.exec(cell);
  if (!match) return undefined;
  const chinese = match[1] ?? match[2];
  return { number: chinese ? chineseNumber(chinese) : Number(match[3] ?? match[4]), printed: match[0].trim(), text: cell.slice(match[0].length) };
}

function lastIndexWhere<T>(items: T[], test: (item: T, index: number) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) if (test(items[index]!, index)) return index;
  return items.length - 1;
}

function titleOf(text: string): { title: string; rest: string } {
  const flat = text.replace(/\n+/g, '');
  const stop = flat.search(/[。！？]/);
  if (stop < 0) return { title: flat, rest: '' };
  return { title: flat.slice(0, stop), rest: flat.slice(stop + 1) };
}
