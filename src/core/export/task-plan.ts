// The task-division plan (重点任务分工方案) as general offices circulate it: per document, its parts
// in order and under each the measures, numbered 1…n (序号), with lead, co-responsible agencies and
// deadline; and per agency its own task list (本单位任务清单). The Word and Excel writers draw
// this one model, so that both say what the matrix says: it is built from buildMatrix, row by row.
import { chineseCounting } from '../model/chinese-numerals';
import { isOverdue } from '../model/deadline';
import type { Due } from '../model/deadline';
import type { NoLeadReason } from '../model/lead';
import { buildMatrix } from './matrix';
import type { Matrix, MatrixMeasure } from './matrix';
import { allMeasures } from '../model/model';
import type { Project } from '../project/project';
import type { Locale } from '../types';
import { noLeadCellText } from '../wording/wording';
import { label } from './labels';

export interface PlanTask {
  /** 序号: the running number within its document, from 1. */
  number: number;
  document: string;
  id: string;
  title: string;
  text: string;
  /** What the 牵头单位 column says: the lead, or why there is none (各自负责, 共同负责, the collective). */
  leadCell: string;
  /** What the 配合单位 column lists. */
  coCell: string[];
  lead: string | null;
  noLeadReason: NoLeadReason | null;
  /** Every agency named, in printed order (lead first). */
  agencies: string[];
  deadline: string | null;
  due: Due;
  status: string | null;
  overdue: boolean;
}

export interface PlanPart {
  id: string;
  title: string;
  /** The part as the document heads it: 二、加快核心技术突破 (a numeric id printed as the document numbers parts). */
  heading: string;
  tasks: PlanTask[];
}

export interface PlanDocument {
  id: string;
  title: string;
  parts: PlanPart[];
}

export type PlanRole = 'lead' | 'co' | 'responsible';

/** One agency's task list: what it leads, then what it co-owns, then what it answers for without a lead. */
export interface PlanAgency {
  name: string;
  tasks: { role: PlanRole; task: PlanTask }[];
  led: number;
  coOwned: number;
  noLead: number;
  /** Overdue measures it leads. */
  overdueLed: number;
  /** Overdue measures it is named in, whatever its role. */
  overdue: number;
}

export interface TaskPlan {
  title: string;
  locale: Locale;
  /** The date overdue is judged against (YYYY-MM-DD). */
  today: string;
  documents: PlanDocument[];
  /** Agencies with at least one task, in registry order, then unknown names as they appear. */
  agencies: PlanAgency[];
  /** Whether any measure has a deadline or a status (writers leave those columns out otherwise, where they are optional). */
  dated: boolean;
}

export interface TaskPlanOptions {
  locale: Locale;
  today: string;
  /** The plan's title; the document's own title when there is one document. */
  title?: string;
}

/** The plan of the guidelines at `paths`; `matrix`, when the caller has built it already, must be buildMatrix(project, paths). */
export function buildTaskPlan(project: Project, paths: string[], options: TaskPlanOptions, matrix: Matrix = buildMatrix(project, paths)): TaskPlan {
  // buildMatrix lists the measures of `paths` in this same order, one entry per measure.
  let next = 0;
  const documents: PlanDocument[] = [];
  for (const path of paths) {
    const guideline = project.guideline(path);
    if (allMeasures(guideline).length === 0) continue;
    let number = 0;
    const parts = guideline.chapters
      .map((chapter) => ({
        id: chapter.id?.value ?? '',
        title: chapter.title ?? '',
        heading: partHeading(chapter.id?.value, chapter.title),
        tasks: chapter.measures.map((measure) => taskOf(matrix.measures[next++]!, measure.text ?? '', ++number, options)),
      }))
      // 总体要求 and other parts without measures have no row in a plan.
      .filter((part) => part.tasks.length > 0);
    documents.push({ id: guideline.id?.value ?? path, title: guideline.title ?? guideline.id?.value ?? path, parts });
  }
  const tasks = documents.flatMap((document) => document.parts.flatMap((part) => part.tasks));
  return {
    title: options.title ?? (documents.length === 1 ? documents[0]!.title : label(options.locale, 'planTitleMany', { count: documents.length })),
    locale: options.locale,
    today: options.today,
    documents,
    agencies: agencyLists(
      matrix.agencies.map((agency) => agency.name),
      tasks,
    ),
    dated: tasks.some((task) => task.deadline !== null || task.status !== null),
  };
}

function partHeading(id: string | undefined, title: string | undefined): string {
  if (!title) return id ?? '';
  if (!id || !/^[1-9]\d{0,2}$/.test(id) || /^[一二三四五六七八九十百]+、/.test(title)) return title;
  return `${chineseCounting(Number(id))}、${title}`;
}

function taskOf(measure: MatrixMeasure, text: string, number: number, options: TaskPlanOptions): PlanTask {
  const due = measure.due ?? null;
  const status = measure.status ?? null;
  // A collective (各市、县（市、区）政府) heads the list but leads nothing: it is named where the lead would be.
  const collective = measure.noLeadReason === 'collective';
  const leadCell = measure.lead ?? (collective ? measure.co[0]! : noLeadCellText(options.locale, measure.noLeadReason ?? 'none-listed'));
  return {
    number,
    document: measure.document,
    id: measure.id,
    title: measure.title,
    text,
    leadCell,
    coCell: collective ? measure.co.slice(1) : measure.co,
    lead: measure.lead,
    noLeadReason: measure.noLeadReason,
    agencies: measure.lead === null ? measure.co : [measure.lead, ...measure.co],
    deadline: measure.deadline ?? null,
    due,
    status,
    overdue: isOverdue(due, status, options.today),
  };
}

function agencyLists(names: string[], tasks: PlanTask[]): PlanAgency[] {
  const roles = new Map<string, { lead: PlanTask[]; co: PlanTask[]; responsible: PlanTask[] }>(names.map((name) => [name, { lead: [], co: [], responsible: [] }]));
  for (const task of tasks) {
    if (task.lead !== null) roles.get(task.lead)?.lead.push(task);
    for (const name of task.lead === null ? task.agencies : task.agencies.slice(1)) roles.get(name)?.[task.lead === null ? 'responsible' : 'co'].push(task);
  }
  const lists: PlanAgency[] = [];
  for (const [name, { lead, co, responsible }] of roles) {
    if (lead.length + co.length + responsible.length === 0) continue;
    const all = [...lead, ...co, ...responsible];
    lists.push({
      name,
      tasks: [...lead.map((task) => ({ role: 'lead' as const, task })), ...co.map((task) => ({ role: 'co' as const, task })), ...responsible.map((task) => ({ role: 'responsible' as const, task }))],
      led: lead.length,
      coOwned: co.length,
      noLead: responsible.length,
      overdueLed: lead.filter((task) => task.overdue).length,
      overdue: all.filter((task) => task.overdue).length,
    });
  }
  return lists;
}
