// missing-deadline (off unless configured): a measure with no deadline, neither its own nor the document's.
import { effectiveDeadline } from '../model/deadline';
import { allMeasures } from '../model/model';
import type { Rule } from './rule';

export const missingDeadline: Rule = {
  meta: {
    id: 'missing-deadline',
    docs: 'docs/rules.md#missing-deadline',
    defaultSeverity: 'off',
    appliesTo: ['guideline'],
    description: {
      en: 'Every measure should have a deadline (完成时限), its own or the document\'s; off unless switched on in .taskmatrix.yaml.',
      'zh-cn': '每项措施都应有完成时限（自身的或全文默认的）；默认关闭，可在 .taskmatrix.yaml 中开启。',
    },
  },
  check(context) {
    const guideline = context.guideline();
    for (const measure of allMeasures(guideline)) {
      if (effectiveDeadline(measure, guideline)) continue;
      context.report(measure.id?.range ?? measure.headRange, 'missing-deadline', { measure: measure.id?.value ?? '?' });
    }
  },
};
