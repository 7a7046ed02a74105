// The corpus of real policy documents (src/test/fixtures/import-corpus) and how the importer is
// scored on it: each document is imported in each form a drafter may have it in (its text, a Word
// file, a printed PDF; a table also as a spreadsheet and a Word table), read back as the matrix
// (`matrix --format json`), and compared measure by measure with the truth written by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildMatrix, importGuideline, Project, readDocument, registryInsertion } from '../../core/index';
import type { ImportResult } from '../../core/index';
import { docxFromTable, docxFromText, pdfFromText, xlsxFromTable } from './forms';

export const corpusDir = join(__dirname, '..', '..', '..', 'src', 'test', 'fixtures', 'import-corpus');

export interface TruthMeasure {
  id: string;
  printed?: string;
  title: string;
  list: string;
  lead: string | null;
  co: string[];
  noLead: boolean;
  noLeadReason: string | null;
}

export interface Truth {
  title: string;
  docNumber?: string | null;
  issuer?: string | null;
  level: string;
  source: { url?: string | null; repository?: string | null; path?: string | null; commit?: string | null };
  conventions: string[];
  notes?: string;
  measures: TruthMeasure[];
}

export interface CorpusDocument {
  slug: string;
  file: string;
  kind: 'text' | 'table';
  truth: Truth;
}

export type Form = 'text' | 'wrapped' | 'docx' | 'pdf' | 'xlsx';

export interface Row {
  id: string;
  title: string;
  lead: string | null;
  co: string[];
  noLeadReason: string | null;
}

export interface Score {
  found: number;
  right: number;
  total: number;
  extra: number;
  /** What differs, one line per measure. */
  wrong: string[];
}

/** Every document of the corpus with its truth, in name order. */
export function loadCorpus(): CorpusDocument[] {
  return readdirSync(corpusDir)
    .filter((name) => /\.(txt|csv)$/.test(name))
    .sort()
    .map((file) => {
      const slug = file.replace(/\.(txt|csv)$/, '');
      const truth = JSON.parse(readFileSync(join(corpusDir, `${slug}.truth.json`), 'utf8')) as Truth;
      return { slug, file, kind: file.endsWith('.csv') ? 'table' : 'text', truth };
    });
}

/** The forms a document is tried in: a text as text, Word and PDF; a table as CSV, Excel and a Word table. */
export function formsOf(document: CorpusDocument): Form[] {
  return document.kind === 'table' ? ['text', 'xlsx', 'docx'] : ['text', 'wrapped', 'docx', 'pdf'];
}

/** The bytes of a document in one form, made from its stored text or table. */
export async function bytesOf(document: CorpusDocument, form: Form): Promise<{ bytes: Uint8Array; fileName: string }> {
  const raw = readFileSync(join(corpusDir, document.file));
  if (form === 'text') return { bytes: raw, fileName: document.file };
  const text = raw.toString('utf8').replace(/^\uFEFF/, '');
  if (document.kind === 'table') {
    const rows = parseCsv(text, { relaxColumnCount: true }) as string[][];
    if (form === 'xlsx') return { bytes: await xlsxFromTable(rows), fileName: `${document.slug}.xlsx` };
    return { bytes: await docxFromTable(rows, document.truth.title), fileName: `${document.slug}.docx` };
  }
  if (form === 'wrapped') return { bytes: Buffer.from(hardWrapped(text, 35, document.truth.title)), fileName: document.file };
  if (form === 'docx') return { bytes: await docxFromText(text), fileName: `${document.slug}.docx` };
  return { bytes: await pdfFromText(text, { header: document.truth.title }), fileName: `${document.slug}.pdf` };
}

/**
 * The text as a PDF copied to plain text leaves it: lines broken at a width of 35 ems (a Latin
 * letter or digit counts half), and every 40 lines a page number and the running header.
 */
export function hardWrapped(text: string, width: number, header: string): string {
  const lines: string[] = [];
  let count = 0;
  const push = (line: string) => {
    lines.push(line);
    if (++count % 40 === 0) lines.push('', `- ${count / 40} -`, '', header);
  };
  for (const paragraph of text.split(/\r?\n/)) {
    let current = '';
    let used = 0;
    for (const char of paragraph) {
      const size = char.charCodeAt(0) < 0x2000 ? 0.5 : 1;
      if (used + size > width) {
        push(current);
        current = '';
        used = 0;
      }
      current += char;
      used += size;
    }
    if (current !== '') push(current);
  }
  return lines.join('\n');
}

