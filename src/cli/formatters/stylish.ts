// Human-readable output grouped by file, in the manner of ESLint's stylish formatter.
import { t } from '../messages';
import { padEnd, printable } from '../text-width';
import { counts } from './format';
import type { Formatter } from './format';

const paint = (on: boolean, code: string, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

export const stylish: Formatter = (input) => {
  const { diagnostics, locale, color } = input;
  const lines: string[] = [];
  const byFile = new Map<string, typeof diagnostics>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  for (const [file, list] of byFile) {
    lines.push(paint(color, '4', printable(file)));
    // A fold, not Math.max(...list): a file can have more findings than a call takes arguments.
    const positionWidth = list.reduce((width, d) => Math.max(width, `${d.line}:${d.column}`.length), 0);
    for (const d of list) {
      const severity = d.severity === 'error' ? paint(color, '31', 'error  ') : d.severity === 'warning' ? paint(color, '33', 'warning') : paint(color, '36', 'info   ');
      lines.push(`  ${padEnd(`${d.line}:${d.column}`, positionWidth)}  ${severity}  ${printable(d.message)}  ${paint(color, '2', d.rule)}`);
    }
    lines.push('');
  }
  if (input.reportSuppressed && input.suppressed.length) {
    lines.push(t(locale, 'suppressedHeading'));
    for (const s of input.suppressed) {
      lines.push(`  ${printable(s.file)}:${s.line}:${s.column}  ${s.rule}  ${printable(s.suppression.reason || t(locale, 'noReason'))}`);
    }
    lines.push('');
  }
  const { errors, warnings, infos } = counts(diagnostics);
  const total = errors + warnings + infos;
  const summary = total ? t(locale, 'summaryProblems', { total, errors, warnings, infos }) : t(locale, 'summaryClean');
  lines.push(paint(color, errors ? '31;1' : warnings ? '33;1' : '32;1', `${total ? '✖' : '✔'} ${summary}`));
  if (input.suppressed.length) lines.push(t(locale, 'summarySuppressed', { count: input.suppressed.length }));
  return `${lines.join('\n')}\n`;
};
