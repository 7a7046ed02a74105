// Escaping of names and titles for each output: they are data and must never become markup,
// formulas, table structure or terminal commands, nor reorder the text around them.

/**
 * Characters that must not reach a reader as they are: C0 controls, DEL and C1 controls (a
 * terminal obeys ESC]0;…BEL and ESC[2J; U+009B is a one-character CSI), and the bidi embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), with which `‮gpj.exe` reads "exe.jpg".
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Data made visible and inert: every control character and bidi control written out as `\u001b`
 * (`\n`, `\r`, `\t` for those), except the characters in `keep`, which are structure where the
 * text goes (a line feed between the lines of a message). Used by every output that shows data.
 */
export function visibleText(value: string, keep = ''): string {
  return value.replace(CONTROLS, (c) => (keep.includes(c) ? c : (SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)));
}

/**
 * Text for a Word or Excel file: controls made visible as visibleText does (line feeds kept, the
 * writers break lines there), and the two non-characters XML 1.0 forbids replaced — one raw
 * control character makes the whole file unreadable to Word.
 */
export function officeText(value: string): string {
  return visibleText(value, '\n').replace(/[\ufffe\uffff]/g, '\ufffd');
}

/** Characters JSON leaves raw that a terminal or a reader must not get raw: DEL, C1 and bidi controls. */
const JSON_RAW = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * JSON text as JSON.stringify writes it, with DEL, C1 and bidi controls (and U+2028/2029) as
 * \u escapes too: the same value to a parser, inert on a terminal.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Cells a spreadsheet would read as a formula: `= + - @`, their full-width forms (Excel and WPS
 * fold ＝＋－＠ to ASCII), and any of them after leading white space; and cells that start with
 * tab, CR, LF, NBSP or U+3000, which some programs strip before looking.
 */
const FORMULA_START = /^(?:[\t\r\n\u00a0\u3000]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/**
 * A CSV field (RFC 4180) that spreadsheet programs show as text: quoted when needed, and
 * prefixed with ' when it would otherwise start a formula (CSV injection). Control characters
 * other than tab and line breaks are shown as `\u001b` (the file may be printed on a terminal).
 */
export function csvField(value: string): string {
  const visible = visibleText(value, '\t\n\r').replace(/\r(?!\n)/g, '\\r');
  const safe = FORMULA_START.test(visible) ? `'${visible}` : visible;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Text in a Markdown table cell or heading: no pipes, line breaks, HTML, emphasis or GitHub math
 * (`$…$`) can leak out, and control characters are shown as `\u001b`.
 */
export function markdownCell(value: string): string {
  return visibleText(value.replace(/\r\n|\r|\n/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]{}#|!~$])/g, '\\$1');
}

/** Text in HTML content or a quoted attribute; control characters and bidi controls shown as `\u202e`. */
export function escapeHtml(value: string): string {
  return visibleText(value, '\t\n').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * A name or title in HTML content, isolated (`<bdi>`) so that right-to-left text cannot reorder
 * what is around it; long text is clamped by the page's CSS (`bdi.clip`), the whole of it in the
 * title attribute.
 */
export function htmlData(value: string): string {
  const escaped = escapeHtml(value);
  return value.length > LONG_TEXT ? `<bdi class="clip" title="${escaped}">${escaped}</bdi>` : `<bdi>${escaped}</bdi>`;
}

/** Text longer than this is clamped in HTML tables (a 100,000-character name must not make the page a million pixels wide). */
const LONG_TEXT = 80;

/** JSON inside a <script> element: `<` escaped so no `</script>` or `<!--` can appear. */
export function scriptJson(value: unknown): string {
  return jsonText(value).replace(/</g, '\\u003c');
}
