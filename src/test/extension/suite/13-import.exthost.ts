// "taskmatrix: Import Policy Document…" in a real VS Code: a plain-text (here GB18030) or Word
// policy document becomes tasks/<id>.yaml, opened in an editor and checked like any task file;
// the paragraphs the importer was unsure of are published as diagnostics (on the text file's
// lines, or on a read-only document of a Word file's paragraphs); the agencies the registry lacks
// are added as an unsaved edit of agencies.yaml, comments kept; an existing file is never replaced
// without the drafter's answer; a file it cannot read gets the command line's one-line reason.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import * as vscode from 'vscode';
import type { ImportCommandResult } from '../../../extension/import-command';
import { activate, brief, listing, pristineText, REGISTRY, restoreFixture, ruleOf, waitForDiagnostics, wsUri } from './helpers';

const DOCUMENT = `关于推进人工智能教育的实施意见

一、重点任务

（一）建设智能教育平台。推进人工智能课程进校园。（省教育厅、省科技厅、省人力社保厅，排名第一的为牵头单位，下同）
（二）培养人工智能人才。支持高校增设相关专业。（省教育厅、之江实验室）
（三）加强统筹协调。建立工作机制。（省数字经济领导小组各成员单位）
（四）开展试点示范。遴选一批试点学校。
`;

describe('import command', () => {
  before(activate);
  after(restoreFixture);

  it('imports a GB18030 text into tasks/<id>.yaml, opens it, and adds the missing agency to the registry', async () => {
    const source = wsUri('incoming/ai-education.txt');
    const target = wsUri('tasks/ai-education.yaml');
    await vscode.workspace.fs.writeFile(source, execFileSync('/usr/bin/iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: DOCUMENT }));
    try {
      const answer = (await vscode.commands.executeCommand('taskmatrix.importDocument', source, { id: 'ai-education', addAgencies: true })) as ImportCommandResult;
      assert.equal(answer.target.toString(), target.toString());
      assert.deepEqual(answer.result.counts, { parts: 1, measures: 3, lists: 3, targets: 0, deadlines: 0 });
      assert.deepEqual(answer.result.newAgencies, ['省人力社保厅']);
      assert.deepEqual(answer.result.problems.map((problem) => problem.line), [8]);
      // The unsure paragraph is a link on the text file's own line.
      assert.equal(answer.paragraphs.toString(), source.toString());
      const unsure = vscode.languages.getDiagnostics(source).filter((d) => d.source === 'taskmatrix import');
      assert.deepEqual(unsure.map((d) => d.range.start.line), [7]);

      const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(written, /^id: ai-education$/m);
      assert.match(written, /agencies: \[省教育厅, 省科技厅, 省人力社保厅\]/);
      assert.ok(vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === target.toString()), 'the imported guideline is open');

      // The registry edit is in the editor, unsaved, after the last entry; the file's comments are all still there.
      const registry = vscode.workspace.textDocuments.find((document) => document.uri.toString() === wsUri(REGISTRY).toString())!;
      assert.ok(registry.isDirty, 'the registry edit waits for the drafter to save it');
      const pristine = await pristineText(REGISTRY);
      assert.equal(registry.getText(), `${pristine}  - name: 省人力社保厅\n    kind: government  # ${vscode.env.language.startsWith('zh') ? 'taskmatrix：请核对单位类别' : 'taskmatrix: review the kind'}\n`);

      // Checked like any task file: with the new entry known, only the genuine no-lead findings remain.
      const shown = await waitForDiagnostics(target, (d) => d.length > 0 && d.every((x) => ruleOf(x) === 'no-lead'), 'no-lead findings only', 15000);
      assert.deepEqual(shown.map(brief).map((b) => b.split(' ')[0]), ['no-lead'], listing(shown));
    } finally {
      await vscode.workspace.fs.delete(target);
      await vscode.workspace.fs.delete(wsUri('incoming'), { recursive: true });
      await restoreFixture();
    }
  });

  it('imports a Word document and publishes its unsure paragraphs on a read-only document of its paragraphs', async () => {
    const source = wsUri('incoming/ai-education.docx');
    const target = wsUri('tasks/ai-education-word.yaml');
    const paragraphs = DOCUMENT.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));
    await vscode.workspace.fs.writeFile(source, new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }))));
    try {
      const answer = (await vscode.commands.executeCommand('taskmatrix.importDocument', source, { id: 'ai-education-word', addAgencies: false })) as ImportCommandResult;
      assert.deepEqual(answer.result.counts, { parts: 1, measures: 3, lists: 3, targets: 0, deadlines: 0 });
      const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(written, /^id: ai-education-word$/m);
      assert.match(written, /agencies: \[省教育厅, 省科技厅, 省人力社保厅\]/);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString(), 'the guideline opens in the active group');

      // The unsure paragraph: a diagnostic on the document of the extracted paragraphs, whose line is that paragraph.
      assert.equal(answer.paragraphs.scheme, 'taskmatrix-import');
      const unsure = vscode.languages.getDiagnostics(answer.paragraphs);
      assert.equal(unsure.length, 1, listing(unsure));
      assert.equal(unsure[0]!.source, 'taskmatrix import');
      assert.match(unsure[0]!.message, /\(paragraph 8\)$|（第 8 段）$|\(第 8 段\)$/);
      const extracted = await vscode.workspace.openTextDocument(answer.paragraphs);
      assert.equal(extracted.lineAt(unsure[0]!.range.start.line).text, '（四）开展试点示范。遴选一批试点学校。');
      assert.equal(extracted.lineAt(4).text, DOCUMENT.split('\n')[4]);
    } finally {
      await vscode.workspace.fs.delete(target);
      await vscode.workspace.fs.delete(wsUri('incoming'), { recursive: true });
      await restoreFixture();
    }
  });

  it('refuses a legacy Word file (.doc) with the one-line reason of the command line', async () => {
    const source = wsUri('incoming/通知.doc');
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    try {
      await vscode.workspace.fs.writeFile(source, bytes);
      assert.equal(await vscode.commands.executeCommand('taskmatrix.importDocument', source, { id: 'legacy' }), undefined);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(wsUri('tasks/legacy.yaml'))));
    } finally {
      await vscode.workspace.fs.delete(wsUri('incoming'), { recursive: true });
    }
  });

  it('does not replace an existing guideline unless told to, and refuses a binary file', async () => {
    const source = wsUri('incoming/second.txt');
    const target = wsUri('tasks/second-doc.yaml');
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(DOCUMENT));
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('# drafter notes\n'));
    try {
      // The drafter answers "no" to replacing it: nothing is written.
      assert.equal(await vscode.commands.executeCommand('taskmatrix.importDocument', source, { id: 'second-doc', overwrite: false, addAgencies: false }), undefined);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), '# drafter notes\n');

      const replaced = (await vscode.commands.executeCommand('taskmatrix.importDocument', source, { id: 'second-doc', overwrite: true, addAgencies: false })) as ImportCommandResult;
      assert.equal(replaced.result.counts.measures, 3);
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), /^id: second-doc$/m);

      const binary = wsUri('incoming/scan.txt');
      await vscode.workspace.fs.writeFile(binary, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
      assert.equal(await vscode.commands.executeCommand('taskmatrix.importDocument', binary, { id: 'scan' }), undefined);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(wsUri('tasks/scan.yaml'))));
    } finally {
      await vscode.workspace.fs.delete(target);
      await vscode.workspace.fs.delete(wsUri('incoming'), { recursive: true });
    }
  });
});
