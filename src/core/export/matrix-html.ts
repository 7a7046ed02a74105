// The matrix as one self-contained HTML page: a plain table, measures without a lead highlighted.
import type { Matrix } from '../matrix';
import type { Locale } from '../types';
import { escapeHtml } from './escape';
import { htmlPage } from './html-page';
import { label } from './labels';
import { matrixTable } from './matrix-table';

export function matrixToHtml(matrix: Matrix, options: { locale: Locale; title: string; shape?: 'list' | 'grid'; nonce: string }): string {
  const { locale } = options;
  const shape = options.shape ?? 'list';
  const table = matrixTable(matrix, locale, shape);
  const head = table.headers.map((h, i) => `<th${i >= table.fixedColumns ? ' class="agency"' : ''} scope="col">${escapeHtml(h)}</th>`).join('');
  const leadWord = label(locale, 'gridLead');
  const rows = table.rows
    .map((cells, r) => {
      const tds = cells.map((cell, i) => `<td${i >= table.fixedColumns && cell === leadWord ? ' class="lead"' : ''}>${escapeHtml(cell)}</td>`);
      return `<tr${table.noLead[r] ? ' class="no-lead"' : ''}>${tds.join('')}</tr>`;
    })
    .join('\n');
  const heading = `${options.title} — ${label(locale, 'matrixTitle')}${shape === 'grid' ? ` · ${label(locale, 'grid')}` : ''}`;
  const body = `<h1>${escapeHtml(heading)}</h1>
<table class="${shape}"><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table>`;
  return htmlPage({ locale, title: heading, body, nonce: options.nonce });
}
