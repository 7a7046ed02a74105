// Property tests of what `taskmatrix import` writes: (a) yamlScalar reads back as the very string
// it was given, as a mapping value and inside a flow list, whatever the string; (b) generated
// policy documents with hostile titles and agency names always give YAML that parses, validates
// against the schema, has unique ids, holds what the importer read, and is the same every time.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse, parseDocument } from 'yaml';
import { importGuideline } from '../../core/import/importer';
import type { ImportResult } from '../../core/import/importer';
import { looksLikeAgency } from '../../core/import/responsibility';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Project } from '../../core/project/project';
import { registryInsertion } from '../../core/editor/registry-append';
import { yamlScalar } from '../../core/source/yaml-scalar';
import { bundledRegistry, root } from './helpers';

/** Seeds are fixed unless FC_SEED is set, so that a failure can be replayed. */
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20270101;
const runs = (n: number): fc.Parameters<unknown> => ({ numRuns: n, seed: SEED, endOnFailure: false });

/** The options the engine parses task files with (src/core/source/document.ts). */
const ENGINE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true, version: '1.2', logLevel: 'error' } as const;

function readBack(yaml: string): { value?: unknown; errors: string[] } {
  for (const options of [{}, ENGINE_OPTIONS]) {
    const doc = parseDocument(yaml, options);
    const errors = [...doc.errors, ...(options === ENGINE_OPTIONS ? doc.warnings : [])].map((error) => error.message);
    if (errors.length > 0) return { errors };
  }
  return { value: parseDocument(yaml, ENGINE_OPTIONS).toJS(), errors: [] };
}

const SPECIAL = [
  '',
  ' ',
  'a: b',
  'a:b',
  'a:',
  ':',
  'a #b',
  'a#b',
  '#',
  '-',
  '- a',
  '-a',
  '--- ',
  '...',
  '?',
  '? a',
  '[a',
  ']',
  '{a}',
  '}',
  ',',
  'a, b',
  '&a',
  '*a',
  '!a',
  '!!str',
  '|',
  '>',
  "'",
  "'a'",
  '"',
  '"a"',
  '%YAML',
  '@a',
  '`a',
  'true',
  'True',
  'FALSE',
  'yes',
  'No',
  'on',
  'off',
  'y',
  'null',
  'Null',
  '~',
  '1.0',
  '1',
  '-1',
  '+1',
  '.5',
  '1e3',
  '0x1F',
  '0o17',
  '0b101',
  '1_000',
  '.inf',
  '-.Inf',
  '.nan',
  '2024-01-01',
  '12:30:00',
  '<<',
  '=',
  '\\',
  '\\n',
  'a\tb',
  '\t',
  'a\nb',
  'a\r\nb',
  'a\rb',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u00a0',
  'a\u00a0',
  '\u2028',
  'a\u2029b',
  '\uFEFF',
  'a\uFEFF',
  '\u200b',
  '\u3000',
  '\uD800',
  'a\uDC00',
  '\uFFFE',
  '\uFFFF',
  '😀',
  '👨‍👩‍👧',
  '𠀀',
  '省科技厅',
  '省科技厅：',
  '省委宣传部（省新闻出版局）',
  '各县（市、区）政府',
  '“揭榜挂帅”',
  'a ',
  ' a',
];

/** Strings that YAML reads specially, glued to arbitrary text: the hardest inputs for yamlScalar. */
const scalarInput = fc.oneof(
  fc.constantFrom(...SPECIAL),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 6 }).map((parts) => parts.join('')),
);

// ---------------------------------------------------------------------------------------------
// Generated policy documents.

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Headings with everything YAML or the paragraph reader could trip on, but no 。！？, parentheses or line breaks. */
const TITLES = [
  '加强基础研究',
  'a: b',
  'x #y',
  '#标题',
  '- 列表',
  '? 问号',
  ': 冒号',
  '[方括号]',
  '{花括号}',
  '&锚点',
  '*别名',
  '!标签',
  '|竖线',
  '>大于',
  "'单引号",
  '"双引号"',
  '%百分',
  '@at符号',
  '`反引号`',
  'true',
  'null',
  '1.0',
  '~',
  '2024-01-01',
  '.inf',
  'yes',
  'a,b',
  '推进#1工程: 落实',
  '分隔\u2028符',
  '零宽\uFEFF字符',
  '😀表情',
  '控制\u0007字符',
  'DEL\u007f字符',
  '反斜杠\\n',
  '制表\t符',
  '---',
  '<<',
  '加强"算力"建设',
  "提升'数据'质量",
  'Open Source 生态',
];

