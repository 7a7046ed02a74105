import { strict as assert } from 'node:assert';
import { fixesFor, parseConfig, Project } from '../../../core/index';
import { covered, guidelineWith, lintGuideline, ofRule, REGISTRY } from '../../support/project';

const measure = (deadline: string, id = '2.1') => `      - id: "${id}"
        title: 强化前沿基础研究
        agencies: [省科技厅]
        deadline: ${deadline}
`;

describe('rule deadline-format', () => {
  it('stays quiet for every readable form: dated, ongoing, or without a year', () => {
    const text = guidelineWith(['2025年底前', '2026年6月', '2026年一季度', '"2027-12-31"', '长期坚持', '持续推进', '一季度', '3月底前'].map((d, i) => measure(d, `2.${i + 1}`)).join(''), 'deadline: 2027年底前\n');
    assert.deepEqual(ofRule(lintGuideline(text), 'deadline-format'), []);
  });

  it('flags a typo at the value and suggests the nearest reading with its due date', () => {
    const text = guidelineWith(measure('2025年低前'));
    const [finding, ...rest] = ofRule(lintGuideline(text), 'deadline-format');
    assert.equal(rest.length, 0);
    assert.equal(finding!.severity, 'warning');
    assert.equal(covered(text, finding!), '2025年低前');
    assert.equal(finding!.line, 11);
    assert.equal(finding!.column, 19);
    assert.equal(finding!.data?.suggestion, '2025年底前');
    assert.equal(finding!.message, 'The deadline "2025年低前" of measure "2.1" cannot be read; did you mean "2025年底前" (due 2025-12-31)?');
  });

  it('says what ongoing and year-less suggestions mean', () => {
    const text = guidelineWith(measure('长期坚特') + measure('一李度', '2.2'));
    const [ongoing, undated] = ofRule(lintGuideline(text), 'deadline-format');
    assert.match(ongoing!.message, /"长期坚持" \(ongoing, no due date\)/);
    assert.match(undated!.message, /"一季度" \(no year, so no due date\)/);
  });

  it('flags what it cannot read at all, with the forms it can', () => {
    const text = guidelineWith(measure('按国家部署推进'));
    const [finding] = ofRule(lintGuideline(text), 'deadline-format');
    assert.equal(covered(text, finding!), '按国家部署推进');
    assert.equal(finding!.data, undefined);
    assert.match(finding!.message, /cannot be read; write it as the document does, like 2025年底前/);
  });

  it('checks the document-wide default at its own value', () => {
    const text = guidelineWith(measure('2025年底前'), 'deadline: 2027年低前\n');
    const [finding] = ofRule(lintGuideline(text), 'deadline-format');
    assert.equal(covered(text, finding!), '2027年低前');
    assert.equal(finding!.line, 4);
    assert.match(finding!.message, /of the guideline cannot be read; did you mean "2027年底前"/);
  });

  it('points at the quoted value, quotes included', () => {
    const text = guidelineWith(measure('"2027/12/31"'));
    const [finding] = ofRule(lintGuideline(text), 'deadline-format');
    assert.equal(covered(text, finding!), '"2027/12/31"');
    assert.equal(finding!.data?.suggestion, '2027-12-31');
  });

  it('speaks Chinese in the zh-cn locale', () => {
    const [suggest] = ofRule(lintGuideline(guidelineWith(measure('2025年低前')), { locale: 'zh-cn' }), 'deadline-format');
    assert.equal(suggest!.message, '措施“2.1”的完成时限“2025年低前”无法识别；是否应为“2025年底前”（到期日 2025-12-31）？');
    const [plain] = ofRule(lintGuideline(guidelineWith(measure('尽快')), { locale: 'zh-cn' }), 'deadline-format');
    assert.match(plain!.message, /^措施“2\.1”的完成时限“尽快”无法识别；请按原文写作/);
  });

  it('can be raised to an error or switched off in the configuration', () => {
    const text = guidelineWith(measure('2025年低前'));
    const error = parseConfig('.taskmatrix.yaml', 'rules:\n  deadline-format: error\n', 'en').config;
    assert.equal(ofRule(lintGuideline(text, { config: error }), 'deadline-format')[0]!.severity, 'error');
    const off = parseConfig('.taskmatrix.yaml', 'rules:\n  deadline-format: off\n', 'en').config;
    assert.deepEqual(ofRule(lintGuideline(text, { config: off }), 'deadline-format'), []);
  });

  describe('quick fix', () => {
    const fixOf = (text: string) => {
      const project = new Project();
      project.setFile('tasks/agencies.yaml', REGISTRY);
      project.setFile('tasks/doc.yaml', text);
      const [finding] = project.lint(['tasks/doc.yaml']).diagnostics.filter((d) => d.rule === 'deadline-format');
      return { fixes: fixesFor(project, finding!, 'en'), finding: finding! };
    };
    const apply = (text: string, edit: { range: readonly [number, number]; newText: string }) => text.slice(0, edit.range[0]) + edit.newText + text.slice(edit.range[1]);

    it('writes the suggestion in place, as the preferred fix', () => {
      const text = guidelineWith(measure('2025年低前'));
      const { fixes } = fixOf(text);
      assert.equal(fixes.length, 1);
      assert.equal(fixes[0]!.title, 'Write the deadline as "2025年底前"');
      assert.equal(fixes[0]!.preferred, true);
      assert.equal(apply(text, fixes[0]!.edits[0]!), guidelineWith(measure('2025年底前')));
    });

    it('keeps the quotes the value had, and quotes a date YAML 1.1 would read as one', () => {
      const single = guidelineWith(measure("'2027/12/31'"));
      assert.equal(apply(single, fixOf(single).fixes[0]!.edits[0]!), guidelineWith(measure("'2027-12-31'")));
      const plain = guidelineWith(measure('2027/12/31'));
      assert.equal(apply(plain, fixOf(plain).fixes[0]!.edits[0]!), guidelineWith(measure('"2027-12-31"')));
      const typo = guidelineWith(measure('"2025年低前"'));
      assert.equal(apply(typo, fixOf(typo).fixes[0]!.edits[0]!), guidelineWith(measure('"2025年底前"')));
    });

    it('offers none when there is nothing to suggest', () => {
      assert.deepEqual(fixOf(guidelineWith(measure('尽快'))).fixes, []);
    });
  });
});
