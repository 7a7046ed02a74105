// The responsibility diff on the bundled Zhejiang guideline and second drafts made from it the
// way drafts really change: a measure inserted, leads swapped, agencies added, text reworded,
// a measure dropped, parts renumbered.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffProjects, diffSnapshots, hasChanges, matchMeasures, Project, wordDiff } from '../../core/index';
import { seededRandom } from '../../bench/generate-corpus';
import type { DocumentSnapshot, MeasureChange, MeasureSnapshot, ResponsibilityDiff } from '../../core/index';

const ROOT = join(__dirname, '../../..');
const REGISTRY = readFileSync(join(ROOT, 'tasks/agencies.yaml'), 'utf8');
const SEED = readFileSync(join(ROOT, 'tasks/zj-ai-2027.yaml'), 'utf8');

/** The text with `from` replaced by `to`, failing when `from` is not there exactly once (the seed changed). */
function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0 && text.indexOf(from, at + 1) < 0, `expected exactly one ${JSON.stringify(from)}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

function diffOf(before: string, after: string): ResponsibilityDiff {
  const side = (text: string) => {
    const project = new Project();
    project.setFile('tasks/agencies.yaml', REGISTRY);
    project.setFile('tasks/zj-ai-2027.yaml', text);
    return { project, paths: ['tasks/zj-ai-2027.yaml'] };
  };
  return diffProjects(side(before), side(after));
}

const brief = (measures: MeasureChange[]) => measures.map((m) => `${m.change} ${m.oldId ?? '∅'}→${m.id}`);

/** Part 五 with a measure inserted before 5.1 and the three after it renumbered, as a second draft does. */
function insertBefore51(text: string): string {
  let out = edit(text, '      # 五（三）\n      - id: "5.3"', '      # 五（四）\n      - id: "5.4"');
  out = edit(out, '      # 五（二）\n      - id: "5.2"', '      # 五（三）\n      - id: "5.3"');
  out = edit(out, '      # 五（一）\n      - id: "5.1"', '      # 五（二）\n      - id: "5.2"');
  return edit(
    out,
    '      # 五（二）\n',
    `      # 五（一）
      - id: "5.1"
        title: 加快发展具身智能
        text: 支持人形机器人、具身智能大模型研发和整机制造，建设具身智能训练场和中试验证平台。
        agencies: [省经信厅, 省科技厅, 省发展改革委]
      # 五（二）
