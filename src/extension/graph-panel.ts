// The live ownership-graph preview beside the editor: the engine builds the Mermaid text for
// the document (with the panel's filters); the webview renders it. One panel per document.
import * as vscode from 'vscode';
import { buildMatrix, buildOwnershipGraph, GraphFilterError } from '../core/index';
import type { OwnershipGraph } from '../core/index';
import type { FromGraphWebview, GraphFilter, GraphPayload, PanelState } from '../webview/protocol';
import { editorLocale } from './locale';
import { Panel } from './panel';
import type { Drawing, PanelContext } from './panel';
import { WorkspaceIndex } from './workspace-index';

/** How long typing must pause before the graph is redrawn. */
const GRAPH_PAUSE_MS = 250;

export class GraphPanel extends Panel<OwnershipGraph, FromGraphWebview> {
  static readonly viewType = 'taskmatrix.graph';
  /** The key of the workspace overview: every guideline, agencies against documents. */
  static readonly OVERVIEW = 'taskmatrix:overview';

  private seq = 0;
  private filter: GraphFilter;
  private lastKeystroke = 0;

  /** Opens (or reveals) the graph of a document beside the editor. */
  static show(context: PanelContext, uri: vscode.Uri): GraphPanel {
    const key = WorkspaceIndex.key(uri);
    const existing = Panel.find<GraphPanel>('graph', key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return existing;
    }
    return new GraphPanel(Panel.create(GraphPanel.viewType, title(uri), vscode.ViewColumn.Beside, context.extensionUri), context, key, {});
  }

  /** Opens (or reveals) the overview of every guideline of the workspace: agencies × documents with counts. */
  static showOverview(context: PanelContext): GraphPanel {
    const existing = Panel.find<GraphPanel>('graph', GraphPanel.OVERVIEW);
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing;
    }
    return new GraphPanel(Panel.create(GraphPanel.viewType, vscode.l10n.t('Ownership overview'), vscode.ViewColumn.Active, context.extensionUri), context, GraphPanel.OVERVIEW, {});
  }

  /** Brings a panel back after a window reload, from the state its webview saved. */
  static restore(context: PanelContext, panel: vscode.WebviewPanel, state: PanelState | undefined): void {
    if (!state?.uri) {
      panel.dispose();
      return;
    }
    new GraphPanel(panel, context, state.uri, state.filter ?? {});
  }

  /** The graph panel that has the focus, if one has. */
  static active(): GraphPanel | undefined {
    return Panel.focused<GraphPanel>('graph');
  }

  /** Where an exported SVG goes by default: beside the document, named after it (the key is a URI string, not a path). */
  static svgBeside(documentKey: string): vscode.Uri {
    const document = vscode.Uri.parse(documentKey);
    return document.with({ path: `${document.path.replace(/\.ya?ml$/i, '')}.svg` });
  }

  private constructor(panel: vscode.WebviewPanel, context: PanelContext, key: string, filter: GraphFilter) {
    super('graph', panel, context, key, {
      title: key === GraphPanel.OVERVIEW ? vscode.l10n.t('Ownership overview') : title(vscode.Uri.parse(key)),
      icon: 'graph.svg',
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
    this.filter = filter;
    const overview = key === GraphPanel.OVERVIEW;
    this.follow(overview ? undefined : key);
    this.listen(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length && (overview ? context.index.has(event.document.uri) : WorkspaceIndex.key(event.document.uri) === key)) this.keystroke();
      }),
    );
  }

  protected state(): PanelState {
    return { uri: this.key, filter: this.filter };
  }

  /**
   * Redraws once typing pauses: each change restarts the wait, so a burst of keystrokes costs one
   * render after the last of them instead of one per key, each of which would hold the window's
   * main thread (the webview shares it in browser hosts) while the drafter types.
   */
  protected override schedule(): void {
    this.later(GRAPH_PAUSE_MS, () => this.whenTypingPauses());
  }

  /** Draws once no key has been typed for GRAPH_PAUSE_MS; typing since the last check waits again. */
  private whenTypingPauses(): void {
    const quiet = Date.now() - this.lastKeystroke;
    if (quiet < GRAPH_PAUSE_MS) this.later(GRAPH_PAUSE_MS - quiet, () => this.whenTypingPauses());
    else this.render();
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

  protected draw(): Drawing<OwnershipGraph> | undefined {
    const { project } = this.context.index;
    const overview = this.key === GraphPanel.OVERVIEW;
    if (!overview && !project.has(this.key)) return undefined;
    const paths = overview ? project.guidelinePaths() : [this.key];
    const locale = editorLocale();
    const level = overview ? ('documents' as const) : undefined;
    // The notice says how to get measure detail back in the panel's own words (the core names no control).
    const filterHint = vscode.l10n.t('the Agency and Part boxes above');
    let graph: OwnershipGraph;
    try {
      graph = buildOwnershipGraph(project, paths, { ...this.filter, locale, level, filterHint });
    } catch (error) {
      // A filter that no longer matches (the agency was renamed): show everything again.
      if (!(error instanceof GraphFilterError)) throw error;
      this.filter = {};
      graph = buildOwnershipGraph(project, paths, { locale, level, filterHint });
    }
    const named = buildMatrix(project, paths).agencies.filter((a) => a.leads.length || a.co.length);
    const guideline = overview ? undefined : project.guideline(this.key);
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
    return { model: graph, payload };
  }

  protected async handle(message: FromGraphWebview): Promise<void> {
    switch (message.type) {
      case 'filter':
        this.filter = message.filter;
        this.render();
        break;
      case 'reveal': {
        const measure = this.model?.measureNodes[message.nodeId];
        if (measure) await vscode.commands.executeCommand('taskmatrix.revealMeasure', measure.file, measure.line);
        break;
      }
      case 'openDocument': {
        // From the overview down to one document: its own graph, in the same group.
        const document = this.model?.documentNodes[message.nodeId];
        if (document) GraphPanel.show(this.context, vscode.Uri.parse(document));
        break;
      }
      case 'exportSvg': {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const defaultUri = this.key !== GraphPanel.OVERVIEW ? GraphPanel.svgBeside(this.key) : folder && vscode.Uri.joinPath(folder, 'ownership-overview.svg');
        const target = await this.saveDialog({ filters: { SVG: ['svg'] }, defaultUri, title: vscode.l10n.t('Export SVG') });
        if (!target) break;
        try {
          await writeSvg(target, message.svg);
          void vscode.window.showInformationMessage(vscode.l10n.t('Graph saved to {0}', target.scheme === 'file' ? target.fsPath : target.toString()));
        } catch (error) {
          void vscode.window.showErrorMessage(vscode.l10n.t('Could not save the graph to {0}: {1}', target.toString(), error instanceof Error ? error.message : String(error)));
        }
        break;
      }
      case 'copySource':
        if (this.model) await vscode.env.clipboard.writeText(this.model.mermaid);
        break;
    }
  }
}

/** Writes an SVG the webview produced, as a standalone file. */
async function writeSvg(target: vscode.Uri, svg: string): Promise<void> {
  const document = svg.startsWith('<?xml') ? svg : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(document));
}

function title(uri: vscode.Uri): string {
  return `${vscode.l10n.t('Ownership graph')}: ${uri.path.split('/').pop()}`;
}
