// Terminal column widths: CJK characters take two columns, so tables align only if counted so;
// and what may reach a terminal at all.
import { visibleText } from '../core/index';

/** Display width of a string in a terminal (East Asian wide and full-width characters count 2). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Pads to a display width (never truncates). */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Cuts to a display width, with an ellipsis when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…`;
}

/**
 * Data on one line of a terminal: control characters (which would move the cursor, retitle or
 * clear the terminal) and bidi controls (which would reorder the line) shown escaped, as `\u001b`.
 */
export function printable(text: string): string {
  return visibleText(text, '\t');
}

/** ESC [ … m: the colour codes taskmatrix itself writes. */
const OWN_COLOUR = /\u001b\[[0-9;]*m/g;

/**
 * The last guard before a terminal, applied to everything the command line writes to standard
 * output and standard error: any control or bidi character that is not structure (tab, line feed,
 * the CR of CRLF) is shown escaped; with `colour`, the colour codes taskmatrix writes are kept.
 */
export function terminalSafe(text: string, colour: boolean): string {
  const escape = (part: string) => visibleText(part, '\t\n\r').replace(/\r(?!\n)/g, '\\r');
  if (!colour || !text.includes('\u001b')) return escape(text);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(OWN_COLOUR)) {
    out += escape(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escape(text.slice(last));
}
