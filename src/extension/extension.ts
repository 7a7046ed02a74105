// Activation: one workspace index over the engine, and thin providers around it. The entry points
// node.ts (desktop) and web.ts (web worker) call activateWith with what their host can do.
import * as vscode from 'vscode';
import { AgenciesTree } from './agencies-tree';
import { TaskCodeActions } from './code-actions';
import { TaskCompletion } from './completion';
import { DiagnosticsController } from './diagnostics';
import { TaskHover } from './hover';
import { editorLocale } from './locale';
import { TaskNavigation } from './navigation';
import { TaskOutline } from './outline';
import { toWorkspaceEdit } from './positions';
import { NoLeadStatus } from './status-bar';
import { WorkspaceIndex } from './workspace-index';
import { GraphPanel } from './graph-panel';
import { ImportCommand } from './import-command';
import type { ImportCommandOptions } from './import-command';
import { MatrixPanel } from './matrix-panel';
import { compareWithFile, compareWithRevision, DiffPanel, guidelineKey } from './diff-panel';
import { panelSerializer } from './panel';
import type { PanelContext, Restore } from './panel';
import { panelTesting } from './testing';
import type { PanelTesting } from './testing';
import { RevisionDocuments } from './earlier-draft';
import { exportPlan } from './plan-export';
import { guidelineFor } from './focused-guideline';
import type { HostCapabilities } from './host';
import { useGitCommand } from './revisions';
import { fixAllEdits } from '../core/index';
import type { PanelState } from '../webview/protocol';

/** What tests (and other extensions) can reach. */
export interface TaskmatrixApi {
  index: WorkspaceIndex;
  diagnostics: DiagnosticsController;
  status: NoLeadStatus;
  tree: AgenciesTree;
  /** The live panels, for the extension-host tests: snapshots and a probe per panel. */
  testing: PanelTesting;
  /** Resolves when the first index of the workspace is complete. */
  ready: Promise<void>;
  /** The extension's log folder, inside the extension host's: tests read the host's warnings about taskmatrix there. */
  logUri: vscode.Uri;
}

// Every scheme (local, remote, virtual): providers answer only for files of the index.
const SELECTOR: vscode.DocumentSelector = { language: 'yaml' };

export function activateWith(context: vscode.ExtensionContext, host: HostCapabilities): TaskmatrixApi {
  useGitCommand(host.gitCommand);
  const index = new WorkspaceIndex(editorLocale());
  const ready = indexWithProgress(index).then(() => void vscode.commands.executeCommand('setContext', 'taskmatrix.active', true));
  const diagnostics = new DiagnosticsController(index, context.extensionUri);
  const status = new NoLeadStatus(diagnostics);
  const tree = new AgenciesTree(index);
  const outline = new TaskOutline(index);
  const navigation = new TaskNavigation(index);
  const importer = new ImportCommand(index);
  const panels: PanelContext = { extensionUri: context.extensionUri, index };
  const restorers: Record<string, Restore> = {
    [GraphPanel.viewType]: (panel, state) => GraphPanel.restore(panels, panel, state as PanelState | undefined),
    [MatrixPanel.viewType]: (panel, state) => MatrixPanel.restore(panels, panel, state as PanelState | undefined),
    [DiffPanel.viewType]: (panel, state) => DiffPanel.restore(panels, panel, state as PanelState | undefined),
  };

  context.subscriptions.push(
    index,
    diagnostics,
    status,
    vscode.window.createTreeView('taskmatrix.agencies', { treeDataProvider: tree, showCollapseAll: true }),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new TaskCodeActions(index, diagnostics), { providedCodeActionKinds: TaskCodeActions.kinds }),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new TaskCompletion(index), '[', ',', ' ', '-'),
    vscode.languages.registerHoverProvider(SELECTOR, new TaskHover(index)),
    vscode.languages.registerDefinitionProvider(SELECTOR, navigation),
    vscode.languages.registerReferenceProvider(SELECTOR, navigation),
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, outline),
    vscode.languages.registerCodeLensProvider(SELECTOR, outline),
    vscode.commands.registerCommand('taskmatrix.reveal', reveal),
    vscode.commands.registerCommand('taskmatrix.openGraph', (uri?: vscode.Uri) => {
      const target = taskDocument(index, uri);
      return target && GraphPanel.show(panels, target);
    }),
    vscode.commands.registerCommand('taskmatrix.openOverview', () => GraphPanel.showOverview(panels)),
    vscode.commands.registerCommand('taskmatrix.openMatrix', (uri?: vscode.Uri) => {
      const target = taskDocument(index, uri);
      return target && MatrixPanel.show(panels, target);
    }),
    ...Object.entries(restorers).map(([viewType, restore]) => vscode.window.registerWebviewPanelSerializer(viewType, panelSerializer(context.extensionUri, ready, restore))),
    vscode.commands.registerCommand('taskmatrix.revealMeasure', revealLine),
    vscode.commands.registerCommand('taskmatrix.reindex', () => indexWithProgress(index)),
    importer,
    vscode.commands.registerCommand('taskmatrix.importDocument', (source?: vscode.Uri, options?: ImportCommandOptions) => importer.run(source, options)),
    vscode.commands.registerCommand('taskmatrix.exportWord', (uri?: unknown, options?: unknown) => exportPlan(index, 'docx', uri, options)),
    vscode.commands.registerCommand('taskmatrix.exportExcel', (uri?: unknown, options?: unknown) => exportPlan(index, 'xlsx', uri, options)),
    vscode.workspace.registerTextDocumentContentProvider(RevisionDocuments.scheme, new RevisionDocuments()),
    vscode.commands.registerCommand('taskmatrix.compareWithHead', (uri?: unknown, options?: unknown) => compareWithRevision(panels, uri, options)),
    vscode.commands.registerCommand('taskmatrix.compareWithFile', (uri?: unknown, options?: unknown) => compareWithFile(panels, uri, options)),
    vscode.commands.registerCommand('taskmatrix.highlightChanges', async (uri?: unknown, options?: { revision?: string }) => {
      // The focused matrix panel's guideline first: its toolbar offers the same.
      const key = uri === undefined && MatrixPanel.active() ? MatrixPanel.active()!.key : guidelineKey(index, uri);
      if (!key) return undefined;
      const panel = MatrixPanel.show(panels, vscode.Uri.parse(key));
      return (await panel.highlightChanges(options && typeof options === 'object' && !Array.isArray(options) ? options.revision : undefined)) ? panel : undefined;
    }),
    vscode.commands.registerCommand('taskmatrix.fixAll', async () => {
      const editor = vscode.window.activeTextEditor?.document.uri;
      const target = editor && index.has(editor) ? editor : guidelineFor(index);
      if (!target) return;
      const key = WorkspaceIndex.key(target);
      const edits = fixAllEdits(index.project, key, diagnostics.engineDiagnostics(key), editorLocale());
      if (edits.length) await vscode.workspace.applyEdit(toWorkspaceEdit(index.project, edits));
    }),
    typingListener(index),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('taskmatrix.files')) void indexWithProgress(index);
      // Overdue findings depend on the date: re-check every file, nothing needs re-reading.
      else if (event.affectsConfiguration('taskmatrix.today')) {
        diagnostics.refresh(index.project.paths());
        outline.refresh();
        MatrixPanel.updateAll();
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void indexWithProgress(index)),
  );
  return { index, diagnostics, status, tree, testing: panelTesting(context.extensionUri, restorers), ready, logUri: context.logUri };
}

