// What the extension-host tests reach of the panels, through the API `activate` returns: read-only
// snapshots of the live panels, and a probe per panel that talks to its webview the way a reviewer
// would (a click, a keystroke, a toolbar choice). The panel classes carry no members for tests.
import * as vscode from 'vscode';
import { livePanels } from './panel';
import type { PanelInternals, PanelKind, Restore } from './panel';
import { panelOptions } from './webview-html';
import { WorkspaceIndex } from './workspace-index';

export type { PanelKind } from './panel';

/** A panel as it is now. */
export interface PanelSnapshot {
  readonly kind: PanelKind;
  readonly viewType: string;
  /** The guideline shown (a workspace index key; the overview's own key). */
  readonly key: string;
  readonly title: string;
  /** What the panel would need to come back after a reload: filter, shape, the compared revision or file. */
  readonly state: Readonly<Record<string, unknown>>;
  /** The engine's model last sent to the webview (graph, matrix or diff). */
  readonly model: unknown;
  /** How many drawings have been sent to the webview. */
  readonly renders: number;
}

/** One live panel, driven from outside. */
export interface PanelProbe {
  readonly webviewPanel: vscode.WebviewPanel;
  snapshot(): PanelSnapshot;
  /** Sends the webview a message (`click`, `setFilter`, `sortBy`, `requestSvg`…). */
  post(message: { type: string } & Record<string, unknown>): Thenable<boolean>;
  /** Asks the webview (`inspect`) and resolves with its answer. */
  ask<T>(message: { type: string } & Record<string, unknown>): Promise<T>;
  /** Every message the webview sends (`rendered`, …). */
  onDidReceive(listener: (message: { type: string } & Record<string, unknown>) => void): vscode.Disposable;
  /** Hands the panel a message as if its webview had sent it (a toolbar choice). */
  receive(message: { type: string } & Record<string, unknown>): Promise<void>;
  /** The panel's next save dialog answers `target` without showing; resolves with the options the dialog would have had. */
  answerNextSave(target: vscode.Uri): Promise<vscode.SaveDialogOptions>;
  dispose(): void;
}

export interface PanelTesting {
  panels(): PanelSnapshot[];
  /** The live panel of a kind showing `key` (a URI or index key); the one diff panel when no key is given. */
  panel(kind: PanelKind, key?: vscode.Uri | string): PanelProbe | undefined;
  /** Restores a panel as after a window reload, through the kind's serializer. */
  restore(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
}

let nextRequest = 0;

function snapshot(internals: PanelInternals): PanelSnapshot {
  return {
    kind: internals.kind,
    viewType: internals.webviewPanel.viewType,
    key: internals.key(),
    title: internals.webviewPanel.title,
    state: { ...internals.state() } as Record<string, unknown>,
    model: internals.model(),
    renders: internals.renders(),
  };
}

function probe(internals: PanelInternals): PanelProbe {
  const webview = internals.webviewPanel.webview;
  return {
    webviewPanel: internals.webviewPanel,
    snapshot: () => snapshot(internals),
    post: (message) => webview.postMessage(message),
    ask: <T>(message: { type: string } & Record<string, unknown>) => {
      const requestId = ++nextRequest;
      return new Promise<T>((resolve) => {
        const answer = webview.onDidReceiveMessage((reply: { type: string; requestId?: number; result?: T }) => {
          if (reply.type !== 'inspected' || reply.requestId !== requestId) return;
          answer.dispose();
          resolve(reply.result as T);
        });
        void webview.postMessage({ ...message, requestId });
      });
    },
    onDidReceive: (listener) => webview.onDidReceiveMessage(listener),
    receive: (message) => internals.receive(message),
    answerNextSave: (target) => internals.answerNextSave(target),
    dispose: () => internals.dispose(),
  };
}

/** The testing part of the extension's API, given each kind's restore (by view type). */
export function panelTesting(extensionUri: vscode.Uri, restorers: Readonly<Record<string, Restore>>): PanelTesting {
  return {
    panels: () => livePanels().map(snapshot),
    panel: (kind, key) => {
      const wanted = key instanceof vscode.Uri ? WorkspaceIndex.key(key) : key;
      const found = livePanels().find((internals) => internals.kind === kind && (wanted === undefined || internals.key() === wanted));
      return found && probe(found);
    },
    restore: async (panel, state) => {
      const restore = restorers[panel.viewType];
      if (!restore) throw new Error(`no panel of view type ${panel.viewType}`);
      panel.webview.options = panelOptions(extensionUri);
      await restore(panel, state);
    },
  };
}
