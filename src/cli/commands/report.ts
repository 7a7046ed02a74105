// `taskmatrix report` (what `npm start` runs): diagnostics, the lead of every measure, the
// measures nobody leads and the heaviest agency loads on one screen; with --out, every export
// (graph, matrix, stats, lint) written into a folder for reviewers.
import { join, resolve } from 'node:path';
import { agencyLoads, buildMatrix, buildOwnershipGraph, buildTaskPlan, jsonText, noLeadReasonText, noLeadWord, planToOfficeFile, statusText } from '../../core/index';
import type { MatrixMeasure } from '../../core/index';
import { counts, LINT_FORMATS } from '../formatters/index';
import { displayPath } from '../files';
import { t } from '../messages';
import { refuseUnsafeTargets, writeAllOrNothing } from '../safe-write';
import { displayWidth, padEnd, printable, truncate } from '../text-width';
import type { CommandContext } from './command';
import { loadExportInput } from './export-input';
import { renderGraph } from './graph';
import { renderMatrix } from './matrix';
import { statsTable } from './stats';


export async function reportCommand(context: CommandContext): Promise<number> {
  const { locale } = context;
  const input = loadExportInput(context);
  const { project, requested, guidelines } = input;
  const { diagnostics, suppressed } = input.lint;
  const matrix = buildMatrix(project, guidelines);
  const plan = buildTaskPlan(project, guidelines, { locale, today: context.today! }, matrix);
  const loads = agencyLoads(matrix);
  const out: string[] = [];
  const bold = (text: string) => (context.color ? `\u001b[1m${text}\u001b[0m` : text);
  const lintInput = { diagnostics, suppressed, files: requested, reportSuppressed: false, locale, cwd: context.cwd, color: context.color, version: context.version };

  out.push(
    bold(t(locale, 'reportTitle', { files: requested.length, documents: guidelines.length, measures: matrix.measures.length, agencies: matrix.agencies.length })),
    '',
    bold(t(locale, 'reportDiagnostics')),
    LINT_FORMATS.stylish!(lintInput),
    bold(t(locale, 'reportLeads')),
  );
  const qualify = new Set(matrix.measures.map((m) => m.document)).size > 1;
  const label = (m: MatrixMeasure) => printable(qualify ? `${m.document} ${m.id}` : m.id);
  // Folds, not Math.max(...measures): a call takes fewer arguments than a file can hold measures.
  const idWidth = matrix.measures.reduce((width, m) => Math.max(width, label(m).length), 0);
  const leadOf = (m: MatrixMeasure) => printable(m.lead ?? `— ${noLeadWord(locale)}`);
  const leadWidth = matrix.measures.reduce((width, m) => Math.max(width, displayWidth(leadOf(m))), 0);
  for (const m of matrix.measures) {
    const co = m.lead && m.co.length ? `  (${t(locale, 'reportCo', { count: m.co.length })})` : '';
    out.push(`  ${padEnd(label(m), idWidth)}  ${padEnd(leadOf(m), leadWidth)}  ${truncate(printable(m.title), 36)}${co}`);
  }
  out.push('');
  const noLead = matrix.measures.filter((m) => m.noLead);
  out.push(bold(t(locale, 'reportNoLead', { count: noLead.length })));
  if (noLead.length === 0) out.push(`  ${t(locale, 'reportNoLeadNone')}`);
  for (const m of noLead) {
    out.push(`  ${padEnd(label(m), idWidth)}  ${printable(m.title)} — ${noLeadReasonText(locale, m.noLeadReason!)}`);
    out.push(`  ${' '.repeat(idWidth)}  ${printable(m.co.join('、'))}`);
  }
  // Only where the documents carry deadlines: a plan without them has nothing to be late for.
  if (matrix.measures.some((m) => (m.deadline ?? null) !== null)) {
    const overdue = plan.documents.flatMap((document) => document.parts.flatMap((part) => part.tasks)).filter((task) => task.overdue);
    out.push('', bold(t(locale, 'reportOverdue', { today: plan.today, count: overdue.length })));
    if (overdue.length === 0) out.push(`  ${t(locale, 'reportOverdueNone')}`);
    for (const task of overdue) {
      const id = printable(qualify ? `${task.document} ${task.id}` : task.id);
      out.push(`  ${padEnd(id, idWidth)}  ${padEnd(printable(task.leadCell), leadWidth)}  ${truncate(printable(task.title), 36)}`);
      out.push(`  ${' '.repeat(idWidth)}  ${t(locale, 'reportOverdueLine', { due: task.due ?? '', deadline: printable(task.deadline ?? ''), status: statusText(locale, task.status) || '—' })}`);
    }
  }
  out.push('', bold(t(locale, 'reportTopLoads')), ...statsTable(loads.slice(0, 5), context).trimEnd().split('\n').map((line) => `  ${line}`));

  if (typeof context.options.out === 'string') {
    const folder = context.options.out;
    const graph = buildOwnershipGraph(project, guidelines, { locale, filterHint: t(locale, 'graphFilterHint') });
    const files: [string, () => string | Promise<Uint8Array>][] = [
      ['OWNERSHIP.md', () => renderGraph(graph, 'markdown', context, input.title)],
      ['ownership.mmd', () => renderGraph(graph, 'mermaid', context, input.title)],
      ['ownership.html', () => renderGraph(graph, 'html', context, input.title)],
      ['matrix.json', () => renderMatrix(matrix, 'json', 'list', context, input.title)],
      ['matrix.csv', () => renderMatrix(matrix, 'csv', 'list', context, input.title)],
      ['matrix.md', () => renderMatrix(matrix, 'markdown', 'list', context, input.title)],
      ['matrix.html', () => renderMatrix(matrix, 'html', 'list', context, input.title)],
      ['matrix-grid.csv', () => renderMatrix(matrix, 'csv', 'grid', context, input.title)],
      ['matrix-grid.html', () => renderMatrix(matrix, 'html', 'grid', context, input.title)],
      ['stats.json', () => `${jsonText({ agencies: loads }, 2)}\n`],
      ['lint.sarif', () => LINT_FORMATS.sarif!(lintInput)],
      ['plan.docx', () => planToOfficeFile(plan, 'docx')],
      ['plan.xlsx', () => planToOfficeFile(plan, 'xlsx', { byAgency: true })],
    ];
    // Every file or none: all rendered and flushed to temporary files first, then renamed into place.
    const target = (name: string) => ({ path: resolve(context.cwd, folder, name), shown: join(folder, name) });
    refuseUnsafeTargets(files.map(([name]) => target(name)));
    context.progress?.start('progressWrite', files.length);
    const rendered = await Promise.all(
      files.map(async ([name, render]) => {
        const text = await render();
        context.progress?.advance();
        return { ...target(name), text };
      }),
    );
    writeAllOrNothing(rendered);
    out.push('', bold(t(locale, 'reportWritten', { dir: displayPath(resolve(context.cwd, folder), context.cwd) })));
    for (const [name] of files) out.push(`  ${printable(join(folder, name))}`);
  }
  context.write(`${out.join('\n')}\n`);
  return counts(diagnostics).errors > 0 ? 1 : 0;
}
