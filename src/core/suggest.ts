// "Did you mean": the closest known name to a misspelt one.

/** Levenshtein distance, in UTF-16 units (every agency name is BMP text). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
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
    const distance = editDistance(name, candidate);
    const contained = candidate !== '' && (candidate.includes(name) || name.includes(candidate));
    const limit = Math.max(1, Math.floor(Math.max(name.length, candidate.length) / 2));
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
