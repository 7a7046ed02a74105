// "taskmatrix: Import Policy Document…": the engine's importer (src/core/import) behind a file
// picker. It writes tasks/<id>.yaml in the document's workspace folder (asking before it
// replaces anything), opens it, and lists what it could not read in an output channel; agencies
// missing from the registry are added, on request, as an undoable (unsaved) edit of agencies.yaml.
import * as vscode from 'vscode';
import { decodeDocument, DOCUMENT_ID, documentIdFromFileName, importGuideline, registryInsertion } from '../core/index';
import type { ImportResult } from '../core/index';
import { editorLocale } from './locale';
import { toWorkspaceEdit } from './positions';
import { WorkspaceIndex } from './workspace-index';

/** Answers for the questions the command would ask: for tests and for other extensions. */
export interface ImportCommandOptions {
  id?: string;
  /** Whether to replace an existing tasks/<id>.yaml; asked (modal) when not given. */
  overwrite?: boolean;
  /** Add the agencies missing from the registry without asking. */
  addAgencies?: boolean;
}

export interface ImportCommandResult {
  target: vscode.Uri;
  result: ImportResult;
  registry?: vscode.Uri;
}

export class ImportCommand implements vscode.Disposable {
  private readonly output = vscode.window.createOutputChannel('taskmatrix import');

  constructor(private readonly index: WorkspaceIndex) {}

  dispose(): void {
    this.output.dispose();
  }

  async run(source?: vscode.Uri, options: ImportCommandOptions = {}): Promise<ImportCommandResult | undefined> {
    source ??= (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Plain text')]: ['txt', 'text'] }, openLabel: vscode.l10n.t('Import') }))?.[0];
    if (!source) return undefined;
    const decoded = decodeDocument(await vscode.workspace.fs.readFile(source));
    if (!('text' in decoded)) {
      const name = baseName(source);
      const reasons = {
        'too-large': () => vscode.l10n.t('{0} is larger than 32 MB; a policy document is far smaller.', name),
        binary: () => vscode.l10n.t('{0} is not plain text (a Word or PDF file?). Save or copy it as plain text first.', name),
        undecodable: () => vscode.l10n.t('{0} is neither UTF-8 nor GB18030/GBK text.', name),
      };
      return this.fail(reasons[decoded.error]());
    }
    const id = options.id ?? (await this.askId(source));
    if (!id) return undefined;
    if (!DOCUMENT_ID.test(id)) return this.fail(vscode.l10n.t('"{0}" is not a document id: use lower-case letters, digits and hyphens, e.g. zj-ai-2027.', id));

    const folder = vscode.workspace.getWorkspaceFolder(source) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) return this.fail(vscode.l10n.t('Open a folder first: the guideline is written to its tasks/ folder.'));
    const target = vscode.Uri.joinPath(folder.uri, 'tasks', `${id}.yaml`);
    if (await exists(target)) {
      let replace = options.overwrite;
      if (replace === undefined) {
        const yes = vscode.l10n.t('Replace');
        replace = (await vscode.window.showWarningMessage(vscode.l10n.t('{0} exists. Replace it with the imported guideline?', vscode.workspace.asRelativePath(target)), { modal: true }, yes)) === yes;
      }
      if (!replace) return undefined;
    }

    const key = WorkspaceIndex.key(target);
    const registry = this.index.project.registryFor(key);
    const registryKey = this.index.project.registryPathFor(key);
    const result = importGuideline(decoded.text, { id, locale: editorLocale(), ...(registry ? { registry } : {}) });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.yaml));
    await vscode.window.showTextDocument(target, { preview: false });
    this.report(source, target, decoded.encoding, result);

    let registryUri: vscode.Uri | undefined;
    if (registryKey !== undefined && result.newAgencies.length > 0) {
      let wanted = options.addAgencies;
      if (wanted === undefined) {
        const add = vscode.l10n.t('Add to Registry');
        const question = vscode.l10n.t('{0} agencies are not in the registry: {1}', result.newAgencies.length, result.newAgencies.join('、'));
        wanted = (await vscode.window.showInformationMessage(question, add)) === add;
      }
      if (wanted) registryUri = await this.addAgencies(registryKey, result.newAgencies);
    } else if (result.problems.length > 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Imported {0} measures; {1} paragraphs could not be fully read (see the output).', result.counts.measures, result.problems.length));
    }
    return { target, result, ...(registryUri ? { registry: registryUri } : {}) };
  }

  private async askId(source: vscode.Uri): Promise<string | undefined> {
    return vscode.window.showInputBox({
      title: vscode.l10n.t('Document id of the imported guideline'),
      prompt: vscode.l10n.t('Lower-case letters, digits and hyphens, e.g. zj-ai-2027; the file becomes tasks/<id>.yaml.'),
      value: documentIdFromFileName(baseName(source)) ?? '',
      validateInput: (value) => (DOCUMENT_ID.test(value) ? undefined : vscode.l10n.t('Use lower-case letters, digits and hyphens, e.g. zj-ai-2027.')),
    });
  }

  /** The new entries as one edit of the registry document: undoable, comments and order kept. */
  private async addAgencies(registryKey: string, names: string[]): Promise<vscode.Uri | undefined> {
    const file = this.index.project.file(registryKey);
    const insertion = file && registryInsertion(file, names, editorLocale());
    if (!insertion) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The registry\'s "agencies:" is not a list of "- name: …" entries; add the agencies by hand.'));
      return undefined;
    }
    const edit = toWorkspaceEdit(this.index.project, [{ path: registryKey, range: [insertion.offset, insertion.offset], newText: insertion.newText }]);
    if (!(await vscode.workspace.applyEdit(edit))) return undefined;
    // Left unsaved and shown at the first new entry: the drafter reviews the guessed kinds, then saves.
    const uri = vscode.Uri.parse(registryKey);
    const document = await vscode.workspace.openTextDocument(uri);
    const at = document.positionAt(insertion.offset + insertion.entryOffset);
    await vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Range(at, at), viewColumn: vscode.ViewColumn.Beside });
    return uri;
  }

  private report(source: vscode.Uri, target: vscode.Uri, encoding: string, result: ImportResult): void {
    const { counts } = result;
    const path = source.scheme === 'file' ? source.fsPath : source.toString();
    this.output.appendLine(
      vscode.l10n.t('{0} ({1}) → {2}: {3} parts, {4} measures, {5} agency lists, {6} targets', path, encoding.toUpperCase(), vscode.workspace.asRelativePath(target), counts.parts, counts.measures, counts.lists, counts.targets),
    );
    for (const problem of result.problems) this.output.appendLine(`  ${path}:${problem.line}: ${problem.message}\n      ${problem.excerpt}`);
    if (result.newAgencies.length > 0) this.output.appendLine(vscode.l10n.t('Not in the agency registry ({0}): {1}', result.newAgencies.length, result.newAgencies.join('、')));
    if (result.problems.length > 0) this.output.show(true);
  }

  private fail(message: string): undefined {
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
