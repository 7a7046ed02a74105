// What completion offers at a cursor: the context read from the text around it, and the offers
// themselves on the bundled guideline and registry (in process, so that `npm test` covers what the
// extension host tests only through the editor).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { agencyCompletionText, completionContextAt, completionsAt, Project } from '../../../core/index';
import { guidelineWith } from '../../support/project';

/** The text with `|` marking the cursor. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  return completionContextAt(marked.replace('|', ''), offset);
}

describe('completion context', () => {
  it('recognises a partial name inside a flow agencies list, and what is listed already', () => {
    const context = at('      - id: "2.1"\n        agencies: [省科技厅, 省经|, 之江实验室]\n');
    assert.deepEqual(context, { kind: 'agency', typed: '省经', replace: [43, 45], listed: ['省科技厅', '之江实验室'] });
  });

  it('recognises an empty slot after a comma', () => {
    const context = at('agencies: [省科技厅, |]');
    assert.equal(context?.kind, 'agency');
    assert.deepEqual(context && context.kind === 'agency' && context.listed, ['省科技厅']);
  });

  it('recognises a block list item under agencies, with siblings above and below', () => {
    const context = at('    agencies:\n      - 省科技厅\n      - |\n      - "之江实验室"\n    division: joint\n');
    assert.deepEqual(context && context.kind === 'agency' && context.listed, ['省科技厅', '之江实验室']);
  });

  it('does not offer agencies in a list under another key', () => {
    assert.equal(at('chapters:\n  - |'), undefined);
    assert.equal(at('    aliases:\n      - |'), undefined);
  });

  it('recognises a division value', () => {
    assert.deepEqual(at('        division: by|'), { kind: 'division', typed: 'by', replace: [18, 20] });
  });
});

describe('completion: the text inserted for an agency', () => {
  /** The flow list `agencies: [省科技厅, |]` with the completion of `name` at the cursor, read back. */
  function completedFlow(name: string): unknown {
    const marked = '        agencies: [省科技厅, |]\n';
    const context = at(marked)!;
    const text = marked.replace('|', '');
    const edited = text.slice(0, context.replace[0]) + agencyCompletionText(name) + text.slice(context.replace[1]);
    return (parseYaml(edited) as { agencies: unknown[] }).agencies;
  }

  it('quotes names that would break or retype a flow list, as the quick fixes do', () => {
    assert.equal(agencyCompletionText('A, B'), '"A, B"');
    assert.equal(agencyCompletionText('X: Y'), '"X: Y"');
    assert.equal(agencyCompletionText('true'), '"true"');
    assert.equal(agencyCompletionText('2024'), '"2024"');
    for (const name of ['A, B', 'X: Y', 'true', '2024', 'null', '[省]', '省科技厅 #1', '#1', '- 省', '{a}', '\'单引号\'', '"双引号"']) {
      assert.deepEqual(completedFlow(name), ['省科技厅', name], name);
    }
  });

  it('leaves ordinary names plain', () => {
    for (const name of ['省科技厅', '之江实验室', '省委宣传部（省新闻出版局）']) assert.equal(agencyCompletionText(name), name);
  });

  it('in a block list too', () => {
    const marked = '    agencies:\n      - 省科技厅\n      - A|\n';
    const context = at(marked)!;
    const text = marked.replace('|', '');
    const edited = text.slice(0, context.replace[0]) + agencyCompletionText('A, B') + text.slice(context.replace[1]);
    assert.deepEqual((parseYaml(edited) as { agencies: unknown[] }).agencies, ['省科技厅', 'A, B']);
  });

  it('knows a quoted name holding a comma is listed already, as one name', () => {
    const context = at('agencies: ["A, B", \'X: Y\', "say \\"hi\\"", |]');
    assert.deepEqual(context && context.kind === 'agency' && context.listed, ['A, B', 'X: Y', 'say "hi"']);
  });
});

const ROOT = join(__dirname, '../../../..');
const SEED_REGISTRY = readFileSync(join(ROOT, 'tasks/agencies.yaml'), 'utf8');
const SEED = readFileSync(join(ROOT, 'tasks/zj-ai-2027.yaml'), 'utf8');
const GUIDELINE = 'tasks/zj-ai-2027.yaml';

function seed(text = SEED, registry: string | null = SEED_REGISTRY): Project {
  const project = new Project();
  if (registry !== null) project.setFile('tasks/agencies.yaml', registry);
  project.setFile(GUIDELINE, text);
  return project;
}

/** What completion offers where `|` marks the cursor in `marked` (the guideline's text). */
function offersAt(marked: string, locale: 'en' | 'zh-cn' = 'en', registry: string | null = SEED_REGISTRY) {
  const offset = marked.indexOf('|');
  const text = marked.replace('|', '');
  return completionsAt(seed(text, registry), GUIDELINE, text, offset, locale);
}

/** The bundled guideline with the cursor put `into` characters after the first `needle`. */
const seedAt = (needle: string, into = needle.length) => {
  const at = SEED.indexOf(needle);
  assert.ok(at >= 0, needle);
  return SEED.slice(0, at + into) + '|' + SEED.slice(at + into);
};

