// What is spelled in more than one place must agree: the schemas' enums and the model's constants
// (a value the schema accepts but the engine does not know would lint clean and then be ignored),
// and the rules the engine has and the rules docs/rules.md documents (the extension links every
// diagnostic's code to its heading there).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENCY_KINDS, DIVISIONS, MEASURE_STATUSES, RULES, RULE_IDS } from '../../core/index';

const ROOT = join(__dirname, '../../..');
const guidelineSchema = JSON.parse(readFileSync(join(ROOT, 'schemas/guideline.schema.json'), 'utf8')) as Record<string, unknown>;
const registrySchema = JSON.parse(readFileSync(join(ROOT, 'schemas/agencies.schema.json'), 'utf8')) as Record<string, unknown>;

/** Every `enum` in a schema, by the JSON path of its owner (`definitions.division`, `…properties.kind`). */
function enumsOf(node: unknown, path = ''): Map<string, unknown[]> {
  const found = new Map<string, unknown[]>();
  if (node === null || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'enum' && Array.isArray(value)) found.set(path, value);
    else for (const [inner, list] of enumsOf(value, path ? `${path}.${key}` : key)) found.set(inner, list);
  }
  return found;
}

describe('contracts: schemas, model and docs agree', () => {
  it('has the guideline schema enumerate exactly the divisions and statuses the engine reads', () => {
    const enums = enumsOf(guidelineSchema);
    const matching = (values: readonly string[]) => [...enums].filter(([, list]) => list.some((value) => values.includes(value as string)));
    const divisions = matching(DIVISIONS);
    const statuses = matching(MEASURE_STATUSES);
    assert.ok(divisions.length > 0 && statuses.length > 0, [...enums.keys()].join(', '));
    for (const [path, list] of divisions) assert.deepEqual([...list].sort(), [...DIVISIONS].sort(), path);
    for (const [path, list] of statuses) assert.deepEqual([...list].sort(), [...MEASURE_STATUSES].sort(), path);
    // The document's own status (draft / final) is the one other enum, read by no rule.
    const others = [...enums].filter(([path]) => !divisions.some(([p]) => p === path) && !statuses.some(([p]) => p === path));
    assert.deepEqual(others.map(([, list]) => list), [['draft', 'final']]);
  });

  it('has the registry schema enumerate exactly the agency kinds the engine knows', () => {
    const enums = [...enumsOf(registrySchema)];
    assert.equal(enums.length, 1, enums.map(([path]) => path).join(', '));
    assert.deepEqual([...enums[0]![1]].sort(), [...AGENCY_KINDS].sort());
  });

  it('documents every rule in docs/rules.md under a heading named by its id, and no other', () => {
    const docs = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
    const headings = [...docs.matchAll(/^## ([a-z][a-z-]*)\s*$/gm)].map((m) => m[1]);
    assert.deepEqual(headings, [...RULE_IDS], 'one heading per rule, in the order of RULE_IDS');
    assert.deepEqual(RULES.map((rule) => rule.meta.id), [...RULE_IDS]);
    // The table at the top gives each rule's default severity, linked to its section.
    const table = [...docs.matchAll(/^\| \[`([a-z-]+)`\]\(#([a-z-]+)\) \| (\w+) \|/gm)].map((m) => [m[1], m[2], m[3]]);
    assert.deepEqual(table, RULES.map((rule) => [rule.meta.id, rule.meta.id, rule.meta.defaultSeverity]));
  });
});
