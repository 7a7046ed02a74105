// Writing an imported guideline as YAML in the layout drafters write by hand (see
// tasks/zj-ai-2027.yaml): modeline, header fields, targets, chapters with a `# 二（一）` comment
// above each measure, agencies as a flow list on one line.
import type { Division } from '../model/model';
import { yamlScalar } from '../source/yaml-scalar';
import type { ImportedTarget } from './targets';

export interface ImportedMeasure {
  id: string;
  /** The numbering as printed: 二（一）, 二（一）1. */
  printed: string;
  title: string;
  text?: string;
  agencies?: string[];
  division?: Division;
  /** As the document writes it (2025年底前, 长期坚持). */
  deadline?: string;
  line: number;
}

export interface ImportedChapter {
  id: string;
  title: string;
  measures: ImportedMeasure[];
}

export interface ImportedGuideline {
  id: string;
  title: string;
  issuer?: string;
  status?: 'draft' | 'final';
  division?: Division;
  targets: ImportedTarget[];
  chapters: ImportedChapter[];
}

export function guidelineToYaml(guideline: ImportedGuideline, schemaPath: string, trailingComments: string[] = []): string {
  const lines: string[] = [`# yaml-language-server: $schema=${schemaPath}`];
  lines.push(`id: ${yamlScalar(guideline.id)}`, `title: ${yamlScalar(guideline.title)}`);
  if (guideline.issuer) lines.push(`issuer: ${yamlScalar(guideline.issuer)}`);
  if (guideline.status) lines.push(`status: ${guideline.status}`);
  if (guideline.division) lines.push(`division: ${guideline.division}`);
  if (guideline.targets.length > 0) {
    lines.push('targets:');
    for (const target of guideline.targets) {
      lines.push(`  - id: ${quoted(target.id)}`, `    text: ${yamlScalar(target.text)}`, `    value: ${target.value}`, `    unit: ${yamlScalar(target.unit)}`);
      if (target.year !== undefined) lines.push(`    year: ${target.year}`);
    }
  }
  lines.push(guideline.chapters.length > 0 ? 'chapters:' : 'chapters: []');
  for (const chapter of guideline.chapters) {
    lines.push(`  - id: ${quoted(chapter.id)}`, `    title: ${yamlScalar(chapter.title)}`);
    if (chapter.measures.length === 0) continue;
    lines.push('    measures:');
    for (const measure of chapter.measures) {
      lines.push(`      # ${measure.printed.replace(/[\r\n]/g, ' ')}`, `      - id: ${quoted(measure.id)}`, `        title: ${yamlScalar(measure.title)}`);
      if (measure.text) lines.push(`        text: ${yamlScalar(measure.text)}`);
      if (measure.agencies) lines.push(`        agencies: [${measure.agencies.map(yamlScalar).join(', ')}]`);
      if (measure.division) lines.push(`        division: ${measure.division}`);
      // yamlScalar quotes what starts with a digit: 2027-12-31 stays a string, never a YAML date.
      if (measure.deadline !== undefined) lines.push(`        deadline: ${yamlScalar(measure.deadline)}`);
    }
  }
  for (const comment of trailingComments) lines.push(comment === '' ? '#' : `# ${comment.replace(/[\r\n]/g, ' ')}`);
  return `${lines.join('\n')}\n`;
}

/** Ids are numbers to a YAML reader; the schema wants them as strings, so they are always quoted. */
function quoted(id: string): string {
  return JSON.stringify(id);
}

/** What the schema accepts as a document id: lower-case letters, digits and single hyphens. */
export const DOCUMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The document id a file name suggests (zj-ai-2027.txt → zj-ai-2027), if it makes one. */
export function documentIdFromFileName(fileName: string): string | undefined {
  const stem = fileName.replace(/\.[^.]*$/, '');
  if (/[^\x00-\x7f]/.test(stem)) return undefined;
  const id = stem
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return DOCUMENT_ID.test(id) ? id : undefined;
}
