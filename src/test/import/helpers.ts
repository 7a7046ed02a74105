// Importing a fixture through the engine and reading the result back as a reviewer would: the
// YAML linted with the bundled registry, and its `matrix --format json` measures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMatrix, decodePolicyText, importGuideline, Project, registryInsertion } from '../../core/index';
import type { Diagnostic, ImportResult, RegistryIndex } from '../../core/index';

export const root = join(__dirname, '..', '..', '..');
export const fixtureDir = join(root, 'src', 'test', 'fixtures', 'import');
const REGISTRY_PATH = 'tasks/agencies.yaml';

export interface MatrixRow {
  id: string;
  title: string;
  lead: string | null;
  co: string[];
  noLead: boolean;
  noLeadReason: string | null;
}

export interface Imported {
  result: ImportResult;
  encoding: string;
  rows: MatrixRow[];
  diagnostics: Diagnostic[];
}

export function bundledRegistry(): RegistryIndex {
  const project = new Project();
  project.setFile(REGISTRY_PATH, readFileSync(join(root, REGISTRY_PATH), 'utf8'));
  return project.registryFor(REGISTRY_PATH)!;
}

/** Imports the bytes with the bundled registry and reads the YAML back through the engine. */
export function importBytes(bytes: Uint8Array, id: string, registry: RegistryIndex | null = bundledRegistry()): Imported {
  const decoded = decodePolicyText(bytes);
  if (!('text' in decoded)) throw new Error(`cannot decode: ${decoded.error}`);
  const result = importGuideline(decoded.text, {
    id,
    locale: 'en',
    ...(registry ? { registry } : {}),
  });
  // As `--update-registry` does: the new names appended to the registry, with their guessed kinds.
  const project = new Project();
  const registryText = readFileSync(join(root, REGISTRY_PATH), 'utf8');
  project.setFile(REGISTRY_PATH, registryText);
  const insertion = result.newAgencies.length > 0 ? registryInsertion(project.file(REGISTRY_PATH)!, result.newAgencies, 'en') : undefined;
  if (insertion) project.setFile(REGISTRY_PATH, registryText.slice(0, insertion.offset) + insertion.newText + registryText.slice(insertion.offset));
  const path = `tasks/${id}.yaml`;
  project.setFile(path, result.yaml);
  const rows = buildMatrix(project, [path]).measures.map(({ id: measureId, title, lead, co, noLead, noLeadReason }) => ({ id: measureId, title, lead, co, noLead, noLeadReason }));
  return { result, encoding: decoded.encoding, rows, diagnostics: [...project.lintFile(path).diagnostics, ...project.lintFile(REGISTRY_PATH).diagnostics.filter((d) => d.rule !== 'unused-agency')] };
}

export function readFixture(name: string): Uint8Array {
  return readFileSync(join(fixtureDir, name));
}
