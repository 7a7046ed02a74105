// Names and titles that attack the reader rather than the parser: terminal escapes (ESC]0;…BEL
// retitles a terminal, ESC[2J clears it, U+009B is a one-character CSI), bidi overrides with which
// `‮gpj.exe` reads "exe.jpg", formulas for spreadsheets in full-width or behind white space, GitHub
// math, and a 100,000-character name. Every export shows them as inert, visible text.
import { strict as assert } from 'node:assert';
import { parse as parseYaml } from 'yaml';
import { buildOwnershipGraph, csvField, escapeHtml, graphToMarkdown, htmlData, jsonText, markdownCell, matrixToCsv, matrixToHtml, matrixToMarkdown, mermaidLabel, Project, visibleText, yamlScalar } from '../../core/index';
import type { Matrix, MatrixMeasure } from '../../core/index';

/** Every character that must never reach a reader raw. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

const TITLE_ESC = 'Retitle\u001b]0;pwned\u0007';
const CLEAR = '省科技厅\u001b[2J';
const SPOOF = '\u202egpj.exe';
const ISOLATE = '\u2066名称\u2069';
const CSI = '省经信厅\u009b31m';
const DEL = 'A\u007fB';

const HOSTILE = [TITLE_ESC, CLEAR, SPOOF, ISOLATE, CSI, DEL, '\u202a\u202b\u202c\u202d\u2067\u2068'];

let line = 10;
function measure(id: string, title: string, lead: string | null, co: string[]): MatrixMeasure {
  return { id, title, document: 'doc', file: 'tasks/doc.yaml', line: line++, chapter: '2', lead, co, noLead: lead === null, noLeadReason: lead === null ? 'joint' : null };
}

function matrixOf(measures: MatrixMeasure[]): Matrix {
  const names = [...new Set(measures.flatMap((m) => [...(m.lead ? [m.lead] : []), ...m.co]))];
  return { measures, agencies: names.map((name) => ({ name, leads: measures.filter((m) => m.lead === name).map((m) => m.id), co: measures.filter((m) => m.co.includes(name)).map((m) => m.id), noLead: [] })) };
}

const HOSTILE_MATRIX = matrixOf([measure('2.1', TITLE_ESC, CLEAR, [SPOOF, CSI]), measure('2.2', ISOLATE, null, [DEL, SPOOF])]);

describe('robustness: hostile text in every output', () => {
  describe('visibleText, the one function every output uses', () => {
    it('shows C0, DEL, C1 and every bidi embedding, override and isolate as \\u escapes', () => {
      assert.equal(visibleText(TITLE_ESC), 'Retitle\\u001b]0;pwned\\u0007');
      assert.equal(visibleText(SPOOF), '\\u202egpj.exe');
      assert.equal(visibleText(CSI), '省经信厅\\u009b31m');
      assert.equal(visibleText(DEL), 'A\\u007fB');
      assert.equal(visibleText('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069'), '\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069');
    });

    it('keeps the structure characters it is told to, and names the others', () => {
      assert.equal(visibleText('a\tb\nc\rd'), 'a\\tb\\nc\\rd');
      assert.equal(visibleText('a\tb\nc', '\t\n'), 'a\tb\nc');
    });

    it('leaves ordinary text alone: CJK, full-width punctuation, emoji, right-to-left letters', () => {
      for (const text of ['省科技厅', '（省科技厅、省经信厅，排名第一的为牵头单位）', '😀𠀀', 'مرحبا', 'שלום', '\u200b\u3000']) assert.equal(visibleText(text), text);
    });
  });

  describe('HTML', () => {
    it('shows controls and bidi overrides as text, never as the characters', () => {
      for (const name of HOSTILE) assert.doesNotMatch(escapeHtml(name), RAW, JSON.stringify(name));
      assert.equal(escapeHtml(SPOOF), '\\u202egpj.exe');
    });

    it('isolates every name and title in <bdi>, so that right-to-left text cannot reorder what is around it', () => {
      assert.equal(htmlData('مرحبا'), '<bdi>مرحبا</bdi>');
      const html = matrixToHtml(HOSTILE_MATRIX, { locale: 'en', title: SPOOF, nonce: 'n' });
      assert.doesNotMatch(html, RAW);
      assert.match(html, /<h1><bdi>\\u202egpj\.exe<\/bdi> — /);
      assert.match(html, /<td><bdi>\\u202egpj\.exe、省经信厅\\u009b31m<\/bdi><\/td>/);
      assert.match(html, /<title>\\u202egpj\.exe — /);
    });

    it('isolates the names of the grid\'s agency columns too', () => {
      const html = matrixToHtml(HOSTILE_MATRIX, { locale: 'en', title: 'T', shape: 'grid', nonce: 'n' });
      assert.doesNotMatch(html, RAW);
      assert.match(html, /<th class="agency" scope="col"><bdi>\\u202egpj\.exe<\/bdi><\/th>/);
    });
  });

  describe('a 100,000-character name (matrix.html must not be 1.67 million px wide)', () => {
    const long = '长'.repeat(100_000);
    const matrix = matrixOf([measure('2.1', long, long, ['省科技厅'])]);

    it('is clamped by the page\'s CSS, the whole name in the title attribute', () => {
      for (const shape of ['list', 'grid'] as const) {
        const html = matrixToHtml(matrix, { locale: 'en', title: 'T', shape, nonce: 'n' });
        assert.ok(html.includes(`<bdi class="clip" title="${long}">${long}</bdi>`), `${shape}: the long name is clipped, in full in its title`);
        assert.match(html, /bdi\.clip \{[^}]*max-width: 40em;[^}]*max-height: 7\.5em;[^}]*overflow: hidden;[^}]*text-overflow: ellipsis/);
        assert.match(html, /h1, td, th \{ overflow-wrap: anywhere; \}/);
      }
    });

    it('leaves short names unclamped', () => {
      const html = matrixToHtml(matrixOf([measure('2.1', '强化前沿基础研究', '省科技厅', [])]), { locale: 'en', title: 'T', nonce: 'n' });
      assert.ok(!html.includes('class="clip"'));
    });
  });

  describe('Markdown (OWNERSHIP.md, matrix.md)', () => {
    it('keeps no ESC, BEL, C1 or bidi control in a title or cell, and says they were there', () => {
      for (const name of HOSTILE) assert.doesNotMatch(markdownCell(name), RAW, JSON.stringify(name));
      assert.equal(markdownCell(TITLE_ESC), 'Retitle\\\\u001b\\]0;pwned\\\\u0007');
      const markdown = matrixToMarkdown(HOSTILE_MATRIX, 'en');
      assert.doesNotMatch(markdown, RAW);
    });

    it('gives OWNERSHIP.md a title without ESC and BEL', () => {
      const project = new Project();
      project.setFile('tasks/agencies.yaml', 'agencies:\n  - name: 省科技厅\n    kind: government\n');
      project.setFile('tasks/doc.yaml', 'id: doc\ntitle: "x"\nchapters:\n  - id: "2"\n    title: "\\u202e部分"\n    measures:\n      - id: "2.1"\n        title: "\\e[2J措施"\n        agencies: [省科技厅, "\\e]0;x\\a"]\n        division: joint\n');
      const markdown = graphToMarkdown(buildOwnershipGraph(project, ['tasks/doc.yaml'], { locale: 'en' }), 'en', TITLE_ESC);
      assert.doesNotMatch(markdown, RAW);
      assert.match(markdown.split('\n')[0]!, /^# Retitle\\\\u001b\\\]0;pwned\\\\u0007 — /);
    });

    it('escapes $ so that GitHub does not typeset a name as math', () => {
      assert.equal(markdownCell('$x$ 与 $$y$$'), '\\$x\\$ 与 \\$\\$y\\$\\$');
      assert.match(matrixToMarkdown(matrixOf([measure('2.1', '投资$1亿$元', '省科技厅', [])]), 'en'), /投资\\\$1亿\\\$元/);
    });
  });

  describe('CSV', () => {
    it('prefixes full-width ＝＋－＠ like their ASCII forms', () => {
      for (const cell of ['＝HYPERLINK("http://x")', '＋1', '－1', '＠SUM(A1)']) assert.equal(csvField(cell).replace(/^"/, '')[0], "'", cell);
    });

    it('prefixes cells that start with LF, U+3000, NBSP, or white space before a formula', () => {
      assert.equal(csvField('\n=1+1'), `"'\n=1+1"`);
      assert.equal(csvField('\u3000=1+1'), "'\u3000=1+1");
      assert.equal(csvField('\u00a0=1+1'), "'\u00a0=1+1");
      assert.equal(csvField(' =1+1'), "' =1+1");
      assert.equal(csvField('\u3000省科技厅'), "'\u3000省科技厅");
    });

    it('leaves ordinary cells alone', () => {
      for (const cell of ['省科技厅', '2.1', 'A-B', '省科技厅、省经信厅', '']) assert.equal(csvField(cell), cell);
    });

    it('shows terminal escapes and bidi overrides as text, keeping tabs and line breaks', () => {
      const csv = matrixToCsv(HOSTILE_MATRIX, 'en');
      assert.doesNotMatch(csv.replace(/\r\n/g, '\n'), RAW);
      assert.equal(csvField('a\tb\r\nc\rd'), '"a\tb\r\nc\\rd"');
    });
  });

  describe('JSON and YAML', () => {
    it('JSON writes DEL, C1 and bidi controls as \\u escapes and reads back the same', () => {
      const value = { names: HOSTILE };
      const text = jsonText(value, 2);
      assert.doesNotMatch(text, RAW);
      assert.deepEqual(JSON.parse(text), value);
    });

    it('yamlScalar quotes and escapes bidi, DEL and C1 controls, and reads back the same', () => {
      for (const name of HOSTILE) {
        const scalar = yamlScalar(name);
        assert.doesNotMatch(scalar, RAW, scalar);
        assert.equal(parseYaml(`[${scalar}]`)[0], name, scalar);
      }
    });

    it('Mermaid labels show bidi overrides instead of handing them to the SVG', () => {
      assert.doesNotMatch(mermaidLabel(SPOOF).replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))), RAW);
    });
  });
});
