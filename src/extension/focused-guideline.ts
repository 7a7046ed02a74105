// The guideline a command is for when the palette gives it no file: the active editor's, else the
// one shown by the taskmatrix panel that has the focus (a focused webview leaves no active editor,
// and "Open a guideline…" while the drafter looks at its graph would be wrong).
import * as vscode from 'vscode';
import { WorkspaceIndex } from './workspace-index';

const panelKinds: (() => string | undefined)[] = [];

/** Each kind of panel says which guideline it shows while it has the focus (registered at load, so no module imports the panels). */
export function registerPanelFocus(focusedKey: () => string | undefined): void {
  panelKinds.push(focusedKey);
}

/** The given file, else the active editor's, else the focused panel's; only an indexed guideline. */
export function guidelineFor(index: WorkspaceIndex, uri?: vscode.Uri): vscode.Uri | undefined {
  const isGuideline = (key: string) => index.project.has(key) && index.project.kind(key) === 'guideline';
  if (uri) return isGuideline(WorkspaceIndex.key(uri)) ? uri : undefined;
  const editor = vscode.window.activeTextEditor?.document.uri;
  if (editor && isGuideline(WorkspaceIndex.key(editor))) return editor;
  for (const focusedKey of panelKinds) {
    const key = focusedKey();
    if (key !== undefined && isGuideline(key)) return WorkspaceIndex.uri(key);
  }
  return undefined;
}
