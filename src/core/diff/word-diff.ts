// A short word-level diff of two titles, for a reviewer to see at a glance what was reworded.
// Chinese is split into words by the runtime's dictionary segmenter (Intl.Segmenter).

export interface WordDiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Longer titles are shown as one replacement: the comparison table grows with the product of the lengths. */
const MAX_WORDS = 200;

let segmenter: Intl.Segmenter | undefined;

/** The words (and the spaces and punctuation between them) of a text, in order. */
export function wordsOf(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(text)].map((segment) => segment.segment);
}

/** The parts of `after` kept from `before`, removed and added, in reading order; neighbouring parts of a kind merged. */
export function wordDiff(before: string, after: string): WordDiffPart[] {
  const a = wordsOf(before);
  const b = wordsOf(after);
  const parts: WordDiffPart[] = [];
  const push = (kind: WordDiffPart['kind'], text: string) => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
    push('removed', before);
    push('added', after);
    return parts;
  }
  // lengths[i][j]: the longest common subsequence of a[i…] and b[j…].
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i++]!);
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < a.length) push('removed', a[i++]!);
  while (j < b.length) push('added', b[j++]!);
  return parts;
}
