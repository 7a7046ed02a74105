import { strict as assert } from 'node:assert';
import { parse as parseYaml } from 'yaml';
import { agencyCompletionText, completionContextAt } from '../../../core/index';

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
