// no-lead: a measure has no lead agency (by-function, joint, nothing listed, or a collective first).
import { effectiveDivision, noLeadReason } from '../model/lead';
import { allMeasures } from '../model/model';
import type { MeasureModel } from '../model/model';
import type { OffsetRange } from '../types';
import type { NoLeadReason } from '../model/lead';
import type { Rule } from './rule';

export const noLead: Rule = {
  meta: {
    id: 'no-lead',
    docs: 'docs/rules.md#no-lead',
    defaultSeverity: 'warning',
    appliesTo: ['guideline'],
    description: {
      en: 'Every measure should have a lead agency (牵头单位) that answers for it.',
      'zh-cn': '每项措施都应有负责的牵头单位。',
    },
  },
  check(context) {
    const guideline = context.guideline();
    for (const measure of allMeasures(guideline)) {
      const reason = noLeadReason(measure, guideline, context.registry);
      if (!reason) continue;
      const measureLabel = measure.id?.value ?? '?';
      const first = measure.agencies[0]?.value ?? '';
      context.report(findingRange(measure, reason, effectiveDivision(measure, guideline).inherited), `no-lead.${reason}`, { measure: measureLabel, name: first }, { reason });
    }
  },
};

/** Points at what causes the missing lead, so the squiggle says where to act. */
function findingRange(measure: MeasureModel, reason: NoLeadReason, inheritedDivision: boolean): OffsetRange {
  switch (reason) {
    case 'collective':
      return measure.agencies[0]!.range;
    case 'none-listed':
      return measure.agenciesRange ?? measure.id?.range ?? measure.headRange;
    default:
      return (!inheritedDivision && measure.division?.range) || (measure.id?.range ?? measure.headRange);
  }
}
