// Hover on an agency: its full and English names, kind, and what it leads and co-owns across
// the workspace, each measure a link.
import * as vscode from 'vscode';
import { agencyKindLabel, referencesTo, roleCountText } from '../core/index';
import { editorLocale } from './locale';
import { toVscodeRange } from './positions';
import type { WorkspaceIndex } from './workspace-index';

export class TaskHover implements vscode.HoverProvider {
  constructor(private readonly index: WorkspaceIndex) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = this.index.mentionAt(document, position);
    if (!found) return undefined;
    const { key, mention } = found;
    const { project } = this.index;
    const markdown = new vscode.MarkdownString(undefined, true);
    markdown.isTrusted = { enabledCommands: ['taskmatrix.reveal'] };
    markdown.supportHtml = false;
    const entry = mention.entry;
    markdown.appendMarkdown(`**${escape(mention.canonical)}**`);
    if (entry?.fullName) markdown.appendMarkdown(` — ${escape(entry.fullName)}`);
    markdown.appendMarkdown('\n\n');
    if (entry?.en) markdown.appendMarkdown(`${escape(entry.en)}\n\n`);
    if (entry) markdown.appendMarkdown(`${vscode.l10n.t('Kind')}: ${escape(entry.kind === undefined ? '?' : agencyKindLabel(entry.kind, editorLocale()))}`);
    else markdown.appendMarkdown(vscode.l10n.t('Not in the agency registry.'));
    if (entry && mention.written !== mention.canonical) markdown.appendMarkdown(` · ${vscode.l10n.t('"{0}" is an alias', escape(mention.written))}`);
    markdown.appendMarkdown('\n\n');

    const references = referencesTo(project, mention.canonical, mention.registryPath ?? project.registryPathFor(key));
    const link = (ref: (typeof references)[number]) =>
      `[${escape(ref.measure.id?.value ?? '?')}](command:taskmatrix.reveal?${encodeURIComponent(JSON.stringify([ref.path, ref.range[0]]))} "${escape(ref.measure.title ?? '')}")`;
    const led = references.filter((ref) => ref.role === 'lead');
    const co = references.filter((ref) => ref.role === 'co');
    const responsible = references.filter((ref) => ref.role === 'responsible');
    const locale = editorLocale();
    markdown.appendMarkdown(`${roleCountText(locale, 'lead', led.length)}${led.length ? `: ${led.map(link).join(', ')}` : ''}  \n`);
    markdown.appendMarkdown(`${roleCountText(locale, 'co', co.length)}${co.length ? `: ${co.map(link).join(', ')}` : ''}`);
    if (responsible.length) markdown.appendMarkdown(`  \n${roleCountText(locale, 'responsible', responsible.length)}: ${responsible.map(link).join(', ')}`);
    return new vscode.Hover(markdown, toVscodeRange(project, key, mention.range));
  }
}

/** Agency names are data: nothing in them may become Markdown or a link. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>"&]/g, (c) => `\\${c}`);
}
