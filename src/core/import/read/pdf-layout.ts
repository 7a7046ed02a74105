// Paragraphs from the geometry of a PDF's text: a PDF only knows where each piece of text is
// printed, so lines are rebuilt from the pieces' baselines, running headers and page numbers are
// recognised by repeating at the same place on most pages, and lines are joined into paragraphs
// the way a reader sees them: a paragraph ends where a line stops short of the right margin, and
// a new one starts where a line is indented (首行缩进), set in another size, or begins a part (二、).
import { isCjk } from './cjk';

/** A piece of text as pdfjs places it: top-down page coordinates, baseline y, in points. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PageText {
  /** 1-based page number. */
  page: number;
  runs: TextRun[];
}

/** A printed line of a page. */
export interface PrintedLine {
  page: number;
  text: string;
  x0: number;
  x1: number;
  /** Baseline, from the top of the page. */
  y: number;
  size: number;
}

export interface PdfParagraph {
  text: string;
  page: number;
}

/** The paragraphs of a document, from the text runs of its pages. */
export function paragraphsFromPages(pages: PageText[]): PdfParagraph[] {
  const lines = dropRunningLines(pages.map((page) => linesOfPage(page)));
  return joinParagraphs(lines);
}

/** Groups a page's runs into lines by baseline and orders them top to bottom, left to right. */
export function linesOfPage(page: PageText): PrintedLine[] {
  const groups: TextRun[][] = [];
  const runs = page.runs.filter((run) => run.text !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  for (const run of runs) {
    // Same line: baselines closer than half the text size (a footnote mark sits a little higher).
    const group = groups.find((candidate) => Math.abs(candidate[0]!.y - run.y) < Math.max(candidate[0]!.size, run.size) * 0.5);
    if (group) group.push(run);
    else groups.push([run]);
  }
  return groups
    .map((group) => lineOf(page.page, group.sort((a, b) => a.x - b.x)))
    .filter((line): line is PrintedLine => line !== undefined)
    .sort((a, b) => a.y - b.y);
}

function lineOf(page: number, runs: TextRun[]): PrintedLine | undefined {
  const visible = runs.filter((run) => run.text.trim() !== '');
  if (visible.length === 0) return undefined;
  let text = '';
  let end = -Infinity;
  let spaced = false;
  for (const run of runs) {
    const trimmed = run.text.trim();
    // pdfjs adds spaces of its own wherever glyphs stand apart, also between the characters of
    // justified CJK text; so spaces are decided here from the gaps, whatever the runs say.
    if (trimmed === '') {
      spaced = true;
      continue;
    }
    const perChar = run.width / Math.max(1, run.text.length);
    const start = run.x + perChar * (run.text.length - run.text.trimStart().length);
    const gap = start - end;
    const cjk = isCjk(text.at(-1)) || isCjk(trimmed[0]);
    // Between Latin words a space is a quarter of the text size; CJK text sets none, and its
    // justified spacing stays under half a character.
    if (text !== '' && gap > run.size * (cjk ? 0.45 : spaced || /^\s/.test(run.text) ? 0.1 : 0.2)) text += ' ';
    text += trimmed;
    end = start + perChar * trimmed.length;
    spaced = /\s$/.test(run.text);
  }
  // The size of most of the line's characters, so that a small footnote mark does not count.
  const sizes = new Map<number, number>();
  for (const run of visible) sizes.set(run.size, (sizes.get(run.size) ?? 0) + run.text.length);
  const size = [...sizes].sort((a, b) => b[1] - a[1])[0]![0];
  return { page, text, x0: visible[0]!.x, x1: end, y: visible[0]!.y, size };
}

// Page numbers as Chinese documents print them: 3, - 3 -, — 3 —, ·3·, 第3页, 第 3 页 共 12 页, 3/12.
const PAGE_NUMBER = [/^[-—–－‒―~～·•]*\d{1,4}[-—–－‒―~～·•]*$/, /^第\d+页([,，/]?共\d+页)?$/, /^共\d+页[,，/]?第\d+页$/, /^\d+\/\d+$/, /^(page)?\d+(of\d+)?$/i];
// How many lines at the top and at the bottom of a page may be a running header or footer.
const MARGIN_LINES = 2;

/**
 * Removes page numbers and running headers and footers from the top and bottom lines of each page:
 * a line that reads as a page number, or text repeating at one place on most pages that stands
 * apart from the text of the page (a paragraph's last line 下同） may repeat, but not set apart).
 */
export function dropRunningLines(pages: PrintedLine[][]): PrintedLine[] {
  const margins = (lines: PrintedLine[]) => [...lines.slice(0, MARGIN_LINES), ...lines.slice(Math.max(MARGIN_LINES, lines.length - MARGIN_LINES))];
  // Digits count as one: 第3页 on one page is 第4页 on the next.
  const key = (line: PrintedLine) => `${line.text.replace(/\s/g, '').replace(/\d+/g, '#')}@${Math.round(line.y / 4)}`;
  const pagesWith = new Map<string, Set<number>>();
  for (const line of pages.flatMap(margins)) {
    const pagesOfKey = pagesWith.get(key(line)) ?? new Set<number>();
    pagesOfKey.add(line.page);
    pagesWith.set(key(line), pagesOfKey);
  }
  // Most pages, and at least two: a first page's own heading is not a running header.
  const enough = Math.max(2, Math.ceil(pages.length / 2));
  return pages.flatMap((lines) => {
    const spacing = medianStep(lines);
    const apart = (index: number) => {
      const above = index > 0 ? lines[index]!.y - lines[index - 1]!.y : Infinity;
      const below = index < lines.length - 1 ? lines[index + 1]!.y - lines[index]!.y : Infinity;
      return index < MARGIN_LINES ? below > spacing * 1.4 : above > spacing * 1.4;
    };
    const edge = new Set(margins(lines));
    return lines.filter((line, index) => {
      if (!edge.has(line)) return true;
      if (PAGE_NUMBER.some((pattern) => pattern.test(line.text.replace(/\s/g, '')))) return false;
      return !((pagesWith.get(key(line))?.size ?? 0) >= enough && apart(index));
    });
  });
}

/** The usual distance between consecutive baselines of a page's lines. */
function medianStep(lines: PrintedLine[]): number {
  const steps = lines.slice(1).map((line, index) => line.y - lines[index]!.y).filter((step) => step > 0).sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)] ?? Infinity;
}

