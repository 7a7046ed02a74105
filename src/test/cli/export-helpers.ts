// Shared by the end-to-end tests of the exports (graph, matrix views, stats, report): a runner
// for outputs larger than spawnSync's default 1 MB buffer (the HTML graph inlines Mermaid),
// independent parsers for CSV, Markdown tables and HTML, and a terminal display width that
// does not reuse the command's own implementation.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { parse as parseCsv } from 'csv-parse/sync';
import { BIN, ROOT, SMALL_REGISTRY, guideline } from './helpers';
import type { RunOptions } from './helpers';

export interface MatrixMeasure {
  id: string;
  title: string;
  document: string;
  file: string;
  line: number;
  chapter?: string;
  lead: string | null;
  co: string[];
  noLead: boolean;
  noLeadReason: string | null;
}
export interface MatrixAgency {
  name: string;
  leads: string[];
  co: string[];
  noLead?: string[];
}
export interface Matrix {
  measures: MatrixMeasure[];
  agencies: MatrixAgency[];
}
export interface AgencyLoad {
  name: string;
  led: number;
  coOwned: number;
  noLead: number;
  total: number;
  measures: { led: string[]; coOwned: string[]; noLead: string[] };
}

export interface BigRunResult {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

/** As `run` of helpers.ts, for outputs of several megabytes; standard output as raw bytes. */
export function runBig(args: string[], options: RunOptions = {}): BigRunResult {
  const env: Record<string, string | undefined> = { ...process.env, LANG: 'C', NO_COLOR: '1' };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'TASKMATRIX_LOCALE', 'TASKMATRIX_DEBUG', 'FORCE_COLOR']) delete env[name];
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: env as NodeJS.ProcessEnv,
    timeout: 30000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

/** The matrix of the bundled tasks/ as `matrix --format json` prints it (the independent reference). */
export function matrixJson(args: string[] = ['tasks/'], options: RunOptions = {}): Matrix {
  const result = runBig(['matrix', ...args, '--format', 'json'], options);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout.toString('utf8')) as Matrix;
}

// ---------------------------------------------------------------------------------------------
// Text

/** Terminal display width: East Asian wide and full-width characters count 2, controls 0. */
export function terminalWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** The records of a CSV text (BOM removed), parsed by csv-parse, not by the code under test. */
export function csvRecords(text: string): string[][] {
  return parseCsv(text.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];
}

/** Cells of a Markdown table row, honouring \| escapes; an empty cell is ''. */
export function markdownCells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/** The rows of the first Markdown table of a text: header first, separator dropped. */
export function markdownTable(text: string): string[][] {
  const rows = text.split('\n').filter((line) => line.startsWith('|'));
  assert.ok(rows.length >= 2, `a Markdown table in:\n${text.slice(0, 500)}`);
  assert.match(rows[1]!, /^\|( *:?-{3,}:? *\|)+$/, 'the second row is the separator');
  return [markdownCells(rows[0]!), ...rows.slice(2).map(markdownCells)];
}

// ---------------------------------------------------------------------------------------------
// HTML

