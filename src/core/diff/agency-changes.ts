// Per agency, what the measure changes mean for it: leads and co-owned measures gained and lost.
import type { MeasureChange } from './measure-changes';

export interface AgencyChange {
  name: string;
  leadsGained: string[];
  leadsLost: string[];
  coGained: string[];
  coLost: string[];
}

/**
 * The agencies whose responsibilities changed, in order of first mention. Measures are named by
 * id, as `<document>:<id>` when the diff spans several documents.
 */
export function agencyChanges(measures: readonly MeasureChange[], qualify: boolean): AgencyChange[] {
  const agencies = new Map<string, AgencyChange>();
  const agency = (name: string) => {
    let entry = agencies.get(name);
    if (!entry) agencies.set(name, (entry = { name, leadsGained: [], leadsLost: [], coGained: [], coLost: [] }));
    return entry;
  };
  for (const measure of measures) {
    const reference = qualify ? `${measure.document}:${measure.id}` : measure.id;
    if (measure.lead?.old) agency(measure.lead.old).leadsLost.push(reference);
    if (measure.lead?.new) agency(measure.lead.new).leadsGained.push(reference);
    for (const name of measure.coAdded) agency(name).coGained.push(reference);
    for (const name of measure.coRemoved) agency(name).coLost.push(reference);
  }
  return [...agencies.values()];
}
