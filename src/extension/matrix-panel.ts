// The responsibility-matrix panel: the engine's table (list or grid) in a webview with sorting
// and filtering, deadlines and overdue rows marked, Export CSV through the engine's exporter (the
// same bytes as the CLI), Export Word / Excel through the plan commands, and the measures that
// changed since a chosen git revision marked (the engine's diff, as the diff panel shows it).
// Export CSV writes the rows on screen, filtered and sorted as they are, and says so.
import * as vscode from 'vscode';
import { buildMatrix, columnHeaders, diffProjects, matrixTable, matrixToCsv, roleWord } from '../core/index';
import type { Matrix, MeasureChange } from '../core/index';
import type { FromMatrixWebview, MatrixPayload, PanelState } from '../webview/protocol';
import { summary } from './diff-panel';
import { draftAtRevision } from './earlier-draft';
import type { EarlierDraft } from './earlier-draft';
import { editorLocale } from './locale';
import { matrixProgress } from './matrix-progress';
import { pickRevision, RevisionError, revisionSourceFor } from './revisions';
import { Panel } from './panel';
import type { Drawing, PanelContext } from './panel';
import { WorkspaceIndex } from './workspace-index';

export class MatrixPanel extends Panel<Matrix, FromMatrixWebview> {
  static readonly viewType = 'taskmatrix.matrix';

  private shape: 'list' | 'grid';
  /** The revision whose changes are marked, if any. */
  private since: EarlierDraft | undefined;

  /** Opens (or reveals) the matrix of a guideline beside the editor. */
  static show(context: PanelContext, uri: vscode.Uri): MatrixPanel {
    const key = WorkspaceIndex.key(uri);
    const existing = Panel.find<MatrixPanel>('matrix', key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return existing;
    }
    return new MatrixPanel(Panel.create(MatrixPanel.viewType, title(uri), vscode.ViewColumn.Beside, context.extensionUri), context, key, 'list');
  }

  /** Brings a panel back after a window reload, from the state its webview saved. */
  static restore(context: PanelContext, panel: vscode.WebviewPanel, state: PanelState | undefined): void {
    if (!state?.uri) {
      panel.dispose();
      return;
    }
    new MatrixPanel(panel, context, state.uri, state.shape ?? 'list');
  }

  /** The matrix panel that has the focus, if one has. */
  static active(): MatrixPanel | undefined {
    return Panel.focused<MatrixPanel>('matrix');
  }

  /** Shows every open panel again (the date overdue is judged against has changed). */
  static updateAll(): void {
    Panel.all<MatrixPanel>('matrix').forEach((panel) => panel.render());
  }

  private constructor(panel: vscode.WebviewPanel, context: PanelContext, key: string, shape: 'list' | 'grid') {
    super('matrix', panel, context, key, {
      title: title(vscode.Uri.parse(key)),
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
    this.shape = shape;
    this.follow(key);
  }

  protected state(): PanelState & { since?: string } {
    return { uri: this.key, shape: this.shape, ...(this.since ? { since: this.since.label } : {}) };
  }

  /**
   * Export CSV: the rows shown, in the order shown (the engine's CSV, exactly what `taskmatrix
   * matrix --format csv` prints when nothing is filtered or sorted), to a file chosen in a save
   * dialog whose title says which rows go.
   */
  private async exportCsv(rows: readonly number[]): Promise<void> {
    const matrix = buildMatrix(this.context.index.project, [this.key]);
    const total = matrix.measures.length;
    const unchanged = rows.length === total && rows.every((row, at) => row === at);
    const title = unchanged ? vscode.l10n.t('Export CSV: all {0} rows', total) : vscode.l10n.t('Export CSV: the {0} rows shown (of {1}), filtered and sorted as on screen', rows.length, total);
    const defaultUri = vscode.Uri.parse(this.key.replace(/\.ya?ml$/i, this.shape === 'grid' ? '-grid.csv' : '.csv'));
    const target = await this.saveDialog({ filters: { CSV: ['csv'] }, defaultUri, title });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(matrixToCsv(matrix, editorLocale(), this.shape, unchanged ? undefined : rows)));
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
      this.since = await draftAtRevision(this.context.index, this.key, chosen, source);
    } catch (error) {
      if (!(error instanceof RevisionError)) throw error;
      void vscode.window.showWarningMessage(error.message);
      return false;
    }
    this.render();
    return true;
  }

  protected draw(): Drawing<Matrix> | undefined {
    const { project } = this.context.index;
    if (!project.has(this.key)) return undefined;
    const locale = editorLocale();
    const matrix = buildMatrix(project, [this.key]);
    const table = matrixTable(matrix, locale, this.shape);
    const payload: MatrixPayload = {
      type: 'matrix',
      uri: this.key,
      title: project.guideline(this.key).title ?? '',
      shape: this.shape,
      ...table,
      ...matrixProgress(matrix, table, locale, project.todayFor(this.key)),
      ...(this.since ? { changes: this.changes(matrix, this.since) } : {}),
      nameColumns: this.shape === 'grid' ? [] : [columnHeaders(locale).lead, columnHeaders(locale).co].map((header) => table.headers.indexOf(header)).filter((column) => column >= 0),
      // The grid's lead cells are marked by the word the table writes in them, the engine's.
      labels: { overdue: vscode.l10n.t('overdue'), lead: roleWord(locale, 'lead') },
    };
    return { model: matrix, payload };
  }

  /** Each row's mark of what changed since the revision, by the engine's diff. */
  private changes(matrix: Matrix, since: EarlierDraft): NonNullable<MatrixPayload['changes']> {
    const diff = diffProjects(since.side, { project: this.context.index.project, paths: [this.key] });
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

  protected async handle(message: FromMatrixWebview): Promise<void> {
    switch (message.type) {
      case 'shape':
        this.shape = message.shape;
        this.render();
        break;
      case 'exportCsv':
        await this.exportCsv(message.rows);
        break;
      case 'exportPlan':
        await vscode.commands.executeCommand(message.format === 'docx' ? 'taskmatrix.exportWord' : 'taskmatrix.exportExcel', vscode.Uri.parse(this.key));
        break;
      case 'highlightChanges':
        await this.highlightChanges();
        break;
      case 'clearChanges':
        this.since = undefined;
        this.render();
        break;
    }
  }
}

function title(uri: vscode.Uri): string {
  return `${vscode.l10n.t('Responsibility matrix')}: ${uri.path.split('/').pop()}`;
}