/** The guideline a panel command is for: the given file, else the active editor's or the focused panel's. */
function taskDocument(index: WorkspaceIndex, uri: vscode.Uri | undefined): vscode.Uri | undefined {
  const target = guidelineFor(index, uri);
  if (target) return target;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a guideline (a task YAML file) to see its graph or matrix.'));
  return undefined;
}

/** Re-checks a document a moment after the drafter stops typing; edits never wait on the engine. */
function typingListener(index: WorkspaceIndex): vscode.Disposable {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const schedule = (document: vscode.TextDocument, delay: number) => {
    const key = WorkspaceIndex.key(document.uri);
    if (!index.has(document.uri)) return;
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        index.updateFromDocument(document);
      }, delay),
    );
  };
  const lintDelay = (document: vscode.TextDocument) => vscode.workspace.getConfiguration('taskmatrix', document.uri).get<number>('lintDelay', 150);
  const subscriptions = [
    vscode.workspace.onDidChangeTextDocument((event) => schedule(event.document, lintDelay(event.document))),
    vscode.workspace.onDidOpenTextDocument((document) => schedule(document, 0)),
  ];
  return new vscode.Disposable(() => {
    subscriptions.forEach((s) => s.dispose());
    timers.forEach((timer) => clearTimeout(timer));
  });
}

/** Indexes the workspace; a progress notification appears only when that takes more than a moment. */
async function indexWithProgress(index: WorkspaceIndex): Promise<void> {
  let finished = false;
  const work = index.rebuild().finally(() => (finished = true));
  await Promise.race([work, new Promise((resolve) => setTimeout(resolve, 500))]);
  if (!finished) {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('taskmatrix: indexing task files…') }, () => work);
  }
  await work;
}

async function reveal(key: string, offset: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(key));
  const position = document.positionAt(offset);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
}

async function revealLine(key: string, line: number): Promise<void> {
  const uri = /^[a-z][\w+.-]*:/i.test(key) ? vscode.Uri.parse(key) : vscode.Uri.file(key);
  const document = await vscode.workspace.openTextDocument(uri);
  const position = new vscode.Position(Math.max(0, line - 1), 0);
  // From a preview beside the editor, reveal in the editor that shows the file, not over the preview.
  const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === document.uri.toString());
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One });
}
