// overdue: a measure whose due date is before today and whose status is not done.
import { dueOf, effectiveDeadline, isOverdue, MEASURE_STATUSES } from '../model/deadline';
import { formatMessage } from '../wording/messages';
import type { MessageKey } from '../wording/messages';
import { allMeasures } from '../model/model';
import type { Rule } from './rule';

export const overdue: Rule = {
  meta: {
    id: 'overdue',
    docs: 'docs/rules.md#overdue',
    defaultSeverity: 'warning',
    appliesTo: ['guideline'],
    description: {
      en: 'A measure past its due date should be done (status: done), or say how it stands.',
      'zh-cn': '已过完成时限的措施应已完成（status: done），或说明进展。',
    },
  },
  check(context) {
    const guideline = context.guideline();
    for (const measure of allMeasures(guideline)) {
      if (measure.status?.value === 'done') continue;
      const found = effectiveDeadline(measure, guideline);
      if (!found) continue;
      const due = dueOf(found.deadline.value);
      if (due === null || !isOverdue(due, measure.status?.value, context.today)) continue;
      const status = measure.status?.value;
      const statusWord = status === undefined ? formatMessage(context.locale, 'status.none') : (MEASURE_STATUSES as readonly string[]).includes(status) ? formatMessage(context.locale, `status.${status}` as MessageKey) : status;
      // A deadline inherited from the document points at the measure, not at the shared default.
      const range = found.inherited ? (measure.id?.range ?? measure.headRange) : found.deadline.range;
      context.report(
        range,
        'overdue',
        { measure: measure.id?.value ?? '?', due, deadline: found.deadline.value, today: context.today, status: statusWord },
        { due, today: context.today },
      );
    }
  },
};
