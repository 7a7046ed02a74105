// `taskmatrix stats`: per agency, measures led, co-owned and sat in without a lead, by load.
import { agencyLoads, buildMatrix, jsonText, roleColumn } from '../../core/index';
import type { AgencyLoad } from '../../core/index';
import { UsageError } from '../files';
import { t } from '../messages';
import { displayWidth, padEnd, printable } from '../text-width';
import type { CommandContext } from './command';
import { loadExportInput } from './export-input';

export function statsCommand(context: CommandContext): number {
  const format = String(context.options.format ?? 'table');
  if (format !== 'table' && format !== 'json') throw new UsageError('unknownFormat', { format, command: 'stats', formats: 'table, json' });
  const input = loadExportInput(context);
  const loads = agencyLoads(buildMatrix(input.project, input.guidelines));
  context.write(format === 'json' ? `${jsonText({ agencies: loads }, 2)}\n` : statsTable(loads, context));
  return 0;
}

/** The loads as an aligned terminal table (CJK counted two columns wide). */
export function statsTable(loads: AgencyLoad[], context: Pick<CommandContext, 'locale'>): string {
  const headers = [t(context.locale, 'statsAgency'), roleColumn(context.locale, 'lead'), roleColumn(context.locale, 'co'), roleColumn(context.locale, 'responsible'), t(context.locale, 'statsTotal')];
  const rows = loads.map((l) => [printable(l.name), String(l.led), String(l.coOwned), String(l.noLead), String(l.total)]);
  const widths = headers.map((h, i) => rows.reduce((width, row) => Math.max(width, displayWidth(row[i]!)), displayWidth(h)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? padEnd(cell, widths[i]!) : ' '.repeat(widths[i]! - displayWidth(cell)) + cell)).join('  ').trimEnd();
  return `${[line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')}\n`;
}
