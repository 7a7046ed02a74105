import { strict as assert } from 'node:assert';
import { completionContextAt } from '../../../core/index';

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
