import { strict as assert } from 'node:assert';
import { mermaidLabel } from '../../../core/index';

describe('mermaidLabel', () => {
  it('keeps Chinese text, letters, digits and CJK punctuation as they are', () => {
    assert.equal(mermaidLabel('省科技厅 2.1（牵头）：加快、推进。'), '省科技厅 2#46;1（牵头）：加快、推进。');
  });

  it('writes every Mermaid or HTML metacharacter as an entity code', () => {
    const hostile = '"]; click a0 "javascript:alert(1)" %%{init: {"theme":"dark"}}%% --> <img src=x onerror=alert(1)> | # ; `';
    const label = mermaidLabel(hostile);
    assert.doesNotMatch(label.replace(/#\d+;/g, ''), /["<>[\]{}|;%`:=()#-]/, label);
    assert.ok(label.includes('#60;img'), 'the < of the tag is an entity');
  });

  it('turns line breaks and control characters into spaces', () => {
    assert.equal(mermaidLabel('甲\n乙\r\n丙\u0007丁'), '甲 乙 丙 丁');
  });

  it('encodes characters outside the basic plane by code point', () => {
    assert.equal(mermaidLabel('😀'), '#128512;');
  });

  it('encodes the ligature Mermaid uses as its own placeholder', () => {
    assert.equal(mermaidLabel('ﬂ°°60¶ß'), '#64258;#8288;#176;#176;60#182;#8288;ß');
  });
});
