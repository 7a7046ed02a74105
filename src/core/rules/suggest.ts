// "Did you mean": the closest known name to a misspelt one.

/** Levenshtein distance, in UTF-16 units (every agency name is BMP text). */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a, b, Infinity);
}

/**
 * Levenshtein distance, or any number above `max` as soon as it is known to exceed it: a row
 * whose every cell is past `max` can only lead to larger ones.
 */
function boundedDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = code === b.charCodeAt(j - 1) ? 0 : 1;
      const cell = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = cell;
      if (cell < rowMin) rowMin = cell;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `name`, if close enough to be a plausible slip:
 * at most half the longer name may differ (Chinese agency names are short, so one or two
 * characters matter), and containment (省科技厅 / 科技厅) counts as close.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  if (!name) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const contained = candidate !== '' && (candidate.includes(name) || name.includes(candidate));
    const limit = Math.max(1, Math.floor(Math.max(name.length, candidate.length) / 2));
    // Past the limit the exact distance no longer matters, unless containment keeps the candidate.
    const distance = boundedDistance(name, candidate, contained ? Infinity : limit);
    if (distance > limit && !contained) continue;
    // Prefer smaller distance; on ties, the shorter candidate, then the earlier one.
    const score = distance * 1000 + candidate.length;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
