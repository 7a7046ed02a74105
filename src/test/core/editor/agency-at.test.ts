// Which agency the cursor is on and where it is named (hover, go to definition, references, the
// Agencies tree), in process on the bundled guideline and registry, so that `npm test` covers what
// the extension host tests only through the editor.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agencyAt, allMeasures, buildMatrix, Project, referencesTo } from '../../../core/index';

const ROOT = join(__dirname, '../../../..');
const REGISTRY = readFileSync(join(ROOT, 'tasks/agencies.yaml'), 'utf8');
const SEED = readFileSync(join(ROOT, 'tasks/zj-ai-2027.yaml'), 'utf8');

function seed(text = SEED): Project {
  const project = new Project();
  project.setFile('tasks/agencies.yaml', REGISTRY);
  project.setFile('tasks/zj-ai-2027.yaml', text);
  return project;
}

/** The offset of the `nth` occurrence of `needle` in the text, plus `into` characters. */
function offsetOf(text: string, needle: string, nth = 0, into = 1): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} #${nth} in the text`);
  return at + into;
}

describe('editor: the agency at the cursor', () => {
  it('finds the agency of a measure under the cursor, its whole written range, and its registry entry', () => {
    const project = seed();
    const at = offsetOf(SEED, 'agencies: [省科技厅', 0, 'agencies: ['.length + 2);
    const mention = agencyAt(project, 'tasks/zj-ai-2027.yaml', at)!;
    assert.equal(mention.written, '省科技厅');
    assert.equal(mention.canonical, '省科技厅');
    assert.equal(SEED.slice(mention.range[0], mention.range[1]), '省科技厅');
    assert.equal(mention.entry?.fullName, '浙江省科学技术厅');
    assert.equal(mention.registryPath, 'tasks/agencies.yaml');
    // Its ends count (a cursor just before or after the name), the gap after the comma does not.
    assert.equal(agencyAt(project, 'tasks/zj-ai-2027.yaml', mention.range[0])?.written, '省科技厅');
    assert.equal(agencyAt(project, 'tasks/zj-ai-2027.yaml', mention.range[1])?.written, '省科技厅');
    assert.equal(agencyAt(project, 'tasks/zj-ai-2027.yaml', offsetOf(SEED, 'title: 强化前沿基础研究')), undefined, 'a title is no agency');
  });

  it('resolves an alias to its registry name and keeps an unknown name as written, without an entry', () => {
    const text = SEED.replace('agencies: [省科技厅, 省发展改革委, 省经信厅, 省教育厅, 之江实验室]', 'agencies: [科技厅, 省发改委, 省经济信息厅, 省教育厅, 之江实验室]');
    const project = seed(text);
    const alias = agencyAt(project, 'tasks/zj-ai-2027.yaml', offsetOf(text, '科技厅, 省发改委'))!;
    assert.deepEqual([alias.written, alias.canonical, alias.entry?.name.value], ['科技厅', '省科技厅', '省科技厅']);
    const unknown = agencyAt(project, 'tasks/zj-ai-2027.yaml', offsetOf(text, '省经济信息厅'))!;
    assert.deepEqual([unknown.written, unknown.canonical, unknown.entry, unknown.registryPath], ['省经济信息厅', '省经济信息厅', undefined, undefined]);
  });

  it('finds a registry entry by its name or by an alias in the registry file', () => {
    const project = seed();
    const byName = agencyAt(project, 'tasks/agencies.yaml', offsetOf(REGISTRY, 'name: 省发展改革委', 0, 'name: '.length + 1))!;
    assert.deepEqual([byName.written, byName.canonical, byName.registryPath], ['省发展改革委', '省发展改革委', 'tasks/agencies.yaml']);
    const aliasLine = /aliases: \[([^\],]+)/.exec(REGISTRY.slice(REGISTRY.indexOf('name: 省发展改革委')))!;
    const alias = agencyAt(project, 'tasks/agencies.yaml', offsetOf(REGISTRY, aliasLine[1]!, 0, 1))!;
    assert.deepEqual([alias.written, alias.canonical], [aliasLine[1], '省发展改革委']);
  });

  it('lists every measure naming an agency, with its role there, as the matrix counts them', () => {
    const project = seed();
    const matrix = buildMatrix(project);
    for (const agency of matrix.agencies) {
      const references = referencesTo(project, agency.name, 'tasks/agencies.yaml');
      const ids = (role: string) => references.filter((r) => r.role === role).map((r) => r.measure.id!.value);
      const noLead = new Set(agency.noLead);
      assert.deepEqual(ids('lead'), agency.leads, `${agency.name} leads`);
      assert.deepEqual(ids('co'), agency.co.filter((id) => !noLead.has(id)), `${agency.name} co-owns`);
      assert.deepEqual(ids('responsible'), agency.noLead, `${agency.name} without a lead`);
      for (const reference of references) assert.equal(project.file(reference.path)!.text.slice(...reference.range), reference.measure.agencies.find((a) => a.range[0] === reference.range[0])!.value);
    }
    const guideline = project.guideline('tasks/zj-ai-2027.yaml');
    assert.equal(referencesTo(project, '省经信厅', 'tasks/agencies.yaml').length, allMeasures(guideline).filter((m) => m.agencies.some((a) => a.value === '省经信厅')).length);
    // Guidelines of another registry are not searched.
    assert.deepEqual(referencesTo(project, '省经信厅', 'other/agencies.yaml'), []);
  });
});
