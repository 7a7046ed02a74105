// Browser harness for tests: Debian's Chromium driven by playwright-core, fully offline.
//
// - Chromium is the system one (/usr/bin/chromium, installed by .ci/run); nothing here downloads a
//   browser. Override the path with TASKMATRIX_CHROMIUM if needed.
// - Every context the harness creates aborts (and records) every request it did not ask for,
//   blocks service workers and closes WebSockets, so a test can also prove that a page stays offline.
// - Pages get NO Content-Security-Policy on purpose: a CSP would stop an injected inline handler
//   and hide the very XSS the tests are meant to detect.
//
// Two things about running page code from TypeScript under tsx:
// - tsx compiles with esbuild's keepNames, so a *named* inner function or `const f = () => …` inside a
//   page.evaluate callback becomes `__name(() => …, "f")`, and `__name` does not exist in the page
//   ("ReferenceError: __name is not defined"). The in-page code of this file is therefore a plain
//   JavaScript string (HARNESS_JS); callbacks passed to page.evaluate here are single anonymous
//   arrows. Tests writing their own evaluate callbacks should do the same, or call
//   `installNameShim(page)` first.
// - tsconfig has no "dom" lib, so page callbacks reach the page through small local interfaces
//   (`PageGlobals`) instead of `window`/`document` types.
//
// Mermaid 11 (11.17.2) flowchart SVG, as rendered by `mermaid.render('tm-graph', source)` — found by
// rendering samples; these are the selectors HARNESS_JS relies on:
//   svg#tm-graph > g > g.root > g.clusters | g.edgePaths | g.edgeLabels | g.nodes
//   - A subgraph whose contents have no edge to the outside is laid out recursively: its whole
//     g.root is nested INSIDE the parent's g.nodes. So every query below is a descendant query on
//     the <svg>, never a fixed path.
//   - vertex:   g.node, id "<renderId>-flowchart-<nodeId>-<counter>", e.g. "tm-graph-flowchart-m-3-0"
//               for node `m-3` (older 11.x releases omitted the "<renderId>-" prefix; both parse).
//               The node id is kept verbatim (hyphens, dots, underscores, CJK), so it is recovered
//               by stripping the prefix and the LAST "-<digits>". class = "node default <classDef…>"
//               (`class b warn` / `b:::warn` → "node default warn"). The node has no data-id.
//               Label: g.node > g.label > foreignObject > div > span.nodeLabel > p (htmlLabels,
//               the default) or g.label > text > tspan (htmlLabels: false).
//   - empty subgraph: rendered as a g.node too, but with id "<renderId>-<subgraphId>" (no
//               "flowchart-", no counter) and class "node" only → reported under `subgraphs`.
//   - subgraph: g.cluster, id "<renderId>-<subgraphId>", title in g.cluster-label.
//   - edge:     g.edgePaths > path, id "<renderId>-L_<from>_<to>_<counter>", data-id "L_<from>_<to>_<n>",
//               data-edge="true". Style classes come twice, e.g. a dotted link has
//               "edge-thickness-normal edge-pattern-dotted edge-thickness-normal edge-pattern-solid
//               flowchart-link": the FIRST edge-pattern-* / edge-thickness-* is the real style (its
//               CSS rule comes later in the sheet and wins). `~~~` (invisible) links have class
//               "edge-thickness-invisible edge-pattern-solid" and NO flowchart-link class, so
//               `path.flowchart-link` would miss them; edgeCount counts g.edgePaths > path.
//   - edge label: g.edgeLabels > g.edgeLabel > g.label[data-id = the edge's data-id] > foreignObject
//               > div > span.edgeLabel > p. Every edge gets a g.edgeLabel, empty when unlabeled.
//   - the <svg> starts with a <style> element, so svg.textContent includes all the CSS (classDef
//     rules among it); `text` below excludes <style>.
// Other Mermaid behaviours the harness has to undo or detect:
//   - On a parse error mermaid.render throws but leaves its temporary "div#d<renderId>" (holding a
//     "Syntax error" bomb diagram) in <body>; renderMermaid removes it.
//   - A source longer than maxTextSize (default 50,000) does NOT throw: Mermaid silently renders
//     `graph TB;a[Maximum text size in diagram exceeded]` instead. renderMermaid reports that as
//     ok: false, limitExceeded: true.
//   - More than maxEdges (default 500) links makes render throw "Edge limit exceeded…".
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export type { Browser, BrowserContext, Page };

/** The system Chromium (Debian package `chromium`). */
export const CHROMIUM_PATH = process.env.TASKMATRIX_CHROMIUM ?? '/usr/bin/chromium';

