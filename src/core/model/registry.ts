// Agency resolution: registry names and aliases to registry entries.
import type { AgencyEntry, RegistryModel } from './model';
import { closestName } from '../rules/suggest';

export interface Resolution {
  agency: AgencyEntry;
  viaAlias: boolean;
}

/** Looks agency names up in a registry, by name or alias. */
export class RegistryIndex {
  private readonly byName = new Map<string, AgencyEntry>();
  private readonly byAlias = new Map<string, AgencyEntry>();
  private readonly suggestions = new Map<string, string | undefined>();

  constructor(
    readonly model: RegistryModel,
    /** Path of the registry file, as shown in messages. */
    readonly path: string,
  ) {
    // First definition wins; later duplicates are reported by duplicate-id.
    for (const agency of model.agencies) {
      if (!this.byName.has(agency.name.value)) this.byName.set(agency.name.value, agency);
    }
    for (const agency of model.agencies) {
      for (const alias of agency.aliases) {
        if (!this.byName.has(alias.value) && !this.byAlias.has(alias.value)) this.byAlias.set(alias.value, agency);
      }
    }
  }

  resolve(name: string): Resolution | undefined {
    const agency = this.byName.get(name);
    if (agency) return { agency, viaAlias: false };
    const aliased = this.byAlias.get(name);
    return aliased ? { agency: aliased, viaAlias: true } : undefined;
  }

  /** The registry name a written name stands for, or the name itself when unknown. */
  canonical(name: string): string {
    return this.resolve(name)?.agency.name.value ?? name;
  }

  /** The closest registry name or alias to an unknown name, as the registry name to write. */
  suggest(name: string): string | undefined {
    // The same misspelling tends to recur across a project; the distance to every name is the costly part.
    if (this.suggestions.has(name)) return this.suggestions.get(name);
    const closest = closestName(name, [...this.byName.keys(), ...this.byAlias.keys()]);
    const suggestion = closest === undefined ? undefined : this.canonical(closest);
    this.suggestions.set(name, suggestion);
    return suggestion;
  }

  get agencies(): readonly AgencyEntry[] {
    return this.model.agencies;
  }
}
