// The responsibility-matrix panel: the engine's table (list or grid) in a webview with sorting
// and filtering, deadlines and overdue rows marked, Export CSV through the engine's exporter (the
// same bytes as the CLI), and Export Word / Excel through the plan commands.
import * as vscode from 'vscode';
import { buildMatrix, matrixTable, matrixToCsv } from '../core/index';
import type { FromMatrixWebview, MatrixInspection, MatrixPayload, PanelState } from '../webview/protocol';
import { editorLocale } from './locale';
import { matrixProgress } from './matrix-progress';
import { panelHtml, panelOptions, WebviewRequests } from './webview-html';
import { WorkspaceIndex } from './workspace-index';

export class MatrixPanel implements vscode.Disposable {
  static readonly viewType = 'taskmatrix.matrix';
  private static readonly open = new Map<string, MatrixPanel>();

  private shape: 'list' | 'grid';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly inspections: WebviewRequests<MatrixInspection>;
  private readonly disposables: vscode.Disposable[] = [];

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
</div>
<div class="table-wrap"><table id="matrix"></table></div>`,
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: FromMatrixWebview) => this.receive(message)),
      index.onDidAffect(this.key, () => this.schedule()),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** The CSV the Export button writes: the engine's exporter, exactly what `taskmatrix matrix --format csv` prints. */
  csv(): string {
    return matrixToCsv(buildMatrix(this.index.project, [this.key]), editorLocale(), this.shape);
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
      labels: { overdue: vscode.l10n.t('overdue') },
    };
    void this.panel.webview.postMessage(payload);
  }

  private async receive(message: FromMatrixWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.update();
        break;
      case 'shape':
        this.setShape(message.shape);
        break;
      case 'exportCsv': {
        const defaultUri = vscode.Uri.parse(this.key.replace(/\.ya?ml$/i, this.shape === 'grid' ? '-grid.csv' : '.csv'));
        const target = await vscode.window.showSaveDialog({ filters: { CSV: ['csv'] }, defaultUri });
        if (target) await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(this.csv()));
        break;
      }
      case 'exportPlan':
        await vscode.commands.executeCommand(message.format === 'docx' ? 'taskmatrix.exportWord' : 'taskmatrix.exportExcel', vscode.Uri.parse(this.key));
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
