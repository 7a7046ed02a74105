// The responsibility-matrix panel: the engine's table (list or grid) in a webview with sorting
// and filtering, deadlines and overdue rows marked, Export CSV through the engine's exporter (the
// same bytes as the CLI), Export Word / Excel through the plan commands, and the measures that
// changed since a chosen git revision marked (the engine's diff, as the diff panel shows it).
// Export CSV writes the rows on screen, filtered and sorted as they are, and says so.
import * as vscode from 'vscode';
import { buildMatrix, columnHeaders, diffProjects, matrixTable, matrixToCsv } from '../core/index';
import type { Matrix, MeasureChange } from '../core/index';
import type { FromMatrixWebview, MatrixInspection, MatrixPayload, PanelState } from '../webview/protocol';
import { summary } from './diff-panel';
import { draftAtRevision } from './earlier-draft';
import type { EarlierDraft } from './earlier-draft';
import { registerPanelFocus } from './focused-guideline';
import { editorLocale } from './locale';
import { matrixProgress } from './matrix-progress';
import { pickRevision, RevisionError, revisionSourceFor } from './revisions';
import { panelHtml, panelOptions, WebviewRequests } from './webview-html';
import { WorkspaceIndex } from './workspace-index';

export class MatrixPanel implements vscode.Disposable {
  static readonly viewType = 'taskmatrix.matrix';
  private static readonly open = new Map<string, MatrixPanel>();

  private shape: 'list' | 'grid';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly inspections: WebviewRequests<MatrixInspection>;
  private readonly disposables: vscode.Disposable[] = [];
  /** The revision whose changes are marked, if any. */
  private since: EarlierDraft | undefined;

  static show(extensionUri: vscode.Uri, index: WorkspaceIndex, uri: vscode.Uri): MatrixPanel {
    const key = WorkspaceIndex.key(uri);
    const existing = MatrixPanel.open.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(MatrixPanel.viewType, title(uri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, panelOptions(extensionUri));
    return new MatrixPanel(panel, extensionUri, index, key, 'list');
  }

  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, index: WorkspaceIndex, state: PanelState | undefined): void {
    if (!state?.uri) {
      panel.dispose();
      return;
    }
    panel.webview.options = panelOptions(extensionUri);
    new MatrixPanel(panel, extensionUri, index, state.uri, state.shape ?? 'list');
  }

  static forDocument(uri: vscode.Uri): MatrixPanel | undefined {
    return MatrixPanel.open.get(WorkspaceIndex.key(uri));
  }

  /** The panel that has the focus, if one has. */
  static active(): MatrixPanel | undefined {
    return [...MatrixPanel.open.values()].find((panel) => panel.panel.active);
  }

  /** Shows every open panel again (the date overdue is judged against has changed). */
  static updateAll(): void {
    MatrixPanel.open.forEach((panel) => panel.update());
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly index: WorkspaceIndex,
    readonly key: string,
    shape: 'list' | 'grid',
  ) {
    this.shape = shape;
    this.inspections = new WebviewRequests(panel.webview);
    MatrixPanel.open.set(key, this);
    panel.webview.html = panelHtml({
      webview: panel.webview,
      extensionUri,
      title: title(vscode.Uri.parse(key)),
      language: vscode.env.language,
      styles: ['media/panel.css', 'media/matrix.css'],
      scripts: ['dist/webview/matrix.js'],
      body: `<div class="toolbar">
  <label>${vscode.l10n.t('Filter')} <input id="filter" type="search" placeholder="${vscode.l10n.t('agency, measure or id')}"></label>
  <label>${vscode.l10n.t('View')} <select id="shape"><option value="list">${vscode.l10n.t('One row per measure')}</option><option value="grid">${vscode.l10n.t('Measures × agencies')}</option></select></label>
  <span class="muted" id="count"></span>
  <span class="spacer"></span>
  <button id="export-csv">${vscode.l10n.t('Export CSV')}</button>
  <button id="export-docx">${vscode.l10n.t('Export Word…')}</button>
  <button id="export-xlsx">${vscode.l10n.t('Export Excel…')}</button>
  <button id="highlight-changes" title="${vscode.l10n.t('Mark the measures that changed since a git revision')}">${vscode.l10n.t('Changes since…')}</button>
</div>
<div class="changes-bar" id="changes-bar" hidden><span id="changes-since"></span> <button id="clear-changes">${vscode.l10n.t('Clear')}</button></div>
<div class="table-wrap"><table id="matrix"></table></div>`,
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: FromMatrixWebview) => this.receive(message)),
      index.onDidAffect(this.key, () => this.schedule()),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** The engine's CSV (exactly what `taskmatrix matrix --format csv` prints), or of the rows given in their order. */
  csv(rows?: readonly number[]): string {
    return matrixToCsv(buildMatrix(this.index.project, [this.key]), editorLocale(), this.shape, rows);
  }

  /**
   * Export CSV: the rows shown, in the order shown, to a file chosen in a save dialog whose title
   * says which rows go (`target` skips the dialog). Resolves with what was written, if anything.
   */
  async exportCsv(options: { target?: vscode.Uri; rows?: readonly number[] } = {}): Promise<{ target: vscode.Uri; title: string; rows: number } | undefined> {
    const total = buildMatrix(this.index.project, [this.key]).measures.length;
    const rows = options.rows ?? (await this.inspect()).order;
    const unchanged = rows.length === total && rows.every((row, at) => row === at);
    const title = unchanged ? vscode.l10n.t('Export CSV: all {0} rows', total) : vscode.l10n.t('Export CSV: the {0} rows shown (of {1}), filtered and sorted as on screen', rows.length, total);
    const defaultUri = vscode.Uri.parse(this.key.replace(/\.ya?ml$/i, this.shape === 'grid' ? '-grid.csv' : '.csv'));
    const target = options.target ?? (await vscode.window.showSaveDialog({ filters: { CSV: ['csv'] }, defaultUri, title }));
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(this.csv(unchanged ? undefined : rows)));
    return { target, title, rows: rows.length };
  }

