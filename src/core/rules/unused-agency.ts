// unused-agency: a registry agency is named by no measure of the guidelines that use the registry.
import { allMeasures } from '../model';
import type { Rule } from './rule';

export const unusedAgency: Rule = {
  meta: {
    id: 'unused-agency',
    defaultSeverity: 'info',
    appliesTo: ['registry'],
    description: {
      en: 'Every registry agency should be named by some measure.',
      'zh-cn': '名录中的每个单位都应被某项措施提及。',
    },
  },
  check(context) {
    const { registry } = context;
    const guidelines = context.guidelinesUsingRegistry();
    // With no guideline in sight every agency would look unused: that says nothing.
    if (!registry || guidelines.length === 0) return;
    const used = new Set<string>();
    for (const guideline of guidelines) {
      for (const measure of allMeasures(guideline)) {
        for (const agency of measure.agencies) used.add(registry.canonical(agency.value));
      }
    }
    for (const agency of registry.agencies) {
      if (!used.has(agency.name.value)) context.report(agency.name.range, 'unused-agency', { name: agency.name.value }, { name: agency.name.value });
    }
  },
};
