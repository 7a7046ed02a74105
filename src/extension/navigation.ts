// Go to definition (an agency's registry entry) and find references (every measure naming it).
import * as vscode from 'vscode';
import { referencesTo } from '../core/index';
import { toVscodeRange } from './positions';
import type { WorkspaceIndex } from './workspace-index';

export class TaskNavigation implements vscode.DefinitionProvider, vscode.ReferenceProvider {
  constructor(private readonly index: WorkspaceIndex) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
    const mention = this.index.mentionAt(document, position)?.mention;
    if (!mention?.entry || !mention.registryPath) return undefined;
    const { project } = this.index;
    return new vscode.Location(vscode.Uri.parse(mention.registryPath), toVscodeRange(project, mention.registryPath, mention.entry.name.range));
  }

  provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] | undefined {
    const found = this.index.mentionAt(document, position);
    if (!found) return undefined;
    const { key, mention } = found;
    const { project } = this.index;
    const registryPath = mention.registryPath ?? project.registryPathFor(key);
    const locations = referencesTo(project, mention.canonical, registryPath).map((ref) => new vscode.Location(vscode.Uri.parse(ref.path), toVscodeRange(project, ref.path, ref.range)));
    if (context.includeDeclaration && mention.entry && registryPath) locations.unshift(new vscode.Location(vscode.Uri.parse(registryPath), toVscodeRange(project, registryPath, mention.entry.name.range)));
    return locations;
  }
}
