// unknown-agency: a measure names an agency the registry does not know; suggests the closest name.
import { allMeasures } from '../model/model';
import type { Rule } from './rule';

export const unknownAgency: Rule = {
  meta: {
    id: 'unknown-agency',
    docs: 'docs/rules.md#unknown-agency',
    defaultSeverity: 'error',
    appliesTo: ['guideline'],
    description: {
      en: 'Every agency a measure names must be in the agency registry (by name or alias).',
      'zh-cn': '措施所列单位必须在单位名录中（名称或别名）。',
    },
  },
  check(context) {
    const { registry } = context;
    const agencies = allMeasures(context.guideline()).flatMap((measure) => measure.agencies);
    if (!registry) {
      // One finding per file is enough to say that nothing could be checked.
      const first = agencies[0];
      if (first) context.report(first.range, 'unknown-agency.noRegistry', { name: first.value });
      return;
    }
    for (const agency of agencies) {
      if (registry.resolve(agency.value)) continue;
      const suggestion = registry.suggest(agency.value);
      if (suggestion) context.report(agency.range, 'unknown-agency.suggest', { name: agency.value, registry: registry.path, suggestion }, { name: agency.value, suggestion });
      else context.report(agency.range, 'unknown-agency.plain', { name: agency.value, registry: registry.path }, { name: agency.value });
    }
  },
};
