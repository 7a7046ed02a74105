// "taskmatrix: Import Policy Document…": the engine's importer (src/core/import) behind a file
// picker, for every format the command line reads (.txt .docx .pdf .xlsx .csv). It writes
// tasks/<id>.yaml in the document's workspace folder (asking before it replaces anything), opens
// it, says what it found in a notification, and publishes the paragraphs it was unsure of as
// diagnostics: on the lines of a text file, or on a read-only document of the extracted
// paragraphs (scheme taskmatrix-import:) for Word, PDF and table files, so that each entry of the
// Problems panel opens its paragraph. Agencies missing from the registry are added, on request,
// as an undoable (unsaved) edit of agencies.yaml — or of a new one beside the guideline.
import * as vscode from 'vscode';
import { documentLines, DOCUMENT_ID, documentIdFromFileName, importGuideline, placeInDocument, readDocument, readWithinLimit, registryUpdate, sourceDescription, unreadableReason } from '../core/index';
import type { ImportProblem, ImportResult, SourceDocument } from '../core/index';
import { editorLocale } from './locale';
import { toVscodeRange } from './positions';
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
  /** Where the unsure paragraphs are published: the source text file, or the document of its extracted paragraphs. */
  paragraphs: vscode.Uri;
  /** The notification shown: its words and its buttons. */
  notice: { message: string; actions: string[] };
}

/** The formats the importer reads, for the open dialog (the explorer menu lists the same in package.json). */
const EXTENSIONS = ['txt', 'docx', 'pdf', 'xlsx', 'csv'];

