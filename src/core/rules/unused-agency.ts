// unused-agency: a registry agency is named by no measure of the guidelines that use the registry.
import type { Rule } from './rule';

export const unusedAgency: Rule = {
  meta: {
    id: 'unused-agency',
    docs: 'docs/rules.md#unused-agency',
    defaultSeverity: 'info',
    appliesTo: ['registry'],
    description: {
      en: 'Every registry agency should be named by some measure.',
      'zh-cn': '名录中的每个单位都应被某项措施提及。',
    },
  },
  check(context) {
    const { registry } = context;
    const guidelines = context.namesUsingRegistry();
    // With no guideline in sight every agency would look unused: that says nothing.
    if (!registry || guidelines.length === 0) return;
    const used = new Set<string>();
    for (const names of guidelines) for (const name of names) used.add(registry.canonical(name));
    for (const agency of registry.agencies) {
      if (!used.has(agency.name.value)) context.report(agency.name.range, 'unused-agency', { name: agency.name.value }, { name: agency.name.value });
    }
  },
};
