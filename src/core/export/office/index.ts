// Word and Excel files of the task-division plan. The writers and their libraries are loaded on
// the first call, so that a lint or an editor session never pays for them.
import type { TaskPlan } from '../task-plan';
import type { PlanDocxOptions, PlanXlsxOptions } from './writers';

export type OfficeFormat = 'docx' | 'xlsx';
export const OFFICE_FORMATS: readonly OfficeFormat[] = ['docx', 'xlsx'];

export interface PlanFileOptions {
  /** Each agency's own task list (Word), a sheet per agency besides the plan (Excel). */
  byAgency?: boolean;
}

/** The plan as the bytes of a .docx or .xlsx file. */
export async function planToOfficeFile(plan: TaskPlan, format: OfficeFormat, options: PlanFileOptions = {}): Promise<Uint8Array> {
  const writers = await loadWriters();
  return format === 'docx' ? writers.planToDocx(plan, options satisfies PlanDocxOptions) : writers.planToXlsx(plan, options satisfies PlanXlsxOptions);
}

function loadWriters(): Promise<typeof import('./writers')> {
  // require(), as the import's readers are loaded (src/core/import/read/index.ts): tsx's require
  // hook runs the sources in tests, and esbuild.config.js points the bundles at dist/office-writers.js.
  return Promise.resolve().then(() => require('./writers') as typeof import('./writers'));
}