/** Flags: headless, no sandbox (CI runs as root), and nothing that phones home. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-quic',
  '--disable-component-update',
  '--disable-sync',
];

/** The UMD bundle of the installed Mermaid; defines `globalThis.mermaid`. */
export const MERMAID_SCRIPT = require.resolve('mermaid/dist/mermaid.min.js');

/** The id passed to mermaid.render; the SVG gets this id and prefixes its element ids with it. */
export const RENDER_ID = 'tm-graph';

/** Where renderMermaid inserts the SVG in the page. */
export const OUTPUT_SELECTOR = '#tm-output';

const BLANK_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>taskmatrix test</title></head><body><div id="tm-output"></div></body></html>';

// ---------------------------------------------------------------------------------------------
// Launching

/** Launches the system Chromium; fails with a clear message when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y --no-install-recommends chromium" (see .ci/run) or set TASKMATRIX_CHROMIUM`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], timeout: 60_000 });
}

/** Runs fn with a freshly launched browser and always closes it. */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchBrowser();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

let shared: Promise<Browser> | undefined;

/**
 * One lazily launched browser per test file:
 *   let browser: Browser;
 *   before(async function () { this.timeout(60_000); browser = await sharedBrowser(); });
 *   after(closeSharedBrowser);
 * closeSharedBrowser resets it, so the next file that asks launches its own.
 */
export function sharedBrowser(): Promise<Browser> {
  if (!shared) {
    shared = launchBrowser();
    shared.catch(() => {
      shared = undefined;
    });
  }
  return shared;
}

export async function closeSharedBrowser(): Promise<void> {
  const pending = shared;
  shared = undefined;
  if (!pending) return;
  const browser = await pending.catch(() => undefined);
  await browser?.close();
}

// ---------------------------------------------------------------------------------------------
// Offline contexts and page watching

/** What a page did that a test may want to forbid. Arrays fill up live while the page runs. */
export interface PageWatch {
  /** Uncaught exceptions in the page ('pageerror'). */
  pageErrors: string[];
  /** console.error messages, including Chromium's "Failed to load resource: net::ERR_BLOCKED_BY_CLIENT…" for blocked requests. */
  consoleErrors: string[];
  /** Every dialog (alert/confirm/prompt/beforeunload) as "type: message"; all are dismissed. */
  dialogs: string[];
  /** URLs of pages opened with window.open & co. */
  popups: string[];
}

/** Starts recording errors, dialogs and popups of a page. Dialogs are dismissed so the page never hangs. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { pageErrors: [], consoleErrors: [], dialogs: [], popups: [] };
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => undefined);
  });
  page.on('popup', (popup) => watch.popups.push(popup.url()));
  return watch;
}

/** Console errors other than the ones Chromium logs for requests the harness blocked. */
export function unexpectedConsoleErrors(watch: PageWatch): string[] {
  return watch.consoleErrors.filter((text) => !text.includes('ERR_BLOCKED_BY_CLIENT'));
}

/** The value of a page global (default `window.__pwned`), or undefined. Injected-script probes set it. */
export async function pageFlag(page: Page, name = '__pwned'): Promise<unknown> {
  return page.evaluate((key) => (globalThis as unknown as Record<string, unknown>)[key], name);
}

/** Defines a no-op `__name` in the page, for evaluate callbacks compiled by tsx (see the header). */
export async function installNameShim(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name = globalThis.__name || ((f) => f)');
}

export interface OfflinePage {
  page: Page;
  context: BrowserContext;
  watch: PageWatch;
  /** Every request the page tried that was not allowed (aborted), in order. */
  blockedRequests: string[];
  close(): Promise<void>;
}

/** A new context whose requests are all aborted and recorded, except the URLs `allow` accepts. */
async function offlineContext(browser: Browser, allow: (url: string) => boolean, viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; blockedRequests: string[] }> {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: false, ...(viewport ? { viewport } : {}) });
  const blockedRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allow(url)) return route.continue();
    blockedRequests.push(url);
    return route.abort('blockedbyclient');
  });
  // page.route does not see WebSockets.
  await context.routeWebSocket(/.*/, (ws) => {
    blockedRequests.push(ws.url());
    return ws.close();
  });
  return { context, blockedRequests };
}

/** A blank page (about:blank with an empty #tm-output) in its own offline context. */
export async function newBlankPage(browser: Browser): Promise<OfflinePage> {
  const { context, blockedRequests } = await offlineContext(browser, () => false);
  const page = await context.newPage();
  const watch = watchPage(page);
  await page.setContent(BLANK_HTML);
  return { page, context, watch, blockedRequests, close: () => context.close() };
}

