// Document symbols (parts and measures, or registry agencies) and a code lens with each
// measure's lead and deadline: 牵头: 省科技厅  ·  配合 3  ·  2025年底前  ·  ⚠ 逾期, and a lead the
// registry does not know marked where it is named: 牵头: 省科技 ⚠ 未登记.
import * as vscode from 'vscode';
import { outlineOf } from '../core/index';
import type { OutlineItem } from '../core/index';
import { toVscodeRange } from './positions';
import { WorkspaceIndex } from './workspace-index';

const KIND: Record<OutlineItem['kind'], vscode.SymbolKind> = {
  chapter: vscode.SymbolKind.Namespace,
  measure: vscode.SymbolKind.Object,
  agency: vscode.SymbolKind.Constant,
};

export class TaskOutline implements vscode.DocumentSymbolProvider, vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly index: WorkspaceIndex) {
    index.onDidChange(() => this.changed.fire());
  }

  /** Asks for the lenses again (the date overdue is judged against has changed). */
  refresh(): void {
    this.changed.fire();
  }

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    this.index.sync(document);
    const key = WorkspaceIndex.key(document.uri);
    if (!this.index.project.has(key)) return [];
    const toSymbol = (item: OutlineItem): vscode.DocumentSymbol => {
      const range = toVscodeRange(this.index.project, key, item.range);
      const selection = toVscodeRange(this.index.project, key, item.selection);
      const symbol = new vscode.DocumentSymbol(item.name || '?', item.detail, KIND[item.kind], range.union(selection), selection);
      symbol.children = item.children.map(toSymbol);
      return symbol;
    };
    return outlineOf(this.index.project, key).map(toSymbol);
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    this.index.sync(document);
    const key = WorkspaceIndex.key(document.uri);
    if (!vscode.workspace.getConfiguration('taskmatrix', document.uri).get<boolean>('codeLens', true)) return [];
    if (this.index.project.file(key)?.kind !== 'guideline') return [];
    return outlineOf(this.index.project, key)
      .flatMap((chapter) => chapter.children)
      .map((measure) => {
        const ownership = measure.ownership!;
        const lead = measure.leadUnregistered ? `${ownership.lead} ${vscode.l10n.t('⚠ not registered')}` : ownership.lead;
        const parts = ownership.lead ? [`牵头: ${lead}`, ...(ownership.co.length ? [`配合 ${ownership.co.length}`] : [])] : [`⚠ 无牵头单位 (${ownership.noLeadReason})`];
        if (measure.deadline) parts.push(measure.deadline);
        if (measure.overdue) parts.push(vscode.l10n.t('⚠ overdue'));
        return new vscode.CodeLens(toVscodeRange(this.index.project, key, measure.selection), { title: parts.join('  ·  '), command: '' });
      });
  }
}