export interface ScriptElement {
  attributes: string;
  body: string;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** Every <script> element of a page, with its attribute text and content. */
export function scriptElements(html: string): ScriptElement[] {
  return [...html.matchAll(SCRIPT)].map((match) => ({ attributes: match[1]!, body: match[2]! }));
}

/** The page with the content of every <script> removed: the markup a browser parses as HTML. */
export function markupOnly(html: string): string {
  return html.replace(SCRIPT, (_whole, attributes: string) => `<script${attributes}></script>`);
}

/** The value of an attribute in an element's attribute text, or undefined. */
export function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** Decodes the character references the exporters write. */
export function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_w, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

export interface HtmlTable {
  /** Header cells (text). */
  headers: string[];
  headerClasses: (string | undefined)[];
  /** Body rows: class of the <tr>, and the text and class of each cell. */
  rows: { className: string | undefined; cells: string[]; cellClasses: (string | undefined)[] }[];
}

/** The first <table> of a page (or the one whose class is given). */
export function htmlTable(html: string, className?: string): HtmlTable {
  const tables = [...markupOnly(html).matchAll(/<table\b([^>]*)>([\s\S]*?)<\/table>/gi)];
  const found = className === undefined ? tables[0] : tables.find((t) => (attribute(t[1]!, 'class') ?? '').split(/\s+/).includes(className));
  assert.ok(found, `a <table${className ? ` class="${className}"` : ''}> in the page`);
  const inner = found[2]!;
  const head = /<thead\b[^>]*>([\s\S]*?)<\/thead>/i.exec(inner)?.[1] ?? '';
  const body = /<tbody\b[^>]*>([\s\S]*?)<\/tbody>/i.exec(inner)?.[1] ?? '';
  const cellsOf = (row: string, tag: 'td' | 'th') => [...row.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi'))];
  const ths = cellsOf(head, 'th');
  // A cell's text, as a browser's textContent: without the <bdi> that isolates the data.
  const text = (inner: string) => unescapeHtml(inner.replace(/<[^>]*>/g, ''));
  return {
    headers: ths.map((m) => text(m[2]!)),
    headerClasses: ths.map((m) => attribute(m[1]!, 'class')),
    rows: [...body.matchAll(/<tr\b([^>]*)>([\s\S]*?)<\/tr>/gi)].map((tr) => {
      const tds = cellsOf(tr[2]!, 'td');
      return { className: attribute(tr[1]!, 'class'), cells: tds.map((m) => text(m[2]!)), cellClasses: tds.map((m) => attribute(m[1]!, 'class')) };
    }),
  };
}

/** The Content-Security-Policy of a page's <meta http-equiv>, as directive → sources. */
export function contentSecurityPolicy(html: string): Map<string, string[]> {
  const head = /<head\b[^>]*>([\s\S]*?)<\/head>/i.exec(markupOnly(html))?.[1] ?? '';
  const metas = [...head.matchAll(/<meta\b([^>]*)>/gi)].filter((m) => (attribute(m[1]!, 'http-equiv') ?? '').toLowerCase() === 'content-security-policy');
  assert.equal(metas.length, 1, 'exactly one Content-Security-Policy <meta> in <head>');
  const content = unescapeHtml(attribute(metas[0]![1]!, 'content') ?? '');
  const policy = new Map<string, string[]>();
  for (const directive of content.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/**
 * Asserts that a page needs nothing but itself: no src/href/action to anything but a fragment
 * or a data: URI, no <link>, <iframe>, <object>, <embed> or <base>, no url() or @import to
 * another file, a Content-Security-Policy that denies by default and allows scripts only by
 * one nonce, which every executed <script> carries. Returns that nonce.
 */
export function assertSelfContained(html: string, what: string): string {
  assert.match(html, /^<!DOCTYPE html>/i, `${what}: an HTML document`);
  const markup = markupOnly(html);
  // Only the tags: text (escaped data) may well read "src=" or "url(".
  const tags = [...markup.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]);
  for (const tag of tags) {
    for (const match of tag.matchAll(/\s(src|href|action|formaction|srcset|poster|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
      const value = (match[2] ?? match[3] ?? match[4] ?? '').trim();
      assert.ok(value.startsWith('#') || /^data:/i.test(value), `${what}: ${match[1]}="${value}" points outside the file`);
    }
    assert.doesNotMatch(tag, /^<(link|iframe|object|embed|base|frame)\b/i, `${what}: an element that loads another file: ${tag}`);
  }
  const styles = [...markup.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!);
  for (const tag of tags) styles.push(attribute(tag.slice(1), 'style') ?? '');
  for (const style of styles) assert.doesNotMatch(style, /@import|url\(\s*['"]?(?!data:)[^)\s]/i, `${what}: a stylesheet reference to another file`);

  const csp = contentSecurityPolicy(html);
  assert.deepEqual(csp.get('default-src'), ["'none'"], `${what}: default-src 'none'`);
  const scriptSources = csp.get('script-src') ?? [];
  assert.equal(scriptSources.length, 1, `${what}: script-src allows exactly one source: ${scriptSources.join(' ')}`);
  const nonce = /^'nonce-([A-Za-z0-9+/_=-]+)'$/.exec(scriptSources[0]!)?.[1];
  assert.ok(nonce, `${what}: script-src is a nonce, not ${scriptSources[0]}`);
  assert.ok(nonce.length >= 16, `${what}: the nonce has at least 16 characters (${nonce})`);
  for (const directive of csp.values()) {
    for (const source of directive) assert.doesNotMatch(source, /^(https?:|\*|'unsafe-eval'|'unsafe-hashes')/, `${what}: CSP source ${source}`);
  }

  for (const script of scriptElements(html)) {
    assert.equal(attribute(script.attributes, 'src'), undefined, `${what}: a <script src>`);
    const type = (attribute(script.attributes, 'type') ?? '').toLowerCase();
    // A data block (application/json) is never executed, so CSP does not apply to it.
    if (type === 'application/json') continue;
    assert.equal(attribute(script.attributes, 'nonce'), nonce, `${what}: <script${script.attributes}> carries the CSP nonce`);
  }
  return nonce;
}

// ---------------------------------------------------------------------------------------------
// Fixtures

/** SMALL_REGISTRY plus one agency no measure names (so that it must not get a grid column). */
export const REGISTRY_WITH_UNUSED = `${SMALL_REGISTRY}  - name: 省财政厅
    kind: government
    aliases: [财政厅]
`;

/** Two documents of one folder, both with a measure "2.2" that has no lead. */
export function twoDocuments(): Record<string, string> {
  return {
    'tasks/agencies.yaml': REGISTRY_WITH_UNUSED,
    'tasks/doc-a.yaml': guideline(
      `      - id: "2.1"
        title: 甲一
        agencies: [省科技厅, 省经信厅]
      - id: "2.2"
        title: 甲二
        agencies: [省科技厅, 省经信厅]
        division: by-function
`,
      'doc-a',
    ),
    'tasks/doc-b.yaml': guideline(
      `      - id: "2.1"
        title: 乙一
        agencies: [省经信厅]
      - id: "2.2"
        title: 乙二
        agencies: [省数字经济领导小组各成员单位]
`,
      'doc-b',
    ),
  };
}

/**
 * A registry of `agencyCount` agencies and a guideline of `parts` parts × `perPart` measures,
 * each naming four agencies (every tenth by function): too many for one Mermaid graph with
 * measure detail once parts × perPart × 4 edges pass Mermaid's 500.
 */
export function bigProject(parts = 6, perPart = 60, agencyCount = 40): Record<string, string> {
  const agencies = Array.from({ length: agencyCount }, (_v, i) => `单位${i}`);
  const registry = `agencies:\n${agencies.map((name) => `  - name: ${name}\n    kind: government\n`).join('')}`;
  let text = 'id: big\ntitle: 大文件\nchapters:\n';
  for (let c = 2; c < 2 + parts; c++) {
    text += `  - id: "${c}"\n    title: 第${c}部分\n    measures:\n`;
    for (let m = 1; m <= perPart; m++) {
      const named = [0, 1, 2, 3].map((k) => agencies[(c * 7 + m + k * 3) % agencyCount]!);
      text += `      - id: "${c}.${m}"\n        title: 措施${c}-${m}\n        agencies: [${named.join(', ')}]\n`;
      if (m % 10 === 0) text += '        division: by-function\n';
    }
  }
  return { 'tasks/agencies.yaml': registry, 'tasks/big.yaml': text };
}
