// The lifecycle every taskmatrix panel shares: one webview panel per kind and guideline, its HTML
// shell (strict CSP, fresh nonce, only media/ and dist/ as resources), restoring after a window
// reload, redrawing after the guideline changes (debounced), title, focus and disposal. A panel
// kind (graph-panel.ts, matrix-panel.ts, diff-panel.ts) adds only what it draws and what its
// webview asks for. Tests reach live panels through the extension's API (testing.ts), never
// through members of these classes.
import * as vscode from 'vscode';
import { registerPanelFocus } from './focused-guideline';
import { panelHtml, panelOptions } from './webview-html';
import type { WorkspaceIndex } from './workspace-index';

export type PanelKind = 'graph' | 'matrix' | 'diff';

/** What every panel is built with. */
export interface PanelContext {
  extensionUri: vscode.Uri;
  index: WorkspaceIndex;
}

/** The page a panel's webview loads: its stylesheets, scripts (under dist/) and body. */
export interface PanelPage {
  title: string;
  styles: string[];
  scripts: string[];
  body: string;
  /** Under media/. */
  icon?: string;
}

/** What a panel drew: the engine's model it came from and the message that carried it to the webview. */
export interface Drawing<Model> {
  model: Model;
  payload: object;
}

/** A live panel as the testing API sees it (kept out of the classes' own members). */
export interface PanelInternals {
  readonly kind: PanelKind;
  readonly webviewPanel: vscode.WebviewPanel;
  key(): string;
  /** What the panel would need to come back after a reload (filter, shape, compared revision…). */
  state(): object;
  model(): unknown;
  renders(): number;
  /** Hands the panel a message as if its webview had sent it. */
  receive(message: { type: string }): Promise<void>;
  /** The next save dialog of this panel answers `target` without showing; resolves with the dialog's options. */
  answerNextSave(target: vscode.Uri): Promise<vscode.SaveDialogOptions>;
  dispose(): void;
}

const live = new Map<Panel<unknown, { type: string }>, PanelInternals>();

/** Every live panel, for the extension's testing API. */
export function livePanels(): PanelInternals[] {
  return [...live.values()];
}

/** How long an index change waits before the redraw, so that one edit touching many files draws once. */
const REDRAW_MS = 30;

export abstract class Panel<Model, Message extends { type: string }> implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private following: vscode.Disposable | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private drawing: Drawing<Model> | undefined;
  private drawn = 0;
  private nextSave: { target: vscode.Uri; asked: (options: vscode.SaveDialogOptions) => void } | undefined;

  /** The live panel of a kind showing `key` (any key when not given). */
  protected static find<P>(kind: PanelKind, key?: string): P | undefined {
    return [...live.keys()].find((panel) => panel.kind === kind && (key === undefined || panel.key === key)) as P | undefined;
  }

  /** Every live panel of a kind. */
  protected static all<P>(kind: PanelKind): P[] {
    return [...live.keys()].filter((panel) => panel.kind === kind) as P[];
  }

  /** The panel of a kind that has the focus, if one has. */
  protected static focused<P>(kind: PanelKind): P | undefined {
    return [...live.keys()].find((panel) => panel.kind === kind && panel.panel.active) as P | undefined;
  }

  /** A new webview panel with the options every panel has (scripts on, only media/ and dist/ loadable); the view keeps the focus. */
  protected static create(viewType: string, title: string, column: vscode.ViewColumn, extensionUri: vscode.Uri): vscode.WebviewPanel {
    return vscode.window.createWebviewPanel(viewType, title, { viewColumn: column, preserveFocus: true }, panelOptions(extensionUri));
  }

  protected constructor(
    readonly kind: PanelKind,
    readonly panel: vscode.WebviewPanel,
    protected readonly context: PanelContext,
    /** The guideline shown (a workspace index key). */
    public key: string,
    page: PanelPage,
  ) {
    if (page.icon) panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', page.icon);
    panel.webview.html = panelHtml({ webview: panel.webview, extensionUri: context.extensionUri, title: page.title, language: vscode.env.language, styles: page.styles, scripts: page.scripts, body: page.body });
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: Message) => this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
    live.set(this, {
      kind,
      webviewPanel: panel,
      key: () => this.key,
      state: () => this.state(),
      model: () => this.drawing?.model,
      renders: () => this.drawn,
      receive: (message) => this.receive(message as Message),
      answerNextSave: (target) => new Promise((asked) => (this.nextSave = { target, asked })),
      dispose: () => this.dispose(),
    });
  }

  /** Draws the guideline's current state: the model and the message for the webview, or nothing to draw. */
  protected abstract draw(): Drawing<Model> | undefined;

  /** Answers what the webview asks beyond `ready` (a click, a toolbar choice). */
  protected abstract handle(message: Message): Promise<void> | void;

  /** What the panel would need to come back after a reload. */
  protected abstract state(): object;

  /** The model last drawn. */
  protected get model(): Model | undefined {
    return this.drawing?.model;
  }

  /** Sends the webview the current drawing. */
  render(): void {
    const drawing = this.draw();
    if (!drawing) return;
    this.drawing = drawing;
    this.drawn++;
    void this.panel.webview.postMessage(drawing.payload);
  }

  /** Redraws after the guideline (or, without a key, any file of the workspace) changes; replaces what was followed. */
  protected follow(key: string | undefined): void {
    this.following?.dispose();
    this.following = key === undefined ? this.context.index.onDidChange(() => this.schedule()) : this.context.index.onDidAffect(key, () => this.schedule());
  }

  /** A change came in: redraws a moment later, once for a burst of changes. */
  protected schedule(): void {
    this.later(REDRAW_MS, () => this.render());
  }

  /** Runs `then` after `ms`, replacing what was waiting (one timer per panel, stopped on close). */
  protected later(ms: number, then: () => void): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      then();
    }, ms);
  }

  /** Subscriptions that end with the panel. */
  protected listen(...disposables: vscode.Disposable[]): void {
    for (const disposable of disposables) this.subscriptions.push(disposable);
  }

  /** Asks where to save (the testing API may have answered already). */
  protected async saveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined> {
    const answered = this.nextSave;
    if (!answered) return vscode.window.showSaveDialog(options);
    this.nextSave = undefined;
    answered.asked(options);
    return answered.target;
  }

  private async receive(message: Message): Promise<void> {
    if (message.type === 'ready') this.render();
    // Inspections answer the testing API, which listens to the webview itself.
    else if (message.type !== 'inspected') await this.handle(message);
  }

  dispose(): void {
    if (!live.delete(this)) return;
    clearTimeout(this.timer);
    this.following?.dispose();
    this.subscriptions.forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

/** Restores the panels of a kind after a window reload, from the state their webviews saved. */
export type Restore = (panel: vscode.WebviewPanel, state: unknown) => Promise<void> | void;

/** The serializer of a kind: waits for the first index, gives the webview its options back, restores. */
export function panelSerializer(extensionUri: vscode.Uri, ready: Promise<void>, restore: Restore): vscode.WebviewPanelSerializer {
  return {
    deserializeWebviewPanel: async (panel, state) => {
      await ready;
      panel.webview.options = panelOptions(extensionUri);
      await restore(panel, state);
    },
  };
}

// Commands without a file take the guideline of the focused panel (the overview's key is no guideline).
registerPanelFocus(() => [...live.keys()].find((panel) => panel.panel.active)?.key || undefined);
