// The live ownership-graph preview beside the editor: the engine builds the Mermaid text for
// the document (with the panel's filters); the webview renders it. One panel per document.
import * as vscode from 'vscode';
import { buildMatrix, buildOwnershipGraph, GraphFilterError } from '../core/index';
import type { OwnershipGraph } from '../core/index';
import type { FromGraphWebview, GraphFilter, GraphInspection, GraphPayload, PanelState } from '../webview/protocol';
import { registerPanelFocus } from './focused-guideline';
import { editorLocale } from './locale';
import { panelHtml, panelOptions, WebviewRequests } from './webview-html';
import { WorkspaceIndex } from './workspace-index';

/** How long typing must pause before the graph is redrawn. */
const GRAPH_PAUSE_MS = 250;

export class GraphPanel implements vscode.Disposable {
  static readonly viewType = 'taskmatrix.graph';
  /** The key of the workspace overview: every guideline, agencies against documents. */
  static readonly OVERVIEW = 'taskmatrix:overview';
  private static readonly open = new Map<string, GraphPanel>();

  private seq = 0;
  private filter: GraphFilter;
  private graph: OwnershipGraph | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastKeystroke = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<{ seq: number; ok: boolean; ms: number; at: number; error?: string }>();
  /** Fires when the webview has drawn an update (tests and latency measurements listen). */
  readonly onDidRender = this.rendered.event;
  private readonly inspections: WebviewRequests<GraphInspection>;
  /** Set by exportTo: the next SVG from the webview goes there instead of through a save dialog. */
  private exportTarget: { uri: vscode.Uri; done: () => void } | undefined;

