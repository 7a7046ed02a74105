// The outline (document symbols and code lenses), in process: on the bundled guideline and registry,
// so that `npm test` covers what the extension host tests only through the editor. The outline's measures carry the deadline in force and whether it is overdue, judged on the
// same today as the overdue rule, so that an editor's code lens says what Problems says.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureLensTitle, outlineOf, Project } from '../../../core/index';
import type { OutlineItem } from '../../../core/index';
import { guidelineWith, REGISTRY } from '../../support/project';

function measuresOf(text: string, today: string): OutlineItem[] {
  const project = new Project({ today });
  project.setFile('tasks/agencies.yaml', REGISTRY);
  project.setFile('tasks/doc.yaml', text);
  return outlineOf(project, 'tasks/doc.yaml').flatMap((chapter) => chapter.children);
}

const measure = (id: string, extra = '') => `      - id: "${id}"
        title: 措施${id}
        agencies: [省科技厅]
${extra}`;

describe('outline: deadlines', () => {
  const text = guidelineWith(
    measure('2.1', '        deadline: 2025年底前\n        status: in-progress\n') +
      measure('2.2', '        deadline: 2025年底前\n        status: done\n') +
      measure('2.3', '        deadline: 长期坚持\n') +
      measure('2.4') +
      measure('2.5', '        deadline: 2025年低前\n'),
    'deadline: 2027年底前\n',
  );

  it('gives each measure its own deadline, else the document\'s, and flags it overdue as the overdue rule does', () => {
    assert.deepEqual(
      measuresOf(text, '2026-03-01').map((m) => [m.name.split(' ')[0], m.deadline, m.overdue]),
      [
        ['2.1', '2025年底前', true],
        ['2.2', '2025年底前', false],
        ['2.3', '长期坚持', false],
        ['2.4', '2027年底前', false],
        ['2.5', '2025年低前', false],
      ],
    );
  });

  it('is not overdue on or before the due date', () => {
    assert.deepEqual(measuresOf(text, '2025-12-31').map((m) => m.overdue), [false, false, false, false, false]);
  });

  it('leaves both out when neither the measure nor the document has a deadline', () => {
    const [only] = measuresOf(guidelineWith(measure('2.1')), '2026-03-01');
    assert.equal(only!.deadline, undefined);
    assert.equal(only!.overdue, undefined);
  });
});

