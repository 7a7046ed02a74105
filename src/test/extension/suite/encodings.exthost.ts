// One fixture set, two hosts (issue 15, item 1): the extension's diagnostics for every file of
// src/test/extension/fixtures/encodings — UTF-8 with and without BOM, GB18030, UTF-16, binary,
// oversized, a sub-folder whose .taskmatrix.yaml overrides the root one — are byte for byte what
// `taskmatrix lint --format json` prints for the same folder, run here from the same bundle.
// Runs in a workspace of its own: node scripts/extension-host/run-tests.mjs --suite encodings
//   --workspace src/test/extension/fixtures/encodings
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { ruleById, ruleDocs } from '../../../core/index';
import type { Diagnostic, RuleId, Severity } from '../../../core/index';
import { activate, EXTENSION_ID, folder, log, ruleOf, shown, until, wsUri } from './helpers';

const LIMIT_BYTES = 32 * 1024 * 1024;
const SEVERITY: Record<number, Severity> = { [vscode.DiagnosticSeverity.Error]: 'error', [vscode.DiagnosticSeverity.Warning]: 'warning', [vscode.DiagnosticSeverity.Information]: 'info' };

type Finding = Omit<Diagnostic, 'offset'>;

/** A finding as one line: file, range (1-based, as lint prints it), severity, rule, message. */
const lineOf = (d: Finding) => `${d.file} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.rule} ${d.message}`;

function editorLines(relative: string): string[] {
  return shown(wsUri(relative)).map((d) => lineOf({ file: relative, rule: ruleOf(d) as RuleId, severity: SEVERITY[d.severity]!, message: d.message, line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 }));
}

/** What `taskmatrix lint` says of the workspace's task files, by file, from the extension's own bundle. */
function commandLine(files: string[]): Map<string, string[]> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [join(extension.extensionPath, 'dist/cli.js'), 'lint', 'tasks', '--format', 'json', '--locale', 'en'], { cwd: folder().uri.fsPath, encoding: 'utf8' });
  } catch (error) {
    // Exit 1: there are errors, as there must be.
    stdout = (error as { stdout: string }).stdout;
  }
  const byFile = new Map<string, string[]>(files.map((file) => [file, []]));
  for (const d of (JSON.parse(stdout) as { diagnostics: Finding[] }).diagnostics) byFile.get(d.file)?.push(lineOf(d)) ?? byFile.set(d.file, [lineOf(d)]);
  return byFile;
}

const FILES = ['tasks/agencies.yaml', 'tasks/binary.yaml', 'tasks/gb18030.yaml', 'tasks/oversized.yaml', 'tasks/sub/override.yaml', 'tasks/utf16.yaml', 'tasks/utf8-bom.yaml', 'tasks/utf8.yaml'];

describe('encodings: the same diagnostics as the command line', () => {
  before(async function () {
    this.timeout(60000);
    // The oversized file is made here (sparse: no disk space), then found by the index's watcher.
    const fd = openSync(join(folder().uri.fsPath, 'tasks/oversized.yaml'), 'w');
    ftruncateSync(fd, LIMIT_BYTES + 1);
    closeSync(fd);
    await activate();
  });

  it('gives every file of the fixture set the rule, severity, message and range lint gives it', async function () {
    this.timeout(60000);
    const expected = commandLine(FILES);
    assert.deepEqual([...expected.keys()].sort(), FILES, 'lint reports files outside the fixture set');
    const table: string[] = [];
    for (const file of FILES) {
      const want = expected.get(file)!;
      const got = await until(() => editorLines(file), (lines) => JSON.stringify(lines.sort()) === JSON.stringify([...want].sort()), `${file}: the editor's diagnostics as lint's:\n  lint:   ${want.join('\n          ') || '(none)'}\n  editor: ${editorLines(file).join('\n          ') || '(none)'}`, 20000);
      table.push(...(got.length ? got : [`${file} (no findings)`]));
    }
    // Each diagnostic links to its rule's section of the packaged docs, as the rule's metadata says (and SARIF).
    for (const file of FILES) {
      for (const d of shown(wsUri(file))) {
        const docs = ruleDocs(ruleById(ruleOf(d))!.meta);
        const target = (d.code as { target: vscode.Uri }).target;
        assert.equal(target.toString(), vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, docs.file).with({ fragment: docs.anchor }).toString());
      }
    }
    log('FIXTURE TABLE (identical through lint and the extension):');
    for (const line of table) log(`  ${line}`);
  });

  it('keeps the encoding finding while a GB18030 file is open, however the editor decoded it', async function () {
    this.timeout(60000);
    const file = 'tasks/gb18030.yaml';
    const before = editorLines(file);
    assert.match(before.join('\n'), /yaml-syntax The file is not valid UTF-8 text/);
    // As VS Code opens it without guessing (UTF-8, the bytes it cannot read replaced)…
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(wsUri(file)));
    // …and as a drafter reopens it in GB18030, where it reads as Chinese.
    const openWith = vscode.workspace.openTextDocument as unknown as (uri: vscode.Uri, options: { encoding: string }) => Thenable<vscode.TextDocument>;
    const decoded = await Promise.resolve(openWith(wsUri(file), { encoding: 'gb18030' })).catch(() => undefined);
    if (decoded) assert.match(decoded.getText(), /强化前沿基础研究/);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(editorLines(file), before);
  });

  it('applies the sub-folder configuration to a file opened and edited there', async function () {
    this.timeout(60000);
    const file = 'tasks/sub/override.yaml';
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(wsUri(file)));
    const text = editor.document.getText();
    // The one in the agencies list, not the comment that explains it.
    const at = text.indexOf('[省科技局') + 1;
    assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 4)), '省科技厅')));
    // Fixed: no finding left (no-lead is off under sub/), as lint would say of the edited text.
    await until(() => editorLines(file), (lines) => lines.length === 0, `${file}: no finding once the lead is spelt right`, 20000);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