const BODIES = ['加快推进实验室体系建设。', '支持"揭榜挂帅"、赛马等模式: 落实 #1 任务。', '鼓励企业[试点]{示范}，推动 AI & 机器人发展。', '建立*协同*机制，完善|政策|体系。', '实施 100% 覆盖，形成 key: value 清单。', "推进'数据'要素市场化配置改革。"];

/** Names that read as agencies but carry YAML indicators, quotes, a backslash, an emoji. */
const AGENCIES = [
  '省科技厅',
  '省发展改革委',
  '省经信厅',
  '之江实验室',
  '[省]科技厅',
  '{省}经信厅',
  '&省财政厅',
  '*省教育厅',
  '!省商务厅',
  '|省文旅厅',
  '>省卫健委',
  '%省统计局',
  '@省数据局',
  '`省能源局',
  '#省人社厅',
  "'省自然资源厅",
  '"省生态环境厅',
  '-省交通运输厅',
  '?省水利厅',
  'true局',
  'null委',
  '1.0局',
  '~办',
  'a#b办',
  'x"y"委',
  '省\\科技厅',
  '😀省厅',
  'Tech&Co集团',
];

type Convention = 'plain' | 'comma' | 'leadRule' | 'leadRuleDitto' | 'byFunction' | 'labelled' | 'responsible' | 'verbs' | 'generic';

interface GeneratedItem {
  title: string;
  body: string;
  list?: { names: string[]; convention: Convention; halfWidth: boolean };
}

interface GeneratedDocument {
  title?: string;
  goals: Array<{ subject: string; value: number; unit: string }>;
  parts: Array<{ title: string; items: GeneratedItem[] }>;
  withRegistry: boolean;
}

function listText(names: string[], convention: Convention): string {
  const [first, ...rest] = names as [string, ...string[]];
  switch (convention) {
    case 'plain':
      return names.join('、');
    case 'comma':
      return names.join('，');
    case 'leadRule':
      return `${names.join('、')}，排名第一的为牵头单位`;
    case 'leadRuleDitto':
      return `${names.join('、')}，列第一位者为牵头单位，下同`;
    case 'byFunction':
      return `${names.join('、')}，根据职能分工各自负责`;
    case 'labelled':
      return rest.length > 0 ? `牵头单位：${first}；配合单位：${rest.join('、')}` : `牵头单位：${first}`;
    case 'responsible':
      return `责任单位：${names.join('、')}`;
    case 'verbs':
      return rest.length > 0 ? `${first}牵头，${rest.join('、')}配合` : `由${first}牵头`;
    case 'generic':
      return `${names.join('、')}等有关部门负责`;
  }
}

/** The agencies the importer must read from a generated list. */
function expectedAgencies(list: NonNullable<GeneratedItem['list']>): string[] {
  return list.convention === 'generic' ? [...list.names, '有关部门'] : list.names;
}

