// `taskmatrix export`: the task-division plan (重点任务分工方案) as the Word table offices circulate
// or an Excel workbook to follow it up; --by-agency for each agency's own task list.
import { resolve } from 'node:path';
import { buildTaskPlan, OFFICE_FORMATS, planToOfficeFile } from '../../core/index';
import type { OfficeFormat } from '../../core/index';
import { UsageError } from '../files';
import { refuseUnsafeTargets, writeFileSafely } from '../safe-write';
import type { CommandContext } from './command';
import { loadExportInput } from './export-input';

export async function exportCommand(context: CommandContext): Promise<number> {
  const output = typeof context.options.output === 'string' ? context.options.output : undefined;
  // The file's extension names the format (plan.xlsx); a name without one gets the Word plan.
  const format = String(context.options.format ?? /\.([^./\\]+)$/.exec(output ?? '')?.[1]?.toLowerCase() ?? 'docx');
  if (!(OFFICE_FORMATS as readonly string[]).includes(format)) throw new UsageError('unknownFormat', { format, command: 'export', formats: OFFICE_FORMATS.join(', ') });
  // A Word or Excel file is no text for a terminal or a pipe.
  if (output === undefined) throw new UsageError('exportNeedsOutput', { format });
  const target = { path: resolve(context.cwd, output), shown: output, folderMustExist: true };
  refuseUnsafeTargets([target]);
  const input = loadExportInput(context);
  const plan = buildTaskPlan(input.project, input.guidelines, { locale: context.locale, today: context.today! });
  context.progress?.start('progressWrite', 1);
  const bytes = await planToOfficeFile(plan, format as OfficeFormat, { byAgency: Boolean(context.options['by-agency']) });
  context.progress?.advance();
  writeFileSafely({ ...target, text: bytes });
  return 0;
}
