// The ownership graph as Markdown (OWNERSHIP.md): a ```mermaid block GitHub renders, the
// legend, and the measures without a lead. Deterministic, so diffs show only real changes.
import type { OwnershipGraph } from '../graph/ownership-graph';
import type { Locale } from '../types';
import { noLeadReasonText, wording } from '../wording/wording';
import { markdownCell } from './escape';
import { label } from './labels';
import { columnHeaders } from './matrix-table';

export function graphToMarkdown(graph: OwnershipGraph, locale: Locale, title: string): string {
  const lines = [`# ${markdownCell(title)} — ${label(locale, 'graphTitle')}`, ''];
  if (graph.notice) lines.push(`> ${markdownCell(graph.notice)}`, '');
  lines.push('```mermaid', graph.mermaid.trimEnd(), '```', '');
  lines.push(`**${label(locale, 'legend')}:** ${[wording(locale, 'legend.lead'), wording(locale, 'legend.co'), wording(locale, 'legend.responsible'), wording(locale, 'legend.noLead')].map(markdownCell).join('; ')}`, '');
  lines.push(`## ${label(locale, 'noLeadHeading', { count: graph.noLead.length })}`, '');
  if (graph.noLead.length === 0) lines.push(label(locale, 'noLeadNone'));
  else {
    const multiple = new Set(graph.measures.map((m) => m.document)).size > 1;
    const h = columnHeaders(locale);
    const headers = [...(multiple ? [h.document] : []), h.id, h.title, label(locale, 'reason'), label(locale, 'agencies')].map(markdownCell);
    lines.push(`| ${headers.join(' | ')} |`, `|${headers.map(() => ' --- |').join('')}`);
    for (const m of graph.noLead) {
      const cells = [m.id, m.title, noLeadReasonText(locale, m.noLeadReason!), m.co.join('、')].map(markdownCell);
      lines.push(`| ${multiple ? `${markdownCell(m.document)} | ` : ''}${cells.join(' | ')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