/**
 * Opens a local HTML file by its file:// URL in a new context where every other request
 * (file://, http(s)://, ws://) is aborted and recorded. (Chromium does route file:// subresources
 * through Playwright's interception, so relative scripts and stylesheets are blocked too.)
 */
export async function openFileOffline(browser: Browser, filePath: string, viewport?: { width: number; height: number }): Promise<OfflinePage> {
  const target = pathToFileURL(resolve(filePath)).href;
  const { context, blockedRequests } = await offlineContext(browser, (url) => url.split('#')[0] === target, viewport);
  const page = await context.newPage();
  const watch = watchPage(page);
  await page.goto(target, { waitUntil: 'load' });
  return { page, context, watch, blockedRequests, close: () => context.close() };
}

// ---------------------------------------------------------------------------------------------
// Mermaid

export interface RenderedEdge {
  /** data-id of the path, "L_<from>_<to>_<n>" (ambiguous to split when ids contain "_"). */
  id: string;
  /** First edge-pattern-* class: "solid" | "dotted" | "dashed". */
  pattern: string;
  /** First edge-thickness-* class: "normal" | "thick" | "invisible". */
  thickness: string;
  /** Text of its label, "" when unlabeled. */
  label: string;
}

export interface RenderedSubgraph {
  id: string;
  label: string;
  /** An empty subgraph is drawn as a g.node, not a g.cluster. */
  empty: boolean;
}

export interface RenderResult {
  /** The render threw, or the maxTextSize placeholder was drawn instead of the source. */
  ok: boolean;
  error?: string;
  /** True when the source was longer than maxTextSize and Mermaid drew its placeholder. */
  limitExceeded: boolean;
  /** Mermaid's diagram type, e.g. "flowchart-v2"; "" on error. */
  diagramType: string;
  /** The SVG markup mermaid.render returned (sanitized by Mermaid when securityLevel is "strict"); "" on error. */
  svg: string;
  /** Flowchart node ids as written in the source, in rendered order (nested roots flattened). */
  nodeIds: string[];
  /** Number of g.edgePaths > path, including invisible (~~~) links. */
  edgeCount: number;
  edges: RenderedEdge[];
  /** Texts of the non-empty edge labels, in rendered order. */
  edgeLabels: string[];
  /** Classes of each node's g.node, e.g. { b: ['node', 'default', 'warn'] }. */
  nodeClasses: Record<string, string[]>;
  /** textContent of each node's label (trimmed). */
  nodeText: Record<string, string>;
  subgraphs: RenderedSubgraph[];
  /** textContent of the SVG without its <style> element. */
  text: string;
  /** Milliseconds spent in mermaid.render inside the page. */
  renderMs: number;
}

export interface RenderOptions {
  /** Passed to mermaid.render; default RENDER_ID. */
  renderId?: string;
  /** Wait after inserting the SVG so that error/load handlers of injected elements get to run. Default 100. */
  settleMs?: number;
}

