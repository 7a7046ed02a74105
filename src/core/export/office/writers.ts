// The Word and Excel writers with their libraries (docx, exceljs: some 1.5 MB bundled), loaded by
// ./index.ts on the first export only; the bundles make this module dist/office-writers.js.
export { planToDocx } from './plan-docx';
export type { PlanDocxOptions } from './plan-docx';
export { planToXlsx } from './plan-xlsx';
export type { PlanXlsxOptions } from './plan-xlsx';
