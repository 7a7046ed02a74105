import { strict as assert } from 'node:assert';
import { parseConfig, Project } from '../../../core/index';
import { covered, guidelineWith, lintGuideline, ofRule, REGISTRY } from '../../support/project';

const measure = (id: string, deadline: string | undefined, status?: string) =>
  `      - id: "${id}"
        title: 措施${id}
        agencies: [省科技厅]
${deadline === undefined ? '' : `        deadline: ${deadline}\n`}${status === undefined ? '' : `        status: ${status}\n`}`;

const TODAY = '2026-03-01';

describe('rule overdue', () => {
  it('flags a measure past its due date that is not done, at its deadline', () => {
    const text = guidelineWith(measure('2.1', '2025年底前', 'in-progress'));
    const [finding, ...rest] = ofRule(lintGuideline(text, { today: TODAY }), 'overdue');
    assert.equal(rest.length, 0);
    assert.equal(finding!.severity, 'warning');
    assert.equal(covered(text, finding!), '2025年底前');
    assert.equal(finding!.line, 11);
    assert.deepEqual(finding!.data, { due: '2025-12-31', today: TODAY });
    assert.equal(
      finding!.message,
      'Measure 2.1 was due on 2025-12-31 ("2025年底前"), before 2026-03-01, and is not done (status: in progress); record its progress or set status: done.',
    );
  });

  it('flags every status but done, and a measure without one', () => {
    const text = guidelineWith(
      measure('2.1', '2025年底前', 'not-started') + measure('2.2', '2025年底前', 'delayed') + measure('2.3', '2025年底前') + measure('2.4', '2025年底前', 'done'),
    );
    const findings = ofRule(lintGuideline(text, { today: TODAY }), 'overdue');
    assert.deepEqual(
      findings.map((f) => f.message.match(/Measure (\S+) .*\(status: ([^)]*)\)/)!.slice(1)),
      [
        ['2.1', 'not started'],
        ['2.2', 'delayed'],
        ['2.3', 'not recorded'],
      ],
    );
  });

  it('is due at the end of its day: quiet on the due date itself, flagged the day after', () => {
    const text = guidelineWith(measure('2.1', '2026年2月'));
    assert.deepEqual(ofRule(lintGuideline(text, { today: '2026-02-28' }), 'overdue'), []);
    assert.equal(ofRule(lintGuideline(text, { today: '2026-03-01' }), 'overdue').length, 1);
  });

  it('never flags ongoing, year-less, unreadable or future deadlines', () => {
    const text = guidelineWith(measure('2.1', '长期坚持') + measure('2.2', '一季度') + measure('2.3', '2025年低前') + measure('2.4', '2026年底前') + measure('2.5', undefined));
    assert.deepEqual(ofRule(lintGuideline(text, { today: TODAY }), 'overdue'), []);
  });

  it('applies the document-wide deadline, pointing at the measure that inherits it', () => {
    const text = guidelineWith(measure('2.1', undefined, 'in-progress') + measure('2.2', '2027年底前'), 'deadline: 2025年底前\n');
    const [finding, ...rest] = ofRule(lintGuideline(text, { today: TODAY }), 'overdue');
    assert.equal(rest.length, 0);
    assert.equal(covered(text, finding!), '"2.1"');
    assert.match(finding!.message, /Measure 2\.1 was due on 2025-12-31 \("2025年底前"\)/);
  });

  it('reads today from the lint option, per file when it is a function', () => {
    const text = guidelineWith(measure('2.1', '2026年6月'));
    assert.deepEqual(ofRule(lintGuideline(text, { today: '2026-06-30' }), 'overdue'), []);
    assert.equal(ofRule(lintGuideline(text, { today: '2026-07-01' }), 'overdue').length, 1);
    const asked: string[] = [];
    const today = (path: string) => {
      asked.push(path);
      return '2026-07-01';
    };
    assert.equal(ofRule(lintGuideline(text, { today }), 'overdue').length, 1);
    assert.deepEqual(asked, ['tasks/doc.yaml']);
  });

  it('falls back to the local date when the option is empty or not a date', () => {
    const text = guidelineWith(measure('2.1', '2000年底前') + measure('2.2', '2099年底前'));
    for (const today of [undefined, '', 'tomorrow', '2026-02-30', () => undefined]) {
      assert.deepEqual(
        ofRule(lintGuideline(text, { today }), 'overdue').map((f) => covered(text, f)),
        ['2000年底前'],
        String(today),
      );
    }
  });

  it('gives the same findings in the editor and the command line for the same date', () => {
    const text = guidelineWith(measure('2.1', '2025年底前', 'in-progress') + measure('2.2', '2026年一季度'));
    const lint = (today: ConstructorParameters<typeof Project>[0]) => {
      const project = new Project(today);
      project.setFile('tasks/agencies.yaml', REGISTRY);
      project.setFile('tasks/doc.yaml', text);
      return project.lint().diagnostics;
    };
    assert.deepEqual(lint({ today: () => '2026-04-01' }), lint({ today: '2026-04-01' }));
  });

  it('speaks Chinese in the zh-cn locale', () => {
    const [finding] = ofRule(lintGuideline(guidelineWith(measure('2.1', '2025年底前', 'delayed')), { today: TODAY, locale: 'zh-cn' }), 'overdue');
    assert.equal(finding!.message, '措施 2.1 的完成时限为 2025-12-31（“2025年底前”），早于 2026-03-01，但尚未完成（状态：滞后）；请补充进展或将 status 设为 done。');
  });

  it('can be raised to an error or switched off in the configuration', () => {
    const text = guidelineWith(measure('2.1', '2025年底前'));
    const error = parseConfig('.taskmatrix.yaml', 'rules:\n  overdue: error\n', 'en').config;
    assert.equal(ofRule(lintGuideline(text, { today: TODAY, config: error }), 'overdue')[0]!.severity, 'error');
    const off = parseConfig('.taskmatrix.yaml', 'rules:\n  overdue: off\n', 'en').config;
    assert.deepEqual(ofRule(lintGuideline(text, { today: TODAY, config: off }), 'overdue'), []);
  });
});
