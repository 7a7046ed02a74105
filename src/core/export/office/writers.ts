// The Word and Excel writers with their libraries (docx, exceljs: some 1.5 MB bundled), loaded by
// ./index.ts on the first export only; the bundles make this module dist/office-writers.js.
import { planToDocx } from './plan-docx';
import { planToXlsx } from './plan-xlsx';
import type { OfficeWriters } from './writers-api';

export { planToDocx, planToXlsx };
export type { PlanDocxOptions } from './plan-docx';
export type { PlanXlsxOptions } from './plan-xlsx';

// The interface the engine loads this module by (./writers-api.ts), checked here.
void ({ planToDocx, planToXlsx } satisfies OfficeWriters);
