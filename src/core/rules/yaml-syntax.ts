// yaml-syntax: the file is not well-formed YAML (duplicate keys, alias bombs and binary files included).
import type { Rule } from './rule';

export const yamlSyntax: Rule = {
  meta: {
    id: 'yaml-syntax',
    docs: 'docs/rules.md#yaml-syntax',
    defaultSeverity: 'error',
    appliesTo: ['guideline', 'registry'],
    description: {
      en: 'The file must be well-formed YAML: one document, no duplicate keys.',
      'zh-cn': '文件必须是格式正确的 YAML：单一文档，无重复键。',
    },
  },
  check(context) {
    for (const problem of context.file.syntaxProblems) context.report(problem.range, problem.key, problem.args);
  },
};
