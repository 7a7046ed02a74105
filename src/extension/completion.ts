// Completion of agency names inside `agencies:` lists and of `division:` values: what to offer is
// the engine's (completionsAt); this maps its offers to VS Code completion items.
import * as vscode from 'vscode';
import { completionsAt } from '../core/index';
import type { CompletionOffer } from '../core/index';
import { editorLocale } from './locale';
import { WorkspaceIndex } from './workspace-index';

const KIND: Record<CompletionOffer['kind'], vscode.CompletionItemKind> = {
  agency: vscode.CompletionItemKind.Value,
  alias: vscode.CompletionItemKind.Reference,
  division: vscode.CompletionItemKind.EnumMember,
};

export class TaskCompletion implements vscode.CompletionItemProvider {
  constructor(private readonly index: WorkspaceIndex) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    this.index.sync(document);
    const key = WorkspaceIndex.key(document.uri);
    if (!this.index.project.has(key)) return undefined;
    const offers = completionsAt(this.index.project, key, document.getText(), document.offsetAt(position), editorLocale());
    if (!offers) return undefined;
    const replace = new vscode.Range(document.positionAt(offers.replace[0]), document.positionAt(offers.replace[1]));
    return offers.items.map((offer) => {
      const description = offer.kind === 'alias' ? vscode.l10n.t('alias of {0}', offer.aliasOf!) : offer.fullName;
      const item = new vscode.CompletionItem(offer.kind === 'division' ? offer.label : { label: offer.label, description }, KIND[offer.kind]);
      if (offer.detail !== undefined) item.detail = offer.detail;
      if (offer.documentation !== undefined) item.documentation = offer.documentation;
      if (offer.kind !== 'division') {
        item.insertText = offer.insertText;
        item.filterText = offer.filterText;
      }
      item.range = replace;
      item.sortText = offer.sortText;
      return item;
    });
  }
}
