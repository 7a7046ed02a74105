// The Agencies view in the explorer: agencies (with counts) → the measures they lead and
// co-own; selecting a measure opens it.
import * as vscode from 'vscode';
import { agencyLoads, buildMatrix, leadSummary, loadSummary, roleGroupLabel } from '../core/index';
import type { AgencyLoad, MatrixMeasure } from '../core/index';
import { editorLocale } from './locale';
import type { WorkspaceIndex } from './workspace-index';

type Node =
  | { type: 'agency'; load: AgencyLoad }
  | { type: 'group'; load: AgencyLoad; role: 'led' | 'coOwned' | 'noLead' }
  | { type: 'measure'; measure: MatrixMeasure };

/** The role of each group of an agency's measures, as the wording table names roles. */
const ROLE = { led: 'lead', coOwned: 'co', noLead: 'responsible' } as const;

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
      item.description = loadSummary(editorLocale(), node.load);
      item.iconPath = new vscode.ThemeIcon('organization');
      item.contextValue = 'agency';
      return item;
    }
    if (node.type === 'group') {
      const label = roleGroupLabel(editorLocale(), ROLE[node.role]);
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.load.measures[node.role].length);
      return item;
    }
    const { measure } = node;
    const item = new vscode.TreeItem(`${measure.id} ${measure.title}`, vscode.TreeItemCollapsibleState.None);
    item.description = leadSummary(editorLocale(), measure.lead);
    item.iconPath = new vscode.ThemeIcon(measure.noLead ? 'warning' : 'checklist');
    item.command = { command: 'taskmatrix.revealMeasure', title: vscode.l10n.t('Reveal Measure'), arguments: [measure.file, measure.line] };
    return item;
  }
}
