// alias-agency: an agency is written as an alias instead of its registry name.
import { allMeasures } from '../model/model';
import type { Rule } from './rule';

export const aliasAgency: Rule = {
  meta: {
    id: 'alias-agency',
    docs: 'docs/rules.md#alias-agency',
    defaultSeverity: 'warning',
    appliesTo: ['guideline'],
    description: {
      en: 'Agencies should be written by their registry names, not by aliases.',
      'zh-cn': '单位应使用名录中的名称书写，而不是别名。',
    },
  },
  check(context) {
    const { registry } = context;
    if (!registry) return;
    for (const agency of allMeasures(context.guideline()).flatMap((measure) => measure.agencies)) {
      const resolution = registry.resolve(agency.value);
      if (!resolution?.viaAlias) continue;
      const canonical = resolution.agency.name.value;
      context.report(agency.range, 'alias-agency', { name: agency.value, canonical }, { name: agency.value, canonical });
    }
  },
};
