import { strict as assert } from 'node:assert';
import { guidelineWith, lintGuideline, ofRule } from '../../support/project';

describe('rule yaml-syntax', () => {
  it('reports a duplicate key at the second key with its name', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        title: 乙
`);
    const [finding] = ofRule(lintGuideline(text), 'yaml-syntax');
    assert.equal(finding!.line, 10);
    assert.equal(finding!.column, 9);
    assert.match(finding!.message, /Duplicate key "title"/);
  });

  it('reports an unclosed flow sequence', () => {
    const text = guidelineWith(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省经信厅
`);
    const findings = ofRule(lintGuideline(text), 'yaml-syntax');
    assert.ok(findings.length >= 1);
    assert.ok(findings.every((f) => f.line >= 9), 'points at or after the open bracket');
  });

  it('does not run the schema on a file that is not well-formed', () => {
    const text = 'id: [\n';
    const result = lintGuideline(text);
    assert.ok(ofRule(result, 'yaml-syntax').length > 0);
    assert.equal(ofRule(result, 'schema').length, 0);
  });

  it('is quiet on well-formed YAML', () => {
    assert.deepEqual(ofRule(lintGuideline(guidelineWith('')), 'yaml-syntax'), []);
  });
});