/** Imports one form of a document and reads its measures back as the matrix gives them. */
export async function importForm(document: CorpusDocument, form: Form): Promise<{ result: ImportResult; rows: Row[] }> {
  const { bytes, fileName } = await bytesOf(document, form);
  const read = await readDocument(bytes, { fileName });
  if ('error' in read) throw new Error(`${document.slug} (${form}): ${read.error} ${read.detail ?? ''}`);
  const result = importGuideline(read, { id: 'doc', locale: 'en' });
  return { result, rows: matrixRows(result) };
}

/** The measures of an import as `matrix --format json` gives them, every new name registered as `--update-registry` does. */
export function matrixRows(result: ImportResult): Row[] {
  // As `--update-registry` does on a new project: every name becomes an entry, kinds guessed.
  const project = new Project();
  const registryText = '# yaml-language-server: $schema=../schemas/agencies.schema.json\nagencies:\n  - name: 占位单位\n    kind: government\n';
  project.setFile('tasks/agencies.yaml', registryText);
  const insertion = registryInsertion(project.file('tasks/agencies.yaml')!, result.newAgencies, 'en');
  if (insertion) project.setFile('tasks/agencies.yaml', registryText.slice(0, insertion.offset) + insertion.newText + registryText.slice(insertion.offset));
  project.setFile('tasks/doc.yaml', result.yaml);
  return buildMatrix(project, ['tasks/doc.yaml']).measures.map(({ id, title, lead, co, noLeadReason }) => ({ id, title, lead, co, noLeadReason }));
}

/** Measures found (by id) and measures whose lead, co-responsible set and no-lead reason are right. */
export function score(truth: TruthMeasure[], rows: Row[]): Score {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const wrong: string[] = [];
  let found = 0;
  let right = 0;
  for (const expected of truth) {
    const actual = byId.get(expected.id);
    if (!actual) {
      wrong.push(`${expected.id} not found (${expected.title.slice(0, 20)})`);
      continue;
    }
    found++;
    const sameCo = [...expected.co].sort().join('、') === [...actual.co].sort().join('、');
    if (expected.lead === actual.lead && sameCo && expected.noLeadReason === actual.noLeadReason) right++;
    else wrong.push(`${expected.id}: expected ${describe(expected)}, got ${describe(actual)}`);
  }
  const ids = new Set(truth.map((measure) => measure.id));
  const extra = rows.filter((row) => !ids.has(row.id));
  for (const row of extra) wrong.push(`+${row.id} (${row.title.slice(0, 20)}) is no measure of the truth`);
  return { found, right, total: truth.length, extra: extra.length, wrong };
}

function describe(row: { lead: string | null; co: string[]; noLeadReason: string | null }): string {
  return `${row.lead ?? `(${row.noLeadReason})`} + [${row.co.join('、')}]`;
}

/**
 * The checks a truth file must pass: ids unique, each measure's `list` printed in the document
 * (for a text), and every name of lead and co inside that list, in order.
 */
export function checkTruth(document: CorpusDocument): string[] {
  const text = readFileSync(join(corpusDir, document.file), 'utf8');
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const measure of document.truth.measures) {
    if (seen.has(measure.id)) problems.push(`${measure.id}: id repeated`);
    seen.add(measure.id);
    if (!/^[1-9]\d*(\.[1-9]\d*)+$/.test(measure.id)) problems.push(`${measure.id}: not a measure id`);
    if (document.kind === 'text' && !text.includes(measure.list.split('\n')[0]!)) problems.push(`${measure.id}: list not in the text: ${measure.list}`);
    let at = 0;
    for (const name of [measure.lead, ...measure.co].filter((name): name is string => name !== null)) {
      const found = measure.list.indexOf(name, at);
      if (found < 0) problems.push(`${measure.id}: ${name} not in its list (in order): ${measure.list}`);
      else at = found + name.length;
    }
    if (measure.noLead !== (measure.lead === null)) problems.push(`${measure.id}: noLead disagrees with lead`);
  }
  return problems;
}
