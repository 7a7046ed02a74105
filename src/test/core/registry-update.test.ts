// A registry brought up to date after an import, from nothing if need be: created with its
// modeline, filled when it holds no agencies yet, appended to otherwise, comments and order kept,
// and shortened names written as aliases of their full names where that is a clean insertion.
import { strict as assert } from 'node:assert';
import { applyTextEdits, isEmptyRegistry, parseSourceFile, Project, registryInsertion, registryUpdate } from '../../core/index';
import type { RegistryAdditions } from '../../core/index';

const SCHEMA = '../schemas/agencies.schema.json';
const REVIEW = '  # taskmatrix: review the kind';

/** The registry text after the update, checked to lint without errors and to hold every name given. */
function updated(text: string | undefined, additions: RegistryAdditions): string {
  const file = text === undefined ? undefined : parseSourceFile('tasks/agencies.yaml', text);
  const update = registryUpdate(file, additions, { locale: 'en', schemaPath: SCHEMA });
  assert.ok(update, 'the registry takes the update');
  const result = applyTextEdits(text ?? '', update.edits);
  const project = new Project();
  project.setFile('tasks/agencies.yaml', result, 'registry');
  const errors = project.lintFile('tasks/agencies.yaml').diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => `${d.line}: ${d.message}`), [], result);
  const registry = project.registryFor('tasks/agencies.yaml')!;
  for (const name of additions.names) assert.ok(registry.resolve(name), `${name} resolves in\n${result}`);
  if (update.added.length > 0) assert.match(result.slice(update.reveal), new RegExp(`^ *- name: ${update.added[0]}`), 'reveal points at the first new entry');
  return result;
}