function render(doc: GeneratedDocument): string {
  const lines: string[] = [];
  if (doc.title !== undefined) lines.push(`关于${doc.title}的指导意见`, '');
  let part = 0;
  if (doc.goals.length > 0) {
    const clauses = doc.goals.map(({ subject, value, unit }) => `${subject}达到${value}${unit}`);
    lines.push(`${NUMERALS[part++]}、总体要求`, `（一）发展目标。到2027年，${clauses.join('，')}。`);
  }
  for (const { title, items } of doc.parts) {
    lines.push(`${NUMERALS[part++]}、${title}`);
    items.forEach((item, index) => {
      const list = item.list ? (item.list.halfWidth ? `(${listText(item.list.names, item.list.convention)})` : `（${listText(item.list.names, item.list.convention)}）`) : '';
      lines.push(`（${NUMERALS[index]}）${item.title}。${item.body}${list}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

const itemArb: fc.Arbitrary<GeneratedItem> = fc.record(
  {
    title: fc.constantFrom(...TITLES),
    body: fc.constantFrom(...BODIES),
    list: fc.option(
      fc.record({
        names: fc.uniqueArray(fc.constantFrom(...AGENCIES), { minLength: 1, maxLength: 4 }),
        convention: fc.constantFrom<Convention>('plain', 'comma', 'leadRule', 'leadRuleDitto', 'byFunction', 'labelled', 'responsible', 'verbs', 'generic'),
        halfWidth: fc.boolean(),
      }),
      { nil: undefined, freq: 3 },
    ),
  },
  { requiredKeys: ['title', 'body'] },
);

const documentArb: fc.Arbitrary<GeneratedDocument> = fc.record(
  {
    title: fc.option(fc.constantFrom(...TITLES.filter((title) => !/\s/.test(title))), { nil: undefined }),
    goals: fc.array(fc.record({ subject: fc.constantFrom('人工智能企业', '算力总规模', '"小巨人"企业', '#1工程', 'a: b指标'), value: fc.integer({ min: 1, max: 9999 }), unit: fc.constantFrom('家', '个', '%', 'EFLOPS', '万亿元', '名') }), { maxLength: 4 }),
    parts: fc.array(fc.record({ title: fc.constantFrom(...TITLES), items: fc.array(itemArb, { maxLength: 5 }) }), { minLength: 1, maxLength: 4 }),
    withRegistry: fc.boolean(),
  },
  { requiredKeys: ['goals', 'parts', 'withRegistry'] },
);

/** The guideline as the YAML says it, in the shape of result.guideline. */
function asImported(value: unknown): unknown {
  const data = value as Record<string, unknown> & { chapters: Array<Record<string, unknown> & { measures?: Array<Record<string, unknown>> }> };
  return { ...data, targets: data.targets ?? [], chapters: data.chapters.map((chapter) => ({ ...chapter, measures: chapter.measures ?? [] })) };
}

/** result.guideline without what the YAML does not hold (lines, the printed numbering). */
function withoutSourceInfo(result: ImportResult): unknown {
  const { guideline } = result;
  return {
    ...guideline,
    targets: guideline.targets.map(({ line: _line, ...target }) => target),
    chapters: guideline.chapters.map((chapter) => ({ ...chapter, measures: chapter.measures.map(({ line: _line, printed: _printed, ...measure }) => measure) })),
  };
}

describe('import: emitted YAML, property tests', function () {
  this.timeout(60000);
  const registry = bundledRegistry();
  const REGISTRY_TEXT = readFileSync(join(root, 'tasks', 'agencies.yaml'), 'utf8');

  describe('(a) yamlScalar', () => {
    it('reads back as the same string, as a mapping value and in a flow list', () => {
      fc.assert(
        fc.property(scalarInput, (s) => {
          const scalar = yamlScalar(s);
          const asValue = readBack(`key: ${scalar}\n`);
          assert.deepEqual(asValue.errors, [], `key: ${scalar}`);
          assert.deepEqual(asValue.value, { key: s });
          const inList = readBack(`key: [${scalar}, x]\n`);
          assert.deepEqual(inList.errors, [], `key: [${scalar}, x]`);
          assert.deepEqual(inList.value, { key: [s, 'x'] });
          const first = readBack(`key: [x, ${scalar}]\n`);
          assert.deepEqual(first.value, { key: ['x', s] }, `key: [x, ${scalar}]`);
        }),
        runs(1000),
      );
    });

    it('stays on one line and never writes a NUL, a raw line or paragraph separator or a BOM', () => {
      fc.assert(
        fc.property(scalarInput, (s) => {
          assert.ok(!/[\n\r\u0000\u2028\u2029\uFEFF]/.test(yamlScalar(s)), JSON.stringify(yamlScalar(s)));
        }),
        runs(1000),
      );
    });

    it('writes ordinary names plain, as a drafter would', () => {
      for (const name of ['省科技厅', '之江实验室', '各县（市、区）政府', '省委宣传部（省新闻出版局）', '人民银行杭州中心支行', '“揭榜挂帅”', 'Open Source']) {
        assert.equal(yamlScalar(name), name);
      }
      for (const quoted of ['true', '1.0', 'null', '- a', 'a: b', 'a #b', '', ' a', 'a ', '[a]', '#a']) {
        assert.match(yamlScalar(quoted), /^"/, quoted);
      }
    });
  });

  describe('(b) generated policy documents', () => {
    it('the hostile agency names in the pool read as agencies (the premise)', () => {
      for (const name of AGENCIES) assert.ok(looksLikeAgency(name, () => false), name);
    });

    it('always give YAML that parses, validates, has unique ids, holds what was read and is deterministic', () => {
      fc.assert(
        fc.property(documentArb, (doc) => {
          const text = render(doc);
          const options = { id: 'x', locale: 'en' as const, ...(doc.withRegistry ? { registry } : {}) };
          const result = importGuideline(text, options);

          // Deterministic: the same text gives the same YAML.
          assert.equal(importGuideline(text, options).yaml, result.yaml);

          // Valid for the engine: no syntax, schema or duplicate-id finding.
          const project = new Project();
          project.setFile('tasks/x.yaml', result.yaml);
          const findings = project.lintFile('tasks/x.yaml').diagnostics.filter((d) => ['yaml-syntax', 'schema', 'duplicate-id'].includes(d.rule));
          assert.deepEqual(
            findings.map((d) => `${d.line} ${d.rule}: ${d.message}`),
            [],
            `${text}\n---\n${result.yaml}`,
          );

          // What the YAML says is what the importer read.
          const read = readBack(result.yaml);
          assert.deepEqual(read.errors, []);
          assert.deepEqual(asImported(read.value), withoutSourceInfo(result));

          // Every item with a list is a measure with those agencies; an item that names nobody is none.
          const listed = doc.parts.flatMap((part) => part.items.filter((item) => item.list));
          assert.equal(result.counts.lists, listed.length);
          assert.equal(result.counts.measures, listed.length);
          const measures = result.guideline.chapters.flatMap((chapter) => chapter.measures);
          assert.deepEqual(
            measures.filter((measure) => measure.agencies).map((measure) => measure.agencies),
            listed.map((item) => expectedAgencies(item.list!)),
          );
          assert.equal(result.counts.targets, doc.goals.length);

          // As --update-registry does: the new names appended to the registry read back as entries.
          if (doc.withRegistry && result.newAgencies.length > 0) {
            const registryProject = new Project();
            registryProject.setFile('tasks/agencies.yaml', REGISTRY_TEXT);
            const insertion = registryInsertion(registryProject.file('tasks/agencies.yaml')!, result.newAgencies, 'en');
            assert.ok(insertion);
            const updated = REGISTRY_TEXT.slice(0, insertion.offset) + insertion.newText + REGISTRY_TEXT.slice(insertion.offset);
            registryProject.setFile('tasks/agencies.yaml', updated);
            const registryFindings = registryProject.lintFile('tasks/agencies.yaml').diagnostics.filter((d) => ['yaml-syntax', 'schema', 'duplicate-id'].includes(d.rule));
            assert.deepEqual(registryFindings.map((d) => `${d.line} ${d.rule}: ${d.message}`), [], insertion.newText);
            const names = (parse(updated) as { agencies: Array<{ name: string }> }).agencies.map((agency) => agency.name);
            assert.deepEqual(names.slice(-result.newAgencies.length), result.newAgencies);
          }
        }),
        runs(100),
      );
    });
  });

  describe('known bugs', () => {
    function lintFindings(text: string): string[] {
      const project = new Project();
      project.setFile('tasks/x.yaml', importGuideline(text, { id: 'x', locale: 'en' }).yaml);
      return project
        .lintFile('tasks/x.yaml')
        .diagnostics.filter((d) => ['yaml-syntax', 'schema', 'duplicate-id'].includes(d.rule))
        .map((d) => `${d.rule}: ${d.message}`);
    }

    // Regression (found by these tests, fixed): items (（一）) before the first part heading (一、) make topLevelParts() wrap everything in
    // one part, where the part 一 becomes a measure with the same path [1, 1] as the item （一）: the
    // YAML has two measures with id "1.1" (duplicate-id), and part 一's own items are folded into
    // its text.
    it('never writes two measures with the same id', () => {
      assert.deepEqual(lintFindings('（一）前言项。加强研究。（省科技厅）\n一、总体要求\n（一）加强研究。推进落实。（省科技厅）\n'), []);
    });

    // Regression (found by these tests, fixed): extractTargets() can leave an empty text (the whole clause was a parenthesis) and
    // firstSentence() an empty title (一、。… / （一）。…); the YAML then fails the schema
    // (`text`/`title` must not be empty).
    it('never writes an empty target text or title', () => {
      assert.deepEqual(lintFindings('一、总体要求\n（一）发展目标。到2027年，（新增企业30家）。\n二、重点任务\n（一）加强研究。推进落实。（省科技厅）\n'), []);
      assert.deepEqual(lintFindings('一、。总体要求\n（一）。加强研究。（省科技厅）\n'), []);
    });
  });
});
