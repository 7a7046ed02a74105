// duplicate-agency: a measure lists the same agency twice, aliases resolved.
import { allMeasures } from '../model/model';
import type { Located } from '../model/model';
import type { Rule } from './rule';

export const duplicateAgency: Rule = {
  meta: {
    id: 'duplicate-agency',
    docs: 'docs/rules.md#duplicate-agency',
    defaultSeverity: 'error',
    appliesTo: ['guideline'],
    description: {
      en: 'A measure must not list the same agency twice (an alias and its name count as the same).',
      'zh-cn': '同一措施不得重复列出同一单位（别名与名称视为同一单位）。',
    },
  },
  check(context) {
    for (const measure of allMeasures(context.guideline())) {
      const first = new Map<string, Located>();
      for (const agency of measure.agencies) {
        const canonical = context.registry?.canonical(agency.value) ?? agency.value;
        const earlier = first.get(canonical);
        if (!earlier) {
          first.set(canonical, agency);
          continue;
        }
        const measureLabel = measure.id?.value ?? '?';
        const data = { name: agency.value, canonical };
        if (earlier.value === agency.value) context.report(agency.range, 'duplicate-agency.same', { name: agency.value, measure: measureLabel }, data);
        else context.report(agency.range, 'duplicate-agency.alias', { name: agency.value, canonical, first: earlier.value, measure: measureLabel }, data);
      }
    }
  },
};