/** Read-only documents holding the paragraphs extracted from Word, PDF and table files, one per line. */
export class ExtractedParagraphs implements vscode.TextDocumentContentProvider, vscode.Disposable {
  static readonly scheme = 'taskmatrix-import';
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** The document of a source file's paragraphs, its text replaced by `lines`. */
  publish(source: vscode.Uri, lines: string[]): vscode.Uri {
    const name = baseName(source);
    const uri = vscode.Uri.from({ scheme: ExtractedParagraphs.scheme, path: `/${name}.txt`, query: source.toString() });
    this.texts.set(uri.toString(), lines.join('\n') + '\n');
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export class ImportCommand implements vscode.Disposable {
  private readonly output = vscode.window.createOutputChannel('taskmatrix import');
  private readonly problems = vscode.languages.createDiagnosticCollection('taskmatrix import');
  private readonly paragraphs = new ExtractedParagraphs();
  private readonly provider = vscode.workspace.registerTextDocumentContentProvider(ExtractedParagraphs.scheme, this.paragraphs);

  constructor(private readonly index: WorkspaceIndex) {}

  dispose(): void {
    this.output.dispose();
    this.problems.dispose();
    this.provider.dispose();
    this.paragraphs.dispose();
  }

  async run(source?: vscode.Uri, options: ImportCommandOptions = {}): Promise<ImportCommandResult | undefined> {
    source ??= (
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { [vscode.l10n.t('Policy documents')]: EXTENSIONS, [vscode.l10n.t('All files')]: ['*'] },
        openLabel: vscode.l10n.t('Import'),
      })
    )?.[0];
    if (!source) return undefined;
    const locale = editorLocale();
    // The engine reads the bytes and tells the format; its reasons are the command line's.
    // The size from a stat first: a file over the limit is refused before it is read.
    const file = source;
    const bytes = await readWithinLimit({ size: async () => (await vscode.workspace.fs.stat(file)).size, read: () => vscode.workspace.fs.readFile(file) });
    let document: Awaited<ReturnType<typeof readDocument>>;
    try {
      document = 'tooLarge' in bytes ? ({ error: 'too-large' } as const) : await readDocument(bytes.bytes, { fileName: baseName(source) });
    } catch (error) {
      // The web bundle has no readers of Word, Excel and PDF files: their loader throws why.
      return this.fail(error instanceof Error ? error.message : String(error));
    }
    if ('error' in document) return this.fail(unreadableReason(document, baseName(source), locale));
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
    const result = importGuideline(document, { id, locale, ...(registry ? { registry } : {}) });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.yaml));
    const paragraphs = this.publishProblems(source, document, result.problems);
    await vscode.window.showTextDocument(target, { preview: false, viewColumn: vscode.ViewColumn.Active });
    this.report(source, target, document, result);
    const notice = this.notify(source, document, result, paragraphs);

    let registryUri: vscode.Uri | undefined;
    if (result.newAgencies.length > 0) {
      let wanted = options.addAgencies;
      if (wanted === undefined) {
        const add = vscode.l10n.t('Add to Registry');
        const question = vscode.l10n.t('{0} agencies are not in the registry: {1}', result.newAgencies.length, result.newAgencies.join('、'));
        wanted = (await vscode.window.showInformationMessage(question, add)) === add;
      }
      const registryFile = registryKey !== undefined && this.index.project.has(registryKey) ? vscode.Uri.parse(registryKey) : vscode.Uri.joinPath(target, '..', 'agencies.yaml');
      if (wanted) registryUri = await this.addAgencies(registryFile, result);
    }
    return { target, result, paragraphs, notice, ...(registryUri ? { registry: registryUri } : {}) };
  }

  private async askId(source: vscode.Uri): Promise<string | undefined> {
    return vscode.window.showInputBox({
      title: vscode.l10n.t('Document id of the imported guideline'),
      prompt: vscode.l10n.t('Lower-case letters, digits and hyphens, e.g. zj-ai-2027; the file becomes tasks/<id>.yaml.'),
      value: documentIdFromFileName(baseName(source)) ?? '',
      validateInput: (value) => (DOCUMENT_ID.test(value) ? undefined : vscode.l10n.t('Use lower-case letters, digits and hyphens, e.g. zj-ai-2027.')),
    });
  }

  /**
   * The unsure paragraphs as diagnostics, each a link in the Problems panel: on the lines of a
   * text file itself, else on the document of the extracted paragraphs. Returns where they are.
   */
  private publishProblems(source: vscode.Uri, document: SourceDocument, problems: ImportProblem[]): vscode.Uri {
    const locale = editorLocale();
    const lines = document.format === 'text' ? undefined : documentLines(document);
    const uri = lines ? this.paragraphs.publish(source, lines) : source;
    this.problems.set(source, undefined);
    this.problems.set(uri, undefined);
    const diagnostics = problems.map((problem) => {
      const line = Math.max(0, problem.line - 1);
      const length = lines ? (lines[line] ?? '').length : 10_000;
      const place = placeInDocument(problem, document.format, locale);
      const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, length), place ? `${problem.message} (${place})` : problem.message, vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'taskmatrix import';
      return diagnostic;
    });
    this.problems.set(uri, diagnostics);
    return uri;
  }

  /** What was read, with a way to the unsure paragraphs; not awaited, so the command never waits on the drafter. */
  private notify(source: vscode.Uri, document: SourceDocument, result: ImportResult, paragraphs: vscode.Uri): ImportCommandResult['notice'] {
    const { counts, problems } = result;
    const summary = vscode.l10n.t('Imported {0} ({1}): {2} parts, {3} measures, {4} agency lists, {5} unsure paragraphs.', baseName(source), sourceDescription(document, editorLocale()), counts.parts, counts.measures, counts.lists, problems.length);
    if (problems.length === 0) {
      void vscode.window.showInformationMessage(summary);
      return { message: summary, actions: [] };
    }
    const show = vscode.l10n.t('Show unsure paragraphs');
    void vscode.window.showWarningMessage(summary, show).then(async (answer) => {
      if (answer !== show) return;
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      const first = new vscode.Position(Math.max(0, problems[0]!.line - 1), 0);
      await vscode.window.showTextDocument(paragraphs, { preview: true, viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(first, first) });
    });
    return { message: summary, actions: [show] };
  }

  /**
   * The new entries as one edit of the registry (created beside the guideline when there is none),
   * undoable and unsaved: comments and order kept, short names written as aliases.
   */
  private async addAgencies(registryFile: vscode.Uri, result: ImportResult): Promise<vscode.Uri | undefined> {
    const key = WorkspaceIndex.key(registryFile);
    const file = this.index.project.has(key) ? this.index.project.file(key) : undefined;
    if (!file && (await exists(registryFile))) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The registry\'s "agencies:" is not a list of "- name: …" entries; add the agencies by hand.'));
      return undefined;
    }
    const update = registryUpdate(file, { names: result.newAgencies, aliases: result.aliases }, { locale: editorLocale() });
    if (!update) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The registry\'s "agencies:" is not a list of "- name: …" entries; add the agencies by hand.'));
      return undefined;
    }
    const edit = new vscode.WorkspaceEdit();
    if (!file) {
      edit.createFile(registryFile, { ignoreIfExists: true });
      edit.insert(registryFile, new vscode.Position(0, 0), update.edits.map((change) => change.newText).join(''));
    } else {
      for (const change of update.edits) edit.replace(registryFile, toVscodeRange(this.index.project, key, change.range), change.newText);
    }
    if (!(await vscode.workspace.applyEdit(edit))) return undefined;
    // Left unsaved and shown at the first new entry: the drafter reviews the guessed kinds, then saves.
    const document = await vscode.workspace.openTextDocument(registryFile);
    const at = document.positionAt(update.reveal ?? 0);
    await vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Range(at, at), viewColumn: vscode.ViewColumn.Beside });
    return registryFile;
  }

  private report(source: vscode.Uri, target: vscode.Uri, document: SourceDocument, result: ImportResult): void {
    const { counts } = result;
    const locale = editorLocale();
    const path = source.scheme === 'file' ? source.fsPath : source.toString();
    this.output.appendLine(
      vscode.l10n.t('{0} ({1}) → {2}: {3} parts, {4} measures, {5} agency lists, {6} targets', path, sourceDescription(document, locale), vscode.workspace.asRelativePath(target), counts.parts, counts.measures, counts.lists, counts.targets),
    );
    for (const problem of result.problems) {
      const place = placeInDocument(problem, document.format, locale);
      this.output.appendLine(`  ${path}:${place === undefined ? problem.line : ` ${place}`}: ${problem.message}\n      ${problem.excerpt}`);
    }
    if (result.newAgencies.length > 0) this.output.appendLine(vscode.l10n.t('Not in the agency registry ({0}): {1}', result.newAgencies.length, result.newAgencies.join('、')));
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
