// Small builders for tests: a registry, a guideline around some measures, a linted project.
import { Project } from '../../core/index';
import type { Diagnostic, LintResult, ProjectConfig, ProjectOptions, Locale } from '../../core/index';

/** A registry of five agencies: one with aliases, one collective. */
export const REGISTRY = `# yaml-language-server: $schema=../schemas/agencies.schema.json
agencies:
  - name: 省科技厅
    fullName: 浙江省科学技术厅
    en: Department of Science and Technology of Zhejiang Province
    kind: government
    aliases: [科技厅]
  - name: 省发展改革委
    kind: government
    aliases: [省发改委]
  - name: 省经信厅
    kind: government
  - name: 之江实验室
    kind: lab
  - name: 省数字经济领导小组各成员单位
    kind: collective
`;

/** A complete guideline whose chapter 2 holds the given measures (YAML list items, indented 6). */
export function guidelineWith(measures: string, top = ''): string {
  return `# yaml-language-server: $schema=../schemas/guideline.schema.json
id: test-doc
title: 测试文件
${top}chapters:
  - id: "2"
    title: 第二部分
    measures:
${measures}`;
}

export interface LintOptions {
  registry?: string | null;
  config?: ProjectConfig;
  locale?: Locale;
  /** The date overdue deadlines are judged against. */
  today?: ProjectOptions['today'];
}

/** Lints one guideline text against the test registry (or the given one, or none with null). */
export function lintGuideline(text: string, options: LintOptions = {}): LintResult {
  const project = new Project({ config: options.config, locale: options.locale, today: options.today });
  const registry = options.registry === undefined ? REGISTRY : options.registry;
  if (registry !== null) project.setFile('tasks/agencies.yaml', registry);
  project.setFile('tasks/doc.yaml', text);
  return project.lint(['tasks/doc.yaml']);
}

/** Diagnostics of one rule only. */
export function ofRule(result: LintResult, rule: Diagnostic['rule']): Diagnostic[] {
  return result.diagnostics.filter((d) => d.rule === rule);
}

/** The text a diagnostic's offsets cover: checks that positions point at the right node. */
export function covered(text: string, diagnostic: Diagnostic): string {
  return text.slice(diagnostic.offset[0], diagnostic.offset[1]);
}