describe('registry update: from nothing, empty, or appended to', () => {
  it('creates a missing registry with its schema modeline and one entry per agency', () => {
    assert.equal(
      updated(undefined, { names: ['省大数据局', '各设区市政府'] }),
      `# yaml-language-server: $schema=${SCHEMA}\nagencies:\n  - name: 省大数据局\n    kind: government${REVIEW}\n  - name: 各设区市政府\n    kind: collective\n`,
    );
    const update = registryUpdate(undefined, { names: ['省统计局'] }, { locale: 'en', schemaPath: SCHEMA })!;
    assert.equal(update.created, true);
    assert.deepEqual(update.added, ['省统计局']);
  });

  it('fills `agencies: []`, keeping a comment on its line', () => {
    assert.equal(updated('agencies: []\n', { names: ['省统计局'] }), `agencies:\n  - name: 省统计局\n    kind: government${REVIEW}\n`);
    assert.equal(updated('# mine\nagencies: [ ]  # none yet\n# end\n', { names: ['省统计局'] }), `# mine\nagencies:  # none yet\n  - name: 省统计局\n    kind: government${REVIEW}\n# end\n`);
  });

  it('fills `agencies:` with nothing after it (also ~ and at the end of a file without a line end)', () => {
    assert.equal(updated('agencies:\n', { names: ['省统计局'] }), `agencies:\n  - name: 省统计局\n    kind: government${REVIEW}\n`);
    assert.equal(updated('agencies: ~ # later\n', { names: ['省统计局'] }), `agencies: # later\n  - name: 省统计局\n    kind: government${REVIEW}\n`);
    assert.equal(updated('agencies:', { names: ['省统计局'] }), `agencies:\n  - name: 省统计局\n    kind: government${REVIEW}\n`);
  });

  it('fills a file of comments only, keeping them, and gives a blank file its modeline', () => {
    const comments = `# yaml-language-server: $schema=${SCHEMA}\n# The agencies of the 2026 plan.\n`;
    assert.equal(updated(comments, { names: ['省统计局'] }), `${comments}agencies:\n  - name: 省统计局\n    kind: government${REVIEW}\n`);
    assert.equal(updated('# no line end', { names: ['省统计局'] }), `# no line end\nagencies:\n  - name: 省统计局\n    kind: government${REVIEW}\n`);
    assert.equal(updated('\n', { names: ['省统计局'] }), `\n# yaml-language-server: $schema=${SCHEMA}\nagencies:\n  - name: 省统计局\n    kind: government${REVIEW}\n`);
    assert.equal(updated('{}\n', { names: ['省统计局'] }), `agencies:\n  - name: 省统计局\n    kind: government${REVIEW}\n`);
  });

  it('keeps the CRLF line ends of a Windows file', () => {
    const text = '# kept\r\nagencies:\r\n  - name: 省经信厅\r\n    kind: government\r\n';
    assert.equal(updated(text, { names: ['省统计局'] }), `${text}  - name: 省统计局\r\n    kind: government${REVIEW}\r\n`);
    assert.equal(updated('agencies: []\r\n', { names: ['省统计局'] }), `agencies:\r\n  - name: 省统计局\r\n    kind: government${REVIEW}\r\n`);
  });

  it('in a file with mixed line ends, follows the line before each insertion', () => {
    // CRLF at the top (the modeline, pasted from Windows), LF below: the new entries get LF.
    const lfBelow = '# yaml-language-server: $schema=x\r\nagencies:\r\n  - name: 省经信厅\n    kind: government\n';
    assert.equal(updated(lfBelow, { names: ['省统计局'] }), `${lfBelow}  - name: 省统计局\n    kind: government${REVIEW}\n`);
    // And the other way round.
    const crlfBelow = '# header\nagencies:\n  - name: 省经信厅\r\n    kind: government\r\n';
    assert.equal(updated(crlfBelow, { names: ['省统计局'] }), `${crlfBelow}  - name: 省统计局\r\n    kind: government${REVIEW}\r\n`);
    // An alias line follows the entry it goes into; the new entries follow the end of the list.
    const mixed = 'agencies:\n  - name: 省发展和改革委员会\r\n    kind: government\r\n  - name: 省经信厅\n    kind: government\n';
    assert.equal(
      updated(mixed, { names: ['发改委', '省统计局'], aliases: [{ alias: '发改委', name: '省发展和改革委员会' }] }),
      'agencies:\n  - name: 省发展和改革委员会\r\n    kind: government\r\n    aliases: [发改委]\r\n  - name: 省经信厅\n    kind: government\n' + `  - name: 省统计局\n    kind: government${REVIEW}\n`,
    );
  });

  it('the quick fix "add to the registry" follows the line before it too', () => {
    const text = 'agencies:\r\n  - name: 省经信厅\n    kind: government\n';
    const insertion = registryInsertion(parseSourceFile('tasks/agencies.yaml', text), ['省统计局'], 'en')!;
    assert.equal(insertion.newText, `  - name: 省统计局\n    kind: government${REVIEW}\n`);
    const crlf = registryInsertion(parseSourceFile('tasks/agencies.yaml', 'agencies:\n  - name: 省经信厅\r\n    kind: government\r\n'), ['省统计局'], 'en')!;
    assert.equal(crlf.newText, `  - name: 省统计局\r\n    kind: government${REVIEW}\r\n`);
  });

  it('appends after the last entry of an existing list, before the comment that ends it, in its indentation', () => {
    const text = 'agencies:\n    # economy\n    - name: 省经信厅   # 经信\n      kind: government\n# end of list\n';
    assert.equal(updated(text, { names: ['省统计局'] }), 'agencies:\n    # economy\n    - name: 省经信厅   # 经信\n      kind: government\n' + `    - name: 省统计局\n      kind: government${REVIEW}\n# end of list\n`);
  });

  it('tells an empty registry from one with agencies or with another shape', () => {
    const empty = (text: string) => isEmptyRegistry(parseSourceFile('agencies.yaml', text));
    for (const text of ['', '# only comments\n', 'agencies: []\n', 'agencies:\n', 'agencies: ~\n', '{}\n']) assert.equal(empty(text), true, text);
    for (const text of ['agencies:\n  - name: a\n    kind: government\n', 'other: 1\n', '- a\n', 'agencies: [\n']) assert.equal(empty(text), false, text);
  });

  it('refuses a registry whose shape it cannot append to as text', () => {
    for (const text of ['agencies: [{name: 省经信厅, kind: government}]\n', '- name: a\n', 'agencies: 3\n', 'other: 1\n']) {
      assert.equal(registryUpdate(parseSourceFile('agencies.yaml', text), { names: ['省统计局'] }, { locale: 'en' }), undefined, text);
    }
  });
});

