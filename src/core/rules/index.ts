// The rule set, in the order of the design's table.
import { aliasAgency } from './alias-agency';
import { deadlineFormat } from './deadline-format';
import { duplicateAgency } from './duplicate-agency';
import { duplicateId } from './duplicate-id';
import { missingDeadline } from './missing-deadline';
import { noLead } from './no-lead';
import { overdue } from './overdue';
import type { Rule } from './rule';
import { schema } from './schema';
import { unknownAgency } from './unknown-agency';
import { unusedAgency } from './unused-agency';
import { yamlSyntax } from './yaml-syntax';
import type { RuleId } from '../types';

export const RULES: readonly Rule[] = [yamlSyntax, schema, duplicateId, unknownAgency, duplicateAgency, noLead, aliasAgency, unusedAgency, deadlineFormat, overdue, missingDeadline];

export const RULE_IDS: readonly RuleId[] = RULES.map((rule) => rule.meta.id);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}

export { DOCS_BASE_URL, ruleDocs } from './rule';
export type { Rule, RuleContext, RuleMeta } from './rule';
