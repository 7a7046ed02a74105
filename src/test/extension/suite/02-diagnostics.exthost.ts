// Live diagnostics: the rule codes, severities, messages and ranges of `taskmatrix lint`, on open
// and as the drafter types.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activate, brief, engineDiagnostics, GUIDELINE, listing, REGISTRY, replaceText, restoreFixture, ruleOf, settled, showDoc, shown, waitForDiagnostics, wsUri } from './helpers';

/** The fixture guideline's findings, checked by hand against the file (1-based, end exclusive). */
const EXPECTED = [
  'unknown-agency 13:26-13:30', // 省经信委
  'alias-agency 16:26-16:29', // 科技厅
  'duplicate-agency 22:13-22:18', // the second 之江实验室 of 2.3
  'no-lead 29:19-29:30', // division: by-function of 3.1
  'no-lead 32:20-32:34', // the collective first in 3.2
  'unknown-agency 35:26-35:32', // 省农业农村厅
];

describe('diagnostics', () => {
  before(activate);
  afterEach(restoreFixture);

  it('are published for the fixture guideline on activation, without opening it', async () => {
    const diagnostics = await waitForDiagnostics(wsUri(GUIDELINE), (d) => d.length === EXPECTED.length, `${EXPECTED.length} diagnostics`);
    assert.deepEqual(diagnostics.map(brief).sort(), [...EXPECTED].sort(), listing(diagnostics));
    const severity = (rule: string) => diagnostics.filter((d) => ruleOf(d) === rule).map((d) => d.severity);
    assert.deepEqual(severity('unknown-agency'), [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Error]);
    assert.deepEqual(severity('duplicate-agency'), [vscode.DiagnosticSeverity.Error]);
    assert.deepEqual(severity('alias-agency'), [vscode.DiagnosticSeverity.Warning]);
    assert.deepEqual(severity('no-lead'), [vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Warning]);
    const unknown = diagnostics.find((d) => brief(d) === EXPECTED[0])!;
    assert.match(unknown.message, /省经信委/);
    assert.match(unknown.message, /省经信厅/, 'the message suggests the closest registry name');
  });

  it('are exactly what the engine reports on the same text (rule, severity, message, range)', async () => {
    await settled(GUIDELINE);
    await settled(REGISTRY);
    assert.equal(shown(wsUri(REGISTRY)).length, 0, 'every registry agency is named, so the registry is clean');
  });

  it('carry the rule id as code, linked to the rule documentation, and source taskmatrix', async () => {
    for (const diagnostic of await settled(GUIDELINE)) {
      assert.equal(diagnostic.source, 'taskmatrix');
      const { code } = diagnostic;
      assert.ok(typeof code === 'object' && code !== null, 'code is { value, target }');
      assert.equal(code.target.path.endsWith('/docs/rules.md'), true, code.target.toString());
      assert.equal(code.target.fragment, String(code.value));
    }
  });

  it('name the registry file as `taskmatrix lint` does from the workspace folder (tasks/agencies.yaml)', async () => {
    const unknown = (await settled(GUIDELINE)).filter((d) => ruleOf(d) === 'unknown-agency');
    assert.equal(unknown.length, 2);
    for (const diagnostic of unknown) {
      assert.ok(diagnostic.message.includes(' tasks/agencies.yaml'), `the message names the registry by its workspace path:\n  ${diagnostic.message}`);
      assert.ok(!/vscode-remote:|file:\/\//.test(diagnostic.message), `no URI in the message:\n  ${diagnostic.message}`);
    }
  });

  it('clear when the text is fixed, and come back when the mistake is typed again', async () => {
    const document = (await showDoc(GUIDELINE)).document;
    const uri = document.uri;
    await replaceText(document, '省经信委', '省经信厅');
    const fixed = await waitForDiagnostics(uri, (d) => d.length === EXPECTED.length - 1 && !d.some((x) => brief(x) === EXPECTED[0]), 'the unknown agency to clear');
    assert.deepEqual(fixed.map(brief).sort(), EXPECTED.slice(1).sort());
    await replaceText(document, '[省科技厅, 省经信厅, 之江实验室]', '[省科技厅, 省经信委, 之江实验室]');
    const again = await waitForDiagnostics(uri, (d) => d.some((x) => brief(x) === EXPECTED[0]), 'the unknown agency to come back');
    assert.deepEqual(again.map(brief).sort(), [...EXPECTED].sort());
  });

  it('follow the text: a new mistake gets its own range, and a line inserted above moves every finding down', async () => {
    const document = (await showDoc(GUIDELINE)).document;
    const uri = document.uri;
    await replaceText(document, '之江实验室]  # 省经信委', '之江实验所]  # 省经信委');
    const typo = await waitForDiagnostics(uri, (d) => d.some((x) => brief(x) === 'unknown-agency 13:32-13:37'), 'an unknown-agency on 之江实验所');
    assert.match(typo.find((x) => brief(x) === 'unknown-agency 13:32-13:37')!.message, /之江实验室/, 'suggests 之江实验室');
    await restoreFixture();

    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(2, 0), '# a comment line inserted above everything\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const moved = EXPECTED.map((e) => e.replace(/ (\d+):(\d+)-(\d+):/, (_, l, c, el) => ` ${Number(l) + 1}:${c}-${Number(el) + 1}:`));
    const shifted = await waitForDiagnostics(uri, (d) => d.map(brief).sort().join() === [...moved].sort().join(), 'every finding one line down');
    assert.equal(shifted.length, EXPECTED.length);
  });

  it('report schema and duplicate-id problems as they are typed', async () => {
    const document = (await showDoc(GUIDELINE)).document;
    await replaceText(document, 'division: by-function', 'division: by-fnction');
    await replaceText(document, '- id: "2.2"', '- id: "2.1"');
    const diagnostics = await settled(GUIDELINE);
    const rules = diagnostics.map(ruleOf);
    assert.ok(rules.includes('schema'), listing(diagnostics));
    assert.ok(rules.includes('duplicate-id'), listing(diagnostics));
    const schema = diagnostics.find((d) => ruleOf(d) === 'schema')!;
    assert.equal(document.getText(schema.range).includes('by-fnction'), true, `the schema finding covers the bad value: ${brief(schema)}`);
    assert.equal((await engineDiagnostics(GUIDELINE)).length, diagnostics.length);
  });
});