interface Margins {
  left: number;
  right: number;
}

/** Joins lines into paragraphs (see the top of this file for the rules). */
export function joinParagraphs(lines: PrintedLine[]): PdfParagraph[] {
  const layout: Layout = { margins: pageMargins(lines), spacing: lineSpacing(lines), bodySize: bodySize(lines) };
  const paragraphs: PdfParagraph[] = [];
  let current: PdfParagraph | undefined;
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    if (current && previous && !startsParagraph(previous, line, layout)) {
      current.text = joinLines(current.text, line.text);
      return;
    }
    current = { text: line.text, page: line.page };
    paragraphs.push(current);
  });
  return paragraphs;
}

interface Layout {
  margins: Map<number, Margins>;
  spacing: Map<number, number>;
  /** The size of the body text, that most characters are set in. */
  bodySize: number;
}

// The markers that start the parts of a policy document: 二、 （三） 第四章 5. （6） ⑦.
const OUTLINE_MARKER = /^(第[一二三四五六七八九十百零〇]+[章节条部分]|[一二三四五六七八九十百]+、|（[一二三四五六七八九十百]+）|\d+[.．、](?!\d)|（\d+）|[\u2460-\u2473])/;

function startsParagraph(previous: PrintedLine, line: PrintedLine, layout: Layout): boolean {
  const before = layout.margins.get(previous.page)!;
  const here = layout.margins.get(line.page)!;
  const size = Math.max(previous.size, line.size);
  // A heading set in another size than the text around it.
  if (Math.abs(previous.size - line.size) > size * 0.12) return true;
  // A blank between paragraphs: a larger step down the same page than between the lines of one.
  if (line.page === previous.page && line.y - previous.y > (layout.spacing.get(line.page) ?? Infinity) * 1.6) return true;
  // A title set larger than the text and centred goes on over its lines.
  if (previous.size > layout.bodySize * 1.1 && centred(line, here)) return false;
  // A line that stops well short of the right margin ends its paragraph (the last line, a heading).
  if (previous.x1 < before.right - size * 1.5) return true;
  // 首行缩进: a line indented by a character or more starts a paragraph.
  if (line.x0 > here.left + size * 0.9) return true;
  // A part's marker (二、 （三）) after the end of a sentence starts a paragraph, indented or not.
  return /[。；：！？]$/.test(previous.text) && OUTLINE_MARKER.test(line.text);
}

