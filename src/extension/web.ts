// The extension's entry in web worker extension hosts (vscode.dev, github.dev): no processes, so
// revisions come from the Git extension alone; Word, Excel and PDF files are left out of this
// bundle (esbuild.config.js) and say so when asked for.
import type * as vscode from 'vscode';
import { activateWith } from './extension';
import type { TaskmatrixApi } from './extension';

export function activate(context: vscode.ExtensionContext): TaskmatrixApi {
  return activateWith(context, {});
}

export function deactivate(): void {}
