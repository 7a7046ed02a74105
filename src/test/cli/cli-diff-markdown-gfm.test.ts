// The diff's pull-request comment read as GitHub reads it: rendered as GitHub-flavoured Markdown
// (marked, GFM on), so that what is checked is the tables, sections and text a reviewer sees,
// not the characters printed.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import type { Token, Tokens } from 'marked';
import { ensureBuilt, GUIDELINE, ROOT, run, TempDirs } from './helpers';

const SEED = readFileSync(join(ROOT, GUIDELINE), 'utf8');
const REGISTRY = readFileSync(join(ROOT, 'tasks/agencies.yaml'), 'utf8');
const HOSTILE = '省科技厅|`x`<img src=x onerror=alert(1)>@octocat<script>alert(1)</script>**b**';
/** The tags a diff comment may contain; any other one would be live HTML from the data. */
const ALLOWED_TAGS = new Set(['h3', 'h4', 'p', 'strong', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary', 'code', 'br', 'del', 'ins', 'em', 'ul', 'li']);

function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the seed no longer has ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** What a reader sees of a cell: code and text, <br> as a line break, entities decoded. */
function seen(tokens: readonly Token[] = []): string {
  return tokens
    .map((token) => {
      if (token.type === 'codespan') return (token as Tokens.Codespan).text;
      if (token.type === 'html' && /^<br\s*\/?>$/i.test(token.raw)) return '\n';
      if ('tokens' in token && token.tokens) return seen(token.tokens);
      return 'text' in token ? String(token.text).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : '';
    })
    .join('');
}

const tablesOf = (tokens: Token[]) => tokens.filter((token): token is Tokens.Table => token.type === 'table');
const rowsOf = (table: Tokens.Table) => table.rows.map((row) => row.map((cell) => seen(cell.tokens)));
const headerOf = (table: Tokens.Table) => table.header.map((cell) => seen(cell.tokens));
const htmlIndex = (tokens: Token[], pattern: RegExp) => tokens.findIndex((token) => token.type === 'html' && pattern.test(token.raw));

function tagsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((match) => match[1]!.toLowerCase()));
}

