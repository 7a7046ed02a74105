// Schema errors planted in the real guideline (tasks/zj-ai-2027.yaml): each finding must sit at
// the exact line and column of the offending node, cover exactly it, and name the measure,
// chapter or target it is about — in English and in Chinese.
import { strict as assert } from 'node:assert';
import { Project } from '../../core/index';
import type { Diagnostic, Locale } from '../../core/index';
import { covered, ofRule } from '../support/project';
import { assertPositions, REAL_GUIDELINE, REAL_REGISTRY } from './helpers';

interface Expected {
  /** Text found once on the line where the finding starts. */
  line: string;
  /** The text the finding covers; it starts at its first occurrence on that line. */
  covers: string;
  /** The English message. */
  en: RegExp;
  /** The Chinese message. */
  zh: RegExp;
}

interface Case {
  name: string;
  /** Text replaced once in the guideline (it must occur in it exactly once). */
  find: string;
  replace: string;
  expected: Expected[];
}

const CASES: Case[] = [
  {
    name: 'an unquoted measure id',
    find: '      - id: "3.2"\n',
    replace: '      - id: 3.2\n',
    expected: [{ line: '      - id: 3.2\n', covers: '3.2', en: /^"id" of measure "3\.2" must be a quoted string such as "3\.2"/, zh: /^措施“3\.2”的“id”必须是带引号的字符串，如 "3\.2"/ }],
  },
  {
    name: 'a measure title written as a list',
    find: '        title: 推动自主技术开源开放\n',
    replace: '        title: [推动自主技术开源开放]\n',
    expected: [{ line: 'title: [推动自主技术开源开放]', covers: '[推动自主技术开源开放]', en: /^"title" of measure "3\.2" must be a text, not a list\.$/, zh: /^措施“3\.2”的“title”应为文本，而不是列表。$/ }],
  },
  {
    name: 'agencies misspelt as agency',
    find: '        agencies: [省科技厅, 省发展改革委, 省经信厅, 省市场监管局, 之江实验室]\n',
    replace: '        agency: [省科技厅, 省发展改革委, 省经信厅, 省市场监管局, 之江实验室]\n',
    expected: [{ line: 'agency: [省科技厅, 省发展改革委, 省经信厅, 省市场监管局', covers: 'agency', en: /^Unknown key "agency" in measure "3\.2"; did you mean "agencies"\?/, zh: /^措施“3\.2”中有未知的键“agency”，是否应为“agencies”？/ }],
  },
  {
    name: 'agencies written as one string',
    find: '        agencies: [省科技厅, 省经信厅, 省财政厅, 之江实验室]\n',
    replace: '        agencies: 省科技厅、省经信厅、省财政厅、之江实验室\n',
    expected: [{ line: 'agencies: 省科技厅、省经信厅', covers: '省科技厅、省经信厅、省财政厅、之江实验室', en: /^"agencies" of measure "2\.2" must be a list, not a text\.$/, zh: /^措施“2\.2”的“agencies”应为列表，而不是文本。$/ }],
  },
  {
    name: 'an agency written as a number',
    find: '[省经信厅, 省发展改革委, 省科技厅, 省统计局]',
    replace: '[省经信厅, 42, 省科技厅, 省统计局]',
    expected: [{ line: '[省经信厅, 42, 省科技厅', covers: '42', en: /^Item 2 of "agencies" of measure "7\.4" must be a text, not a number\.$/, zh: /^措施“7\.4”的“agencies”的第 2 项应为文本，而不是数字。$/ }],
  },
  {
    name: 'division: lead',
    find: '        division: by-function\n      # 四（三）',
    replace: '        division: lead\n      # 四（三）',
    expected: [{ line: 'division: lead\n', covers: 'lead', en: /^"division" of measure "4\.2" must be one of lead-first \| by-function \| joint, not "lead"\.$/, zh: /^措施“4\.2”的“division”只能取 lead-first \| by-function \| joint 之一，而不是“lead”。$/ }],
  },
  {
    name: 'a measure without its title',
    find: '        title: 加快算法模型创新应用\n',
    replace: '',
    expected: [{ line: '      - id: "3.3"', covers: 'id: "3.3"', en: /^Measure "3\.3" is missing the required key "title"\.$/, zh: /^措施“3\.3”缺少必填键“title”。$/ }],
  },
  {
    name: 'an empty measure title',
    find: '        title: 强化政策支持\n',
    replace: '        title: ""\n',
    expected: [{ line: '        title: ""', covers: '""', en: /^"title" of measure "7\.3" must not be empty\.$/, zh: /^措施“7\.3”的“title”不能为空。$/ }],
  },
  {
    name: 'a measure id in the wrong form',
    find: '      - id: "6.2"',
    replace: '      - id: "6-2"',
    expected: [{ line: '      - id: "6-2"', covers: '"6-2"', en: /^"id" of measure #2 of chapter "6" is "6-2", which is not in the expected form; write it like "2\.1"\.$/, zh: /^章节“6”的第 2 个措施的“id”为“6-2”，格式不正确，应写作“2\.1”这样的形式。$/ }],
  },
  {
    name: 'a chapter id in the wrong form',
    find: '  - id: "5"\n',
    replace: '  - id: "5.0"\n',
    expected: [{ line: '  - id: "5.0"', covers: '"5.0"', en: /^"id" of chapter #5 is "5\.0", which is not in the expected form; write it like "2"\.$/, zh: /^第 5 个章节的“id”为“5\.0”，格式不正确/ }],
  },
  {
    name: 'a chapter title key misspelt',
    find: '    title: 保障措施\n',
    replace: '    titel: 保障措施\n',
    expected: [
      { line: '  - id: "7"', covers: 'id: "7"', en: /^Chapter "7" is missing the required key "title"\.$/, zh: /^章节“7”缺少必填键“title”。$/ },
      { line: '    titel: 保障措施', covers: 'titel', en: /^Unknown key "titel" in chapter "7"; did you mean "title"\?/, zh: /^章节“7”中有未知的键“titel”，是否应为“title”？/ },
    ],
  },
  {
    name: 'a target year out of range',
    find: '    year: 2027\n  - id: "1.2.2"',
    replace: '    year: 1800\n  - id: "1.2.2"',
    expected: [{ line: '    year: 1800', covers: '1800', en: /^"year" of target "1\.2\.1" must be at least 1949, not 1800\.$/, zh: /^目标“1\.2\.1”的“year”不能小于 1949，当前为 1800。$/ }],
  },
  {
    name: 'a target value written in words',
    find: '    value: 3000\n    unit: 家\n',
    replace: '    value: "三千"\n    unit: 家\n',
    expected: [{ line: '    value: "三千"', covers: '"三千"', en: /^"value" of target "1\.2\.1" must be a number, not a text\.$/, zh: /^目标“1\.2\.1”的“value”应为数字，而不是文本。$/ }],
  },
  {
    name: 'a target without its unit',
    find: '    value: 1\n    unit: 万亿元\n',
    replace: '    value: 1\n',
    expected: [{ line: '  - id: "1.2.2"', covers: 'id: "1.2.2"', en: /^Target "1\.2\.2" is missing the required key "unit"\.$/, zh: /^目标“1\.2\.2”缺少必填键“unit”。$/ }],
  },
  {
    name: 'a document status outside its enum',
    find: 'status: draft\n',
    replace: 'status: published\n',
    expected: [{ line: 'status: published', covers: 'published', en: /^"status" of the guideline must be one of draft \| final, not "published"\.$/, zh: /^指导意见的“status”只能取 draft \| final 之一，而不是“published”。$/ }],
  },
  {
    name: 'a document id in the wrong form',
    find: 'id: zj-ai-2027\n',
    replace: 'id: ZJ_AI_2027\n',
    expected: [{ line: 'id: ZJ_AI_2027', covers: 'ZJ_AI_2027', en: /^"id" of the guideline .*is not in the expected form; write it like "zj-ai-2027"\.$/, zh: /^指导意见的“id”.*格式不正确/ }],
  },
  {
    name: 'a misspelt top-level key',
    find: 'issuer: 浙江省\n',
    replace: 'isuer: 浙江省\n',
    expected: [{ line: 'isuer: 浙江省', covers: 'isuer', en: /^Unknown key "isuer" in the guideline; did you mean "issuer"\?/, zh: /^指导意见中有未知的键“isuer”，是否应为“issuer”？/ }],
  },
];

function lint(text: string, locale: Locale): Diagnostic[] {
  const project = new Project({ locale });
  project.setFile('tasks/agencies.yaml', REAL_REGISTRY);
  project.setFile('tasks/zj-ai-2027.yaml', text);
  const result = project.lint(['tasks/zj-ai-2027.yaml']);
  assertPositions(text, result);
  return ofRule(result, 'schema');
}

function mutate(text: string, find: string, replace: string): string {
  const first = text.indexOf(find);
  assert.ok(first >= 0, `${JSON.stringify(find)} occurs in the guideline`);
  assert.equal(text.indexOf(find, first + 1), -1, `${JSON.stringify(find)} occurs once only`);
  return text.slice(0, first) + replace + text.slice(first + find.length);
}

/** Where an expected finding must be: line and column from the text itself. */
function locate(text: string, expected: Expected): { line: number; column: number; offset: number } {
  const at = text.indexOf(expected.line);
  assert.ok(at >= 0, `${JSON.stringify(expected.line)} is in the mutated text`);
  assert.equal(text.indexOf(expected.line, at + 1), -1, `${JSON.stringify(expected.line)} is unique`);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const lineEnd = text.indexOf('\n', at);
  const offset = text.indexOf(expected.covers, lineStart);
  assert.ok(offset >= 0 && offset < (lineEnd < 0 ? text.length : lineEnd), `${JSON.stringify(expected.covers)} is on that line`);
  return { line: text.slice(0, lineStart).split('\n').length, column: offset - lineStart + 1, offset };
}

function check(text: string, expected: Expected[], locale: Locale, found: Diagnostic[]): void {
  const listing = found.map((d) => `${d.line}:${d.column} ${JSON.stringify(covered(text, d))} ${d.message}`).join('\n');
  assert.equal(found.length, expected.length, `schema findings (${locale}):\n${listing}`);
  for (const want of expected) {
    const where = locate(text, want);
    const match = found.find((d) => d.line === where.line && d.column === where.column);
    assert.ok(match, `a finding at ${where.line}:${where.column} covering ${JSON.stringify(want.covers)} (${locale}); found:\n${listing}`);
    assert.equal(match.offset[0], where.offset);
    assert.equal(covered(text, match), want.covers);
    assert.equal(match.endLine, match.line, 'the finding stays on its line');
    assert.match(match.message, locale === 'en' ? want.en : want.zh);
    assert.equal(match.severity, 'error');
  }
}

describe('robustness: schema positions in the real guideline', () => {
  it('the bundled guideline has no schema finding (the base of every mutation)', () => {
    assert.deepEqual(lint(REAL_GUIDELINE, 'en'), []);
  });

  for (const testCase of CASES) {
    it(`${testCase.name}: exact line, column and covered text; the message names its owner`, () => {
      const text = mutate(REAL_GUIDELINE, testCase.find, testCase.replace);
      check(text, testCase.expected, 'en', lint(text, 'en'));
    });
  }

  it('every mutation at once: each finding stays where it was alone', () => {
    let text = REAL_GUIDELINE;
    for (const testCase of CASES) text = mutate(text, testCase.find, testCase.replace);
    check(
      text,
      CASES.flatMap((testCase) => testCase.expected),
      'en',
      lint(text, 'en'),
    );
  });

  it('the same mutations with BOM and CRLF line endings: same lines and columns', () => {
    let text = REAL_GUIDELINE;
    for (const testCase of CASES) text = mutate(text, testCase.find, testCase.replace);
    const key = (d: Diagnostic) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`;
    const lf = lint(text, 'en').map(key);
    const crlfText = `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    const project = new Project();
    project.setFile('tasks/agencies.yaml', REAL_REGISTRY.replace(/\n/g, '\r\n'));
    project.setFileBytes('tasks/zj-ai-2027.yaml', Buffer.from(crlfText, 'utf8'));
    const crlf = ofRule(project.lint(['tasks/zj-ai-2027.yaml']), 'schema').map(key);
    assert.deepEqual(crlf, lf);
  });

  describe('in zh-cn', () => {
    for (const testCase of CASES) {
      it(`${testCase.name}: same position, a Chinese message naming its owner`, () => {
        const text = mutate(REAL_GUIDELINE, testCase.find, testCase.replace);
        const zh = lint(text, 'zh-cn');
        check(text, testCase.expected, 'zh-cn', zh);
        for (const d of zh) {
          assert.match(d.message, /[\u4e00-\u9fff]/, 'the message is Chinese');
          assert.doesNotMatch(d.message, /\b(must|measure|chapter|target|guideline|missing|Unknown|did you mean)\b/, `no English words left: ${d.message}`);
        }
        const en = lint(text, 'en');
        assert.deepEqual(
          zh.map((d) => [d.line, d.column, d.endLine, d.endColumn]),
          en.map((d) => [d.line, d.column, d.endLine, d.endColumn]),
          'positions do not depend on the locale',
        );
      });
    }
  });

  it('a message about a malformed id does not repeat the id twice in a row', () => {
    for (const testCase of CASES.filter((c) => /wrong form/.test(c.name))) {
      const text = mutate(REAL_GUIDELINE, testCase.find, testCase.replace);
      for (const locale of ['en', 'zh-cn'] as const) {
        for (const d of lint(text, locale)) {
          const value = covered(text, d).replace(/^"|"$/g, '');
          assert.ok(!d.message.includes(`"${value}" "${value}"`) && !d.message.includes(`“${value}”“${value}”`), `the id is printed twice: ${d.message}`);
        }
      }
    }
  });
});
