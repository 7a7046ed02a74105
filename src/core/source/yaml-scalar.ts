// Writing a string as a YAML scalar that reads back as exactly that string, plain where that is
// safe (as drafters write names) and double-quoted otherwise. Safe inside flow lists too, so the
// same spelling serves `name: X` and `[X, Y]`.

const RESERVED = /^(true|false|yes|no|on|off|null|~|[-+.]?\d.*|\.(inf|nan))$/i;

export function yamlScalar(value: string): string {
  return isPlainSafe(value) ? value : doubleQuoted(value);
}

function isPlainSafe(value: string): boolean {
  if (value === '' || RESERVED.test(value)) return false;
  // Indicators at the start, flow punctuation, `: ` / ` #` and every ASCII colon or hash (a
  // trailing `:` would start a mapping) are all avoided by quoting; so is any control character.
  if (/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) || /\s$/.test(value)) return false;
  return !/[:#,[\]{}\p{Cc}\u2028\u2029\uFEFF\u202a-\u202e\u2066-\u2069]/u.test(value);
}

function doubleQuoted(value: string): string {
  // JSON's escapes are a subset of YAML's double-quoted ones; line and paragraph separators and
  // the BOM are escaped as well, so that the file stays one readable line per value, and so are
  // DEL, C1 and the bidi controls, which must not reach a terminal or reorder the line.
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\uFEFF\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
