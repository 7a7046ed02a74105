// Document symbols (parts and measures, or registry agencies) and a code lens with each
// measure's lead and deadline; the outline and the lens text are the engine's (measureLensTitle),
// in the editor's language.
import * as vscode from 'vscode';
import { measureLensTitle, outlineOf } from '../core/index';
import type { OutlineItem } from '../core/index';
import { editorLocale } from './locale';
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
    return outlineOf(this.index.project, key, editorLocale()).map(toSymbol);
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    this.index.sync(document);
    const key = WorkspaceIndex.key(document.uri);
    if (!vscode.workspace.getConfiguration('taskmatrix', document.uri).get<boolean>('codeLens', true)) return [];
    if (this.index.project.file(key)?.kind !== 'guideline') return [];
    const locale = editorLocale();
    return outlineOf(this.index.project, key, locale)
      .flatMap((chapter) => chapter.children)
      .map((measure) => new vscode.CodeLens(toVscodeRange(this.index.project, key, measure.selection), { title: measureLensTitle(measure, locale), command: '' }));
  }
}