`,
  );
}

describe('diff: drafts of the Zhejiang AI guideline', () => {
  it('finds nothing between two copies, and nothing when only white space and comments differ', () => {
    assert.equal(hasChanges(diffOf(SEED, SEED)), false);
    const reflowed = edit(SEED, '      # 二（一）\n', '      # 二（一） — reviewed\n').replace('title: 强化前沿基础研究', 'title: "强化前沿基础研究 "');
    assert.deepEqual(diffOf(SEED, reflowed).measures, []);
  });

  it('reports a measure inserted before 5.1 as one added and three moved, never removed and added', () => {
    const diff = diffOf(SEED, insertBefore51(SEED));
    assert.deepEqual(brief(diff.measures), ['added ∅→5.1', 'moved 5.1→5.2', 'moved 5.2→5.3', 'moved 5.3→5.4']);
    assert.deepEqual(diff.summary, { added: 1, removed: 0, moved: 3, changed: 0 });
    assert.deepEqual(diff.measures[0]!.lead, { old: null, new: '省经信厅' });
    assert.deepEqual(diff.agencies.find((agency) => agency.name === '省经信厅'), { name: '省经信厅', leadsGained: ['5.1'], leadsLost: [], coGained: [], coLost: [] });
  });

  it('reports renumbering alone as moves with the old id, and no agency change', () => {
    // Part 七 becomes part 八 (a part was inserted before it, without measures).
    let renumbered = SEED;
    for (const item of ['1', '2', '3', '4']) renumbered = edit(renumbered, `- id: "7.${item}"`, `- id: "8.${item}"`);
    const diff = diffOf(SEED, renumbered);
    assert.deepEqual(brief(diff.measures), ['moved 7.1→8.1', 'moved 7.2→8.2', 'moved 7.3→8.3', 'moved 7.4→8.4']);
    assert.deepEqual(diff.agencies, []);
  });

  it('reports a lead swap with a co-agency added exactly in the shape of the issue', () => {
    const swapped = edit(SEED, 'agencies: [省科技厅, 省发展改革委, 省经信厅, 省教育厅, 之江实验室]\n      # 二（二）', 'agencies: [省发展改革委, 省科技厅, 省经信厅, 省教育厅, 之江实验室, 省财政厅]\n      # 二（二）');
    const diff = diffOf(SEED, swapped);
    assert.deepEqual(diff.summary, { added: 0, removed: 0, moved: 0, changed: 1 });
    assert.deepEqual(diff.measures, [
      {
        change: 'changed',
        document: 'zj-ai-2027',
        id: '2.1',
        oldId: '2.1',
        title: '强化前沿基础研究',
        oldTitle: '强化前沿基础研究',
        lead: { old: '省科技厅', new: '省发展改革委' },
        coAdded: ['省财政厅'],
        coRemoved: [],
        division: null,
        deadline: null,
        status: null,
        textChanged: false,
      },
    ]);
    assert.deepEqual(diff.agencies, [
      { name: '省科技厅', leadsGained: [], leadsLost: ['2.1'], coGained: [], coLost: [] },
      { name: '省发展改革委', leadsGained: ['2.1'], leadsLost: [], coGained: [], coLost: [] },
      { name: '省财政厅', leadsGained: [], leadsLost: [], coGained: ['2.1'], coLost: [] },
    ]);
  });

  it('resolves aliases as the matrix does: writing 科技厅 for 省科技厅 changes nothing', () => {
    const aliased = edit(SEED, 'agencies: [省科技厅, 省经信厅, 省财政厅, 之江实验室]', 'agencies: [科技厅, 经信厅, 财政厅, 之江实验室]');
    assert.deepEqual(diffOf(SEED, aliased).measures, []);
  });

  it('reports a co-agency removed and one added on a measure', () => {
    const draft = edit(SEED, 'agencies: [省市场监管局, 省经信厅, 省科技厅]', 'agencies: [省市场监管局, 省科技厅, 省司法厅]');
    const [change] = diffOf(SEED, draft).measures;
    assert.equal(change!.id, '6.3');
    assert.deepEqual([change!.lead, change!.coAdded, change!.coRemoved], [null, ['省司法厅'], ['省经信厅']]);
  });

  it('keeps a reworded measure as changed under its id, with the title diffed word by word', () => {
    let draft = edit(SEED, 'title: 推动自主技术开源开放', 'title: 推动自主可控技术开源开放');
    draft = edit(draft, '面向人工智能大模型领域布局重大开源项目，', '面向人工智能大模型和具身智能领域布局一批重大开源项目，');
    const [change] = diffOf(SEED, draft).measures;
    assert.equal(change!.change, 'changed');
    assert.equal(change!.id, '3.2');
    assert.equal(change!.textChanged, true);
    assert.deepEqual(wordDiff(change!.oldTitle!, change!.title), [
      { kind: 'same', text: '推动自主' },
      { kind: 'added', text: '可控' },
      { kind: 'same', text: '技术开源开放' },
    ]);
  });

  it('reports a deleted measure as removed under its old id, its agencies losing it', () => {
    const start = SEED.indexOf('      # 六（四）');
    const end = SEED.indexOf('  - id: "7"');
    const diff = diffOf(SEED, SEED.slice(0, start) + SEED.slice(end));
    assert.deepEqual(brief(diff.measures), ['removed 6.4→6.4']);
    assert.deepEqual(diff.measures[0]!.lead, { old: '省委网信办', new: null });
    assert.equal(diff.measures[0]!.coRemoved.length, 6);
    assert.deepEqual(diff.agencies[0], { name: '省委网信办', leadsGained: [], leadsLost: ['6.4'], coGained: [], coLost: [] });
  });

  it('reports a by-function measure given a lead: lead none → first agency, division changed', () => {
    const draft = edit(SEED, '人行杭州中心支行, 浙江金融监管局]\n        division: by-function\n', '人行杭州中心支行, 浙江金融监管局]\n');
    const [change] = diffOf(SEED, draft).measures;
    assert.equal(change!.id, '4.2');
    assert.deepEqual(change!.lead, { old: null, new: '省发展改革委' });
    assert.deepEqual(change!.division, { old: 'by-function', new: 'lead-first' });
    // The agency that now leads was in the measure already: it gains a lead, not a co-ownership lost.
    assert.deepEqual([change!.coAdded, change!.coRemoved], [[], []]);
  });

  it('reports deadline and status changes', () => {
    const draft = edit(SEED, 'agencies: [省经信厅, 省发展改革委, 省科技厅, 省统计局]', 'agencies: [省经信厅, 省发展改革委, 省科技厅, 省统计局]\n        deadline: 2025年底前\n        status: in-progress');
    const [change] = diffOf(SEED, draft).measures;
    assert.deepEqual([change!.id, change!.deadline, change!.status], ['7.4', { old: null, new: '2025年底前' }, { old: null, new: 'in-progress' }]);
  });

  it('tells a whole second draft apart: insertion, lead swap, new co-agency, rewording, deletion', () => {
    let draft = insertBefore51(SEED);
    draft = edit(draft, 'agencies: [省科技厅, 省发展改革委, 省经信厅, 省市场监管局, 之江实验室]', 'agencies: [省发展改革委, 省科技厅, 省经信厅, 省市场监管局, 之江实验室]');
    draft = edit(draft, 'agencies: [省大数据局, 省委网信办, 省发展改革委, 省经信厅, 省科技厅, 省交通运输厅, 省卫生健康委, 人行杭州中心支行]', 'agencies: [省大数据局, 省委网信办, 省发展改革委, 省经信厅, 省科技厅, 省交通运输厅, 省卫生健康委, 人行杭州中心支行, 省公安厅]');
    draft = edit(draft, '修订人工智能产业发展统计指标与监测体系，按季度统计、发布相关数据。', '建立人工智能产业发展统计指标与监测体系，按年度统计、发布相关数据。');
    const start = draft.indexOf('      # 六（四）');
    draft = draft.slice(0, start) + draft.slice(draft.indexOf('  - id: "7"'));
    const diff = diffOf(SEED, draft);
    assert.deepEqual(brief(diff.measures), ['changed 3.2→3.2', 'changed 3.5→3.5', 'added ∅→5.1', 'moved 5.1→5.2', 'moved 5.2→5.3', 'moved 5.3→5.4', 'removed 6.4→6.4', 'changed 7.4→7.4']);
    assert.deepEqual(diff.summary, { added: 1, removed: 1, moved: 3, changed: 3 });
  });
});

describe('diff: documents', () => {
  const doc = (id: string, measures: [string, string, string[]][], title = `文件${id}`): DocumentSnapshot => ({
    document: id,
    path: `tasks/${id}.yaml`,
    title,
    measures: measures.map(([mid, title, agencies]) => ({ id: mid, title, text: '', lead: agencies[0] ?? null, co: agencies.slice(1), division: 'lead-first', deadline: null, status: null })),
  });

  it('lists documents added and removed, their measures as added and removed, ids qualified by document', () => {
    const kept = doc('a', [['1.1', '甲', ['省科技厅']]]);
    const diff = diffSnapshots([kept, doc('old', [['1.1', '乙', ['省经信厅']]])], [kept, doc('new', [['2.1', '丙', ['省经信厅', '省科技厅']]])]);
    assert.deepEqual(diff.documents, { added: ['new'], removed: ['old'] });
    assert.deepEqual(brief(diff.measures), ['added ∅→2.1', 'removed 1.1→1.1']);
    assert.deepEqual(diff.agencies.find((agency) => agency.name === '省经信厅'), { name: '省经信厅', leadsGained: ['new:2.1'], leadsLost: ['old:1.1'], coGained: [], coLost: [] });
  });

  it('pairs two single documents of different ids whose titles read alike (two imports of two drafts)', () => {
    const title = '关于加快人工智能产业发展的指导意见';
    const diff = diffSnapshots([doc('draft-2023', [['1.1', '甲', ['省科技厅']]], `${title}（征求意见稿）`)], [doc('issued-2024', [['1.1', '甲', ['省经信厅']]], title)]);
    assert.deepEqual(diff.documents, { added: [], removed: [] });
    assert.deepEqual(brief(diff.measures), ['changed 1.1→1.1']);
    const unrelated = diffSnapshots([doc('a', [['1.1', '甲', ['省科技厅']]], title)], [doc('b', [['1.1', '甲', ['省经信厅']]], '关于推进数据要素市场化配置改革的实施方案')]);
    assert.deepEqual(unrelated.documents, { added: ['b'], removed: ['a'] });
  });
});

describe('diff: matching at scale', () => {
  // A reproducible corpus: measures of 150 characters drawn from policy vocabulary.
  const words = '推动人工智能产业发展加快建设数据算力平台企业创新应用场景支持培育研发技术标准体系安全治理服务能力提升';
  const random = seededRandom(7);
  const phrase = (length: number) => Array.from({ length }, () => words[Math.floor(random() * words.length)]).join('');
  const corpus = (count: number): MeasureSnapshot[] =>
    Array.from({ length: count }, (_, i) => ({ id: `1.${i + 1}`, title: phrase(10), text: phrase(150), lead: '省科技厅', co: ['省经信厅'], division: 'lead-first', deadline: null, status: null }));

  it('diffs 10,000 measures with 1% edited well under a second of matching', () => {
    const before = corpus(10_000);
    const after = before.map((measure, i) => (i % 100 === 7 ? { ...measure, text: `${measure.text.slice(0, 60)}进一步${measure.text.slice(70)}`, lead: '省经信厅', co: ['省科技厅'] } : measure));
    const started = performance.now();
    const diff = diffSnapshots([{ document: 'big', path: 'big.yaml', title: '', measures: before }], [{ document: 'big', path: 'big.yaml', title: '', measures: after }]);
    const elapsed = performance.now() - started;
    assert.deepEqual(diff.summary, { added: 0, removed: 0, moved: 0, changed: 100 });
    assert.ok(elapsed < 3000, `took ${elapsed.toFixed(0)} ms`);
  });

  it('stays bounded when every measure of a large document was reworded and renumbered', () => {
    const before = corpus(5_000);
    const after = [{ ...before[0]!, id: '1.0', title: '新增措施', text: phrase(150) }, ...before.map((measure, i) => ({ ...measure, id: `1.${i + 2}`, text: `${measure.text.slice(0, 70)}着力${measure.text.slice(72)}` }))];
    const started = performance.now();
    const matching = matchMeasures(before, after);
    const elapsed = performance.now() - started;
    assert.equal(matching.removed.length, 0);
    assert.deepEqual(matching.added, [0]);
    assert.ok(elapsed < 5000, `took ${elapsed.toFixed(0)} ms`);
  });
});
