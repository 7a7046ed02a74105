// The order of the agencies in one block of the ownership graph. The block's measures stay in
// document order (a reviewer reads them as the document has them); only the agencies beside them
// move, which makes this one-sided crossing minimisation: barycentre ordering, then adjacent
// swaps while a swap removes crossings. Both steps are deterministic.

const MAX_SWAP_PASSES = 20;

export interface BlockLink {
  agency: string;
  /** Position of the measure (or part) in its block, 0-based. */
  position: number;
  lead: boolean;
}

/**
 * Orders `agencies` (given in registry order, which breaks ties) so that their links to the
 * fixed column of measures cross as little as this heuristic finds.
 */
export function orderAgencies(agencies: string[], links: BlockLink[]): string[] {
  const positions = positionsOf(agencies, links);
  const leads = new Map<string, number>();
  for (const link of links) if (link.lead) leads.set(link.agency, (leads.get(link.agency) ?? 0) + 1);
  const rank = new Map(agencies.map((name, index) => [name, index]));
  const barycentre = (name: string) => {
    const list = positions.get(name)!;
    return list.length ? list.reduce((sum, p) => sum + p, 0) / list.length : Number.POSITIVE_INFINITY;
  };
  const centre = new Map(agencies.map((name) => [name, barycentre(name)]));
  // Between equal barycentres the agency that leads there comes first, as the document lists it first.
  const order = [...agencies].sort((a, b) => centre.get(a)! - centre.get(b)! || (leads.get(b) ?? 0) - (leads.get(a) ?? 0) || rank.get(a)! - rank.get(b)!);

  // Both orders are improved by swaps and the better kept: the barycentre nearly always wins,
  // but on a rare block the registry order improved ends with fewer crossings.
  const fromBarycentre = swapNeighbours(order, positions);
  const fromRegistry = swapNeighbours([...agencies], positions);
  return blockCrossings(fromBarycentre, links) <= blockCrossings(fromRegistry, links) ? fromBarycentre : fromRegistry;
}

/**
 * Adjacent swaps, in place: each pass is linear in the links, and a swap is made only when it
 * strictly lowers the count, so the passes end; the cap keeps the work linear on adversarial input.
 */
function swapNeighbours(order: string[], positions: Map<string, number[]>): string[] {
  for (let pass = 0; pass < MAX_SWAP_PASSES; pass++) {
    let swapped = false;
    for (let i = 0; i + 1 < order.length; i++) {
      const upper = positions.get(order[i]!)!;
      const lower = positions.get(order[i + 1]!)!;
      if (pairCrossings(lower, upper) < pairCrossings(upper, lower)) {
        [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
        swapped = true;
      }
    }
    if (!swapped) break;
  }
  return order;
}

/**
 * Crossings between the links of a block whose agencies are drawn in `order`: pairs of links whose
 * agencies and measures are in opposite orders (links sharing an agency or a measure do not cross).
 * Counted as inversions with a Fenwick tree, so O(links · log measures).
 */
export function blockCrossings(order: string[], links: BlockLink[]): number {
  const rank = new Map(order.map((name, index) => [name, index]));
  const sorted = links.filter((link) => rank.has(link.agency)).sort((a, b) => rank.get(a.agency)! - rank.get(b.agency)! || a.position - b.position);
  const size = sorted.reduce((max, link) => Math.max(max, link.position), 0) + 2;
  const tree = new Array<number>(size + 1).fill(0);
  const add = (index: number) => {
    for (let i = index + 1; i <= size; i += i & -i) tree[i]!++;
  };
  const upTo = (index: number) => {
    let sum = 0;
    for (let i = index + 1; i > 0; i -= i & -i) sum += tree[i]!;
    return sum;
  };
  let total = 0;
  let seen = 0;
  // Links of one agency are added together after they are counted, so they never count each other.
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end < sorted.length && sorted[end]!.agency === sorted[start]!.agency) end++;
    for (let i = start; i < end; i++) total += seen - upTo(sorted[i]!.position);
    for (let i = start; i < end; i++) add(sorted[i]!.position);
    seen += end - start;
    start = end;
  }
  return total;
}

function positionsOf(agencies: string[], links: BlockLink[]): Map<string, number[]> {
  const positions = new Map<string, number[]>(agencies.map((name) => [name, []]));
  for (const link of links) positions.get(link.agency)?.push(link.position);
  for (const list of positions.values()) list.sort((a, b) => a - b);
  return positions;
}

/**
 * Crossings between the links of agency `upper`, drawn above, and `lower`, drawn below: pairs of
 * measures p of upper and q of lower with p below q. Both lists sorted; linear merge.
 */
function pairCrossings(upper: number[], lower: number[]): number {
  let crossings = 0;
  let below = 0;
  for (const p of upper) {
    while (below < lower.length && lower[below]! < p) below++;
    crossings += below;
  }
  return crossings;
}
