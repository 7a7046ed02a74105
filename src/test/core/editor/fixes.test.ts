import { strict as assert } from 'node:assert';
import { fixAllEdits, fixesFor, makeLeadFix, Project } from '../../../core/index';
import type { FileEdit } from '../../../core/index';
import { guidelineWith, REGISTRY } from '../../support/project';

function project(guideline: string, registry = REGISTRY): Project {
  const p = new Project();
  p.setFile('tasks/agencies.yaml', registry);
  p.setFile('tasks/doc.yaml', guideline);
  return p;
}

/** Applies edits of one file, last first so offsets stay valid. */
function apply(text: string, edits: FileEdit[]): string {
  return [...edits].sort((a, b) => b.range[0] - a.range[0]).reduce((out, e) => out.slice(0, e.range[0]) + e.newText + out.slice(e.range[1]), text);
}

function only(p: Project, rule: string) {
  const found = p.lint(['tasks/doc.yaml']).diagnostics.filter((d) => d.rule === rule);
  assert.equal(found.length, 1, `one ${rule} expected`);
  return found[0]!;
}

describe('quick fixes', () => {
  it('replace an unknown agency with the suggestion, keeping quotes and comments', () => {
    const text = guidelineWith(`      - id: "2.1"   # 二（一）
        title: 甲
        agencies: [省科技厅, "省经信委"]  # 原文顺序
`);
    const p = project(text);
    const [replace] = fixesFor(p, only(p, 'unknown-agency'), 'en');
    assert.equal(replace!.preferred, true);
    assert.equal(apply(text, replace!.edits), text.replace('"省经信委"', '"省经信厅"'));
  });

  it('replace an alias with the registry name', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies:
          - 省发改委  # alias
          - 省科技厅
`);
    const p = project(text);
    const [fix] = fixesFor(p, only(p, 'alias-agency'), 'zh-cn');
    assert.match(fix!.title, /替换为“省发展改革委”/);
    assert.equal(apply(text, fix!.edits), text.replace('省发改委  # alias', '省发展改革委  # alias'));
  });

  it('remove a repeated agency from a flow list and from a block list', () => {
    const flow = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省经信厅, 科技厅]
`);
    const p1 = project(flow);
    assert.equal(apply(flow, fixesFor(p1, only(p1, 'duplicate-agency'), 'en')[0]!.edits), flow.replace('[省科技厅, 省经信厅, 科技厅]', '[省科技厅, 省经信厅]'));
    const block = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies:
          - 省科技厅
          - 省科技厅   # twice
          - 省经信厅
`);
    const p2 = project(block);
    assert.equal(apply(block, fixesFor(p2, only(p2, 'duplicate-agency'), 'en')[0]!.edits), block.replace('          - 省科技厅   # twice\n', ''));
  });

  it('add an unknown agency to the registry at the end of its list, in its indentation', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省农业农村厅]
`);
    const p = project(text);
    const fixes = fixesFor(p, only(p, 'unknown-agency'), 'en');
    const add = fixes.find((f) => f.edits[0]!.path === 'tasks/agencies.yaml')!;
    const registry = apply(REGISTRY, add.edits);
    assert.ok(registry.startsWith(REGISTRY));
    assert.equal(registry.slice(REGISTRY.length), '  - name: 省农业农村厅\n    kind: government  # taskmatrix: review the kind\n');
    assert.equal(add.reveal!.offset, REGISTRY.length);
    const after = project(text, registry);
    assert.equal(after.lint().diagnostics.filter((d) => d.rule === 'unknown-agency' || d.rule === 'schema').length, 0);
  });

  it('acknowledge a no-lead finding with a suppression comment in the line indentation', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省经信厅]
        division: by-function
`);
    const p = project(text);
    const [ack] = fixesFor(p, only(p, 'no-lead'), 'en');
    const fixed = apply(text, ack!.edits);
    assert.match(fixed, /\n {8}# taskmatrix-disable-next-line no-lead — reviewed: as in the source document\n {8}division: by-function/);
    assert.deepEqual(project(fixed).lint(['tasks/doc.yaml']).diagnostics, []);
  });

  it('make an agency the lead by moving it first, in flow and block lists', () => {
    const flow = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省经信厅, 之江实验室]
`);
    const p1 = project(flow);
    const fix1 = makeLeadFix(p1, 'tasks/doc.yaml', flow.indexOf('之江实验室') + 1, 'en')!;
    assert.equal(apply(flow, fix1.edits), flow.replace('[省科技厅, 省经信厅, 之江实验室]', '[之江实验室, 省科技厅, 省经信厅]'));
    assert.equal(makeLeadFix(p1, 'tasks/doc.yaml', flow.indexOf('省科技厅') + 1, 'en'), undefined);
    const block = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies:
          - 省科技厅
          - 省经信厅  # co
