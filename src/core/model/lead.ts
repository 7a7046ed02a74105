// Who leads a measure: the one place that applies the design's no-lead semantics.
import type { Division, MeasureModel, GuidelineModel, Located } from './model';
import type { RegistryIndex } from './registry';

export type NoLeadReason = 'by-function' | 'joint' | 'collective' | 'none-listed';

export interface Ownership {
  /** Registry name of the lead, or null when the measure has none. */
  lead: string | null;
  /** Co-responsible agencies in printed order (every agency named, when there is no lead). */
  co: string[];
  noLead: boolean;
  noLeadReason: NoLeadReason | null;
  /** The agency entries behind lead and co, where the text of the measure locates them. */
  written: Located[];
}

/** The division in force for a measure: its own, else the document's, else lead-first. */
export function effectiveDivision(measure: MeasureModel, guideline: GuidelineModel): { division: Division; inherited: boolean } {
  const own = asDivision(measure.division?.value);
  if (own) return { division: own, inherited: false };
  return { division: asDivision(guideline.division?.value) ?? 'lead-first', inherited: true };
}

function asDivision(value: string | undefined): Division | undefined {
  return value === 'lead-first' || value === 'by-function' || value === 'joint' ? value : undefined;
}

/** Lead and co-responsible agencies of a measure, aliases resolved and repeats dropped. */
export function ownershipOf(measure: MeasureModel, guideline: GuidelineModel, registry: RegistryIndex | undefined): Ownership {
  const seen = new Set<string>();
  const names: string[] = [];
  const written: Located[] = [];
  for (const agency of measure.agencies) {
    const name = registry ? registry.canonical(agency.value) : agency.value;
    if (seen.has(name)) continue;
    seen.add(name);
    names.push(name);
    written.push(agency);
  }
  const reason = noLeadReason(measure, guideline, registry);
  if (reason) return { lead: null, co: names, noLead: true, noLeadReason: reason, written };
  return { lead: names[0]!, co: names.slice(1), noLead: false, noLeadReason: null, written };
}

/** Why a measure has no lead, or null when its first agency leads. */
export function noLeadReason(measure: MeasureModel, guideline: GuidelineModel, registry: RegistryIndex | undefined): NoLeadReason | null {
  if (measure.agencies.length === 0) return 'none-listed';
  const { division } = effectiveDivision(measure, guideline);
  if (division !== 'lead-first') return division;
  const first = registry?.resolve(measure.agencies[0]!.value);
  if (first?.agency.kind === 'collective') return 'collective';
  return null;
}
