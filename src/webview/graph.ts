// The ownership-graph panel: renders the engine's Mermaid text with securityLevel 'strict',
// follows the VS Code theme, pans and zooms, filters, and reveals a measure on click.
// Rendering is cancellable: while one render runs, only the newest request waits behind it.
import type { FromGraphWebview, GraphInspection, GraphPayload, PanelState, ToGraphWebview } from './protocol';

const vscode = acquireVsCodeApi<PanelState>();
const post = (message: FromGraphWebview) => vscode.postMessage(message);

const canvas = document.getElementById('canvas')!;
const viewport = document.getElementById('viewport')!;
const notice = document.getElementById('notice')!;
const status = document.getElementById('status')!;
const agencySelect = document.getElementById('agency') as HTMLSelectElement;
const chapterSelect = document.getElementById('chapter') as HTMLSelectElement;

const saved = vscode.getState();
let view = saved?.view ?? { x: 0, y: 0, scale: 1 };
/** Set when what is shown changes (another filter, or a first opening): the next drawing is fitted. */
let fitNext = saved?.view === undefined;
let current: GraphPayload | undefined;
let pending: GraphPayload | undefined;
let rendering = false;
/** Set while the drafter types: the drawing in progress stops after its current piece. */
let typing = false;
let typingTimer: ReturnType<typeof setTimeout> | undefined;
let renderedSeq = -1;
let lastError: string | undefined;
let renderCount = 0;

function themeName(): string {
  const classes = document.body.classList;
  if (classes.contains('vscode-high-contrast-light')) return 'neutral';
  if (classes.contains('vscode-high-contrast') || classes.contains('vscode-dark')) return 'dark';
  return 'default';
}

/** The drawing of each piece (legend, part), kept between updates: an edit redraws only what changed. */
const drawn = new Map<string, { text: string; theme: string; element: HTMLElement }>();

function initializeMermaid(): void {
  // useMaxWidth false: the SVG keeps its natural size, and pan/zoom decide what is seen.
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: themeName(), flowchart: { htmlLabels: true, useMaxWidth: false } });
}

/**
 * Draws the newest update piece by piece (the legend, then each part): only the pieces whose text
 * changed are rendered, one at a time with a turn of the event loop between them, so that the
 * window (which the webview shares in a browser) keeps up with typing; a newer update stops the
 * rest, and is drawn instead.
 */
async function renderLatest(): Promise<void> {
  if (rendering || !pending) return;
  const payload = pending;
  pending = undefined;
  rendering = true;
  const started = performance.now();
  try {
    initializeMermaid();
    const theme = themeName();
    const elements: HTMLElement[] = [];
    for (const piece of payload.pieces) {
      if (pending || typing) break;
      let entry = drawn.get(piece.id);
      if (!entry || entry.text !== piece.mermaid || entry.theme !== theme) {
        const { svg } = await mermaid.render(`tm-graph-${++renderCount}`, piece.mermaid);
        const element = document.createElement('div');
        element.className = 'tm-piece';
        element.dataset.piece = piece.id;
        element.innerHTML = svg;
        entry = { text: piece.mermaid, theme, element };
        drawn.set(piece.id, entry);
        await new Promise((done) => setTimeout(done, 0));
      }
      elements.push(entry.element);
    }
    // A newer update arrived meanwhile, or typing started: what was drawn is kept for the update to come.
    if (!pending && !typing) {
      canvas.replaceChildren();
      for (const element of elements) canvas.append(element);
      const shown = new Set(payload.pieces.map((piece) => piece.id));
      for (const id of [...drawn.keys()]) if (!shown.has(id)) drawn.delete(id);
      decorate(payload);
      if (fitNext) {
        fitNext = false;
        fit();
      }
      renderedSeq = payload.seq;
      lastError = undefined;
      status.textContent = '';
      post({ type: 'rendered', seq: payload.seq, ok: true, ms: Math.round(performance.now() - started) });
    }
  } catch (error) {
    lastError = error instanceof Error ? error.message : String(error);
    status.textContent = `${payload.labels.renderFailed ?? 'Mermaid could not render the graph:'} ${lastError}`;
    renderedSeq = payload.seq;
    post({ type: 'rendered', seq: payload.seq, ok: false, ms: Math.round(performance.now() - started), error: lastError });
  } finally {
    document.querySelectorAll('body > [id^="dtm-graph"]').forEach((debris) => debris.remove());
    rendering = false;
    scheduleRender();
  }
}

