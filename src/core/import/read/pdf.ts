// PDF files with a text layer, read with pdfjs-dist (Mozilla's PDF.js) in Node: the text runs of
// every page with their positions, handed to pdf-layout.ts to become paragraphs.
//
// pdfjs-dist 4.10 (its legacy build, for Node), not 5.x: 5.x evaluates `new DOMMatrix()` when it
// loads, which on Node exists only through the native @napi-rs/canvas package, and a native module
// cannot travel inside the esbuild bundles; 6.x needs Node 22. Text extraction needs no canvas.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SourceDocument, TextBlock, UnreadableDocument } from '../source';
import { unifyRadicals } from './cjk';
import { paragraphsFromPages } from './pdf-layout';
import type { PageText, TextRun } from './pdf-layout';

import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** Reads the paragraphs of a PDF; a PDF whose pages carry no text at all is a scan. */
export async function readPdf(bytes: Uint8Array): Promise<SourceDocument | UnreadableDocument> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdfjs may take the buffer over: give it a copy.
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // Chinese PDFs often encode text through Adobe's predefined CMaps (UniGB-UCS2-H …), without
    // which the text of those fonts cannot be mapped to Unicode.
    cMapUrl: cMapDirectory(),
    cMapPacked: true,
    CMapReaderFactory: FileCMapReader,
  });
  try {
    const document = await task.promise;
    const pages: PageText[] = [];
    for (let number = 1; number <= document.numPages; number++) pages.push(await pageText(await document.getPage(number), number, pdfjs));
    if (!pages.some((page) => page.runs.some((run) => run.text.trim() !== ''))) return { error: 'scanned-pdf', format: 'pdf', detail: 'no text layer: scanned images need OCR first' };
    const blocks = paragraphsFromPages(pages).map((paragraph, index): TextBlock => ({ kind: 'text', text: paragraph.text, line: index + 1, page: paragraph.page }));
    return { format: 'pdf', paragraphsKnown: true, blocks, pages: document.numPages };
  } catch (error) {
    const { name, message } = error as Error;
    if (name === 'PasswordException') return { error: 'encrypted', format: 'pdf', detail: 'the PDF is protected by a password' };
    return { error: 'corrupt', format: 'pdf', detail: message };
  } finally {
    await task.destroy();
  }
}

async function pageText(page: PDFPageProxy, number: number, pdfjs: PdfJs): Promise<PageText> {
  // The viewport turns PDF space (origin bottom left, maybe rotated or cropped) into the page as seen.
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const [a, b, c, d, x, y] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
    // Rotated text (a diagonal watermark, a vertical margin note) is not part of the reading flow.
    if (Math.abs(b!) > Math.abs(a!) * 0.05 || Math.abs(c!) > Math.abs(d!) * 0.05 || a! <= 0) continue;
    runs.push({ text: unifyRadicals(item.str), x: x!, y: y!, width: item.width, size: Math.hypot(c!, d!) || item.height });
  }
  page.cleanup();
  return { page: number, runs };
}

let loading: Promise<PdfJs> | undefined;

/** pdfjs and its worker, loaded once, on the first PDF (they are large, and most imports are not PDFs). */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= quietly(async () => {
    const [pdfjs, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
    // Node has no web worker: pdfjs then runs its worker in this thread ("fake worker"), taking
    // the worker's message handler from here instead of loading pdf.worker.mjs from a file,
    // which the bundles (dist/import-readers.js) do not ship beside them.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return pdfjs;
  });
  return loading;
}

/**
 * Runs fn with pdfjs's load-time warnings silenced: pdfjs tries to polyfill DOMMatrix and Path2D
 * from @napi-rs/canvas when it loads, before `verbosity` can be set, and says so when it cannot.
 */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  // pdfjs 4 writes its warnings with console.log, later versions with console.warn.
  const { log, warn } = console;
  const unlessPdfjsWarning = (write: (...args: unknown[]) => void) => (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && args[0].startsWith('Warning: '))) write(...args);
  };
  console.log = unlessPdfjsWarning(log);
  console.warn = unlessPdfjsWarning(warn);
  try {
    return await fn();
  } finally {
    Object.assign(console, { log, warn });
  }
}

/** pdfjs's CMap files: beside the bundle (dist/pdfjs-cmaps, copied by esbuild.config.js), or in node_modules. */
function cMapDirectory(): string | undefined {
  const bundled = join(__dirname, 'pdfjs-cmaps');
  if (existsSync(bundled)) return `${bundled}/`;
  try {
    return `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps')}/`;
  } catch {
    return undefined;
  }
}

/** Reads CMap files with node:fs (pdfjs's own Node reader needs process.getBuiltinModule, Node ≥ 20.16). */
class FileCMapReader {
  private readonly baseUrl: string | null;

  constructor({ baseUrl = null }: { baseUrl?: string | null }) {
    this.baseUrl = baseUrl;
  }

  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    if (!this.baseUrl) throw new Error(`no CMap directory for ${name}`);
    return { cMapData: new Uint8Array(await readFile(`${this.baseUrl}${name}.bcmap`)), isCompressed: true };
  }
}
