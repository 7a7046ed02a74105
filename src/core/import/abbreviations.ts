// Names shortened after their first use: 市发展和改革委员会 first, 市发改委 afterwards. The short
// form becomes an alias of the full name in the registry, so that both resolve to one agency.

/** Each name that shortens another name of the same document, with the name it shortens. */
export function abbreviations(names: readonly string[], known: (name: string) => boolean): Array<{ alias: string; name: string }> {
  const distinct = [...new Set(names)];
  const found: Array<{ alias: string; name: string }> = [];
  for (const short of distinct) {
    if (known(short) || short.length < 3) continue;
    const fuller = distinct.filter((long) => long !== short && long.length > short.length && shortens(short, long));
    if (fuller.length === 1) found.push({ alias: short, name: fuller[0]! });
  }
  return found;
}

/**
 * Whether `short` reads as an abbreviation of `long`: the same first character (省, 市, 区, 国),
 * the characters of `short` in order inside `long`, and the same kind of body at the end
 * (委 for 委员会, 局 for 局, …).
 */
function shortens(short: string, long: string): boolean {
  if (short[0] !== long[0]) return false;
  const ending = short[short.length - 1]!;
  const longEnding = long.endsWith('委员会') ? '委' : long[long.length - 1]!;
  if (ending !== longEnding) return false;
  let at = 0;
  for (const char of short) {
    at = long.indexOf(char, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
