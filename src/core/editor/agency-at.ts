// Which agency the cursor is on, and everything the editor shows about it: the registry entry,
// the measures naming it. Used by hover, go-to-definition, references and the agencies tree.
import { ownershipOf } from '../model/lead';
import { allMeasures } from '../model/model';
import type { AgencyEntry, Located, MeasureModel } from '../model/model';
import type { Project } from '../project/project';
import type { OffsetRange } from '../types';

export interface AgencyMention {
  /** The name as written under the cursor (may be an alias or unknown). */
  written: string;
  /** The registry name it stands for, or the written name when unknown. */
  canonical: string;
  range: OffsetRange;
  entry?: AgencyEntry;
  /** The registry file holding the entry. */
  registryPath?: string;
}

export interface MeasureReference {
  path: string;
  measure: MeasureModel;
  /** Where the agency is written in that measure. */
  range: OffsetRange;
  role: 'lead' | 'co' | 'responsible';
}

const within = (range: OffsetRange, offset: number) => offset >= range[0] && offset <= range[1];

/** The agency mention at an offset: in a measure's agencies, or a registry entry's name or alias. */
export function agencyAt(project: Project, path: string, offset: number): AgencyMention | undefined {
  const file = project.file(path);
  if (!file) return undefined;
  const registry = project.registryFor(path);
  const registryPath = project.registryPathFor(path);
  const mention = (located: Located): AgencyMention => {
    const resolution = registry?.resolve(located.value);
    return {
      written: located.value,
      canonical: resolution?.agency.name.value ?? located.value,
      range: located.range,
      entry: resolution?.agency,
      registryPath: resolution ? registryPath : undefined,
    };
  };
  if (file.kind === 'registry') {
    for (const agency of project.registryModel(path).agencies) {
      const hit = [agency.name, ...agency.aliases].find((located) => within(located.range, offset));
      if (hit) return { written: hit.value, canonical: agency.name.value, range: hit.range, entry: agency, registryPath: path };
    }
    return undefined;
  }
  for (const measure of allMeasures(project.guideline(path))) {
    const hit = measure.agencies.find((agency) => within(agency.range, offset));
    if (hit) return mention(hit);
  }
  return undefined;
}

/** Every mention of an agency (by registry name) in the guidelines that use the given registry. */
export function referencesTo(project: Project, canonical: string, registryPath: string | undefined): MeasureReference[] {
  const found: MeasureReference[] = [];
  for (const path of project.guidelinePaths()) {
    if (project.registryPathFor(path) !== registryPath) continue;
    const registry = project.registryFor(path);
    const guideline = project.guideline(path);
    for (const measure of allMeasures(guideline)) {
      const written = measure.agencies.find((agency) => (registry?.canonical(agency.value) ?? agency.value) === canonical);
      if (!written) continue;
      const ownership = ownershipOf(measure, guideline, registry);
      const role = ownership.lead === canonical ? 'lead' : ownership.noLead ? 'responsible' : 'co';
      found.push({ path, measure, range: written.range, role });
    }
  }
  return found;
}