/**
 * Renders on the next turn, not at once: messages that queued up while Mermaid was busy are all
 * read first, so only the newest of them is drawn.
 */
function scheduleRender(): void {
  setTimeout(() => void renderLatest(), 0);
}

/** Node ids as written in the Mermaid source, from Mermaid's element ids (`tm-graph-N-flowchart-<id>-<n>`). */
function nodeIdOf(element: Element): string | undefined {
  const match = /flowchart-(.+)-\d+$/.exec(element.id);
  return match?.[1];
}

function decorate(payload: GraphPayload): void {
  const clickable = new Set([...payload.measureIds, ...payload.documentIds]);
  for (const node of canvas.querySelectorAll('g.node')) {
    const id = nodeIdOf(node);
    if (id && clickable.has(id)) {
      node.classList.add('tm-clickable');
      node.setAttribute('tabindex', '0');
      node.setAttribute('role', 'button');
    }
  }
  applyView();
}

/** A measure node reveals the measure; a document node of the overview opens that document's graph. */
function activate(id: string | undefined): void {
  if (!id || !current) return;
  if (current.measureIds.includes(id)) post({ type: 'reveal', nodeId: id });
  else if (current.documentIds.includes(id)) post({ type: 'openDocument', nodeId: id });
}
canvas.addEventListener('click', (event) => {
  const node = (event.target as Element).closest('g.node');
  activate(node ? nodeIdOf(node) : undefined);
});
canvas.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') activate(nodeIdOf(event.target as Element));
});

// ---- pan and zoom ----
function applyView(): void {
  canvas.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
  saveState();
}

function saveState(): void {
  vscode.setState({ view, uri: current?.uri, filter: current?.filter });
}

function zoom(factor: number, centerX = viewport.clientWidth / 2, centerY = viewport.clientHeight / 2): void {
  const scale = Math.min(8, Math.max(0.05, view.scale * factor));
  view = { scale, x: centerX - ((centerX - view.x) * scale) / view.scale, y: centerY - ((centerY - view.y) * scale) / view.scale };
  applyView();
}

/** Fit never shrinks labels below this share of their size: below it nothing can be read. */
const SMALLEST_FIT = 0.4;
/** Below this share the whole graph is shown no more: its width is fitted instead, from the top. */
const WHOLE_FIT = 0.5;

/**
 * Shows the whole graph when that leaves its labels at half their size or more; otherwise fits
 * its width (never below SMALLEST_FIT) from the top, and the reviewer pans down through the parts.
 */
function fit(): void {
  if (!canvas.querySelector('svg')) return;
  const box = canvas.getBoundingClientRect();
  const width = box.width / view.scale;
  const height = box.height / view.scale;
  const whole = Math.min(viewport.clientWidth / width, viewport.clientHeight / height, 1) * 0.95;
  const scale = whole >= WHOLE_FIT ? whole : Math.max(SMALLEST_FIT, Math.min(viewport.clientWidth / width, 1) * 0.95);
  view = { scale, x: Math.max(8, (viewport.clientWidth - width * scale) / 2), y: 8 };
  applyView();
}

viewport.addEventListener(
  'wheel',
  (event) => {
    event.preventDefault();
    const rect = viewport.getBoundingClientRect();
    zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15, event.clientX - rect.left, event.clientY - rect.top);
  },
  { passive: false },
);
let drag: { x: number; y: number } | undefined;
viewport.addEventListener('pointerdown', (event) => {
  if ((event.target as Element).closest('g.tm-clickable')) return;
  drag = { x: event.clientX - view.x, y: event.clientY - view.y };
  viewport.setPointerCapture(event.pointerId);
});
viewport.addEventListener('pointermove', (event) => {
  if (!drag) return;
  view = { ...view, x: event.clientX - drag.x, y: event.clientY - drag.y };
  applyView();
});
viewport.addEventListener('pointerup', () => (drag = undefined));

