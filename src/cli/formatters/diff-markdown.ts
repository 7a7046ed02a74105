// The diff as a pull-request comment: the summary, the lead changes first (what reviewers argue
// about), everything else folded in <details>; cut to fit GitHub's 65,536-character limit.
import { markdownCell, wordDiff } from '../../core/index';
import type { MeasureChange } from '../../core/index';
import { t } from '../messages';
import { leadChanges, measureLabel, spansDocuments, summaryText, valueText } from './diff-format';
import type { DiffFormatter } from './diff-format';

/** GitHub refuses comments over 65,536 characters; the rest is kept for the closing lines and slack. */
export const MARKDOWN_BUDGET = 60_000;
/** A title or name longer than this is cut in a cell: one huge value must not crowd out every other row. */
const CELL_LIMIT = 200;

/** A data value in a cell: Markdown and HTML inert, @mentions broken (a name must not notify anyone), cut when very long. */
export function markdownData(value: string): string {
  const cut = [...value].length > CELL_LIMIT ? `${[...value].slice(0, CELL_LIMIT - 1).join('')}…` : value;
  return markdownCell(cut).replace(/@/g, '@\u200b');
}

export const diffMarkdown: DiffFormatter = ({ diff, locale }) => {
  const qualify = spansDocuments(diff);
  const row = (cells: string[]) => `| ${cells.map((cell) => cell || ' ').join(' | ')} |`;
  const header = (cells: string[]) => [row(cells), `|${cells.map(() => ' --- |').join('')}`];
  const names = (list: string[]) => list.map(markdownData).join('、');
  const none = t(locale, 'diffNone');

  const leads = leadChanges(diff);
  const head = [`### ${t(locale, 'diffHeading')}`, ''];
  const changed = diff.measures.length + diff.documents.added.length + diff.documents.removed.length > 0;
  head.push(changed ? `**${summaryText(diff, locale)}** · ${t(locale, 'diffLeadCount', { count: leads.length })}` : t(locale, 'diffNoChanges'));
  for (const document of diff.documents.added) head.push('', `- ${t(locale, 'diffDocumentAdded')}: ${markdownData(document)}`);
  for (const document of diff.documents.removed) head.push('', `- ${t(locale, 'diffDocumentRemoved')}: ${markdownData(document)}`);
  if (!changed) return `${head.join('\n')}\n`;

  const sections: { intro: string[]; rows: string[]; outro: string[] }[] = [];
  sections.push({
    intro: ['', `#### ${t(locale, 'diffLeadChanges')}`, '', ...(leads.length ? header([t(locale, 'diffMeasure'), t(locale, 'diffTitleColumn'), t(locale, 'diffLeadBefore'), t(locale, 'diffLeadAfter')]) : [t(locale, 'diffNoLeadChanges')])],
    rows: leads.map((measure) => row([markdownData(measureLabel(measure, qualify)), markdownData(measure.title), markdownData(measure.lead!.old ?? none), `**${markdownData(measure.lead!.new ?? none)}**`])),
    outro: [],
  });
  sections.push({
    intro: ['', '<details>', `<summary>${t(locale, 'diffDetails', { measures: diff.measures.length, agencies: diff.agencies.length })}</summary>`, '', ...header([t(locale, 'diffChange'), t(locale, 'diffMeasure'), t(locale, 'diffTitleColumn'), t(locale, 'diffWhat')])],
    rows: diff.measures.map((measure) => row([t(locale, `diffKind_${measure.change}`), markdownData(measureLabel(measure, qualify)), markdownData(measure.title), whatChanged(measure)])),
    outro: [],
  });
  sections.push({
    intro: ['', ...header([t(locale, 'diffAgency'), t(locale, 'diffLeadsGained'), t(locale, 'diffLeadsLost'), t(locale, 'diffCoGained'), t(locale, 'diffCoLost')])],
    rows: diff.agencies.map((agency) => row([markdownData(agency.name), names(agency.leadsGained), names(agency.leadsLost), names(agency.coGained), names(agency.coLost)])),
    outro: ['', '</details>'],
  });
  return `${fitted(head, sections, (count) => t(locale, 'diffRowsLeftOut', { count })).join('\n')}\n`;

  function whatChanged(measure: MeasureChange): string {
    const parts: string[] = [];
    if (measure.change === 'added' || measure.change === 'removed') {
      if (measure.lead) parts.push(`${t(locale, 'diffLead')} ${markdownData(measure.lead.new ?? measure.lead.old ?? '')}`);
      const co = measure.change === 'added' ? measure.coAdded : measure.coRemoved;
      if (co.length) parts.push(`${measure.lead ? t(locale, 'diffCo') : t(locale, 'noLeadMarker')} ${names(co)}`);
      return parts.join('<br>');
    }
    if (measure.lead) parts.push(`${t(locale, 'diffLead')}: **${markdownData(valueText(measure.lead, locale))}**`);
    if (measure.coAdded.length || measure.coRemoved.length) {
      parts.push(`${t(locale, 'diffCo')}: ${[...measure.coAdded.map((name) => `+${markdownData(name)}`), ...measure.coRemoved.map((name) => `−${markdownData(name)}`)].join(' ')}`);
    }
    if (measure.division) parts.push(`${t(locale, 'diffDivision')}: ${markdownData(valueText(measure.division, locale))}`);
    if (measure.deadline) parts.push(`${t(locale, 'diffDeadline')}: ${markdownData(valueText(measure.deadline, locale))}`);
    if (measure.status) parts.push(`${t(locale, 'diffStatus')}: ${markdownData(valueText(measure.status, locale))}`);
    if (measure.oldTitle !== null && measure.oldTitle.replace(/\s+/g, '') !== measure.title.replace(/\s+/g, '')) {
      const title = wordDiff(measure.oldTitle, measure.title)
        .map((part) => (part.kind === 'same' ? markdownData(part.text) : part.kind === 'removed' ? `<del>${markdownData(part.text)}</del>` : `<ins>${markdownData(part.text)}</ins>`))
        .join('');
      parts.push(`${t(locale, 'diffTitle')}: ${title}`);
    }
    if (measure.textChanged) parts.push(t(locale, 'diffTextChanged'));
    return parts.join('<br>');
  }
};

/**
 * The comment, rows taken in order while they fit the budget; once one does not, the rest of
 * every table is left out and counted, so that the summary and the lead changes come first.
 */
function fitted(head: string[], sections: { intro: string[]; rows: string[]; outro: string[] }[], leftOut: (count: number) => string): string[] {
  const lines = [...head];
  let size = head.reduce((total, line) => total + line.length + 1, 0);
  // The intros and closing lines of every section, and one note per section, are always written.
  const reserved = sections.reduce((total, section) => total + [...section.intro, ...section.outro].reduce((sum, line) => sum + line.length + 1, 0) + 400, 0);
  let full = false;
  for (const section of sections) {
    lines.push(...section.intro);
    let written = 0;
    for (const line of section.rows) {
      if (full || size + reserved + line.length + 1 > MARKDOWN_BUDGET) {
        full = true;
        break;
      }
      lines.push(line);
      size += line.length + 1;
      written++;
    }
    if (written < section.rows.length) lines.push('', `_${leftOut(section.rows.length - written)}_`);
    lines.push(...section.outro);
  }
  return lines;
}
