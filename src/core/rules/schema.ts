// schema: the file breaks its JSON Schema (wrong type, unknown key, missing field, bad id).
import { validateSchema } from './schema-validation';
import type { Rule } from './rule';

export const schema: Rule = {
  meta: {
    id: 'schema',
    docs: 'docs/rules.md#schema',
    defaultSeverity: 'error',
    appliesTo: ['guideline', 'registry'],
    description: {
      en: 'The file must match its JSON Schema: known keys, required fields, right types and id forms.',
      'zh-cn': '文件必须符合其 JSON Schema：键名正确、必填项齐全、类型与编号格式正确。',
    },
  },
  check(context) {
    for (const problem of validateSchema(context.file, context.locale)) context.report(problem.range, problem.key, problem.args);
  },
};
