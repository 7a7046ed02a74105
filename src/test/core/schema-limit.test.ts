// ajv is shown at most MAX_SCHEMA_PROBLEMS + 1 unknown keys of a mapping (a million of them
// made a fifth of a lint): the problems listed must be exactly those found when ajv sees every
// key, wherever the large mapping sits, whatever comes before and after it, from either parser.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSourceFile } from '../../core/source/document';
import { parseFast } from '../../core/source/fast-yaml';
import { MAX_SCHEMA_PROBLEMS, validateSchema, validateSchemaOverAllKeys } from '../../core/rules/schema-validation';

const root = join(__dirname, '..', '..', '..');
const GUIDELINE = readFileSync(join(root, 'tasks', 'zj-ai-2027.yaml'), 'utf8');
const REGISTRY = readFileSync(join(root, 'tasks', 'agencies.yaml'), 'utf8');

const keys = (n: number, indent: string, prefix = 'extra') => Array.from({ length: n }, (_, i) => `${indent}${prefix}_${i}: value ${i}\n`).join('');
/** Inserts text after the first line that contains `marker`. */
const after = (text: string, marker: string, inserted: string) => {
  const at = text.indexOf('\n', text.indexOf(marker)) + 1;
  assert.ok(at > 0 && text.includes(marker), marker);
  return text.slice(0, at) + inserted + text.slice(at);
};
/** Inserts text before the line that contains `marker`. */
const before = (text: string, marker: string, inserted: string) => {
  const at = text.lastIndexOf('\n', text.indexOf(marker)) + 1;
  assert.ok(text.includes(marker), marker);
  return text.slice(0, at) + inserted + text.slice(at);
};
/** An anchor in a comment-free spot sends the file to yaml instead of the fast parser. */
const viaYaml = (text: string) => text.replace(/^( *)(title|fullName): /m, '$1$2: &t ');

const L = MAX_SCHEMA_PROBLEMS;

const CASES: { name: string; path: string; text: string }[] = [
  { name: 'unknown keys at the end of the root', path: 'tasks/g.yaml', text: GUIDELINE + keys(3000, '') },
  { name: 'exactly as many unknown keys as ajv is shown', path: 'tasks/g.yaml', text: GUIDELINE + keys(L + 1, '') },
  { name: 'one more than ajv is shown', path: 'tasks/g.yaml', text: GUIDELINE + keys(L + 2, '') },
  { name: 'unknown keys before the known ones of the root', path: 'tasks/g.yaml', text: before(GUIDELINE, 'id: zj-ai-2027', keys(2500, '')) },
  { name: 'a required key missing, unknown keys in its place', path: 'tasks/g.yaml', text: GUIDELINE.replace(/^title: .*\n/m, keys(2500, '')) },
  { name: 'a schema error before and after the unknown keys', path: 'tasks/g.yaml', text: GUIDELINE.replace('status: draft', 'status: drafted').replace('value: 3000', 'value: many') + keys(2500, '') },
  { name: 'unknown keys in a target', path: 'tasks/g.yaml', text: after(GUIDELINE, 'unit: EFLOPS', keys(2500, '    ')) },
  { name: 'unknown keys in two targets', path: 'tasks/g.yaml', text: after(after(GUIDELINE, 'unit: EFLOPS', keys(600, '    ')), 'text: 科技领军人才200名', keys(1500, '    ', 'more')) },
  { name: 'unknown keys in a measure and at the root', path: 'tasks/g.yaml', text: after(GUIDELINE, '      - id: "3.2"', keys(1200, '        ')) + keys(1200, '') },
  { name: 'unknown keys in several targets, none over the limit', path: 'tasks/g.yaml', text: after(after(GUIDELINE, 'unit: EFLOPS', keys(700, '    ')), 'text: 科技领军人才200名', keys(700, '    ', 'more')) },
  { name: 'unknown keys in an agency of the registry', path: 'tasks/agencies.yaml', text: after(REGISTRY, '    fullName: 浙江省财政厅', keys(2500, '    ')) },
  { name: 'unknown keys at the root of the registry', path: 'tasks/agencies.yaml', text: REGISTRY + keys(2500, '') },
];

describe('schema problems past the limit', () => {
  for (const { name, path, text } of CASES) {
    for (const parser of ['fast', 'yaml'] as const) {
      it(`${name} (${parser} parser)`, () => {
        const source = parser === 'fast' ? text : viaYaml(text);
        assert.equal(parseFast(source) !== undefined, parser === 'fast', 'the intended parser reads the file');
        const file = parseSourceFile(path, source);
        assert.equal(file.syntaxProblems.length, 0);
        for (const locale of ['en', 'zh-cn'] as const) {
          const listed = validateSchema(file, locale);
          assert.ok(listed.length > 0);
          assert.deepEqual(listed, validateSchemaOverAllKeys(file, locale));
        }
      });
    }
  }

  it('leaves the file data as it was', () => {
    const file = parseSourceFile('tasks/g.yaml', GUIDELINE + keys(3000, ''));
    validateSchema(file, 'en');
    assert.equal(Object.keys(file.data as object).length, Object.keys(parseSourceFile('tasks/g.yaml', GUIDELINE).data as object).length + 3000);
  });
});
