// The order of the agencies beside one block of the ownership graph: barycentre order, leads
// first between equal barycentres, registry order last, then adjacent swaps while a swap removes
// crossings. The crossings are checked against a count made here pair of lines by pair of lines.
import { strict as assert } from 'node:assert';
import { blockCrossings, orderAgencies } from '../../../core/graph/block-order';
import type { BlockLink } from '../../../core/graph/block-order';
import { seededRandom } from '../../../bench/generate-corpus';

/** The same blocks on every run. */
const prng = seededRandom;

/**
 * Crossings counted line pair by line pair: agency a drawn above agency b, a's line to measure p
 * and b's line to measure q cross when p lies below q. Lines that meet at one measure do not cross.
 */
function crossingsByPairs(order: string[], links: BlockLink[]): number {
  const row = new Map(order.map((name, index) => [name, index]));
  let total = 0;
  for (const x of links) for (const y of links) if (row.get(x.agency)! < row.get(y.agency)! && x.position > y.position) total++;
  return total;
}

/** The order of the first step alone: mean position, leads first between equal means, then registry order. */
function barycentreOrder(agencies: string[], links: BlockLink[]): string[] {
  const mean = (name: string) => {
    const mine = links.filter((link) => link.agency === name);
    return mine.length ? mine.reduce((sum, link) => sum + link.position, 0) / mine.length : Number.POSITIVE_INFINITY;
  };
  const leads = (name: string) => links.filter((link) => link.agency === name && link.lead).length;
  return [...agencies].sort((a, b) => mean(a) - mean(b) || leads(b) - leads(a) || agencies.indexOf(a) - agencies.indexOf(b));
}

/** A random block: up to 8 agencies, up to 10 measures, each agency on each measure with probability 0.3. */
function randomBlock(random: () => number): { agencies: string[]; links: BlockLink[] } {
  const agencies = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, i) => `单位${i}`);
  const measures = 1 + Math.floor(random() * 10);
  const links: BlockLink[] = [];
  for (const agency of agencies) for (let position = 0; position < measures; position++) if (random() < 0.3) links.push({ agency, position, lead: random() < 0.2 });
  return { agencies, links };
}

const link = (agency: string, position: number, lead = false): BlockLink => ({ agency, position, lead });

