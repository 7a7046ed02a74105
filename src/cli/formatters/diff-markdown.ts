// The diff as a pull-request comment: the summary, the lead changes first (what reviewers argue
// about), everything else folded in <details>; cut to fit GitHub's 65,536-character limit.
import { markdownCell, noLeadWord, roleName, visibleText, wordDiff } from '../../core/index';
import type { MeasureChange } from '../../core/index';
import { t } from '../messages';
import type { CliMessage } from '../messages';
import { leadChanges, measureLabel, spansDocuments, summaryText, valueText } from './diff-format';
import type { DiffFormatter } from './diff-format';

/** GitHub refuses comments over 65,536 characters; the rest is kept for the closing lines and slack. */
export const MARKDOWN_BUDGET = 60_000;
/** A title or name longer than this is cut in a cell: one huge value must not crowd out every other row. */
const CELL_LIMIT = 200;

function clipped(value: string): string {
  return [...value].length > CELL_LIMIT ? `${[...value].slice(0, CELL_LIMIT - 1).join('')}…` : value;
}

/**
 * Prose from the data (a title, a measure id) in a cell: Markdown and HTML inert, cut when very
 * long. An `@` goes into a code span of its own, so that no name after it is a mention that
 * notifies someone, and a reader who copies the title gets exactly its characters back.
 */
export function markdownData(value: string): string {
  return markdownCell(clipped(value)).replace(/@/g, '`@`');
}

/**
 * A name (agency, document) as a code span: shown exactly as written, with nothing in it live —
 * no HTML, emphasis, link or @mention — and copied without escapes. The fence is longer than any
 * run of backticks in the name; in a table a pipe is escaped as GFM asks (`\|`, also in code).
 */
export function markdownName(value: string, inTable = true): string {
  const text = visibleText(clipped(value).replace(/\r\n|\r|\n/g, ' '));
  if (text === '') return '';
  const fence = '`'.repeat((text.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0) + 1);
  // CommonMark strips one space from each end of a code span that has one at both.
  const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
  return `${fence}${pad}${inTable ? text.replace(/\|/g, '\\|') : text}${pad}${fence}`;
}

export const diffMarkdown: DiffFormatter = ({ diff, locale }) => {
  const qualify = spansDocuments(diff);
  const row = (cells: string[]) => `| ${cells.map((cell) => cell || ' ').join(' | ')} |`;
  const header = (cells: string[]) => [row(cells), `|${cells.map(() => ' --- |').join('')}`];
  const none = t(locale, 'diffNone');
  const fieldText = (text: string) => t(locale, 'diffField', { label: text });
  const field = (key: CliMessage) => fieldText(t(locale, key));
  const names = (list: string[]) => list.map((name) => markdownName(name)).join('、');
  const ids = (list: string[]) => list.map(markdownData).join('、');
  const nameOrNone = (name: string | null) => (name === null ? none : markdownName(name));

  const leads = leadChanges(diff);
  const head = [`### ${t(locale, 'diffHeading')}`, ''];
  const changed = diff.measures.length + diff.documents.added.length + diff.documents.removed.length > 0;
  head.push(changed ? `**${summaryText(diff, locale)}** · ${t(locale, 'diffLeadCount', { count: leads.length })}` : t(locale, 'diffNoChanges'));
  for (const document of diff.documents.added) head.push('', `- ${field('diffDocumentAdded')}${markdownName(document, false)}`);
  for (const document of diff.documents.removed) head.push('', `- ${field('diffDocumentRemoved')}${markdownName(document, false)}`);
  if (!changed) return `${head.join('\n')}\n`;

  const sections: { intro: string[]; rows: string[]; outro: string[] }[] = [];
  sections.push({
    intro: ['', `#### ${t(locale, 'diffLeadChanges')}`, '', ...(leads.length ? header([t(locale, 'diffMeasure'), t(locale, 'diffTitleColumn'), t(locale, 'diffLeadBefore'), t(locale, 'diffLeadAfter')]) : [t(locale, 'diffNoLeadChanges')])],
    rows: leads.map((measure) => row([markdownData(measureLabel(measure, qualify)), markdownData(measure.title), nameOrNone(measure.lead!.old), `**${nameOrNone(measure.lead!.new)}**`])),
    outro: [],
  });
  sections.push({
    intro: ['', '<details>', `<summary>${t(locale, 'diffDetails', { measures: diff.measures.length, agencies: diff.agencies.length })}</summary>`, '', ...header([t(locale, 'diffChange'), t(locale, 'diffMeasure'), t(locale, 'diffTitleColumn'), t(locale, 'diffWhat')])],
    rows: diff.measures.map((measure) => row([t(locale, `diffKind_${measure.change}`), markdownData(measureLabel(measure, qualify)), markdownData(measure.title), whatChanged(measure)])),
    outro: [],
  });
  sections.push({
    intro: ['', ...header([t(locale, 'diffAgency'), t(locale, 'diffLeadsGained'), t(locale, 'diffLeadsLost'), t(locale, 'diffCoGained'), t(locale, 'diffCoLost')])],
    rows: diff.agencies.map((agency) => row([markdownName(agency.name), ids(agency.leadsGained), ids(agency.leadsLost), ids(agency.coGained), ids(agency.coLost)])),
    outro: ['', '</details>'],
  });
  return `${fitted(head, sections, (count) => t(locale, 'diffRowsLeftOut', { count })).join('\n')}\n`;

  function whatChanged(measure: MeasureChange): string {
    const parts: string[] = [];
    if (measure.change === 'added' || measure.change === 'removed') {
      if (measure.lead) parts.push(`${roleName(locale, 'lead')} ${markdownName(measure.lead.new ?? measure.lead.old ?? '')}`);
      const co = measure.change === 'added' ? measure.coAdded : measure.coRemoved;
      if (co.length) parts.push(`${measure.lead ? roleName(locale, 'co') : noLeadWord(locale)} ${names(co)}`);
      return parts.join('<br>');
    }
    if (measure.lead) parts.push(`${fieldText(roleName(locale, 'lead'))}**${nameOrNone(measure.lead.old)} → ${nameOrNone(measure.lead.new)}**`);
    if (measure.coAdded.length || measure.coRemoved.length) {
      parts.push(`${fieldText(roleName(locale, 'co'))}${[...measure.coAdded.map((name) => `+${markdownName(name)}`), ...measure.coRemoved.map((name) => `−${markdownName(name)}`)].join(' ')}`);
    }
    if (measure.division) parts.push(`${field('diffDivision')}${markdownData(valueText(measure.division, locale))}`);
    if (measure.deadline) parts.push(`${field('diffDeadline')}${markdownData(valueText(measure.deadline, locale))}`);
    if (measure.status) parts.push(`${field('diffStatus')}${markdownData(valueText(measure.status, locale))}`);
    if (measure.oldTitle !== null && measure.oldTitle.replace(/\s+/g, '') !== measure.title.replace(/\s+/g, '')) {
      const title = wordDiff(measure.oldTitle, measure.title)
        .map((part) => (part.kind === 'same' ? markdownData(part.text) : part.kind === 'removed' ? `<del>${markdownData(part.text)}</del>` : `<ins>${markdownData(part.text)}</ins>`))
        .join('');
      parts.push(`${field('diffTitle')}${title}`);
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
    for (const line of section.intro) lines.push(line);
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
    for (const line of section.outro) lines.push(line);
  }
  return lines;
}