describe('completion: what is offered on the bundled guideline', () => {
  it('offers the registry\'s names in its order inside a measure\'s agencies list, leaving out those listed', () => {
    // 2.2 lists 省科技厅, 省经信厅, 省财政厅, 之江实验室; the cursor is on 省财政厅, the name being replaced.
    const offers = offersAt(seedAt('agencies: [省科技厅, 省经信厅, 省财政厅, 之江实验室]', 'agencies: [省科技厅, 省经信厅, '.length))!;
    assert.equal(SEED.slice(offers.replace[0], offers.replace[1]), '省财政厅');
    const agencies = offers.items.filter((item) => item.kind === 'agency');
    assert.equal(agencies.length, 31 - 3);
    assert.deepEqual(agencies.slice(0, 3).map((item) => item.label), ['省发展改革委', '省教育厅', '省财政厅']);
    assert.ok(!offers.items.some((item) => ['省科技厅', '科技厅', '省经信厅', '经信厅', '之江实验室'].includes(item.label)), 'listed agencies and their aliases are left out');
    const ndrc = agencies[0]!;
    assert.equal(ndrc.fullName, '浙江省发展和改革委员会');
    assert.equal(ndrc.detail, 'government · Development and Reform Commission of Zhejiang Province');
    assert.equal(ndrc.filterText, '省发展改革委 浙江省发展和改革委员会 省发改委 发展改革委');
    assert.ok(agencies.every((item, index) => index === 0 || item.sortText > agencies[index - 1]!.sortText), 'in registry order');
  });

  it('offers an alias as itself, inserting the registry name, after every registry name', () => {
    const offers = offersAt(seedAt('agencies: [省科技厅, 省发展改革委, 省经信厅]', 'agencies: [省科技厅, '.length))!;
    const alias = offers.items.find((item) => item.label === '省发改委')!;
    assert.deepEqual([alias.kind, alias.insertText, alias.aliasOf], ['alias', '省发展改革委', '省发展改革委']);
    assert.ok(offers.items.filter((item) => item.kind === 'alias').every((item) => item.sortText.startsWith('1')));
    assert.ok(offers.items.filter((item) => item.kind === 'agency').every((item) => item.sortText.startsWith('0')));
  });

  it('knows an agency listed by its alias is listed', () => {
    const offers = offersAt(guidelineWith('      - id: "2.1"\n        title: 甲\n        agencies: [科技厅, |]\n'))!;
    assert.ok(!offers.items.some((item) => item.label === '省科技厅' || item.aliasOf === '省科技厅'));
    assert.ok(offers.items.some((item) => item.label === '省发展改革委'));
  });

  it('offers the division values with what they mean, in the editor\'s language', () => {
    const offers = offersAt(seedAt('division: by-function', 'division: by'.length), 'zh-cn')!;
    assert.deepEqual(offers.items.map((item) => item.label), ['lead-first', 'by-function', 'joint']);
    assert.equal(offers.items[1]!.documentation, '根据职能分工各自负责：无牵头单位');
    assert.equal(offersAt(seedAt('division: by-function', 'division: by'.length), 'en')!.items[0]!.documentation, '排名第一的为牵头单位 — the first listed agency leads');
  });

  it('offers nothing under other keys, in the registry itself, or without a registry', () => {
    assert.equal(offersAt(seedAt('title: 强化前沿基础研究')), undefined);
    assert.equal(offersAt(seedAt('  - id: "2"', '  - id: '.length)), undefined);
    assert.equal(offersAt(seedAt('agencies: [省科技厅, 省发展改革委, 省经信厅, 省教育厅, 之江实验室]', 'agencies: ['.length), 'en', null), undefined);
    const project = seed();
    const aliases = SEED_REGISTRY.indexOf('aliases: [科技厅') + 'aliases: ['.length;
    assert.equal(completionsAt(project, 'tasks/agencies.yaml', SEED_REGISTRY, aliases, 'en'), undefined);
    assert.equal(completionsAt(project, 'tasks/missing.yaml', SEED, 0, 'en'), undefined);
  });

  it('quotes a hostile registry name so that the list still reads back as that name', () => {
    const registry = `agencies:
  - name: "A, B"
    kind: government
  - name: "true"
    kind: government
  - name: "省科技厅 #1"
    kind: government
    aliases: ["x]"]
`;
    const marked = guidelineWith('      - id: "2.1"\n        title: 甲\n        agencies: [|]\n');
    const offers = offersAt(marked, 'en', registry)!;
    assert.deepEqual(offers.items.map((item) => [item.kind, item.label, item.insertText]), [
      ['agency', 'A, B', '"A, B"'],
      ['agency', 'true', '"true"'],
      ['agency', '省科技厅 #1', '"省科技厅 #1"'],
      ['alias', 'x]', '"省科技厅 #1"'],
    ]);
    const text = marked.replace('|', '');
    for (const item of offers.items) {
      const edited = text.slice(0, offers.replace[0]) + item.insertText + text.slice(offers.replace[1]);
      const data = parseYaml(edited) as { chapters: { measures: { agencies: unknown[] }[] }[] };
      assert.deepEqual(data.chapters[0]!.measures[0]!.agencies, [item.aliasOf ?? item.label]);
    }
  });
});
