// Text that goes into a Mermaid diagram. Names and titles are data: they must show literally
// and never change the diagram (quotes, brackets, `%%` directives, `-->`, `click` lines) nor
// become markup. Every character outside a small safe set is written as a Mermaid entity
// code (`#60;`), which Mermaid turns into an HTML character reference: text, never a tag.
import { visibleText } from '../export/escape';

// Letters, digits, space and CJK punctuation (，。、（）：；“”《》…) carry no meaning in Mermaid syntax.
const SAFE = /[\p{L}\p{N} \u3000-\u303f\uff01-\uff5e\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/u;

/** A label for `id["…"]` or `subgraph id["…"]`: safe whatever the text. */
export function mermaidLabel(text: string): string {
  let out = '';
  // Line breaks and controls become a space; bidi controls are shown (\u202e), as Mermaid would
  // otherwise hand them to the SVG and let them reorder the label.
  for (const char of visibleText(text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' '))) {
    if (SAFE.test(char) && char !== 'ﬂ') out += char;
    // Mermaid marks entities with the placeholders ﬂ°, ﬂ°° and ¶ß and decodes them again over
    // the finished SVG: an invisible word joiner after ﬂ and ¶ keeps such text from forming one.
    else if (char === 'ﬂ' || char === '¶') out += `#${char.codePointAt(0)};#8288;`;
    else out += `#${char.codePointAt(0)};`;
  }
  return out;
}

/** Labels are shortened for readability; the full text stays in the matrix. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
