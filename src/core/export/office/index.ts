// Word and Excel files of the task-division plan. The writers and their libraries are loaded on
// the first call, so that a lint or an editor session never pays for them.
import type { TaskPlan } from '../task-plan';
import type { OfficeFormat, OfficeWriters, PlanFileOptions } from './writers-api';

export type { OfficeFormat, PlanFileOptions } from './writers-api';
export const OFFICE_FORMATS: readonly OfficeFormat[] = ['docx', 'xlsx'];

/** The plan as the bytes of a .docx or .xlsx file. */
export async function planToOfficeFile(plan: TaskPlan, format: OfficeFormat, options: PlanFileOptions = {}): Promise<Uint8Array> {
  const writers = await loadWriters();
  return format === 'docx' ? writers.planToDocx(plan, options) : writers.planToXlsx(plan, options);
}

function loadWriters(): Promise<OfficeWriters> {
  // require(), as the import's readers are loaded (src/core/import/read/index.ts): tsx's require
  // hook runs the sources in tests, and esbuild.config.js points the bundles at dist/office-writers.js.
  return Promise.resolve().then(() => require('./writers') as OfficeWriters);
}
