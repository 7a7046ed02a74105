// What ./writers (the Word and Excel writers with their libraries, loaded on the first export)
// offers, stated here so that the engine's type check never reaches docx or exceljs, and through
// them Node's types: writers.ts implements this interface, and the check that it does is there.
import type { TaskPlan } from '../task-plan';

export type OfficeFormat = 'docx' | 'xlsx';

export interface PlanFileOptions {
  /** Each agency's own task list (Word), a sheet per agency besides the plan (Excel). */
  byAgency?: boolean;
}

export interface OfficeWriters {
  planToDocx(plan: TaskPlan, options?: PlanFileOptions): Promise<Uint8Array>;
  planToXlsx(plan: TaskPlan, options?: PlanFileOptions): Promise<Uint8Array>;
}
