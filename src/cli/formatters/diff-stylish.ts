// The diff for a terminal: per document, one line per measure with its changes indented below,
// then per agency what it gained and lost, then the summary.
import type { AgencyChange, MeasureChange } from '../../core/index';
import { noLeadWord, roleName, wordDiff } from '../../core/index';
import type { CliMessage } from '../messages';
import { t } from '../messages';
import { displayWidth, padEnd, printable } from '../text-width';
import { leadChanges, measureLabel, summaryText, valueText } from './diff-format';
import type { DiffFormatter } from './diff-format';

const paint = (on: boolean, code: string, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);
const MARK: Record<MeasureChange['change'], { sign: string; colour: string }> = {
  added: { sign: '+', colour: '32' },
  removed: { sign: '-', colour: '31' },
  moved: { sign: '→', colour: '36' },
  changed: { sign: '~', colour: '33' },
};

export const diffStylish: DiffFormatter = ({ diff, locale, color }) => {
  const lines: string[] = [];
  const label = (key: CliMessage) => t(locale, key);
  const fieldText = (text: string) => t(locale, 'diffField', { label: text });
  const field = (key: CliMessage) => fieldText(t(locale, key));
  const names = (list: string[]) => list.map(printable).join('、');
  const byDocument = new Map<string, MeasureChange[]>();
  for (const measure of diff.measures) {
    const list = byDocument.get(measure.document);
    if (list) list.push(measure);
    else byDocument.set(measure.document, [measure]);
  }
  for (const [document, measures] of byDocument) {
    const note = diff.documents.added.includes(document) ? ` (${label('diffDocumentAdded')})` : diff.documents.removed.includes(document) ? ` (${label('diffDocumentRemoved')})` : '';
    lines.push(paint(color, '4', `${printable(document)}${note}`));
    const idWidth = measures.reduce((width, measure) => Math.max(width, measureLabel(measure, false).length), 0);
    for (const measure of measures) {
      const { sign, colour } = MARK[measure.change];
      lines.push(`  ${paint(color, colour, `${sign} ${padEnd(measureLabel(measure, false), idWidth)}`)}  ${printable(measure.title)}  ${paint(color, '2', label(`diffKind_${measure.change}`))}`);
      for (const detail of details(measure)) lines.push(`      ${detail}`);
    }
    lines.push('');
  }
  // Documents without measures on either side still count as added or removed.
  for (const document of diff.documents.added) if (!byDocument.has(document)) lines.push(`${paint(color, '4', printable(document))} (${label('diffDocumentAdded')})`, '');
  for (const document of diff.documents.removed) if (!byDocument.has(document)) lines.push(`${paint(color, '4', printable(document))} (${label('diffDocumentRemoved')})`, '');

  if (diff.agencies.length) {
    lines.push(paint(color, '4', label('diffAgencies')));
    const nameWidth = diff.agencies.reduce((width, agency) => Math.max(width, displayWidth(printable(agency.name))), 0);
    for (const agency of diff.agencies) lines.push(`  ${padEnd(printable(agency.name), nameWidth)}  ${agencyLine(agency)}`);
    lines.push('');
  }
  const leads = leadChanges(diff).length;
  const summary = diff.measures.length || diff.documents.added.length || diff.documents.removed.length ? `${summaryText(diff, locale)}${leads ? ` · ${t(locale, 'diffLeadCount', { count: leads })}` : ''}` : label('diffNoChanges');
  lines.push(paint(color, '1', summary));
  return `${lines.join('\n')}\n`;

  function details(measure: MeasureChange): string[] {
    const out: string[] = [];
    if (measure.change === 'added' || measure.change === 'removed') {
      const parts = [];
      if (measure.lead) parts.push(`${roleName(locale, 'lead')} ${printable(measure.lead.new ?? measure.lead.old ?? '')}`);
      const co = measure.change === 'added' ? measure.coAdded : measure.coRemoved;
      if (co.length) parts.push(`${measure.lead ? roleName(locale, 'co') : noLeadWord(locale)} ${names(co)}`);
      return parts.length ? [parts.join(' · ')] : [];
    }
    if (measure.lead) out.push(`${fieldText(roleName(locale, 'lead'))}${paint(color, '1', printable(valueText(measure.lead, locale)))}`);
    if (measure.coAdded.length || measure.coRemoved.length) {
      const co = [...measure.coAdded.map((name) => paint(color, '32', `+${printable(name)}`)), ...measure.coRemoved.map((name) => paint(color, '31', `-${printable(name)}`))];
      out.push(`${fieldText(roleName(locale, 'co'))}${co.join(' ')}`);
    }
    if (measure.division) out.push(`${field('diffDivision')}${printable(valueText(measure.division, locale))}`);
    if (measure.deadline) out.push(`${field('diffDeadline')}${printable(valueText(measure.deadline, locale))}`);
    if (measure.status) out.push(`${field('diffStatus')}${printable(valueText(measure.status, locale))}`);
    if (measure.oldTitle !== null && measure.oldTitle.replace(/\s+/g, '') !== measure.title.replace(/\s+/g, '')) {
      const parts = wordDiff(measure.oldTitle, measure.title).map((part) =>
        part.kind === 'same' ? printable(part.text) : part.kind === 'removed' ? paint(color, '31', `[-${printable(part.text)}-]`) : paint(color, '32', `{+${printable(part.text)}+}`),
      );
      out.push(`${field('diffTitle')}${parts.join('')}`);
    }
    if (measure.textChanged) out.push(label('diffTextChanged'));
    return out;
  }

  function agencyLine(agency: AgencyChange): string {
    const parts: string[] = [];
    const list = (gained: string[], lost: string[]) => [...gained.map((id) => paint(color, '32', `+${printable(id)}`)), ...lost.map((id) => paint(color, '31', `-${printable(id)}`))].join(' ');
    if (agency.leadsGained.length || agency.leadsLost.length) parts.push(`${roleName(locale, 'lead')} ${list(agency.leadsGained, agency.leadsLost)}`);
    if (agency.coGained.length || agency.coLost.length) parts.push(`${roleName(locale, 'co')} ${list(agency.coGained, agency.coLost)}`);
    return parts.join('  ·  ');
  }
};
