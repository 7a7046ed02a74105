// The extension's entry in Node extension hosts (desktop VS Code, code-server): everything,
// git run as a process included.
import type * as vscode from 'vscode';
import { activateWith } from './extension';
import type { TaskmatrixApi } from './extension';
import { gitCommandSource } from './git-command';

export function activate(context: vscode.ExtensionContext): TaskmatrixApi {
  return activateWith(context, { gitCommand: gitCommandSource });
}

export function deactivate(): void {}
