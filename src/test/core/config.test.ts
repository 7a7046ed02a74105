import { strict as assert } from 'node:assert';
import { parseConfig } from '../../core/index';
import { guidelineWith, lintGuideline, ofRule } from '../support/project';

const byFunction = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省发改委, 省科技厅]
        division: by-function
`);

describe('project configuration', () => {
  it('raises and lowers severities, and switches rules off', () => {
    const { config, problems } = parseConfig('.taskmatrix.yaml', 'rules:\n  no-lead: error\n  alias-agency: off\n', 'en');
    assert.deepEqual(problems, []);
    const result = lintGuideline(byFunction, { config });
    assert.deepEqual(result.diagnostics.map((d) => [d.rule, d.severity]), [['no-lead', 'error']]);
  });

  it('reads the registry path', () => {
    const { config } = parseConfig('.taskmatrix.yaml', 'registry: shared/agencies.yaml\n', 'en');
    assert.equal(config.registry, 'shared/agencies.yaml');
  });

  it('reports an unknown rule with a suggestion and its position', () => {
    const { problems } = parseConfig('.taskmatrix.yaml', 'rules:\n  no-leed: off\n', 'en');
    assert.equal(problems.length, 1);
    assert.deepEqual([problems[0]!.line, problems[0]!.column], [2, 3]);
    assert.match(problems[0]!.message, /did you mean "no-lead"/);
  });

  it('reports a bad severity, an unknown key and malformed YAML', () => {
    const { problems } = parseConfig('.taskmatrix.yaml', 'rules:\n  no-lead: fatal\nextends: x\n', 'en');
    assert.deepEqual(problems.map((p) => [p.line, p.rule]), [
      [2, 'schema'],
      [3, 'schema'],
    ]);
    assert.equal(parseConfig('.taskmatrix.yaml', 'rules: [\n', 'en').problems[0]?.rule, 'yaml-syntax');
  });

  it('accepts an empty configuration', () => {
    assert.deepEqual(parseConfig('.taskmatrix.yaml', '', 'en').problems, []);
    assert.deepEqual(parseConfig('.taskmatrix.yaml', 'rules:\n', 'en').problems, []);
  });

  it('leaves defaults alone for rules it does not mention', () => {
    const { config } = parseConfig('.taskmatrix.yaml', 'rules:\n  unused-agency: warning\n', 'en');
    assert.deepEqual(ofRule(lintGuideline(byFunction, { config }), 'no-lead').map((d) => d.severity), ['warning']);
  });
});
