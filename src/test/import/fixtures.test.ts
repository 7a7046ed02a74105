// Every convention fixture (src/test/fixtures/import, written apart from the importer, each with
// its expected matrix) imported and compared measure by measure.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guessAgencyKind } from '../../core/index';
import { fixtureDir, importBytes, readFixture } from './helpers';
import type { MatrixRow } from './helpers';

interface Expected {
  convention: string;
  fileDivision: 'joint' | null;
  measures: MatrixRow[];
  targets?: Array<{ id: string; text: string; value: number; unit: string; year?: number }>;
  newAgencies?: Array<{ name: string; kind: string }>;
}

const fixtures = readdirSync(fixtureDir).filter((name) => name.endsWith('.txt')).sort();

/** The share of expected measures that the import got exactly right (id, title, lead, co, reason). */
export function accuracy(expected: MatrixRow[], actual: MatrixRow[]): { right: number; total: number; wrong: string[] } {
  const byId = new Map(actual.map((row) => [row.id, row]));
  const wrong = expected.filter((row) => JSON.stringify(byId.get(row.id)) !== JSON.stringify(row)).map((row) => row.id);
  const extra = actual.filter((row) => !expected.some((other) => other.id === row.id)).map((row) => `+${row.id}`);
  return { right: expected.length - wrong.length, total: expected.length, wrong: [...wrong, ...extra] };
}

describe('import: convention fixtures', () => {
  const scores: string[] = [];
  after(() => console.log(`      [accuracy] measures read exactly right: ${scores.join('; ')}`));

  it('has a fixture for every convention the issue names', () => {
    assert.ok(fixtures.length >= 16, `${fixtures.length} fixtures`);
    assert.ok(fixtures.some((name) => name.includes('gb18030')));
  });

  for (const name of fixtures) {
    const expected = JSON.parse(readFileSync(join(fixtureDir, name.replace(/\.txt$/, '.expected.json')), 'utf8')) as Expected;
    describe(name, () => {
      const id = name.replace(/\.txt$/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
      const imported = importBytes(readFixture(name), id);

      it(`reads every measure as expected (${expected.convention.slice(0, 60)}…)`, () => {
        const { wrong, right, total } = accuracy(expected.measures, imported.rows);
        scores.push(`${name.replace(/\.txt$/, '')} ${right}/${total}`);
        const details = wrong.map((measureId) => `${measureId}: expected ${JSON.stringify(expected.measures.find((row) => row.id === measureId))}, got ${JSON.stringify(imported.rows.find((row) => row.id === measureId.replace(/^\+/, '')))}`);
        assert.deepEqual(details, [], `${right}/${total} right`);
      });

      it('sets the file-wide division only when nobody leads anywhere', () => {
        assert.equal(imported.result.guideline.division ?? null, expected.fileDivision);
      });

      it('writes YAML that lints clean once the new agencies are in the registry, except for no-lead', () => {
        const findings = imported.diagnostics.filter((d) => d.rule !== 'no-lead');
        assert.deepEqual(findings.map((d) => `${d.file}:${d.line} ${d.rule}: ${d.message}`), []);
        assert.equal(imported.diagnostics.length, imported.rows.filter((row) => row.noLead).length);
      });

      it('lists the agencies missing from the registry, with the kind a drafter would give them', () => {
        const names = (expected.newAgencies ?? []).map((agency) => agency.name);
        assert.deepEqual([...imported.result.newAgencies].sort(), [...names].sort());
        for (const agency of expected.newAgencies ?? []) {
          if (agency.kind === 'collective') assert.deepEqual(guessAgencyKind(agency.name), { kind: 'collective', certain: true }, agency.name);
          else assert.equal(guessAgencyKind(agency.name).certain, false, `${agency.name} must be marked for review`);
        }
      });

      if (expected.targets) {
        it('finds the targets with value, unit and year', () => {
          const actual = imported.result.guideline.targets.map(({ line: _line, ...target }) => target);
          assert.deepEqual(actual, expected.targets);
        });
      }
    });
  }
});
