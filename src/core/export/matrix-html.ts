// The matrix as one self-contained HTML page: a plain table, measures without a lead highlighted.
import type { Matrix } from './matrix';
import type { Locale } from '../types';
import { roleWord } from '../wording/wording';
import { escapeHtml, htmlData } from './escape';
import { htmlPage } from './html-page';
import { label } from './labels';
import { matrixTable } from './matrix-table';

export function matrixToHtml(matrix: Matrix, options: { locale: Locale; title: string; shape?: 'list' | 'grid'; nonce: string }): string {
  const { locale } = options;
  const shape = options.shape ?? 'list';
  const table = matrixTable(matrix, locale, shape);
  // Agency columns are headed by names (data); the fixed columns by labels.
  const head = table.headers.map((h, i) => (i >= table.fixedColumns ? `<th class="agency" scope="col">${htmlData(h)}</th>` : `<th scope="col">${escapeHtml(h)}</th>`)).join('');
  const leadWord = roleWord(locale, 'lead');
  const rows = table.rows
    .map((cells, r) => {
      // A grid's agency cells hold the words 牵头, 配合, 负责; every other cell is data.
      const tds = cells.map((cell, i) => (i >= table.fixedColumns && shape === 'grid' ? `<td${cell === leadWord ? ' class="lead"' : ''}>${escapeHtml(cell)}</td>` : `<td>${htmlData(cell)}</td>`));
      return `<tr${table.noLead[r] ? ' class="no-lead"' : ''}>${tds.join('')}</tr>`;
    })
    .join('\n');
  const what = `${label(locale, 'matrixTitle')}${shape === 'grid' ? ` · ${label(locale, 'grid')}` : ''}`;
  const body = `<h1>${htmlData(options.title)} — ${escapeHtml(what)}</h1>
<table class="${shape}"><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table>`;
  return htmlPage({ locale, title: `${options.title} — ${what}`, body, nonce: options.nonce });
}
