// Plain text: every line a block, as written. The lines of a text file may be hard-wrapped copies of
// a PDF, so joining them into paragraphs is left to the paragraph stage (paragraphsKnown: false).
import type { TextEncodingName } from '../decode';
import type { SourceDocument, TextBlock } from '../source';

/** One text block per line (empty lines included, so that blank-line breaks survive), numbered from 1. */
export function readText(text: string, encoding: TextEncodingName): SourceDocument {
  const lines = text.split(/\r\n|\r|\n/);
  // A final line break ends the last line; it does not start an empty one.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const blocks = lines.map((line, index): TextBlock => ({ kind: 'text', text: line, line: index + 1 }));
  return { format: 'text', encoding, paragraphsKnown: false, blocks };
}
