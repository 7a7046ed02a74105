// What the extension can do beyond VS Code's API depends on where its extension host runs: Node
// on the desktop (and code-server), a web worker in vscode.dev and github.dev. Each entry point
// (node.ts, web.ts) hands activation one of these instead of the features asking where they are.
import type * as vscode from 'vscode';
import type { RevisionSource } from './revisions';

export interface HostCapabilities {
  /** Reads a file at a git revision with the git of the machine; absent where no process can be started. */
  gitCommand?: (file: vscode.Uri) => Promise<RevisionSource>;
}