describe('registry update: shortened names', () => {
  const FULL = '市发展和改革委员会';
  const SHORT = '市发改委';

  it('writes a short name as an alias of its full name when both are new, not as an agency of its own', () => {
    const text = updated(undefined, { names: [FULL, '市财政局', SHORT], aliases: [{ alias: SHORT, name: FULL }] });
    assert.match(text, /  - name: 市发展和改革委员会\n    kind: government {2}# taskmatrix: review the kind\n    aliases: \[市发改委\]\n  - name: 市财政局\n/);
    assert.doesNotMatch(text, /- name: 市发改委/);
  });

  it('adds the alias to an existing entry without aliases as a new line of that entry', () => {
    const text = `agencies:\n  - name: ${FULL}  # 发改\n    kind: government\n  - name: 市财政局\n    kind: government\n`;
    const result = updated(text, { names: [SHORT, '市统计局'], aliases: [{ alias: SHORT, name: FULL }] });
    assert.equal(result, `agencies:\n  - name: ${FULL}  # 发改\n    kind: government\n    aliases: [${SHORT}]\n  - name: 市财政局\n    kind: government\n  - name: 市统计局\n    kind: government${REVIEW}\n`);
  });

  it('adds the alias to the last entry, before the new entries that follow it', () => {
    const text = `agencies:\n  - name: ${FULL}\n    kind: government\n`;
    const update = registryUpdate(parseSourceFile('agencies.yaml', text), { names: [SHORT, '市统计局'], aliases: [{ alias: SHORT, name: FULL }] }, { locale: 'en' })!;
    const result = applyTextEdits(text, update.edits);
    assert.equal(result, `${text}    aliases: [${SHORT}]\n  - name: 市统计局\n    kind: government${REVIEW}\n`);
    assert.equal(result.slice(update.reveal).startsWith('  - name: 市统计局'), true);
    assert.deepEqual(update.aliased, [{ alias: SHORT, name: FULL }]);
    assert.deepEqual(update.added, ['市统计局']);
  });

  it('extends an existing flow or block alias list', () => {
    const flow = `agencies:\n  - name: ${FULL}\n    kind: government\n    aliases: [市发展改革委]   # both\n`;
    assert.equal(updated(flow, { names: [SHORT], aliases: [{ alias: SHORT, name: FULL }] }), flow.replace('[市发展改革委]', `[市发展改革委, ${SHORT}]`));
    const empty = `agencies:\n  - name: ${FULL}\n    kind: government\n    aliases: []\n`;
    assert.equal(updated(empty, { names: [SHORT], aliases: [{ alias: SHORT, name: FULL }] }), empty.replace('[]', `[${SHORT}]`));
    const block = `agencies:\n  - name: ${FULL}\n    kind: government\n    aliases:\n      - 市发展改革委\n  - name: 市财政局\n    kind: government\n`;
    assert.equal(updated(block, { names: [SHORT], aliases: [{ alias: SHORT, name: FULL }] }), block.replace('      - 市发展改革委\n', `      - 市发展改革委\n      - ${SHORT}\n`));
  });

  it('adds the short name as an entry of its own, saying why in a comment, when its full name is a flow entry', () => {
    const text = `agencies:\n  - {name: ${FULL}, kind: government}\n  - name: 市财政局\n    kind: government\n`;
    const update = registryUpdate(parseSourceFile('agencies.yaml', text), { names: [SHORT], aliases: [{ alias: SHORT, name: FULL }] }, { locale: 'en' })!;
    assert.deepEqual(update.separate, [{ alias: SHORT, name: FULL }]);
    const result = updated(text, { names: [SHORT], aliases: [{ alias: SHORT, name: FULL }] });
    assert.match(result, new RegExp(`  - name: ${SHORT}  # taskmatrix: short for ${FULL}, whose entry could not take it as an alias; move it to that entry's aliases\\n    kind: government`));
  });

  it('leaves alone aliases whose short name the registry knows already', () => {
    const text = `agencies:\n  - name: ${FULL}\n    kind: government\n`;
    assert.equal(updated(text, { names: ['市统计局'], aliases: [{ alias: SHORT, name: FULL }] }), `${text}  - name: 市统计局\n    kind: government${REVIEW}\n`);
  });
});
