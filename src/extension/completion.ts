// Completion of agency names inside `agencies:` lists (registry names first, aliases marked as
// such, agencies already listed left out) and of `division:` values.
import * as vscode from 'vscode';
import { agencyCompletionText, completionContextAt, divisionText, DIVISIONS } from '../core/index';
import { editorLocale } from './locale';
import { WorkspaceIndex } from './workspace-index';

export class TaskCompletion implements vscode.CompletionItemProvider {
  constructor(private readonly index: WorkspaceIndex) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    this.index.sync(document);
    const key = WorkspaceIndex.key(document.uri);
    const { project } = this.index;
    if (!project.has(key) || project.file(key)?.kind !== 'guideline') return undefined;
    const context = completionContextAt(document.getText(), document.offsetAt(position));
    if (!context) return undefined;
    const replace = new vscode.Range(document.positionAt(context.replace[0]), document.positionAt(context.replace[1]));

    if (context.kind === 'division') {
      return DIVISIONS.map((division, order) => {
        const item = new vscode.CompletionItem(division, vscode.CompletionItemKind.EnumMember);
        item.documentation = divisionText(editorLocale(), division);
        item.range = replace;
        item.sortText = String(order);
        return item;
      });
    }
    const registry = project.registryFor(key);
    if (!registry) return undefined;
    const listed = new Set(context.listed.map((name) => registry.canonical(name)));
    const items: vscode.CompletionItem[] = [];
    registry.agencies.forEach((agency, order) => {
      const name = agency.name.value;
      if (listed.has(name)) return;
      const item = new vscode.CompletionItem({ label: name, description: agency.fullName }, vscode.CompletionItemKind.Value);
      item.detail = [agency.kind, agency.en].filter(Boolean).join(' · ');
      // Quoted where YAML needs it (`"A, B"`, `"true"`, `"2024"`), as the quick fixes write names.
      item.insertText = agencyCompletionText(name);
      item.range = replace;
      item.sortText = `0${String(order).padStart(5, '0')}`;
      item.filterText = [name, agency.fullName, ...agency.aliases.map((alias) => alias.value), item.insertText !== name ? item.insertText : undefined].filter(Boolean).join(' ');
      items.push(item);
      for (const alias of agency.aliases) {
        // An alias is offered as itself, labelled, and inserts the registry name (what alias-agency asks for).
        const aliasItem = new vscode.CompletionItem({ label: alias.value, description: vscode.l10n.t('alias of {0}', name) }, vscode.CompletionItemKind.Reference);
        aliasItem.insertText = agencyCompletionText(name);
        aliasItem.range = replace;
        aliasItem.sortText = `1${String(order).padStart(5, '0')}`;
        aliasItem.filterText = alias.value;
        items.push(aliasItem);
      }
    });
    return items;
  }
}