  /** Opens (or reveals) the graph of a document beside the editor. */
  static show(extensionUri: vscode.Uri, index: WorkspaceIndex, uri: vscode.Uri): GraphPanel {
    const key = WorkspaceIndex.key(uri);
    const existing = GraphPanel.open.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(GraphPanel.viewType, title(uri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, panelOptions(extensionUri));
    return new GraphPanel(panel, extensionUri, index, key, {});
  }

  /** Opens (or reveals) the overview of every guideline of the workspace: agencies × documents with counts. */
  static showOverview(extensionUri: vscode.Uri, index: WorkspaceIndex): GraphPanel {
    const existing = GraphPanel.open.get(GraphPanel.OVERVIEW);
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(GraphPanel.viewType, vscode.l10n.t('Ownership overview'), { viewColumn: vscode.ViewColumn.Active, preserveFocus: true }, panelOptions(extensionUri));
    return new GraphPanel(panel, extensionUri, index, GraphPanel.OVERVIEW, {});
  }

  /** Brings a panel back after a window reload, from the state its webview saved. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, index: WorkspaceIndex, state: PanelState | undefined): void {
    if (!state?.uri) {
      panel.dispose();
      return;
    }
    panel.webview.options = panelOptions(extensionUri);
    new GraphPanel(panel, extensionUri, index, state.uri, state.filter ?? {});
  }

  /** Where an exported SVG goes by default: beside the document, named after it (the key is a URI string, not a path). */
  static svgBeside(documentKey: string): vscode.Uri {
    const document = vscode.Uri.parse(documentKey);
    return document.with({ path: `${document.path.replace(/\.ya?ml$/i, '')}.svg` });
  }

  static forDocument(uri: vscode.Uri): GraphPanel | undefined {
    return GraphPanel.open.get(WorkspaceIndex.key(uri));
  }

  /** The panel that has the focus, if one has. */
  static active(): GraphPanel | undefined {
    return [...GraphPanel.open.values()].find((panel) => panel.panel.active);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly index: WorkspaceIndex,
    readonly key: string,
    filter: GraphFilter,
  ) {
    this.filter = filter;
    this.inspections = new WebviewRequests(panel.webview);
    GraphPanel.open.set(key, this);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'graph.svg');
    panel.webview.html = panelHtml({
      webview: panel.webview,
      extensionUri,
      title: key === GraphPanel.OVERVIEW ? vscode.l10n.t('Ownership overview') : title(vscode.Uri.parse(key)),
      language: vscode.env.language,
      styles: ['media/panel.css', 'media/graph.css'],
      scripts: ['dist/mermaid.min.js', 'dist/webview/graph.js'],
      body: `<div class="toolbar">
  <label>${vscode.l10n.t('Agency')} <select id="agency"></select></label>
  <label>${vscode.l10n.t('Part')} <select id="chapter"></select></label>
  <span class="spacer"></span>
  <button id="zoom-out" title="${vscode.l10n.t('Zoom out')}">−</button>
  <button id="zoom-in" title="${vscode.l10n.t('Zoom in')}">+</button>
  <button id="zoom-fit">${vscode.l10n.t('Fit')}</button>
  <button id="zoom-reset">100%</button>
  <button id="export-svg">${vscode.l10n.t('Export SVG')}</button>
  <button id="copy-source">${vscode.l10n.t('Copy Mermaid')}</button>
</div>
<p class="notice" id="notice" hidden></p>
<p class="status" id="status" role="status"></p>
<div id="viewport"><div id="canvas"></div></div>`,
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: FromGraphWebview) => this.receive(message)),
      key === GraphPanel.OVERVIEW ? index.onDidChange(() => this.schedule()) : index.onDidAffect(this.key, () => this.schedule()),
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length && (key === GraphPanel.OVERVIEW ? index.has(event.document.uri) : WorkspaceIndex.key(event.document.uri) === key)) this.keystroke();
      }),
    );
  }

  /** The graph last sent to the webview. */
  get current(): OwnershipGraph | undefined {
    return this.graph;
  }

  setFilter(filter: GraphFilter): void {
    this.filter = filter;
    this.update();
  }

  /** Asks the webview what it has drawn (node ids, edges, no-lead nodes, text). */
  inspect(): Promise<GraphInspection> {
    return this.inspections.ask({ type: 'inspect' });
  }

  /** Exports the SVG currently drawn to a file, without asking (the toolbar button asks where). */
  exportTo(uri: vscode.Uri): Promise<void> {
    return new Promise((resolve) => {
      this.exportTarget = { uri, done: resolve };
      void this.panel.webview.postMessage({ type: 'requestSvg' });
    });
  }

  /** Simulates a click on a node inside the webview, as a reviewer would. */
  click(nodeId: string): Thenable<boolean> {
    return this.panel.webview.postMessage({ type: 'click', nodeId });
  }

  /**
   * Redraws once typing pauses: each change restarts the wait, so a burst of keystrokes costs one
   * render after the last of them instead of one per key, each of which would hold the window's
   * main thread (the webview shares it in browser hosts) while the drafter types.
   */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.whenTypingPauses(), GRAPH_PAUSE_MS);
  }

  /** Updates once no key has been typed for GRAPH_PAUSE_MS; typing since the last check waits again. */
  private whenTypingPauses(): void {
    const quiet = Date.now() - this.lastKeystroke;
    if (quiet < GRAPH_PAUSE_MS) {
      this.timer = setTimeout(() => this.whenTypingPauses(), GRAPH_PAUSE_MS - quiet);
      return;
    }
    this.timer = undefined;
    this.update();
  }

  /**
   * A keystroke in a document the graph shows: the engine's update comes only after its own pause
   * (lint delay), so keystrokes are watched here too — the webview is told at once (a drawing in
   * progress stops between two pieces) and the update waits for typing to pause.
   */
  private keystroke(): void {
    if (Date.now() - this.lastKeystroke > GRAPH_PAUSE_MS) void this.panel.webview.postMessage({ type: 'typing' });
    this.lastKeystroke = Date.now();
  }

  update(): void {
    const overview = this.key === GraphPanel.OVERVIEW;
    if (!overview && !this.index.project.has(this.key)) return;
    const paths = overview ? this.index.project.guidelinePaths() : [this.key];
    const locale = editorLocale();
    const level = overview ? ('documents' as const) : undefined;
    let graph: OwnershipGraph;
    try {
      graph = buildOwnershipGraph(this.index.project, paths, { ...this.filter, locale, level });
    } catch (error) {
      // A filter that no longer matches (the agency was renamed): show everything again.
      if (!(error instanceof GraphFilterError)) throw error;
      this.filter = {};
      graph = buildOwnershipGraph(this.index.project, paths, { locale, level });
    }
    this.graph = graph;
    const named = buildMatrix(this.index.project, paths).agencies.filter((a) => a.leads.length || a.co.length);
    const guideline = overview ? undefined : this.index.project.guideline(this.key);
    const payload: GraphPayload = {
      type: 'graph',
      uri: this.key,
      seq: ++this.seq,
      title: guideline ? (guideline.title ?? '') : vscode.l10n.t('Ownership overview'),
      mermaid: graph.mermaid,
      pieces: graph.pieces,
      level: graph.level,
      notice: graph.notice,
      noLeadIds: graph.noLeadNodeIds,
      measureIds: Object.keys(graph.measureNodes),
      documentIds: Object.keys(graph.documentNodes),
      agencies: named.map((a) => a.name),
      chapters: guideline ? guideline.chapters.filter((c) => c.measures.length && c.id).map((c) => ({ id: c.id!.value, title: c.title ?? '' })) : [],
      filter: this.filter,
      labels: { allAgencies: vscode.l10n.t('All agencies'), allParts: vscode.l10n.t('All parts'), renderFailed: vscode.l10n.t('Mermaid could not render the graph:') },
    };
    void this.panel.webview.postMessage(payload);
  }

  private async receive(message: FromGraphWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.update();
        break;
      case 'rendered':
        this.rendered.fire({ seq: message.seq, ok: message.ok, ms: message.ms, at: Date.now(), error: message.error });
        break;
      case 'filter':
        this.setFilter(message.filter);
        break;
      case 'reveal': {
        const measure = this.graph?.measureNodes[message.nodeId];
        if (measure) await vscode.commands.executeCommand('taskmatrix.revealMeasure', measure.file, measure.line);
        break;
      }
      case 'openDocument': {
        // From the overview down to one document: its own graph, in the same group.
        const document = this.graph?.documentNodes[message.nodeId];
        if (document) GraphPanel.show(this.extensionUri, this.index, vscode.Uri.parse(document));
        break;
      }
      case 'exportSvg': {
        if (this.exportTarget) {
          const { uri, done } = this.exportTarget;
          this.exportTarget = undefined;
          await this.writeSvg(uri, message.svg);
          done();
          break;
        }
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const defaultUri = this.key !== GraphPanel.OVERVIEW ? GraphPanel.svgBeside(this.key) : folder && vscode.Uri.joinPath(folder, 'ownership-overview.svg');
        const target = await vscode.window.showSaveDialog({ filters: { SVG: ['svg'] }, defaultUri, title: vscode.l10n.t('Export SVG') });
        if (!target) break;
        try {
          await this.writeSvg(target, message.svg);
          void vscode.window.showInformationMessage(vscode.l10n.t('Graph saved to {0}', target.scheme === 'file' ? target.fsPath : target.toString()));
        } catch (error) {
          void vscode.window.showErrorMessage(vscode.l10n.t('Could not save the graph to {0}: {1}', target.toString(), error instanceof Error ? error.message : String(error)));
        }
        break;
      }
      case 'copySource':
        if (this.graph) await vscode.env.clipboard.writeText(this.graph.mermaid);
        break;
      case 'inspected':
        this.inspections.answer(message.requestId, message.result);
        break;
    }
  }

  /** Writes an SVG the webview produced (also used by tests, which skip the save dialog). */
  async writeSvg(target: vscode.Uri, svg: string): Promise<void> {
    const document = svg.startsWith('<?xml') ? svg : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(document));
  }

  dispose(): void {
    clearTimeout(this.timer);
    GraphPanel.open.delete(this.key);
    this.disposables.forEach((d) => d.dispose());
    this.rendered.dispose();
    this.panel.dispose();
  }
}

function title(uri: vscode.Uri): string {
  return `${vscode.l10n.t('Ownership graph')}: ${uri.path.split('/').pop()}`;
}

// The overview's key is no guideline: commands for one guideline do not take it.
registerPanelFocus(() => GraphPanel.active()?.key);