  inspect(): Promise<MatrixInspection> {
    return this.inspections.ask({ type: 'inspect' });
  }

  /** Types into the filter box, as a reviewer would. */
  setFilterText(text: string): Thenable<boolean> {
    return this.panel.webview.postMessage({ type: 'setFilter', text });
  }

  sortBy(column: number): Thenable<boolean> {
    return this.panel.webview.postMessage({ type: 'sortBy', column });
  }

  setShape(shape: 'list' | 'grid'): void {
    this.shape = shape;
    this.update();
  }

  /**
   * Marks the measures changed since a git revision (asked in a quick pick when not given);
   * resolves with whether they are marked. Marks follow the drafter's edits.
   */
  async highlightChanges(revision?: string): Promise<boolean> {
    try {
      const source = await revisionSourceFor(vscode.Uri.parse(this.key));
      const chosen = revision ?? (await pickRevision(source, vscode.l10n.t('Highlight Changes Since Revision')));
      if (!chosen) return false;
      this.since = await draftAtRevision(this.index, this.key, chosen, source);
    } catch (error) {
      if (!(error instanceof RevisionError)) throw error;
      void vscode.window.showWarningMessage(error.message);
      return false;
    }
    this.update();
    return true;
  }

  clearChanges(): void {
    this.since = undefined;
    this.update();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), 30);
  }

  update(): void {
    if (!this.index.project.has(this.key)) return;
    const locale = editorLocale();
    const matrix = buildMatrix(this.index.project, [this.key]);
    const table = matrixTable(matrix, locale, this.shape);
    const payload: MatrixPayload = {
      type: 'matrix',
      uri: this.key,
      title: this.index.project.guideline(this.key).title ?? '',
      shape: this.shape,
      ...table,
      ...matrixProgress(matrix, table, locale, this.index.project.todayFor(this.key)),
      ...(this.since ? { changes: this.changes(matrix, this.since) } : {}),
      nameColumns: this.shape === 'grid' ? [] : [columnHeaders(locale).lead, columnHeaders(locale).co].map((header) => table.headers.indexOf(header)).filter((column) => column >= 0),
      labels: { overdue: vscode.l10n.t('overdue') },
    };
    void this.panel.webview.postMessage(payload);
  }

  /** Each row's mark of what changed since the revision, by the engine's diff. */
  private changes(matrix: Matrix, since: EarlierDraft): NonNullable<MatrixPayload['changes']> {
    const diff = diffProjects(since.side, { project: this.index.project, paths: [this.key] });
    const byId = new Map<string, MeasureChange>();
    for (const change of diff.measures) if (change.change !== 'removed' && !byId.has(change.id)) byId.set(change.id, change);
    const revision = since.label;
    const mark = (change: MeasureChange | undefined) => {
      if (!change) return '';
      if (change.change === 'added') return `+ ${vscode.l10n.t('new since {0}', revision)}`;
      if (change.change === 'moved') return `→ ${vscode.l10n.t('was {0} in {1}', change.oldId ?? '', revision)}`;
      return `~ ${change.lead ? vscode.l10n.t('lead changed since {0}', revision) : vscode.l10n.t('changed since {0}', revision)}`;
    };
    return {
      since: vscode.l10n.t('Changes since {0}: {1}', revision, summary(diff)),
      marks: matrix.measures.map((measure) => mark(byId.get(measure.id))),
      column: 1,
    };
  }

  private async receive(message: FromMatrixWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.update();
        break;
      case 'shape':
        this.setShape(message.shape);
        break;
      case 'exportCsv':
        await this.exportCsv({ rows: message.rows });
        break;
      case 'exportPlan':
        await vscode.commands.executeCommand(message.format === 'docx' ? 'taskmatrix.exportWord' : 'taskmatrix.exportExcel', vscode.Uri.parse(this.key));
        break;
      case 'highlightChanges':
        await this.highlightChanges();
        break;
      case 'clearChanges':
        this.clearChanges();
        break;
      case 'inspected':
        this.inspections.answer(message.requestId, message.result);
        break;
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    MatrixPanel.open.delete(this.key);
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

function title(uri: vscode.Uri): string {
  return `${vscode.l10n.t('Responsibility matrix')}: ${uri.path.split('/').pop()}`;
}

registerPanelFocus(() => MatrixPanel.active()?.key);
