// How alike two measures read: the Dice coefficient of their character pairs. Chinese has no
// spaces to split words at, and a reworded measure keeps most of its two-character pairs.

/** The character pairs of a text, sorted, white space and punctuation left out. */
export function bigramsOf(text: string): Uint32Array {
  const chars = text.replace(/[\s\p{P}]+/gu, '');
  const grams = new Uint32Array(Math.max(0, chars.length - 1));
  for (let i = 0; i < grams.length; i++) grams[i] = ((chars.charCodeAt(i) << 16) | chars.charCodeAt(i + 1)) >>> 0;
  return grams.sort();
}

/** 2·|A∩B| / (|A|+|B|) of two sorted pair lists (repeats counted); 1 for two empty texts. */
export function dice(a: Uint32Array, b: Uint32Array): number {
  if (a.length + b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return (2 * common) / (a.length + b.length);
}

/** What similarity needs of a measure, computed once. */
export interface Fingerprint {
  title: Uint32Array;
  text: Uint32Array;
  hasText: boolean;
}

export function fingerprintOf(title: string, text: string): Fingerprint {
  return { title: bigramsOf(title), text: bigramsOf(text), hasText: text.trim() !== '' };
}

/**
 * Similarity of two measures from 0 to 1: mostly their text, which carries the substance, partly
 * their title; by title alone when either has no text.
 */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  const title = dice(a.title, b.title);
  if (!a.hasText || !b.hasText) return title;
  return 0.35 * title + 0.65 * dice(a.text, b.text);
}
