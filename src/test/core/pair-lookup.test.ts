// pairOf scans a large mapping until scans have cost several passes over it, then indexes it as
// it goes: whatever the order of lookups, it must find what a plain search finds (the first pair
// of a name, numbers and missing keys by their text), and stay linear.
import { strict as assert } from 'node:assert';
import { isMap, parseDocument } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import { pairOf } from '../../core/source/document';

/** The first pair whose key reads as `key`, by a plain search. */
function expected(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
  return (map.items as Pair<Node, Node>[]).find((pair) => {
    const k = pair.key as { value?: unknown } | null;
    if (k === null || k === undefined) return key === '';
    return typeof k === 'object' && 'value' in k && (k.value === null ? '' : String(k.value)) === key;
  });
}

function mapping(text: string): YAMLMap {
  const doc = parseDocument(text, { uniqueKeys: false });
  assert.ok(isMap(doc.contents));
  return doc.contents as YAMLMap;
}

describe('pairOf', () => {
  const size = 5000;
  // Plain, numeric and missing keys, and a repeated name whose first pair must win.
  const text = Array.from({ length: size }, (_, i) => (i === 10 ? ': missing key\n' : i % 7 === 0 ? `${i}: number ${i}\n` : `key_${i}: v${i}\n`)).join('') + 'key_1: repeated\n';

  it('finds what a plain search finds, in any order of lookups, before and after it indexes', () => {
    const map = mapping(text);
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Far keys first (scans), then enough lookups to pass the scan budget, then everything again.
    const names = [`key_${size - 1}`, 'absent', `key_${size - 2}`, `${size - 3}`, '', 'key_1', ...Array.from({ length: 3000 }, () => (random() < 0.1 ? `nothing_${Math.floor(random() * 5)}` : `key_${Math.floor(random() * size)}`))];
    for (const name of [...names, ...names.reverse()]) assert.equal(pairOf(map, name), expected(map, name), name);
    for (let i = 0; i < size; i++) for (const name of [`key_${i}`, `${i}`]) assert.equal(pairOf(map, name), expected(map, name), name);
  });

  it('stays linear when every key is looked up from the far end', () => {
    const count = 30_000;
    const map = mapping(Array.from({ length: count }, (_, i) => `key_${i}: v\n`).join(''));
    const started = performance.now();
    for (let i = count - 1; i >= 0; i--) assert.ok(pairOf(map, `key_${i}`));
    // n² would be 4.5·10⁸ key comparisons here (over ten seconds); the index keeps it to a few passes.
    assert.ok(performance.now() - started < 5000, `${(performance.now() - started).toFixed(0)} ms`);
  });
});
