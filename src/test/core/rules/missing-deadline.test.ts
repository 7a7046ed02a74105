import { strict as assert } from 'node:assert';
import { parseConfig, ruleById } from '../../../core/index';
import { covered, guidelineWith, lintGuideline, ofRule } from '../../support/project';

const measure = (id: string, deadline?: string) =>
  `      - id: "${id}"
        title: 措施${id}
        agencies: [省科技厅]
${deadline === undefined ? '' : `        deadline: ${deadline}\n`}`;

const on = (severity = 'warning') => parseConfig('.taskmatrix.yaml', `rules:\n  missing-deadline: ${severity}\n`, 'en').config;

describe('rule missing-deadline', () => {
  it('is off by default', () => {
    assert.equal(ruleById('missing-deadline')!.meta.defaultSeverity, 'off');
    assert.deepEqual(ofRule(lintGuideline(guidelineWith(measure('2.1'))), 'missing-deadline'), []);
  });

  it('once switched on, flags a measure without a deadline at its id', () => {
    const text = guidelineWith(measure('2.1') + measure('2.2', '长期坚持'));
    const [finding, ...rest] = ofRule(lintGuideline(text, { config: on() }), 'missing-deadline');
    assert.equal(rest.length, 0);
    assert.equal(finding!.severity, 'warning');
    assert.equal(covered(text, finding!), '"2.1"');
    assert.equal(finding!.line, 8);
    assert.equal(finding!.message, "Measure 2.1 has no deadline (完成时限); add deadline: in the document's words, e.g. 2025年底前 or 长期坚持.");
  });

  it('counts the document-wide deadline as every measure\'s', () => {
    const text = guidelineWith(measure('2.1') + measure('2.2'), 'deadline: 2027年底前\n');
    assert.deepEqual(ofRule(lintGuideline(text, { config: on() }), 'missing-deadline'), []);
  });

  it('counts a deadline it cannot read as present (deadline-format reports that)', () => {
    const text = guidelineWith(measure('2.1', '尽快'));
    assert.deepEqual(ofRule(lintGuideline(text, { config: on() }), 'missing-deadline'), []);
  });

  it('takes the severity the configuration gives it', () => {
    assert.equal(ofRule(lintGuideline(guidelineWith(measure('2.1')), { config: on('error') }), 'missing-deadline')[0]!.severity, 'error');
    assert.equal(ofRule(lintGuideline(guidelineWith(measure('2.1')), { config: on('info') }), 'missing-deadline')[0]!.severity, 'info');
  });

  it('speaks Chinese in the zh-cn locale', () => {
    const [finding] = ofRule(lintGuideline(guidelineWith(measure('2.1')), { config: on(), locale: 'zh-cn' }), 'missing-deadline');
    assert.equal(finding!.message, '措施 2.1 未填写完成时限；请按原文添加 deadline，如“2025年底前”或“长期坚持”。');
  });
});
