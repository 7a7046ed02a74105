// Quick fixes, "make lead" and fix-all: the engine computes the edits, this maps them.
import * as vscode from 'vscode';
import { fixAllEdits, fixesFor, makeLeadFix } from '../core/index';
import type { Diagnostic, Fix } from '../core/index';
import type { DiagnosticsController } from './diagnostics';
import { editorLocale } from './locale';
import { toPosition, toWorkspaceEdit } from './positions';
import { WorkspaceIndex } from './workspace-index';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('taskmatrix');

export class TaskCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite, FIX_ALL_KIND];

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly diagnostics: DiagnosticsController,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    this.index.sync(document);
    const key = WorkspaceIndex.key(document.uri);
    const { project } = this.index;
    if (!project.has(key)) return [];
    const locale = editorLocale();
    const actions: vscode.CodeAction[] = [];
    const engine = this.diagnostics.engineDiagnostics(key);

    if (!context.only || context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only)) {
      const edits = fixAllEdits(project, key, engine, locale);
      if (edits.length) {
        const action = new vscode.CodeAction(vscode.l10n.t('Fix all taskmatrix problems with an obvious fix'), FIX_ALL_KIND);
        action.edit = toWorkspaceEdit(project, edits);
        actions.push(action);
      }
      if (context.only && FIX_ALL_KIND.contains(context.only)) return actions;
    }

    // The engine's diagnostic behind each one shown, by rule, start and message (the first of
    // equals, as a search would find it): a selection can hold every problem of the file.
    const place = (rule: string, start: vscode.Position, message: string) => `${rule}\u0000${start.line}:${start.character}\u0000${message}`;
    let byPlace: Map<string, Diagnostic> | undefined;
    for (const shown of context.diagnostics) {
      if (shown.source !== 'taskmatrix') continue;
      const rule = typeof shown.code === 'object' ? String(shown.code.value) : String(shown.code);
      if (!byPlace) {
        byPlace = new Map();
        for (const d of engine) {
          const at = place(d.rule, toPosition(project, key, d.offset[0]), d.message);
          if (!byPlace.has(at)) byPlace.set(at, d);
        }
      }
      const match = byPlace.get(place(rule, shown.range.start, shown.message));
      if (!match) continue;
      for (const fix of fixesFor(project, match, locale)) actions.push(this.toAction(fix, vscode.CodeActionKind.QuickFix, shown));
    }

    const offset = document.offsetAt(range.start);
    const lead = makeLeadFix(project, key, offset, locale);
    if (lead) actions.push(this.toAction(lead, vscode.CodeActionKind.RefactorRewrite));
    return actions;
  }

  private toAction(fix: Fix, kind: vscode.CodeActionKind, diagnostic?: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, kind);
    action.edit = toWorkspaceEdit(this.index.project, fix.edits);
    action.isPreferred = fix.preferred;
    if (diagnostic) action.diagnostics = [diagnostic];
    if (fix.reveal) action.command = { command: 'taskmatrix.reveal', title: '', arguments: [fix.reveal.path, fix.reveal.offset] };
    return action;
  }
}
