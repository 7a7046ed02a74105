// Shared by the taskmatrix Spectral functions: file kinds, the agency registry and the
// design's lead semantics (DESIGN.md), written independently of src/core so that the
// benchmark compares two implementations of the same rules.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

/** A registry is a file named agencies.yaml/.yml or whose modeline names agencies.schema.json (as in src/core). */
export function isRegistryDocument(document) {
  if (/(^|[\\/])agencies\.ya?ml$/i.test(String(document.source ?? ''))) return true;
  const text = typeof document.input === 'string' ? document.input : '';
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0).replace(/^\uFEFF/, '');
  return /^#\s*yaml-language-server:\s*\$schema=\S*agencies\.schema\.json/.test(firstLine);
}

/** The text an agency item stands for, as taskmatrix reads it; undefined for non-scalars. */
export function scalarText(value) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

const registries = new Map();

/** The nearest agencies.yaml (or .yml) in the guideline's folder or above, read once per folder. */
export function registryFor(document) {
  const start = dirname(String(document.source ?? '.'));
  if (registries.has(start)) return registries.get(start);
  let found;
  for (let dir = start; ; dir = dirname(dir)) {
    const file = ['agencies.yaml', 'agencies.yml'].map((name) => join(dir, name)).find((path) => existsSync(path));
    if (file) {
      found = buildRegistry(file);
      break;
    }
    if (dirname(dir) === dir) break;
  }
  registries.set(start, found);
  return found;
}

function buildRegistry(path) {
  let data;
  try {
    data = parse(readFileSync(path, 'utf8'));
  } catch {
    data = undefined;
  }
  const agencies = Array.isArray(data?.agencies) ? data.agencies.filter((a) => a && typeof a === 'object' && scalarText(a.name) !== undefined) : [];
  const byName = new Map();
  const byAlias = new Map();
  // First definition wins, names before aliases (later repeats are duplicate-id findings).
  for (const agency of agencies) {
    const name = scalarText(agency.name);
    if (!byName.has(name)) byName.set(name, agency);
  }
  for (const agency of agencies) {
    for (const alias of Array.isArray(agency.aliases) ? agency.aliases : []) {
      const text = scalarText(alias);
      if (text === undefined) continue;
      if (!byName.has(text) && !byAlias.has(text)) byAlias.set(text, agency);
    }
  }
  return {
    path,
    resolve(name) {
      const agency = byName.get(name);
      if (agency) return { agency, viaAlias: false };
      const aliased = byAlias.get(name);
      return aliased ? { agency: aliased, viaAlias: true } : undefined;
    },
    canonical(name) {
      const resolution = this.resolve(name);
      return resolution ? scalarText(resolution.agency.name) : name;
    },
  };
}

const DIVISIONS = new Set(['lead-first', 'by-function', 'joint']);

/** Why a measure has no lead, or null: the measure's division, else the file's, else lead-first. */
export function noLeadReason(measure, root, registry) {
  const agencies = agencyTexts(measure?.agencies);
  if (agencies.length === 0) return 'none-listed';
  const own = measure?.division;
  const fileLevel = root?.division;
  const division = DIVISIONS.has(own) ? own : DIVISIONS.has(fileLevel) ? fileLevel : 'lead-first';
  if (division !== 'lead-first') return division;
  if (registry?.resolve(agencies[0].text)?.agency.kind === 'collective') return 'collective';
  return null;
}

/** The text items of an agencies list with their indexes (non-text items are left out). */
export function agencyTexts(list) {
  if (!Array.isArray(list)) return [];
  const found = [];
  list.forEach((item, index) => {
    const text = scalarText(item);
    if (text !== undefined) found.push({ text, index });
  });
  return found;
}
