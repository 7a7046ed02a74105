// The status bar item: how many measures in the workspace have no lead.
import * as vscode from 'vscode';
import { buildMatrix } from '../core/index';
import type { WorkspaceIndex } from './workspace-index';

export class NoLeadStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('taskmatrix.noLead', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: WorkspaceIndex) {
    this.item.name = 'taskmatrix';
    this.item.command = 'workbench.actions.view.problems';
    this.subscription = index.onDidChange(() => this.update());
    this.update();
  }

  /** The count shown, also read by tests. */
  count = 0;

  update(): void {
    const matrix = buildMatrix(this.index.project);
    this.count = matrix.measures.filter((m) => m.noLead).length;
    this.item.text = `$(${this.count ? 'warning' : 'check'}) ${vscode.l10n.t('{0} without lead', this.count)}`;
    this.item.tooltip = vscode.l10n.t('{0} of {1} measures have no lead agency (无牵头单位)', this.count, matrix.measures.length);
    if (matrix.measures.length) this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
