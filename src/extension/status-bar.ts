// The status bar item: how many measures have no lead, counted from the published no-lead
// diagnostics so that it always agrees with the Problems panel and the squiggles.
import * as vscode from 'vscode';
import type { DiagnosticsController } from './diagnostics';

export class NoLeadStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('taskmatrix.noLead', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  /** The count shown, also read by tests. */
  count = 0;

  constructor(private readonly diagnostics: DiagnosticsController) {
    this.item.name = 'taskmatrix';
    this.item.command = 'workbench.actions.view.problems';
    this.subscription = diagnostics.onDidUpdate(() => this.update());
    this.update();
  }

  update(): void {
    const { shown, acknowledged, files } = this.diagnostics.noLeadCounts();
    this.count = shown;
    this.item.text = `$(${shown ? 'warning' : 'check'}) ${vscode.l10n.t('{0} without lead', shown)}`;
    this.item.tooltip = acknowledged
      ? vscode.l10n.t('{0} measures without a lead agency (无牵头单位) in Problems; {1} more acknowledged in place', shown, acknowledged)
      : vscode.l10n.t('{0} measures without a lead agency (无牵头单位) in Problems', shown);
    if (files > 0) this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
