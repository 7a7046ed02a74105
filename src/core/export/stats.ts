// Per agency load: measures it leads, co-owns (under a lead) and sits in without a lead.
import type { Matrix } from './matrix';

export interface AgencyLoad {
  name: string;
  led: number;
  coOwned: number;
  noLead: number;
  /** All measures naming the agency: the load the list is sorted by. */
  total: number;
  measures: { led: string[]; coOwned: string[]; noLead: string[] };
}

/** Every agency of the matrix by load, heaviest first (ties: more leads first, then registry order). */
export function agencyLoads(matrix: Matrix): AgencyLoad[] {
  const loads = matrix.agencies.map((agency, order) => {
    const noLead = new Set(agency.noLead);
    const coOwned = agency.co.filter((id) => !noLead.has(id));
    return {
      order,
      load: {
        name: agency.name,
        led: agency.leads.length,
        coOwned: coOwned.length,
        noLead: agency.noLead.length,
        total: agency.leads.length + coOwned.length + agency.noLead.length,
        measures: { led: agency.leads, coOwned, noLead: agency.noLead },
      },
    };
  });
  loads.sort((a, b) => b.load.total - a.load.total || b.load.led - a.load.led || a.order - b.order);
  return loads.map((entry) => entry.load);
}