`);
    const p2 = project(block);
    const fix2 = makeLeadFix(p2, 'tasks/doc.yaml', block.indexOf('省经信厅'), 'en')!;
    assert.equal(apply(block, fix2.edits), block.replace('          - 省科技厅\n          - 省经信厅  # co\n', '          - 省经信厅  # co\n          - 省科技厅\n'));
  });

  it('make an agency of a by-function measure the lead: moved first and the division removed, a comment on it kept', () => {
    const plain = guidelineWith(`      - id: "4.2"
        title: 乙
        agencies: [省科技厅, 省经信厅]  # 原文
        division: by-function
      - id: "4.3"
        title: 丙
        agencies: [省科技厅]
`);
    const p1 = project(plain);
    const fix1 = makeLeadFix(p1, 'tasks/doc.yaml', plain.indexOf('省经信厅') + 1, 'en')!;
    const fixed1 = apply(plain, fix1.edits);
    assert.equal(fixed1, plain.replace('[省科技厅, 省经信厅]  # 原文\n        division: by-function\n', '[省经信厅, 省科技厅]  # 原文\n'));
    assert.deepEqual(project(fixed1).lint(['tasks/doc.yaml']).diagnostics, []);
    // The first listed of a by-function measure is offered too: only the division changes.
    const fix2 = makeLeadFix(p1, 'tasks/doc.yaml', plain.indexOf('省科技厅') + 1, 'en')!;
    assert.equal(fix2.title, 'Make "省科技厅" the lead (division: lead-first)');
    assert.equal(apply(plain, fix2.edits), plain.replace('        division: by-function\n', ''));

    const commented = plain.replace('division: by-function', 'division: joint  # 共同负责');
    const fix3 = makeLeadFix(project(commented), 'tasks/doc.yaml', commented.indexOf('省经信厅') + 1, 'en')!;
    assert.equal(apply(commented, fix3.edits), commented.replace('[省科技厅, 省经信厅]', '[省经信厅, 省科技厅]').replace('division: joint  # 共同负责', 'division: lead-first  # 共同负责'));
  });

  it('make an agency the lead under a by-function document default: the measure gets its own division: lead-first', () => {
    const text = guidelineWith(`      - id: "4.2"
        title: 乙
        agencies:
          - 省科技厅
          - 省经信厅  # 配合
      - id: "4.3"
        title: 丙
        agencies: [省科技厅]
`, 'division: by-function\n');
    const p = project(text);
    const fix = makeLeadFix(p, 'tasks/doc.yaml', text.indexOf('省经信厅'), 'en')!;
    const fixed = apply(text, fix.edits);
    assert.equal(fixed, text.replace('          - 省科技厅\n          - 省经信厅  # 配合\n', '          - 省经信厅  # 配合\n          - 省科技厅\n        division: lead-first\n'));
    const noLead = project(fixed).lint(['tasks/doc.yaml']).diagnostics.filter((d) => d.rule === 'no-lead');
    assert.equal(noLead.length, 1, 'only 4.3 is still without a lead');
    assert.match(noLead[0]!.message, /4\.3/);
  });

  it('offer no "make lead" for a collective', () => {
    const text = guidelineWith(`      - id: "4.2"
        title: 乙
        agencies: [省科技厅, 省数字经济领导小组各成员单位]
`);
    assert.equal(makeLeadFix(project(text), 'tasks/doc.yaml', text.indexOf('省数字经济') + 1, 'en'), undefined);
  });

  it('fix all applies every preferred fix without overlaps', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省发改委, 省经信委, 省科技厅, 科技厅]
`);
    const p = project(text);
    const { diagnostics } = p.lint(['tasks/doc.yaml']);
    const fixed = apply(text, fixAllEdits(p, 'tasks/doc.yaml', diagnostics, 'en'));
    assert.match(fixed, /agencies: \[省发展改革委, 省经信厅, 省科技厅\]/);
    assert.deepEqual(project(fixed).lint(['tasks/doc.yaml']).diagnostics, []);
  });
});
