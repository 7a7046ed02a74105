// The ownership graph as one self-contained HTML file: Mermaid inlined and run with
// securityLevel 'strict', the graph source passed as JSON (never as markup), the legend
// and the measures without a lead as plain HTML.
import type { OwnershipGraph } from '../graph/ownership-graph';
import type { Locale } from '../types';
import { noLeadReasonText, wording } from '../wording/wording';
import { escapeHtml, htmlData, scriptJson } from './escape';
import { htmlPage } from './html-page';
import { label } from './labels';
import { columnHeaders } from './matrix-table';

export interface GraphHtmlOptions {
  locale: Locale;
  title: string;
  /** The text of Mermaid's browser build (mermaid.min.js). */
  mermaidScript: string;
  nonce: string;
}

export function graphToHtml(graph: OwnershipGraph, options: GraphHtmlOptions): string {
  const { locale } = options;
  const multiple = new Set(graph.measures.map((m) => m.document)).size > 1;
  const h = columnHeaders(locale);
  const headers = [...(multiple ? [h.document] : []), h.id, h.title, label(locale, 'reason'), label(locale, 'agencies')];
  const noLeadRows = graph.noLead
    .map((m) => {
      const data = (cell: string) => `<td>${htmlData(cell)}</td>`;
      const names = `<td>${m.co.map(htmlData).join('、')}</td>`;
      return `<tr class="no-lead">${[...(multiple ? [m.document] : []), m.id, m.title].map(data).join('')}<td>${escapeHtml(noLeadReasonText(locale, m.noLeadReason!))}</td>${names}</tr>`;
    })
    .join('\n');
  const body = `<h1>${htmlData(options.title)} — ${escapeHtml(label(locale, 'graphTitle'))}</h1>
${graph.notice ? `<p class="notice" id="notice">${escapeHtml(graph.notice)}</p>` : ''}
<div class="graph" id="graph" data-level="${graph.level}"><p class="muted">${escapeHtml(label(locale, 'rendering'))}</p></div>
<h2>${escapeHtml(label(locale, 'legend'))}</h2>
<ul class="legend">
<li>${escapeHtml(wording(locale, 'legend.lead'))}</li>
<li>${escapeHtml(wording(locale, 'legend.co'))}</li>
<li>${escapeHtml(wording(locale, 'legend.responsible'))}</li>
<li>${escapeHtml(wording(locale, 'legend.noLead'))}</li>
</ul>
<h2 id="no-lead">${escapeHtml(label(locale, 'noLeadHeading', { count: graph.noLead.length }))}</h2>
${
  graph.noLead.length
    ? `<table><thead><tr>${headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('')}</tr></thead><tbody>\n${noLeadRows}\n</tbody></table>`
    : `<p>${escapeHtml(label(locale, 'noLeadNone'))}</p>`
}
<script type="application/json" id="graph-source">${scriptJson(graph.mermaid)}</script>`;
  const render = `(async () => {
  const target = document.getElementById('graph');
  const source = JSON.parse(document.getElementById('graph-source').textContent);
  const dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default', flowchart: { htmlLabels: true } });
  try {
    const { svg } = await mermaid.render('tm-graph', source);
    target.innerHTML = svg;
    document.body.dataset.rendered = 'true';
  } catch (error) {
    target.textContent = ${scriptJson(label(locale, 'renderFailed'))} + (error && error.message ? error.message : String(error));
    document.body.dataset.rendered = 'error';
  }
})();`;
  return htmlPage({ locale, title: `${options.title} — ${label(locale, 'graphTitle')}`, body, scripts: [options.mermaidScript, render], nonce: options.nonce });
}