describe('outline: leads the registry does not know', () => {
  it('marks a measure whose lead is not in the registry, and no other', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省科技, 省科技厅]
      - id: "2.2"
        title: 乙
        agencies: [省科技厅, 省科技]
      - id: "2.3"
        title: 丙
        agencies: [科技厅]
`);
    assert.deepEqual(
      measuresOf(text, '2026-03-01').map((m) => [m.name.split(' ')[0], m.leadUnregistered ?? false]),
      [
        ['2.1', true],
        ['2.2', false],
        ['2.3', false],
      ],
    );
  });
});

const ROOT = join(__dirname, '../../../..');
const SEED_REGISTRY = readFileSync(join(ROOT, 'tasks/agencies.yaml'), 'utf8');
const SEED = readFileSync(join(ROOT, 'tasks/zj-ai-2027.yaml'), 'utf8');

function seed(): Project {
  const project = new Project({ today: '2026-03-01' });
  project.setFile('tasks/agencies.yaml', SEED_REGISTRY);
  project.setFile('tasks/zj-ai-2027.yaml', SEED);
  return project;
}

describe('outline: the bundled guideline and registry', () => {
  const measures = (locale: 'en' | 'zh-cn' = 'en') => outlineOf(seed(), 'tasks/zj-ai-2027.yaml', locale).flatMap((chapter) => chapter.children);

  it('lists the seven parts with their measures, 23 in all, each selecting its id', () => {
    const chapters = outlineOf(seed(), 'tasks/zj-ai-2027.yaml');
    assert.deepEqual(
      chapters.map((chapter) => [chapter.kind, chapter.name.split(' ')[0], chapter.children.length]),
      [
        ['chapter', '1', 0],
        ['chapter', '2', 3],
        ['chapter', '3', 5],
        ['chapter', '4', 4],
        ['chapter', '5', 3],
        ['chapter', '6', 4],
        ['chapter', '7', 4],
      ],
    );
    assert.equal(chapters[1]!.name, '2 加快核心技术突破，全面提升创新策源引领力');
    const all = measures();
    assert.equal(all.length, 23);
    assert.equal(all[0]!.name, '2.1 强化前沿基础研究');
    for (const measure of all) assert.equal(SEED.slice(measure.selection[0], measure.selection[1]).replace(/"/g, ''), measure.name.split(' ')[0]);
  });

  it('gives each measure its lead, and 无牵头单位 to exactly the four the lint warns about', () => {
    const all = measures('zh-cn');
    assert.equal(all[0]!.detail, '牵头: 省科技厅');
    assert.equal(all.find((m) => m.name.startsWith('3.5 '))!.detail, '牵头: 省大数据局');
    assert.deepEqual(
      all.filter((m) => m.detail === '无牵头单位').map((m) => m.name.split(' ')[0]),
      ['4.2', '4.3', '4.4', '7.1'],
    );
  });

  it('writes each code lens with the lead, the co-owners and, without a lead, why in words (not the reason id)', () => {
    const lens = (locale: 'en' | 'zh-cn', id: string) => measureLensTitle(measures(locale).find((m) => m.name.startsWith(`${id} `))!, locale);
    assert.equal(lens('zh-cn', '2.1'), '牵头: 省科技厅  ·  配合 4');
    assert.equal(lens('en', '5.3'), '牵头: 省经信厅  ·  配合 9');
    assert.equal(lens('zh-cn', '4.2'), '⚠ 无牵头单位（根据职能分工各自负责）');
    assert.equal(lens('en', '4.2'), '⚠ 无牵头单位 — by function (根据职能分工各自负责)');
    assert.equal(lens('zh-cn', '7.1'), '⚠ 无牵头单位（首位单位为集合性主体）');
    assert.equal(lens('en', '7.1'), '⚠ 无牵头单位 — first agency is a collective');
    for (const locale of ['en', 'zh-cn'] as const) {
      for (const measure of measures(locale)) assert.doesNotMatch(measureLensTitle(measure, locale), /by-function|joint|collective\)|none-listed/);
    }
  });

  it('lists the registry\'s 31 agencies with their kinds', () => {
    const agencies = outlineOf(seed(), 'tasks/agencies.yaml');
    assert.equal(agencies.length, 31);
    assert.deepEqual(agencies.slice(0, 3).map((a) => [a.kind, a.name, a.detail]), [
      ['agency', '省科技厅', 'government'],
      ['agency', '省发展改革委', 'government'],
      ['agency', '省经信厅', 'government'],
    ]);
    assert.ok(agencies.some((a) => a.name === '省数字经济领导小组各成员单位' && a.detail === 'collective'));
    assert.equal(SEED_REGISTRY.slice(agencies[0]!.selection[0], agencies[0]!.selection[1]), '省科技厅');
  });

  it('keeps a hostile name as data, says 未列出 for a measure with no agency, and gives nothing for a file it does not hold', () => {
    const project = new Project({ today: '2026-03-01' });
    project.setFile('tasks/agencies.yaml', REGISTRY);
    project.setFile(
      'tasks/doc.yaml',
      guidelineWith(`      - id: "2.1"
        title: "{reason} ⚠"
        agencies: ["省{name}厅 {count}", 省科技厅]
      - title: 无编号
        agencies: []
`),
    );
    const [first, second] = outlineOf(project, 'tasks/doc.yaml', 'zh-cn').flatMap((chapter) => chapter.children);
    assert.equal(first!.name, '2.1 {reason} ⚠');
    assert.equal(measureLensTitle(first!, 'zh-cn'), '牵头: 省{name}厅 {count} ⚠ 未登记  ·  配合 1');
    assert.equal(measureLensTitle(first!, 'en'), '牵头: 省{name}厅 {count} ⚠ not registered  ·  配合 1');
    assert.equal(second!.name, '? 无编号');
    assert.equal(measureLensTitle(second!, 'zh-cn'), '⚠ 无牵头单位（未列出责任单位）');
    assert.deepEqual(outlineOf(project, 'tasks/missing.yaml'), []);
  });
});
