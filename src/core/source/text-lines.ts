// Offsets of line starts in a text, for edits that insert or remove whole lines.

/** Where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the line after the one holding `offset` starts (the text's end on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

/**
 * The line end to write at `offset`: that of the line before it (the last line end before the
 * offset), else the text's first, else LF. In a file with mixed line ends, new lines match
 * their neighbours.
 */
export function lineEndAt(text: string, offset: number): '\n' | '\r\n' {
  let end = text.lastIndexOf('\n', offset - 1);
  if (end < 0) end = text.indexOf('\n');
  return end > 0 && text[end - 1] === '\r' ? '\r\n' : '\n';
}