document.getElementById('zoom-in')!.addEventListener('click', () => zoom(1.25));
document.getElementById('zoom-out')!.addEventListener('click', () => zoom(0.8));
document.getElementById('zoom-fit')!.addEventListener('click', fit);
document.getElementById('zoom-reset')!.addEventListener('click', () => {
  view = { x: 0, y: 0, scale: 1 };
  applyView();
});
/** The whole graph as one SVG (the panel draws it in pieces): rendered once more, off screen. */
async function exportSvg(): Promise<void> {
  if (!current) return;
  initializeMermaid();
  try {
    const { svg } = await mermaid.render(`tm-export-${++renderCount}`, current.mermaid);
    // Through the DOM and back as XML: HTML labels' <br> become <br/>, so the file is well-formed.
    const holder = document.createElement('div');
    holder.innerHTML = svg;
    const element = holder.querySelector('svg');
    if (element) post({ type: 'exportSvg', svg: new XMLSerializer().serializeToString(element) });
  } finally {
    document.querySelectorAll('body > [id^="dtm-export"]').forEach((debris) => debris.remove());
  }
}
document.getElementById('export-svg')!.addEventListener('click', () => void exportSvg());
document.getElementById('copy-source')!.addEventListener('click', () => post({ type: 'copySource' }));

// ---- filters ----
function fillSelect(select: HTMLSelectElement, options: { value: string; label: string }[], selected: string | undefined, allLabel: string): void {
  select.replaceChildren();
  const all = document.createElement('option');
  all.value = '';
  all.textContent = allLabel;
  select.append(all);
  for (const option of options) {
    const element = document.createElement('option');
    element.value = option.value;
    element.textContent = option.label;
    select.append(element);
  }
  select.value = selected ?? '';
}

const sendFilter = () => post({ type: 'filter', filter: { agency: agencySelect.value || undefined, chapter: chapterSelect.value || undefined } });
agencySelect.addEventListener('change', sendFilter);
chapterSelect.addEventListener('change', sendFilter);

// Theme changes re-render with the matching Mermaid theme.
new MutationObserver(() => {
  if (current) {
    typing = false;
    pending = current;
    scheduleRender();
  }
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

function inspect(): GraphInspection {
  const nodeIds = [...canvas.querySelectorAll('g.node')].map(nodeIdOf).filter((id): id is string => id !== undefined);
  const noLeadIds = [...canvas.querySelectorAll('g.node.noLead')].map(nodeIdOf).filter((id): id is string => id !== undefined);
  return {
    seq: renderedSeq,
    ok: lastError === undefined,
    error: lastError,
    nodeIds,
    edgeCount: canvas.querySelectorAll('g.edgePaths > path').length,
    noLeadIds,
    // Label by label: an agency node of several names holds them as lines (<br>) of one label.
    text: [...canvas.querySelectorAll('span.nodeLabel, span.edgeLabel, g.cluster-label, svg text')].map((element) => element.textContent ?? '').join(' '),
    theme: themeName(),
    scale: view.scale,
    viewport: { width: viewport.clientWidth, height: viewport.clientHeight },
  };
}

window.addEventListener('message', (event: MessageEvent<ToGraphWebview>) => {
  const message = event.data;
  if (message.type === 'typing') {
    typing = true;
    // An update follows once typing pauses; should none come, what was stopped is drawn again.
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      typing = false;
      if (current && renderedSeq !== current.seq) {
        pending = current;
        scheduleRender();
      }
    }, 3000);
  } else if (message.type === 'graph') {
    typing = false;
    clearTimeout(typingTimer);
    if (current && (current.filter.agency !== message.filter.agency || current.filter.chapter !== message.filter.chapter)) fitNext = true;
    current = message;
    saveState();
    notice.textContent = message.notice ?? '';
    notice.hidden = !message.notice;
    fillSelect(agencySelect, message.agencies.map((name) => ({ value: name, label: name })), message.filter.agency, message.labels.allAgencies ?? 'All agencies');
    fillSelect(chapterSelect, message.chapters.map((c) => ({ value: c.id, label: `${c.id} ${c.title}` })), message.filter.chapter, message.labels.allParts ?? 'All parts');
    pending = message;
    scheduleRender();
  } else if (message.type === 'inspect') {
    post({ type: 'inspected', requestId: message.requestId, result: inspect() });
  } else if (message.type === 'requestSvg') {
    void exportSvg();
  } else if (message.type === 'click') {
    const node = [...canvas.querySelectorAll('g.node')].find((element) => nodeIdOf(element) === message.nodeId);
    node?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  }
});

post({ type: 'ready' });