describe('cli: diff --format markdown rendered as GitHub-flavoured Markdown', function () {
  this.timeout(60000);
  const temp = new TempDirs();
  before(() => ensureBuilt());
  afterEach(() => temp.cleanup());

  function markdownOf(after: string, registry = REGISTRY, locale = 'en'): string {
    const dir = temp.withFiles({ 'tasks/agencies.yaml': registry, 'tasks/old.yaml': SEED, 'tasks/new.yaml': after });
    const result = run(['diff', 'tasks/old.yaml', 'tasks/new.yaml', '--format', 'markdown', '--locale', locale], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    return result.stdout;
  }

  // A second draft: 2.1's lead swapped and 省财政厅 added, 4.2 (by-function) given a lead, and an
  // agency whose registry name is hostile Markdown added to 6.3.
  let draft = edit(SEED, 'agencies: [省科技厅, 省发展改革委, 省经信厅, 省教育厅, 之江实验室]\n      # 二（二）', 'agencies: [省发展改革委, 省科技厅, 省经信厅, 省教育厅, 之江实验室, 省财政厅]\n      # 二（二）');
  draft = edit(draft, '人行杭州中心支行, 浙江金融监管局]\n        division: by-function\n', '人行杭州中心支行, 浙江金融监管局]\n');
  draft = edit(draft, 'agencies: [省市场监管局, 省经信厅, 省科技厅]', `agencies: [省市场监管局, 省经信厅, 省科技厅, ${JSON.stringify(HOSTILE)}]`);
  const registry = `${REGISTRY}\n  - name: ${JSON.stringify(HOSTILE)}\n    kind: government\n`;

  it('is a summary line, the lead changes as a real table, then everything else inside a closed <details>', () => {
    const markdown = markdownOf(draft, registry);
    const tokens = marked.lexer(markdown);
    const blocks = tokens.filter((token) => token.type !== 'space');
    assert.equal(blocks[0]!.type, 'heading');
    assert.equal(seen((blocks[0] as Tokens.Heading).tokens), 'Responsibility changes');
    assert.equal(blocks[1]!.type, 'paragraph');
    assert.equal(seen((blocks[1] as Tokens.Paragraph).tokens), '0 added, 0 removed, 0 moved, 3 changed · 2 lead change(s)');
    assert.equal(((blocks[1] as Tokens.Paragraph).tokens[0] as Tokens.Strong).type, 'strong');

    const [leads, changes, agencies, ...more] = tablesOf(tokens);
    assert.deepEqual(more, []);
    assert.deepEqual(headerOf(leads!), ['Measure', 'Title', 'Lead before', 'Lead after']);
    assert.deepEqual(rowsOf(leads!), [
      ['2.1', '强化前沿基础研究', '省科技厅', '省发展改革委'],
      ['4.2', '赋能实体经济高质量发展', 'none', '省发展改革委'],
    ]);
    assert.deepEqual(headerOf(changes!), ['Change', 'Measure', 'Title', 'What changed']);
    assert.deepEqual(rowsOf(changes!), [
      ['changed', '2.1', '强化前沿基础研究', 'lead: 省科技厅 → 省发展改革委\nco: +省财政厅'],
      ['changed', '4.2', '赋能实体经济高质量发展', 'lead: none → 省发展改革委\ndivision: by-function → lead-first'],
      ['changed', '6.3', '加强知识产权保护', `co: +${HOSTILE}`],
    ]);
    assert.deepEqual(headerOf(agencies!), ['Agency', 'Leads gained', 'Leads lost', 'Co-owned gained', 'Co-owned lost']);
    assert.deepEqual(rowsOf(agencies!).map((row) => row[0]), ['省科技厅', '省发展改革委', '省财政厅', HOSTILE]);

    // The lead table stands before the fold; the other two and nothing after them are inside it.
    const open = htmlIndex(tokens, /^<details>/);
    const close = htmlIndex(tokens, /^<\/details>/);
    assert.ok(tokens.indexOf(leads!) < open && open < tokens.indexOf(changes!) && tokens.indexOf(agencies!) < close, 'lead table, <details>, tables, </details>');
    assert.match(tokens[open]!.raw, /<summary>All changes: 3 measure\(s\), 4 agency\(ies\)<\/summary>/);
    assert.deepEqual(tokens.slice(close + 1).filter((token) => token.type !== 'space'), []);
  });

  it('keeps hostile names inert: no live HTML, no mention, no broken cell, and copied back exactly', () => {
    const markdown = markdownOf(draft, registry);
    const html = marked.parse(markdown, { async: false });
    const tags = [...tagsOf(html)].filter((tag) => !ALLOWED_TAGS.has(tag));
    assert.deepEqual(tags, [], `live HTML from the data:\n${html}`);
    assert.ok(!/<script|<img|<a\b/i.test(html));
    // Every @ of the data sits in a code element, where GitHub links no mention.
    assert.ok(!html.replace(/<code>[^<]*<\/code>/g, '').includes('@'), 'an @ outside code');
    // No invisible character for a reader who copies the name to carry along.
    assert.ok(!/[\u200b-\u200d\u2060\ufeff]/.test(markdown));
    const cell = rowsOf(tablesOf(marked.lexer(markdown))[1]!)[2]!;
    assert.equal(cell.length, 4, 'the pipe in the name did not split the row');
    assert.equal(cell[3], `co: +${HOSTILE}`);
  });

  it('reads right in Chinese: full-width colons after the labels', () => {
    const markdown = markdownOf(draft, registry, 'zh-cn');
    const [, changes] = tablesOf(marked.lexer(markdown));
    assert.deepEqual(rowsOf(changes!)[0], ['修改', '2.1', '强化前沿基础研究', '牵头：省科技厅 → 省发展改革委\n配合：+省财政厅']);
    assert.doesNotMatch(markdown, /[\u4e00-\u9fff]: /);
  });

  it('stays a valid document when cut to GitHub\'s limit: tables whole, the fold closed, the rest counted', () => {
    const measures = Array.from({ length: 3000 }, (_, i) => `      - id: "2.${i + 1}"\n        title: 第${i + 1}项措施：推动人工智能与实体经济深度融合并建设一批示范应用场景\n        agencies: [省科技厅, 省经信厅, 省发展改革委]\n`).join('');
    const doc = (body: string) => `id: big\ntitle: 大文件\nchapters:\n  - id: "2"\n    title: 二\n    measures:\n${body}`;
    const dir = temp.withFiles({ 'tasks/agencies.yaml': REGISTRY, 'tasks/old.yaml': doc(measures), 'tasks/new.yaml': doc(measures.replace(/agencies: \[省科技厅, 省经信厅, 省发展改革委\]/g, 'agencies: [省经信厅, 省科技厅, 省财政厅]')) });
    const markdown = run(['diff', 'tasks/old.yaml', 'tasks/new.yaml', '--format', 'markdown'], { cwd: dir }).stdout;
    // 省科技厅 and 省经信厅 swap the lead, 省发展改革委 leaves, 省财政厅 comes in.
    const AGENCIES_CHANGED = 4;
    assert.ok(markdown.length <= 65536, `${markdown.length} characters`);
    const tokens = marked.lexer(markdown);
    const tables = tablesOf(tokens);
    assert.equal(tables.length, 3, 'lead changes, all changes, agencies');
    tables.forEach((table, i) => {
      const width = table.header.length;
      assert.ok(table.rows.every((row) => row.length === width), `table ${i}: a row of another width`);
    });
    // Every row written is a whole measure row, in order; the first table is cut, the rest counted.
    const leads = rowsOf(tables[0]!);
    assert.ok(leads.length > 100 && leads.length < 3000, `${leads.length} lead rows`);
    leads.forEach((row, i) => assert.deepEqual(row, [`2.${i + 1}`, `第${i + 1}项措施：推动人工智能与实体经济深度融合并建设一批示范应用场景`, '省科技厅', '省经信厅']));
    const notes = tokens.filter((token): token is Tokens.Paragraph => token.type === 'paragraph' && /left out/.test(token.raw)).map((token) => seen(token.tokens));
    assert.deepEqual(notes.map((note) => Number(/… (\d+) more row/.exec(note)?.[1])), [3000 - leads.length, 3000 - rowsOf(tables[1]!).length, AGENCIES_CHANGED - rowsOf(tables[2]!).length].filter((n) => n > 0));
    const html = marked.parse(markdown, { async: false });
    assert.equal((html.match(/<details>/g) ?? []).length, 1);
    assert.equal((html.match(/<\/details>/g) ?? []).length, 1);
    assert.ok(html.indexOf('<details>') < html.indexOf('</details>'));
    assert.equal((html.match(/<table>/g) ?? []).length, (html.match(/<\/table>/g) ?? []).length);
  });
});