// The in-page half of renderMermaid, plain JavaScript (see the header on why not TypeScript).
const HARNESS_JS = String.raw`(() => {
  const LIMIT_MESSAGE = 'Maximum text size in diagram exceeded';
  const reEscape = (s) => s.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
  const textOf = (el) => (el ? el.textContent || '' : '').trim();
  const firstClass = (el, prefix) => {
    for (const c of el.classList) if (c.startsWith(prefix)) return c.slice(prefix.length);
    return '';
  };
  const empty = (extra) => Object.assign({ ok: false, limitExceeded: false, diagramType: '', svg: '', nodeIds: [], edgeCount: 0, edges: [], edgeLabels: [], nodeClasses: {}, nodeText: {}, subgraphs: [], text: '', renderMs: 0 }, extra);

  async function render(source, config, renderId, settleMs) {
    const mermaid = globalThis.mermaid;
    if (!mermaid) return empty({ error: 'mermaid is not loaded in this page' });
    let output = document.getElementById('tm-output');
    if (!output) {
      output = document.createElement('div');
      output.id = 'tm-output';
      document.body.appendChild(output);
    }
    output.innerHTML = '';
    mermaid.initialize(Object.assign({ startOnLoad: false, securityLevel: 'strict' }, config));
    const maxTextSize = mermaid.mermaidAPI.getConfig().maxTextSize;

    let result;
    const started = performance.now();
    try {
      result = await mermaid.render(renderId, source);
    } catch (e) {
      const renderMs = performance.now() - started;
      // Mermaid leaves its temporary container (with a "Syntax error" diagram) behind on parse errors.
      for (const id of ['d' + renderId, 'i' + renderId, renderId]) document.getElementById(id)?.remove();
      return empty({ error: String((e && e.message) || e), renderMs });
    }
    const renderMs = performance.now() - started;

    output.innerHTML = result.svg;
    if (settleMs > 0) await new Promise((done) => setTimeout(done, settleMs));
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));

    const svg = output.querySelector('svg');
    if (!svg) return empty({ error: 'mermaid.render returned no <svg>', svg: result.svg, renderMs });

    const prefix = reEscape(renderId) + '-';
    const vertexId = new RegExp('^(?:' + prefix + ')?flowchart-(.+)-\\d+$');
    const ownId = new RegExp('^' + prefix + '(.+)$');

    const nodeIds = [];
    const nodeClasses = {};
    const nodeText = {};
    const subgraphs = [];
    for (const node of svg.querySelectorAll('g.node')) {
      const label = textOf(node.querySelector(':scope > g.label') || node);
      const m = vertexId.exec(node.id);
      if (m) {
        nodeIds.push(m[1]);
        nodeClasses[m[1]] = [...node.classList];
        nodeText[m[1]] = label;
      } else {
        const s = ownId.exec(node.id);
        subgraphs.push({ id: s ? s[1] : node.id, label, empty: true });
      }
    }
    for (const cluster of svg.querySelectorAll('g.cluster')) {
      const s = ownId.exec(cluster.id);
      subgraphs.push({ id: s ? s[1] : cluster.id, label: textOf(cluster.querySelector('.cluster-label')), empty: false });
    }

    const labelOf = new Map();
    const edgeLabels = [];
    for (const edgeLabel of svg.querySelectorAll('g.edgeLabels g.edgeLabel')) {
      const text = textOf(edgeLabel);
      const keyed = edgeLabel.querySelector('[data-id]');
      if (keyed) labelOf.set(keyed.getAttribute('data-id'), text);
      if (text) edgeLabels.push(text);
    }
    const edges = [];
    for (const path of svg.querySelectorAll('g.edgePaths > path')) {
      const s = ownId.exec(path.id);
      const id = path.getAttribute('data-id') || (s ? s[1] : path.id);
      edges.push({ id, pattern: firstClass(path, 'edge-pattern-'), thickness: firstClass(path, 'edge-thickness-'), label: labelOf.get(id) || '' });
    }

    const copy = svg.cloneNode(true);
    for (const style of copy.querySelectorAll('style')) style.remove();
    const text = (copy.textContent || '').trim();

    const limitExceeded = source.length > maxTextSize && nodeIds.length === 1 && nodeIds[0] === 'a' && nodeText.a === LIMIT_MESSAGE && edges.length === 0;
    return {
      ok: !limitExceeded,
      error: limitExceeded ? LIMIT_MESSAGE + ' (source has ' + source.length + ' characters, maxTextSize is ' + maxTextSize + ')' : undefined,
      limitExceeded,
      diagramType: result.diagramType || '',
      svg: result.svg,
      nodeIds,
      edgeCount: edges.length,
      edges,
      edgeLabels,
      nodeClasses,
      nodeText,
      subgraphs,
      text,
      renderMs,
    };
  }

  globalThis.__tmHarness = { render };
})();`;

/** How page callbacks see the globals HARNESS_JS and mermaid.min.js define (no DOM lib in tsconfig). */
interface PageGlobals {
  mermaid?: unknown;
  __tmHarness?: { render(source: string, config: object, renderId: string, settleMs: number): Promise<RenderResult> };
}

/** Loads mermaid.min.js and the harness into the page, once (works on any page, e.g. a fresh about:blank). */
export async function loadMermaid(page: Page): Promise<void> {
  const loaded = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    return g.mermaid !== undefined && g.__tmHarness !== undefined;
  });
  if (loaded) return;
  // addScriptTag with a path reads the file in Node and inlines it: no request is made.
  await page.addScriptTag({ path: MERMAID_SCRIPT });
  await page.addScriptTag({ content: HARNESS_JS });
}

/**
 * Renders a Mermaid source in the page and inserts the SVG into #tm-output (replacing the previous
 * one): mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', ...config }), then
 * mermaid.render(renderId, source). Loads Mermaid first when the page does not have it.
 * Never throws for a bad diagram: see ok/error.
 */
export async function renderMermaid(page: Page, source: string, config: object = {}, options: RenderOptions = {}): Promise<RenderResult> {
  await loadMermaid(page);
  const args = { source, config, renderId: options.renderId ?? RENDER_ID, settleMs: options.settleMs ?? 100 };
  return page.evaluate((a) => {
    const harness = (globalThis as unknown as PageGlobals).__tmHarness;
    if (!harness) throw new Error('taskmatrix harness is not loaded');
    return harness.render(a.source, a.config, a.renderId, a.settleMs);
  }, args);
}
