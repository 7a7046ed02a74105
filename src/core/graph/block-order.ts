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

  // Adjacent swaps: each pass is linear in the links, and a swap is made only when it strictly
  // lowers the count, so the passes end; the cap keeps the work linear on adversarial input.
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

/** Crossings between the links of a block whose agencies are drawn in `order`. */
export function blockCrossings(order: string[], links: BlockLink[]): number {
  const positions = positionsOf(order, links);
  let total = 0;
  for (let i = 0; i < order.length; i++) for (let j = i + 1; j < order.length; j++) total += pairCrossings(positions.get(order[i]!)!, positions.get(order[j]!)!);
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