function centred(line: PrintedLine, margins: Margins): boolean {
  const indent = line.x0 - margins.left;
  return indent > line.size && Math.abs(indent - (margins.right - line.x1)) < line.size;
}

function bodySize(lines: PrintedLine[]): number {
  const characters = new Map<number, number>();
  for (const line of lines) characters.set(line.size, (characters.get(line.size) ?? 0) + line.text.length);
  return [...characters].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** The left and right text margins of each page: where continuation lines start, where full lines end. */
function pageMargins(lines: PrintedLine[]): Map<number, Margins> {
  const byPage = new Map<number, PrintedLine[]>();
  for (const line of lines) {
    const group = byPage.get(line.page);
    if (group) group.push(line);
    else byPage.set(line.page, [line]);
  }
  const leftOf = (group: PrintedLine[]) => {
    // The leftmost start that two lines share: a centred title or an indent is never the margin.
    const counts = new Map<number, number>();
    for (const line of group) counts.set(Math.round(line.x0), (counts.get(Math.round(line.x0)) ?? 0) + 1);
    const shared = [...counts].filter(([, count]) => count >= 2).map(([x]) => x);
    return shared.length > 0 ? shared.reduce((least, x) => Math.min(least, x)) : undefined;
  };
  const documentLeft = leftOf(lines) ?? lines.reduce((least, line) => Math.min(least, line.x0), Infinity);
  const lefts = new Map([...byPage].map(([page, group]) => [page, leftOf(group) ?? documentLeft]));
  // The width of the text column: the longest lines, less an outlier (a URL or table sticking out).
  const widths = lines.map((line) => line.x1 - lefts.get(line.page)!).sort((a, b) => a - b);
  const width = widths[Math.floor((widths.length - 1) * 0.9)] ?? 0;
  return new Map([...lefts].map(([page, left]) => [page, { left, right: left + width }]));
}

/** The usual distance between consecutive baselines on each page. */
function lineSpacing(lines: PrintedLine[]): Map<number, number> {
  const byPage = new Map<number, PrintedLine[]>();
  for (const line of lines) {
    const group = byPage.get(line.page);
    if (group) group.push(line);
    else byPage.set(line.page, [line]);
  }
  return new Map([...byPage].map(([page, group]) => [page, medianStep(group)]));
}

/** Joins a wrapped line to the text before it: no space in CJK text, one between Latin words. */
export function joinLines(text: string, next: string): string {
  const last = text.at(-1) ?? '';
  const first = next[0] ?? '';
  // Latin prose wraps at spaces, so the space is lost at the break; a number or a word inside CJK
  // text (10EF|LOPS, 2025|年) was broken by the layout and is joined back as one.
  const latinProse = / \S+$/.test(text.slice(-40)) && !isCjk(last) && !isCjk(first);
  return latinProse && /[A-Za-z0-9,.;:!?)]/.test(last) && /[A-Za-z0-9(]/.test(first) ? `${text} ${next}` : text + next;
}
