// `taskmatrix report` (what `npm start` runs): diagnostics, then the lead of every measure,
// then the measures nobody leads — one readable screen for a drafter or reviewer.
import { buildMatrix } from '../../core/index';
import type { MatrixMeasure, NoLeadReason } from '../../core/index';
import { counts, LINT_FORMATS } from '../formatters/index';
import { loadProject } from '../load';
import { t } from '../messages';
import type { CliMessage } from '../messages';
import { displayWidth, padEnd, printable, truncate } from '../text-width';
import type { CommandContext } from './command';

const REASON: Record<NoLeadReason, CliMessage> = {
  'by-function': 'noLeadReason_byFunction',
  joint: 'noLeadReason_joint',
  collective: 'noLeadReason_collective',
  'none-listed': 'noLeadReason_noneListed',
};

export function reportCommand(context: CommandContext): number {
  const { locale } = context;
  const loaded = loadProject(context.paths, context);
  loaded.notes.forEach((note) => context.stderr(`${note}\n`));
  const { project, requested } = loaded;
  const { diagnostics, suppressed } = project.lint(requested);
  const guidelines = requested.filter((path) => project.file(path)?.kind === 'guideline');
  const matrix = buildMatrix(project, guidelines);
  const out: string[] = [];
  const bold = (text: string) => (context.color ? `\u001b[1m${text}\u001b[0m` : text);

  out.push(
    bold(
      t(locale, 'reportTitle', {
        files: requested.length,
        documents: guidelines.length,
        measures: matrix.measures.length,
        agencies: matrix.agencies.length,
      }),
    ),
    '',
    bold(t(locale, 'reportDiagnostics')),
    LINT_FORMATS.stylish!({ diagnostics, suppressed, files: requested, reportSuppressed: false, locale, cwd: context.cwd, color: context.color, version: context.version }),
    bold(t(locale, 'reportLeads')),
  );
  const qualify = new Set(matrix.measures.map((m) => m.document)).size > 1;
  const label = (m: MatrixMeasure) => (qualify ? `${m.document} ${m.id}` : m.id);
  const idWidth = Math.max(0, ...matrix.measures.map((m) => label(m).length));
  const leadOf = (m: MatrixMeasure) => printable(m.lead ?? `— ${t(locale, 'noLeadMarker')}`);
  const leadWidth = Math.max(0, ...matrix.measures.map((m) => displayWidth(leadOf(m))));
  for (const m of matrix.measures) {
    const lead = leadOf(m);
    const co = m.lead ? (m.co.length ? t(locale, 'reportCo', { count: m.co.length }) : '') : '';
    out.push(`  ${padEnd(label(m), idWidth)}  ${padEnd(lead, leadWidth)}  ${truncate(printable(m.title), 36)}${co ? `  (${co})` : ''}`);
  }
  out.push('');
  const noLead = matrix.measures.filter((m) => m.noLead);
  out.push(bold(t(locale, 'reportNoLead', { count: noLead.length })));
  if (noLead.length === 0) out.push(`  ${t(locale, 'reportNoLeadNone')}`);
  for (const m of noLead) {
    out.push(`  ${padEnd(label(m), idWidth)}  ${printable(m.title)} — ${t(locale, REASON[m.noLeadReason!])}`);
    out.push(`  ${' '.repeat(idWidth)}  ${printable(m.co.join('、'))}`);
  }
  context.write(`${out.join('\n')}\n`);
  return counts(diagnostics).errors > 0 ? 1 : 0;
}
