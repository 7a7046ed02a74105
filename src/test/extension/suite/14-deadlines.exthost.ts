// Deadlines in the editor: the taskmatrix.today setting gives the same overdue findings as
// `taskmatrix lint --today`, a change of the setting re-checks at once, and an unreadable
// deadline has its quick fix.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activate, applyEdit, codeActions, engineDiagnostics, findAction, listing, rangeOf, restoreFixture, ruleOf, sameAsEngine, SCRATCH, setSetting, setText, showDoc, waitForDiagnostics, wsUri } from './helpers';

const TEXT = `id: scratch
title: 草稿
chapters:
  - id: "2"
    title: 第二部分
    measures:
      - id: "2.1"
        title: 强化前沿基础研究
        agencies: [省科技厅]
        deadline: 2025年底前
        status: in-progress
      - id: "2.2"
        title: 加强核心技术攻关
        agencies: [省科技厅]
        deadline: 2026年低前
`;

describe('deadlines', () => {
  let document: vscode.TextDocument;
  before(activate);
  beforeEach(async () => {
    document = (await showDoc(SCRATCH)).document;
    await setText(document, TEXT);
  });
  afterEach(async () => {
    await setSetting('today', undefined);
    await restoreFixture();
  });

  /** Waits until the scratch file shows exactly what `lint --today <today>` reports on its text. */
  async function sameAsLint(today: string): Promise<vscode.Diagnostic[]> {
    const engine = await engineDiagnostics(SCRATCH, { today });
    return waitForDiagnostics(wsUri(SCRATCH), (d) => sameAsEngine(d, engine), `the findings of lint --today ${today}`);
  }

  it('judges deadlines against taskmatrix.today, as lint --today does, and re-checks when it changes', async () => {
    await setSetting('today', '2025-06-01');
    const before = await sameAsLint('2025-06-01');
    assert.deepEqual(before.map(ruleOf), ['deadline-format'], listing(before));
    await setSetting('today', '2026-03-01');
    const after = await sameAsLint('2026-03-01');
    assert.deepEqual(after.map(ruleOf).sort(), ['deadline-format', 'overdue'], listing(after));
    const overdue = after.find((d) => ruleOf(d) === 'overdue')!;
    assert.match(overdue.message, /Measure 2\.1 was due on 2025-12-31 \("2025年底前"\), before 2026-03-01/);
    assert.equal(overdue.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(overdue.range, rangeOf(document, '2025年底前'));
  });

  it('fixes an unreadable deadline with the nearest reading', async () => {
    await setSetting('today', '2025-06-01');
    await sameAsLint('2025-06-01');
    const fix = findAction(await codeActions(document.uri, rangeOf(document, '2026年低前')), 'Write the deadline as "2026年底前"');
    assert.equal(fix.isPreferred, true);
    await applyEdit(fix.edit!);
    assert.equal(document.getText(), TEXT.replace('2026年低前', '2026年底前'));
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => ruleOf(x) === 'deadline-format'), 'the deadline-format warning to clear');
  });
});
