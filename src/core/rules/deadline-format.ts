// deadline-format: a deadline (the guideline's default or a measure's) that the engine cannot read.
import { readDeadline, suggestDeadline } from '../model/deadline';
import { formatMessage } from '../wording/messages';
import { allMeasures } from '../model/model';
import type { Located } from '../model/model';
import type { Locale } from '../types';
import type { Rule, RuleContext } from './rule';

export const deadlineFormat: Rule = {
  meta: {
    id: 'deadline-format',
    docs: 'docs/rules.md#deadline-format',
    defaultSeverity: 'warning',
    appliesTo: ['guideline'],
    description: {
      en: 'A deadline (完成时限) must be readable, so that its due date can be told: 2025年底前, 2026年6月, 2026年一季度, 2027-12-31, 长期坚持.',
      'zh-cn': '完成时限须可识别，以便推算到期日，如“2025年底前”“2026年6月”“2026年一季度”“2027-12-31”“长期坚持”。',
    },
  },
  check(context) {
    const guideline = context.guideline();
    if (guideline.deadline) checkOne(context, guideline.deadline, formatMessage(context.locale, 'label.guideline'));
    for (const measure of allMeasures(guideline)) {
      if (measure.deadline) checkOne(context, measure.deadline, formatMessage(context.locale, 'label.measure', { id: measure.id?.value ?? '?' }));
    }
  },
};

function checkOne(context: RuleContext, deadline: Located, owner: string): void {
  if (readDeadline(deadline.value).kind !== 'unreadable') return;
  const suggestion = suggestDeadline(deadline.value);
  if (suggestion === undefined) {
    context.report(deadline.range, 'deadline-format.plain', { deadline: deadline.value, owner });
    return;
  }
  const reading = readingWords(context.locale, suggestion);
  context.report(deadline.range, 'deadline-format.suggest', { deadline: deadline.value, owner, suggestion, reading }, { suggestion });
}

/** What a readable deadline means, in words: "due 2025-12-31", "ongoing, no due date", … */
function readingWords(locale: Locale, text: string): string {
  const reading = readDeadline(text);
  if (reading.kind === 'date') return formatMessage(locale, 'deadline.due', { due: reading.due });
  return formatMessage(locale, reading.kind === 'ongoing' ? 'deadline.ongoing' : 'deadline.undated');
}
