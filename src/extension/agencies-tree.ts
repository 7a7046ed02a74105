// The Agencies view in the explorer: agencies (with counts) → the measures they lead and
// co-own; selecting a measure opens it.
import * as vscode from 'vscode';
import { agencyLoads, buildMatrix } from '../core/index';
import type { AgencyLoad, MatrixMeasure } from '../core/index';
import type { WorkspaceIndex } from './workspace-index';

type Node =
  | { type: 'agency'; load: AgencyLoad }
  | { type: 'group'; load: AgencyLoad; role: 'led' | 'coOwned' | 'noLead' }
  | { type: 'measure'; measure: MatrixMeasure };

export class AgenciesTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private loads: AgencyLoad[] = [];
  private measures = new Map<string, MatrixMeasure>();

  constructor(private readonly index: WorkspaceIndex) {
    index.onDidChange(() => this.refresh());
    this.refresh();
  }

  refresh(): void {
    const matrix = buildMatrix(this.index.project);
    this.loads = agencyLoads(matrix).filter((load) => load.total > 0);
    const multiple = new Set(matrix.measures.map((m) => m.document)).size > 1;
    this.measures = new Map(matrix.measures.map((m) => [multiple ? `${m.document}:${m.id}` : m.id, m]));
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.loads.map((load) => ({ type: 'agency', load }));
    if (node.type === 'agency') {
      return (['led', 'coOwned', 'noLead'] as const).filter((role) => node.load.measures[role].length > 0).map((role) => ({ type: 'group', load: node.load, role }));
    }
    if (node.type === 'group') {
      return node.load.measures[node.role].map((id) => this.measures.get(id)).filter((m): m is MatrixMeasure => m !== undefined).map((measure) => ({ type: 'measure', measure }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'agency') {
      const item = new vscode.TreeItem(node.load.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `牵头 ${node.load.led} · 配合 ${node.load.coOwned}${node.load.noLead ? ` · 无牵头 ${node.load.noLead}` : ''}`;
      item.iconPath = new vscode.ThemeIcon('organization');
      item.contextValue = 'agency';
      return item;
    }
    if (node.type === 'group') {
      const label = { led: vscode.l10n.t('Leads (牵头)'), coOwned: vscode.l10n.t('Co-owns (配合)'), noLead: vscode.l10n.t('Without a lead (负责)') }[node.role];
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.load.measures[node.role].length);
      return item;
    }
    const { measure } = node;
    const item = new vscode.TreeItem(`${measure.id} ${measure.title}`, vscode.TreeItemCollapsibleState.None);
    item.description = measure.lead ? `牵头: ${measure.lead}` : '无牵头单位';
    item.iconPath = new vscode.ThemeIcon(measure.noLead ? 'warning' : 'checklist');
    item.command = { command: 'taskmatrix.revealMeasure', title: vscode.l10n.t('Reveal Measure'), arguments: [measure.file, measure.line] };
    return item;
  }
}
