// Bad input of every kind: each gives diagnostics with sound positions (or one clear
// diagnostic), never an exception and never a hang.
import { strict as assert } from 'node:assert';
import { Project } from '../../core/index';
import type { Diagnostic } from '../../core/index';
import { covered, guidelineWith, ofRule, REGISTRY } from '../support/project';
import { assertPositions, lineOf, lintOne, summary, timed } from './helpers';

/** A guideline whose chapter 2 holds the given measures; its first measure starts on line 8. */
const measures = (text: string, top = '') => guidelineWith(text, top);

/** The one diagnostic of a rule, failing with the whole list when there is not exactly one. */
function only(list: Diagnostic[], rule: Diagnostic['rule']): Diagnostic {
  const found = list.filter((d) => d.rule === rule);
  assert.equal(found.length, 1, `one ${rule} diagnostic expected, got:\n${list.map((d) => `${d.rule} ${d.line}:${d.column} ${d.message}`).join('\n')}`);
  return found[0]!;
}

/** Whether a diagnostic's range spans the given line. */
const spansLine = (d: Diagnostic, line: number) => d.line <= line && line <= d.endLine;

describe('robustness: bad input', function () {
  this.timeout(60000);

  describe('YAML syntax errors', () => {
    it('an unclosed flow sequence is reported on the line of its opening bracket', () => {
      const text = measures(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省经信厅
      - id: "2.2"
        title: 乙
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const syntax = ofRule(result, 'yaml-syntax');
      assert.ok(syntax.length >= 1, summary(result));
      const bracketLine = lineOf(text, '[省科技厅');
      assert.equal(bracketLine, 10);
      // The drafter must be sent to the bracket that was never closed, not to the next measure.
      assert.ok(
        syntax.some((d) => spansLine(d, bracketLine) && /\]/.test(d.message)),
        `a yaml-syntax diagnostic spanning line ${bracketLine} and naming the missing ]:\n${summary(result)}`,
      );
    });

    it('an unclosed flow sequence at the end of the file is reported on the line of its bracket', () => {
      const text = measures(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省经信厅
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const syntax = ofRule(result, 'yaml-syntax');
      assert.ok(syntax.length >= 1, summary(result));
      assert.ok(syntax.some((d) => spansLine(d, 10)), `a yaml-syntax diagnostic spanning line 10 (not the empty line after the file):\n${summary(result)}`);
    });

    it('an unclosed flow mapping is reported on the line of its opening brace', () => {
      const text = measures(`      - {id: "2.1", title: 甲, agencies: [省科技厅]
      - id: "2.2"
        title: 乙
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      assert.ok(ofRule(result, 'yaml-syntax').some((d) => spansLine(d, 8)), summary(result));
    });

    it('a key indented less than its siblings is reported on its own line', () => {
      const text = measures(`      - id: "2.1"
        title: 甲
       agencies: [省科技厅]
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const syntax = ofRule(result, 'yaml-syntax');
      assert.ok(syntax.length >= 1);
      assert.equal(syntax[0]!.line, 10, summary(result));
    });

    it('a key indented more than its siblings is reported with a range reaching its line', () => {
      const text = measures(`      - id: "2.1"
        title: 甲
          agencies: [省科技厅]
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      assert.ok(ofRule(result, 'yaml-syntax').some((d) => spansLine(d, 10)), summary(result));
    });

    it('a misaligned sequence item is reported on its line', () => {
      const text = measures(`      - id: "2.1"
        title: 甲
        agencies:
          - 省科技厅
         - 省经信厅
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const syntax = ofRule(result, 'yaml-syntax');
      assert.ok(syntax.length >= 1, summary(result));
      assert.equal(syntax[0]!.line, 12, summary(result));
    });

    it('a sequence item indented less than its siblings is bad indentation, on its line', () => {
      const text = measures(`      - id: "2.1"
        title: 甲
        agencies:
        - 省科技厅
       - 省经信厅
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const syntax = ofRule(result, 'yaml-syntax');
      assert.ok(syntax.length >= 1, summary(result));
      assert.equal(syntax[0]!.line, 12);
      assert.match(syntax[0]!.message, /indentation/i);
    });

    it('a tab used as indentation is reported at the tab, saying to use spaces', () => {
      const text = measures(`      - id: "2.1"
        title: 甲
\tagencies: [省科技厅]
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const tab = ofRule(result, 'yaml-syntax').find((d) => /tab/i.test(d.message));
      assert.ok(tab, summary(result));
      assert.equal(tab.line, 10);
      assert.equal(tab.column, 1);
      assert.equal(covered(text, tab), '\t');
      assert.match(tab.message, /spaces/);
    });

    it('a tab before a sequence item is reported on its line', () => {
      const text = measures(`      - id: "2.1"
        title: 甲
        agencies:
\t- 省科技厅
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      assert.ok(ofRule(result, 'yaml-syntax').some((d) => d.line === 11 && /tab/i.test(d.message)), summary(result));
    });

    it('several documents in one file are a yaml-syntax error at the separator', () => {
      const text = `id: a\ntitle: 甲\nchapters: []\n---\nid: b\n`;
      const { result } = lintOne(text);
      assertPositions(text, result);
      const d = only(result.diagnostics, 'yaml-syntax');
      assert.equal(d.line, 4);
      assert.equal(d.column, 1);
      assert.match(d.message, /several YAML documents/);
    });

    it('an unresolved tag is a yaml-syntax error at the tag', () => {
      const text = measures(`      - id: !foo 2.1
        title: 甲
        agencies: [省科技厅]
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const d = only(result.diagnostics, 'yaml-syntax');
      assert.equal(d.line, 8);
      assert.equal(covered(text, d), '!foo');
    });

    it('deeply nested collections give a diagnostic, not a stack overflow', () => {
      for (const depth of [1000, 5000, 20000]) {
        for (const text of [`id: ${'['.repeat(depth)}${']'.repeat(depth)}\n`, `id: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`]) {
          const { value, ms } = timed(() => lintOne(text));
          assertPositions(text, value.result);
          assert.ok(value.result.diagnostics.length >= 1);
          assert.ok(ms < 5000, `depth ${depth} took ${ms.toFixed(0)} ms`);
        }
      }
    });
  });

  describe('duplicate keys', () => {
    it('a measure with title twice: yaml-syntax on the second key, naming it', () => {
      const text = measures(`      - id: "2.1"
        title: 甲
        title: 乙
        agencies: [省科技厅]
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const d = only(result.diagnostics, 'yaml-syntax');
      assert.equal(d.line, 10);
      assert.equal(d.column, 9);
      assert.match(d.message, /Duplicate key "title"/);
    });

    it('a quoted duplicate key is named without its quotes', () => {
      const text = measures(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅]
        "agencies": [省经信厅]
`);
      const { result } = lintOne(text);
      const d = only(result.diagnostics, 'yaml-syntax');
      assert.equal(d.line, 11);
      assert.match(d.message, /Duplicate key "agencies"/);
    });

    it('a duplicate key at the top of the file and in a flow mapping', () => {
      const top = `id: a\ntitle: 甲\nid: b\nchapters: []\n`;
      const d1 = only(lintOne(top).result.diagnostics, 'yaml-syntax');
      assert.deepEqual([d1.line, d1.column], [3, 1]);
      assert.match(d1.message, /"id"/);
      const flow = measures(`      - {id: "2.1", title: 甲, title: 乙}\n`);
      const d2 = only(lintOne(flow).result.diagnostics, 'yaml-syntax');
      assert.equal(d2.line, 8);
      assert.equal(d2.column, flow.split('\n')[7]!.lastIndexOf('title') + 1);
      assert.match(d2.message, /"title"/);
    });
  });

  describe('wrong types and shapes (rule schema, at the offending value)', () => {
    it('agencies written as a string', () => {
      const text = measures(`      - id: "2.1"
        title: 甲
        agencies: 省科技厅
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const d = only(result.diagnostics, 'schema');
      assert.deepEqual([d.line, d.column, d.endLine, d.endColumn], [10, 19, 10, 23]);
      assert.equal(covered(text, d), '省科技厅');
      assert.match(d.message, /"agencies" of measure "2\.1" must be a list, not a text/);
    });

    it('title written as a flow list and as a block list', () => {
      const flow = measures(`      - id: "2.1"
        title: [甲, 乙]
        agencies: [省科技厅]
`);
      const d1 = only(lintOne(flow).result.diagnostics, 'schema');
      assert.deepEqual([d1.line, d1.column], [9, 16]);
      assert.equal(covered(flow, d1), '[甲, 乙]');
      assert.match(d1.message, /"title" of measure "2\.1" must be a text, not a list/);

      const block = measures(`      - id: "2.1"
        title:
          - 甲
          - 乙
        agencies: [省科技厅]
`);
      const d2 = only(lintOne(block).result.diagnostics, 'schema');
      // A list's squiggle covers its first line only.
      assert.deepEqual([d2.line, d2.column, d2.endLine], [10, 11, 10]);
      assert.equal(covered(block, d2), '- 甲');
    });

    it('an unquoted id such as 2.1 asks to quote it, at the number', () => {
      const text = measures(`      - id: 2.1
        title: 甲
        agencies: [省科技厅]
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const d = only(result.diagnostics, 'schema');
      assert.deepEqual([d.line, d.column, d.endLine, d.endColumn], [8, 13, 8, 16]);
      assert.equal(covered(text, d), '2.1');
      assert.match(d.message, /quoted string such as "2\.1"/);
    });

    it('an unquoted id 2.10 is quoted as written, not as the number 2.1', () => {
      const text = measures(`      - id: 2.10
        title: 甲
        agencies: [省科技厅]
`);
      const d = only(lintOne(text).result.diagnostics, 'schema');
      assert.equal(covered(text, d), '2.10');
      assert.match(d.message, /"2\.10"/);
    });

    it('an unknown key agency suggests agencies, at the key', () => {
      const text = measures(`      - id: "2.1"
        title: 甲
        agency: [省科技厅]
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const d = only(result.diagnostics, 'schema');
      assert.deepEqual([d.line, d.column, d.endLine, d.endColumn], [10, 9, 10, 15]);
      assert.equal(covered(text, d), 'agency');
      assert.match(d.message, /did you mean "agencies"\?/);
    });

    it('a key whose name was deleted (": value") is reported on its own line, with no far-fetched suggestion', () => {
      const text = measures(`      - id: "2.1"
        title: 甲
        : 省科技厅
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const schema = ofRule(result, 'schema');
      assert.ok(schema.length >= 1, summary(result));
      assert.equal(schema[0]!.line, 10, summary(result));
      assert.doesNotMatch(schema[0]!.message, /did you mean "id"/);
    });

    it('a measure without title: the finding points at that measure and names it', () => {
      const text = measures(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅]
      - id: "2.2"
        agencies: [省经信厅]
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const d = only(result.diagnostics, 'schema');
      assert.equal(d.line, 11);
      assert.equal(d.column, 9);
      assert.match(d.message, /Measure "2\.2" is missing the required key "title"/);
    });

    it('division: lead lists the allowed values, at the value', () => {
      const text = measures(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅]
        division: lead
`);
      const d = only(lintOne(text).result.diagnostics, 'schema');
      assert.deepEqual([d.line, d.column], [11, 19]);
      assert.equal(covered(text, d), 'lead');
      for (const value of ['lead-first', 'by-function', 'joint']) assert.ok(d.message.includes(value), d.message);
    });

    it('no schema finding about a value lands on line 1', () => {
      const text = measures(`      - id: 2.1
        title: [甲]
        agency: [省科技厅]
        division: lead
      - id: "2.2"
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const schema = ofRule(result, 'schema');
      assert.ok(schema.length >= 4, summary(result));
      assert.ok(schema.every((d) => d.line >= 8), summary(result));
    });
  });

  describe('files that are not guidelines at all', () => {
    for (const [label, text] of [
      ['an empty file', ''],
      ['a file of only comments', '# yaml-language-server: $schema=../schemas/guideline.schema.json\n# 草稿\n'],
      ['a file of blank lines', '\n\n   \n'],
      ['a lone document marker', '---\n'],
    ] as const) {
      it(`${label}: one schema diagnostic "empty" at 1:1`, () => {
        const { result } = lintOne(text);
        assertPositions(text, result);
        assert.equal(result.diagnostics.length, 1, summary(result));
        const d = result.diagnostics[0]!;
        assert.equal(d.rule, 'schema');
        assert.deepEqual([d.line, d.column], [1, 1]);
        assert.match(d.message, /empty/);
      });
    }

    it('a YAML list: schema diagnostic saying a mapping is needed', () => {
      const text = '- id: "2.1"\n  title: 甲\n- id: "2.2"\n';
      const { result } = lintOne(text);
      assertPositions(text, result);
      const d = only(result.diagnostics, 'schema');
      assert.equal(d.line, 1);
      assert.match(d.message, /must be a mapping of keys .*not a list/);
    });

    it('a plain scalar: schema diagnostic', () => {
      const d = only(lintOne('just some words\n').result.diagnostics, 'schema');
      assert.match(d.message, /not a text/);
    });

    const notYaml: [string, string][] = [
      [
        'JavaScript',
        `'use strict';
const { Project } = require('./core');
function lint(paths) {
  for (const p of paths) {
    if (!p) { throw new Error("no path: " + p); }
    console.log(\`\${p}: ok\`);
  }
}
module.exports = { lint };
`,
      ],
      [
        'Markdown',
        `# 关于加快人工智能产业发展的指导意见

二、加快核心技术突破

- **强化前沿基础研究**: 加快推进实验室体系建设。
- item: with *emphasis* and [a link](http://example.com)

\`\`\`yaml
id: x
\`\`\`

| a | b |
|---|---|
| 1 | 2 |
`,
      ],
      ['JSON with a syntax error', '{"id": "a", "title": "甲", "chapters": [ {"id": "2",, } ]\n'],
      ['an INI file', '[section]\nkey=value\n; comment\n[other]\nx = 1\n'],
      ['a shell script', '#!/bin/sh\nset -e\nif [ -z "$1" ]; then echo "usage: $0 file" >&2; exit 2; fi\n'],
    ];
    for (const [label, text] of notYaml) {
      it(`${label}: diagnostics with sound positions, no exception`, () => {
        const { result } = lintOne(text);
        assertPositions(text, result);
        assert.ok(result.diagnostics.length >= 1, `${label} lints with findings`);
        assert.ok(result.diagnostics.some((d) => d.rule === 'yaml-syntax' || d.rule === 'schema'));
      });
    }

    it('line numbers stay right after lines the YAML parser swallowed into one broken token', () => {
      // The lines 2-4 below are read as one token; a finding after them must still say line 10.
      const text = `'use strict';\nconst { Project } = require('./core');\nfunction lint(paths) {\n  for (const p of paths) {\n    if (!p) { throw new Error("no path: " + p); }\n    console.log(\`\${p}: ok\`);\n  }\n}\nmodule.exports = { lint };\n`;
      const { result } = lintOne(text);
      const quote = result.diagnostics.find((d) => /quote/i.test(d.message));
      assert.ok(quote, summary(result));
      assert.equal(quote.offset[0], text.length, 'the missing quote is found at the end of the text');
      assert.equal(quote.line, text.split('\n').length, `the end of the text is on line ${text.split('\n').length}, not ${quote.line}`);
      const short = '{}%\n@';
      const d = lintOne(short).result.diagnostics[0]!;
      assert.deepEqual([d.offset[0], d.offset[1]], [2, 5]);
      assert.deepEqual([d.line, d.column, d.endLine, d.endColumn], [1, 3, 2, 2], 'offset 5 is line 2, column 2');
    });

    it('a complex (collection) key gives a schema finding and writes no process warning', async () => {
      const warnings: string[] = [];
      const listener = (warning: Error) => warnings.push(warning.message);
      process.on('warning', listener);
      try {
        const text = measures(`      - ? [a, b]\n        : x\n        id: "2.1"\n        title: 甲\n        agencies: [省科技厅]\n`);
        const { result } = lintOne(text);
        assertPositions(text, result);
        const d = only(result.diagnostics, 'schema');
        assert.equal(d.line, 8);
        await new Promise((resolve) => setTimeout(resolve, 10));
      } finally {
        process.off('warning', listener);
      }
      assert.deepEqual(warnings, [], 'linting must not print Node warnings on standard error');
    });

    it('a valid guideline written as JSON lints clean', () => {
      const text = JSON.stringify({ id: 'json-doc', title: '甲', chapters: [{ id: '2', title: '乙', measures: [{ id: '2.1', title: '丙', agencies: ['省科技厅', '省经信厅'] }] }] }, null, 2);
      const { result } = lintOne(text);
      assert.deepEqual(result.diagnostics, []);
    });
  });

  describe('bytes that are not UTF-8 text', () => {
    it('a binary file with NUL bytes: one yaml-syntax "not text" at 1:1', () => {
      const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
      const { result } = lintOne(bytes);
      assert.equal(result.diagnostics.length, 1, summary(result));
      const d = result.diagnostics[0]!;
      assert.equal(d.rule, 'yaml-syntax');
      assert.deepEqual([d.line, d.column, d.endLine, d.endColumn], [1, 1, 1, 1]);
      assert.match(d.message, /not text/);
    });

    it('a NUL character in text given as a string is refused the same way', () => {
      const text = measures(`      - id: "2.1"\n        title: 甲\0乙\n`);
      const { result } = lintOne(text);
      assert.equal(result.diagnostics.length, 1);
      assert.match(result.diagnostics[0]!.message, /not text/);
    });

    it('GBK-encoded Chinese: one clear encoding diagnostic', () => {
      const { result } = lintOne(Buffer.from([0xd5, 0xe3, 0xbd, 0xad]));
      assert.equal(result.diagnostics.length, 1, summary(result));
      const d = result.diagnostics[0]!;
      assert.equal(d.rule, 'yaml-syntax');
      assert.deepEqual([d.line, d.column], [1, 1]);
      assert.match(d.message, /UTF-8/);
      assert.match(d.message, /GBK/);
    });

    it('a GBK title inside otherwise valid YAML: still one diagnostic', () => {
      const bytes = Buffer.concat([Buffer.from('id: doc\ntitle: '), Buffer.from([0xd5, 0xe3, 0xbd, 0xad]), Buffer.from('\nchapters: []\n')]);
      const { result } = lintOne(bytes);
      assert.equal(result.diagnostics.length, 1, summary(result));
      assert.match(result.diagnostics[0]!.message, /not valid UTF-8/);
    });

    it('a lone UTF-16 surrogate in the text does not throw', () => {
      const text = measures(`      - id: "2.1"\n        title: 甲\uD800乙\n        agencies: [省科技厅\uDC00]\n`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      assert.equal(ofRule(result, 'unknown-agency').length, 1);
    });
  });

  describe('BOM and CRLF line endings', () => {
    const erroneous = [
      measures(`      - id: "2.1"
        title: 甲
        title: 乙
        agencies: [省科技厅, 省科技局]
`),
      measures(`      - id: 2.1
        title:
          - 甲
        agency: [省科技厅]
        division: lead
      - id: "2.2"
        agencies: [科技厅, 科技厅, 省数字经济领导小组各成员单位]
      - id: "2.2"
        title: |
          多行
          标题
        agencies: [省数字经济领导小组各成员单位]
`),
      measures(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省经信厅
      - id: "2.2"
        title: 乙
`),
      measures(`      - id: "2.1"
        title: 甲
\tagencies: [省科技厅]
`),
      measures(`      - id: "2.1"
        title: >
          折叠
          文本
        agencies:
          - 省发改委
          - 未知单位
        division: joint
`),
      'id: a\n---\nid: b\n',
    ];
    const key = (d: Diagnostic) => `${d.rule} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`;

    erroneous.forEach((text, index) => {
      it(`erroneous file #${index + 1}: same lines, columns and messages with BOM + CRLF as with LF`, () => {
        const lf = lintOne(text);
        assert.ok(lf.result.diagnostics.length >= 1);
        const crlfText = `\uFEFF${text.replace(/\n/g, '\r\n')}`;
        const viaString = lintOne(crlfText);
        const viaBytes = lintOne(Buffer.from(crlfText, 'utf8'));
        const crlfOnly = lintOne(text.replace(/\n/g, '\r\n'));
        assertPositions(viaString.text, viaString.result);
        assertPositions(viaBytes.text, viaBytes.result);
        assert.equal(viaString.text.charCodeAt(0), text.charCodeAt(0), 'the BOM is stripped');
        const expected = lf.result.diagnostics.map(key);
        assert.deepEqual(viaString.result.diagnostics.map(key), expected);
        assert.deepEqual(viaBytes.result.diagnostics.map(key), expected);
        assert.deepEqual(crlfOnly.result.diagnostics.map(key), expected);
        // No range may end up covering a bare \r, nor start on one.
        for (const d of viaString.result.diagnostics) assert.ok(!covered(viaString.text, d).endsWith('\r') || covered(viaString.text, d).endsWith('\r\n'), key(d));
      });
    });
  });

  describe('size and alias bombs', () => {
    it('a 5 MB guideline of thousands of measures lints in under 10 s with the planted errors found', function () {
      this.timeout(60000);
      const names = ['省科技厅', '省发展改革委', '省经信厅', '之江实验室'];
      const filler = '加快推进实验室体系建设，落地建设一批人工智能大科学装置，瞄准人工智能技术理论前沿。'.repeat(4);
      const parts = ['# yaml-language-server: $schema=../schemas/guideline.schema.json\nid: big-doc\ntitle: 大文件\nchapters:\n'];
      let bytes = Buffer.byteLength(parts[0]!);
      let count = 0;
      const planted = { unknown: '9.1', schema: '17.33', duplicate: '30.7' };
      for (let c = 2; bytes < 5 * 1024 * 1024; c++) {
        const head = `  - id: "${c}"\n    title: 第${c}部分\n    measures:\n`;
        parts.push(head);
        bytes += Buffer.byteLength(head);
        for (let i = 1; i <= 50; i++) {
          const id = `${c}.${i}`;
          const agencies = id === planted.unknown ? [...names.slice(0, 2), '省科技局'] : names;
          const extra = id === planted.schema ? '        division: lead\n' : '';
          const idText = id === planted.duplicate ? '30.6' : id;
          const measure = `      - id: "${idText}"\n        title: 措施${id}\n        text: ${filler}\n        agencies: [${agencies.join(', ')}]\n${extra}`;
          parts.push(measure);
          bytes += Buffer.byteLength(measure);
          count++;
        }
      }
      const text = parts.join('');
      assert.ok(Buffer.byteLength(text) >= 5 * 1024 * 1024);
      assert.ok(count > 2000, `${count} measures`);

      const { value, ms } = timed(() => lintOne(Buffer.from(text, 'utf8')));
      console.log(`      5 MB guideline (${count} measures, ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB): ${ms.toFixed(0)} ms`);
      assert.ok(ms < 10000, `took ${ms.toFixed(0)} ms`);
      const { result } = value;
      assertPositions(text, result);
      assert.equal(result.diagnostics.length, 3, summary(result));

      const unknown = only(result.diagnostics, 'unknown-agency');
      assert.equal(unknown.line, lineOf(text, '省科技局'));
      assert.equal(covered(text, unknown), '省科技局');
      assert.match(unknown.message, /Did you mean "省科技厅"/);

      const schema = only(result.diagnostics, 'schema');
      assert.equal(schema.line, lineOf(text, 'division: lead'));
      assert.match(schema.message, /measure "17\.33"/);

      const duplicate = only(result.diagnostics, 'duplicate-id');
      const second = text.indexOf('id: "30.6"', text.indexOf('id: "30.6"') + 1);
      assert.equal(duplicate.line, lineOf(text, 'id: "30.6"', second));
      assert.match(duplicate.message, new RegExp(`line ${lineOf(text, 'id: "30.6"')}`));
    });

    it('a file with 150 000 findings is linted, not turned into an exception', function () {
      this.timeout(120000);
      const names = Array.from({ length: 150000 }, (_, i) => `x${i}`);
      const text = measures(`      - id: "2.1"\n        title: 甲\n        agencies: [${names.join(', ')}]\n`);
      const { value, ms } = timed(() => {
        try {
          return lintOne(text).result;
        } catch (error) {
          return error as Error;
        }
      });
      assert.ok(!(value instanceof Error), `Project.lint threw: ${String(value)}`);
      assert.equal(ofRule(value, 'unknown-agency').length, names.length);
      assert.ok(ms < 30000, `took ${ms.toFixed(0)} ms`);
    });

    it('a billion-laughs alias bomb: a yaml-syntax diagnostic about aliases, fast', () => {
      const levels = 'abcdefghi'.split('');
      const lines = [`a: &a [${Array(9).fill('lol').join(', ')}]`];
      for (let i = 1; i < levels.length; i++) lines.push(`${levels[i]}: &${levels[i]} [${Array(9).fill(`*${levels[i - 1]}`).join(', ')}]`);
      const text = `${lines.join('\n')}\n`;
      const { value, ms } = timed(() => lintOne(text));
      console.log(`      alias bomb (9 levels of 9): ${ms.toFixed(1)} ms`);
      assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
      const { result } = value;
      assertPositions(text, result);
      const d = only(result.diagnostics, 'yaml-syntax');
      assert.match(d.message, /alias/i);
      assert.equal(d.line, 2);
      assert.equal(covered(text, d), '*a');
    });

    it('an alias bomb inside a guideline (as a title, in zh-cn too) is caught the same way', () => {
      const text = `id: bomb\ntitle: &t [a, a, a, a, a, a, a, a, a, a]\nx1: &x1 [*t, *t, *t, *t, *t, *t, *t, *t, *t, *t]\nx2: &x2 [*x1, *x1, *x1, *x1, *x1, *x1, *x1, *x1, *x1, *x1]\nchapters: [*x2, *x2, *x2, *x2, *x2, *x2, *x2, *x2, *x2, *x2]\n`;
      for (const locale of ['en', 'zh-cn'] as const) {
        const { value, ms } = timed(() => lintOne(text, { locale }));
        assert.ok(ms < 2000);
        assertPositions(text, value.result);
        assert.ok(ofRule(value.result, 'yaml-syntax').length >= 1, summary(value.result));
      }
    });

    it('aliases multiplied through chapters × measures × agencies (a 2 KB file) stay bounded and fast', function () {
      this.timeout(120000);
      // Under the alias limit nothing is expanded for the schema; the rules must not expand it either.
      const n = 40;
      const agencies = `&A [&g 未知单位甲, ${Array(n - 1).fill('*g').join(', ')}]`;
      const measure = `&m {id: "2.1", title: 甲, agencies: ${agencies}}`;
      let text = `id: bomb\ntitle: 甲\nchapters:\n  - id: "1"\n    title: 甲\n    measures: &L [${measure}, ${Array(n - 1).fill('*m').join(', ')}]\n`;
      for (let i = 2; i <= n; i++) text += `  - {id: "${i}", title: 甲, measures: *L}\n`;
      assert.ok(text.length < 4000);
      const { value, ms } = timed(() => {
        try {
          return lintOne(text).result;
        } catch (error) {
          return error as Error;
        }
      });
      console.log(`      alias amplification (${n}³ agency mentions from ${text.length} chars): ${ms.toFixed(0)} ms`);
      assert.ok(!(value instanceof Error), `Project.lint threw: ${String(value)}`);
      assertPositions(text, value);
      assert.ok(ofRule(value, 'yaml-syntax').some((d) => /alias/i.test(d.message)), 'the alias limit is reported');
      assert.ok(value.diagnostics.length <= 1000, `${value.diagnostics.length} diagnostics from a ${text.length}-character file`);
      assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
    });
  });

  describe('aliases used legitimately', () => {
    it('a shared agency list is not reported twice at the same place', () => {
      const text = measures(`      - id: "2.1"
        title: 甲
        agencies: &shared [省科技厅, 未知厅]
      - id: "2.2"
        title: 乙
        agencies: *shared
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const unknown = ofRule(result, 'unknown-agency');
      assert.ok(unknown.length >= 1);
      const keys = unknown.map((d) => `${d.offset}|${d.message}`);
      assert.equal(new Set(keys).size, keys.length, `identical diagnostics:\n${summary(result)}`);
      // When measure 2.2 is reported, it is where 2.2 names the list: the alias on line 13.
      if (unknown.length === 2) assert.equal(unknown[1]!.line, 13, summary(result));
    });

    it('a measure repeated through an alias: the duplicate id points at the alias, not at the first measure', () => {
      const text = measures(`      - &m
        id: "2.1"
        title: 甲
        agencies: [省科技厅]
      - *m
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const d = only(result.diagnostics, 'duplicate-id');
      assert.notEqual(d.line, Number(d.data?.otherLine), `"already used on line ${d.data?.otherLine}" reported on that same line: ${d.message}`);
      assert.equal(d.line, 12);
    });

    it('a wrong value reached through an alias is reported in the measure that uses it', () => {
      const text = measures(`      - id: "2.1"
        title: &t [甲]
        agencies: [省科技厅]
      - id: "2.2"
        title: *t
        agencies: [省科技厅]
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const second = ofRule(result, 'schema').find((d) => d.message.includes('measure "2.2"'));
      assert.ok(second, summary(result));
      assert.equal(second.line, 12, `the finding about measure 2.2 lies in measure 2.1:\n${summary(result)}`);
    });

    it('an alias to an undefined anchor is reported as such, not as an alias bomb', () => {
      const text = measures(`      - id: "2.1"
        title: *nope
        agencies: [省科技厅]
`);
      const { result } = lintOne(text);
      assertPositions(text, result);
      const d = only(result.diagnostics, 'yaml-syntax');
      assert.equal(d.line, 9);
      assert.equal(covered(text, d), '*nope');
      assert.match(d.message, /nope/);
      assert.doesNotMatch(d.message, /bomb|too many/i);
    });
  });

  describe('the agency registry', () => {
    it('a registry with a duplicate name: duplicate-id at the second, naming the first line', () => {
      const registry = `${REGISTRY}  - name: 省科技厅\n    kind: government\n`;
      const project = new Project();
      project.setFile('tasks/agencies.yaml', registry);
      const result = project.lint();
      assertPositions(registry, result);
      const d = only(result.diagnostics, 'duplicate-id');
      assert.equal(d.line, lineOf(registry, 'name: 省科技厅', registry.lastIndexOf('name: 省科技厅')));
      assert.equal(covered(registry, d), '省科技厅');
      assert.match(d.message, new RegExp(`line ${lineOf(registry, 'name: 省科技厅')}`));
    });

    it('a registry alias that repeats another agency\'s alias: duplicate-id at the repeat', () => {
      const registry = `${REGISTRY}  - name: 省科学技术厅\n    kind: government\n    aliases: [科技厅]\n`;
      const project = new Project();
      project.setFile('tasks/agencies.yaml', registry);
      const result = project.lint();
      const d = only(result.diagnostics, 'duplicate-id');
      assert.equal(d.line, registry.split('\n').length - 1);
      assert.equal(covered(registry, d), '科技厅');
    });

    it('a broken registry does not break the guideline that uses it', () => {
      const project = new Project();
      project.setFile('tasks/agencies.yaml', 'agencies: [\n');
      project.setFile('tasks/doc.yaml', measures(`      - id: "2.1"\n        title: 甲\n        agencies: [省科技厅]\n`));
      const result = project.lint();
      assert.ok(result.diagnostics.some((d) => d.file === 'tasks/agencies.yaml' && d.rule === 'yaml-syntax'));
      for (const path of project.paths()) assertPositions(project.file(path)!.text, { diagnostics: result.diagnostics.filter((d) => d.file === path), suppressed: [] });
    });
  });
});
