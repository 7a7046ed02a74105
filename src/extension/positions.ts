// Offsets of the engine to VS Code positions, for any indexed file (open or not).
import * as vscode from 'vscode';
import { positionAt } from '../core/index';
import type { FileEdit, OffsetRange, Project } from '../core/index';

export function toPosition(project: Project, key: string, offset: number): vscode.Position {
  const file = project.file(key);
  if (!file) return new vscode.Position(0, 0);
  const { line, column } = positionAt(file, offset);
  return new vscode.Position(line - 1, column - 1);
}

export function toVscodeRange(project: Project, key: string, range: OffsetRange): vscode.Range {
  return new vscode.Range(toPosition(project, key, range[0]), toPosition(project, key, range[1]));
}

/** The engine's file edits as one WorkspaceEdit. */
export function toWorkspaceEdit(project: Project, edits: FileEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(vscode.Uri.parse(e.path), toVscodeRange(project, e.path, e.range), e.newText);
  return edit;
}