describe('block order', () => {
  describe('blockCrossings', () => {
    it('counts the pairs of lines that cross, and none that meet at a measure', () => {
      const links = [link('甲', 0), link('乙', 1)];
      assert.equal(blockCrossings(['甲', '乙'], links), 0);
      assert.equal(blockCrossings(['乙', '甲'], links), 1);
      assert.equal(blockCrossings(['甲', '乙'], [link('甲', 1), link('乙', 1)]), 0, 'two lines into one measure meet there');
      // 甲 on 0 and 2, 乙 on 1: 甲→2 crosses 乙→1 in one order, 乙→1 crosses 甲→0 in the other.
      const spread = [link('甲', 0), link('甲', 2), link('乙', 1)];
      assert.equal(blockCrossings(['甲', '乙'], spread), 1);
      assert.equal(blockCrossings(['乙', '甲'], spread), 1);
      assert.equal(blockCrossings(['甲', '乙', '丙'], [link('甲', 2), link('乙', 1), link('丙', 0)]), 3, 'a reversed column: every pair crosses');
    });

    it('agrees with a count made line pair by line pair, on random blocks', () => {
      const random = prng(7);
      for (let trial = 0; trial < 300; trial++) {
        const { agencies, links } = randomBlock(random);
        const order = [...agencies].sort(() => random() - 0.5);
        assert.equal(blockCrossings(order, links), crossingsByPairs(order, links), JSON.stringify({ order, links }));
      }
    });
  });

  describe('orderAgencies', () => {
    it('orders agencies by the mean position of their measures', () => {
      const links = [link('甲', 4), link('甲', 5), link('乙', 0), link('乙', 1), link('丙', 2), link('丙', 3)];
      assert.deepEqual(orderAgencies(['甲', '乙', '丙'], links), ['乙', '丙', '甲']);
      assert.equal(blockCrossings(['乙', '丙', '甲'], links), 0);
    });

    it('puts agencies without a line last, in registry order', () => {
      assert.deepEqual(orderAgencies(['甲', '乙', '丙', '丁'], [link('丙', 1), link('乙', 0)]), ['乙', '丙', '甲', '丁']);
      assert.deepEqual(orderAgencies(['甲', '乙'], []), ['甲', '乙']);
      assert.deepEqual(orderAgencies([], []), []);
    });

    it('puts the agency that leads first between equal means, then keeps registry order', () => {
      assert.deepEqual(orderAgencies(['甲', '乙'], [link('甲', 2), link('乙', 2, true)]), ['乙', '甲'], 'the lead first though later in the registry');
      assert.deepEqual(orderAgencies(['甲', '乙'], [link('甲', 2), link('乙', 2)]), ['甲', '乙'], 'no lead: registry order');
      assert.deepEqual(orderAgencies(['乙', '甲'], [link('甲', 2), link('乙', 2)]), ['乙', '甲'], 'registry order is the order given');
      // Means 1 and 1; the one leading two measures comes before the one leading one.
      assert.deepEqual(orderAgencies(['甲', '乙'], [link('甲', 0, true), link('甲', 2), link('乙', 0, true), link('乙', 2, true)]), ['乙', '甲']);
    });

    it('keeps the registry order when the mean and the swaps end worse (a block found by the random test)', () => {
      const links = [link('a0', 1), link('a0', 2), link('a0', 9), link('a1', 3), link('a1', 5), link('a2', 0), link('a2', 4), link('a2', 5, true), link('a2', 6, true)];
      assert.equal(crossingsByPairs(['a0', 'a1', 'a2'], links), 11);
      assert.equal(crossingsByPairs(barycentreOrder(['a0', 'a1', 'a2'], links), links), 12);
      assert.ok(crossingsByPairs(orderAgencies(['a0', 'a1', 'a2'], links), links) <= 11);
    });

    it('swaps neighbours the mean put in the wrong order', () => {
      // Means: 甲 (0+1+8)/3 = 3, 乙 2: the mean puts 乙 first, with 2 crossings; 甲 first has 1.
      const links = [link('甲', 0), link('甲', 1), link('甲', 8), link('乙', 2)];
      assert.deepEqual(barycentreOrder(['甲', '乙'], links), ['乙', '甲']);
      assert.equal(blockCrossings(['乙', '甲'], links), 2);
      assert.deepEqual(orderAgencies(['甲', '乙'], links), ['甲', '乙']);
      assert.equal(blockCrossings(['甲', '乙'], links), 1);
    });

    it('on random blocks: a permutation, never more crossings than the mean order or the registry order, no neighbours left to swap', () => {
      const random = prng(13);
      let improved = 0;
      let ordered = 0;
      let given = 0;
      for (let trial = 0; trial < 2000; trial++) {
        const { agencies, links } = randomBlock(random);
        const order = orderAgencies(agencies, links);
        const context = JSON.stringify({ agencies, links, order });
        assert.deepEqual([...order].sort(), [...agencies].sort(), `a permutation: ${context}`);
        const crossings = crossingsByPairs(order, links);
        const start = crossingsByPairs(barycentreOrder(agencies, links), links);
        assert.ok(crossings <= start, `the swaps never add crossings (${start} → ${crossings}): ${context}`);
        assert.ok(crossings <= crossingsByPairs(agencies, links), `never more crossings than the registry order: ${context}`);
        if (crossings < start) improved++;
        for (let i = 0; i + 1 < order.length; i++) {
          const swapped = [...order];
          [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
          assert.ok(crossingsByPairs(swapped, links) >= crossings, `swapping ${order[i]} and ${order[i + 1]} would remove crossings: ${context}`);
        }
        ordered += crossings;
        given += crossingsByPairs(agencies, links);
      }
      assert.ok(improved > 0, 'the swaps did something on some block');
      assert.ok(ordered < given * 0.8, `far fewer crossings than the registry order over all blocks: ${ordered} against ${given}`);
    });

    it('is deterministic, and does not depend on the order of the links', () => {
      const random = prng(29);
      for (let trial = 0; trial < 300; trial++) {
        const { agencies, links } = randomBlock(random);
        const order = orderAgencies(agencies, links);
        assert.deepEqual(orderAgencies([...agencies], links.map((l) => ({ ...l }))), order);
        assert.deepEqual(orderAgencies(agencies, [...links].reverse()), order);
      }
    });

    it('leaves the input arrays as they were', () => {
      const agencies = ['甲', '乙', '丙'];
      const links = [link('甲', 2), link('乙', 1), link('丙', 0)];
      const copy = JSON.stringify({ agencies, links });
      assert.deepEqual(orderAgencies(agencies, links), ['丙', '乙', '甲']);
      assert.equal(JSON.stringify({ agencies, links }), copy);
    });
  });
});
