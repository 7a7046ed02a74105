// From the lines of a document's plain text to its paragraphs, undoing what copying out of Word or
// PDF does to it: hard line breaks inside paragraphs (PDF wraps at the margin), page numbers and
// running headers between the lines of one paragraph, stray and full-width spaces, CRLF, a BOM.

export type ParagraphKind = 'part' | 'item' | 'sub' | 'subsub' | 'bullet' | 'note' | 'text';

export interface Paragraph {
  kind: ParagraphKind;
  /** The whole paragraph, marker included, on one line. */
  text: string;
  /** The text after the numbering marker (`二、`, `（一）`, `1.`, `（1）`); the whole text otherwise. */
  body: string;
  /** The marker as printed, normalised to full-width brackets: `二、`, `（一）`, `1.`, `（1）`. */
  marker: string;
  /** The number of a numbered paragraph (二 → 2), 0 otherwise. */
  number: number;
  /** 1-based line of the paragraph's first line in the source text. */
  line: number;
}

const NUMERAL = '[一二三四五六七八九十]{1,3}';
const MARKERS: Array<{ kind: ParagraphKind; pattern: RegExp; chinese: boolean; print: (n: string) => string }> = [
  { kind: 'part', pattern: new RegExp(`^(${NUMERAL})\\s*[、．]\\s*`), chinese: true, print: (n) => `${n}、` },
  { kind: 'item', pattern: new RegExp(`^[（(]\\s*(${NUMERAL})\\s*[）)]\\s*`), chinese: true, print: (n) => `（${n}）` },
  // `1.` but not a decimal such as `1.5万亿元` that a PDF line happened to start with.
  { kind: 'sub', pattern: /^(\d{1,2})\s*[.．、](?!\d)\s*/, chinese: false, print: (n) => `${n}.` },
  { kind: 'subsub', pattern: /^[（(]\s*(\d{1,2})\s*[）)]\s*/, chinese: false, print: (n) => `（${n}）` },
];
const LEVEL: Record<ParagraphKind, number> = { part: 1, item: 2, sub: 3, subsub: 4, bullet: 0, note: 0, text: 0 };

/** 一 → 1, 十二 → 12, 二十三 → 23. */
export function chineseNumber(numeral: string): number {
  const digits = '零一二三四五六七八九';
  if (numeral === '十') return 10;
  const ten = numeral.indexOf('十');
  if (ten < 0) return digits.indexOf(numeral);
  const tens = ten === 0 ? 1 : digits.indexOf(numeral[0]!);
  const units = ten === numeral.length - 1 ? 0 : digits.indexOf(numeral[ten + 1]!);
  return tens * 10 + units;
}

/** Full-width and no-break spaces become spaces; spaces next to Chinese text (PDF copy) go. */
export function normalizeLine(raw: string): string {
  const CJK = '\\u2014\\u2018-\\u201f\\u2026\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
  return raw
    .replace(/[\u3000\u00a0\t\u2002-\u200b]/g, ' ')
    .replace(new RegExp(`\\s+(?=[${CJK}])`, 'g'), '')
    .replace(new RegExp(`(?<=[${CJK}])\\s+`, 'g'), '')
    .trim();
}

// Page numbers as PDF copy leaves them: `5`, `- 5 -`, `— 5 —`, `－5－`, `第5页`, `第 5 页 共 12 页`, `5/12`.
const PAGE_NUMBER = [/^[-—–－‐_\s]*\d{1,4}[-—–－‐_\s]*$/, /^第\s*\d+\s*页(\s*[，,/]?\s*共\s*\d+\s*页)?$/, /^\d+\s*\/\s*\d+$/, /^page\s*\d+(\s*of\s*\d+)?$/i, /^[-—–－]\s*[一二三四五六七八九十]+\s*[-—–－]$/];

function isPageNumber(line: string): boolean {
  return PAGE_NUMBER.some((pattern) => pattern.test(line));
}

/** Visual width: a Chinese character is one em, Latin letters and digits about half of one. */
function width(line: string): number {
  let total = 0;
  for (const char of line) total += char.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return total;
}

const TERMINAL = /(?:[。！？；：!?;:]|[。！？][”’」』]|[）)])$/;

interface Line {
  text: string;
  line: number;
  blankBefore: boolean;
}

/** The paragraphs of a document, in order, with the line each starts on. */
export function splitParagraphs(source: string): Paragraph[] {
  const rawLines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const normalized = rawLines.map(normalizeLine);
  const headers = runningHeaders(normalized);
  const lines: Line[] = [];
  let blank = false;
  normalized.forEach((text, index) => {
    if (text === '' || isPageNumber(text) || headers.has(index)) {
      blank = true;
      return;
    }
    lines.push({ text, line: index + 1, blankBefore: blank });
    blank = false;
  });
  const margin = wrapMargin(lines);
  const paragraphs: Paragraph[] = [];
  const counters = [0, 0, 0, 0, 0];
  let last: { paragraph: Paragraph; lastLine: string } | undefined;
  for (const line of lines) {
    const numbered = numberedParagraph(line, counters);
    const kind = numbered?.kind ?? (/^——/.test(line.text) ? 'bullet' : /^(注|备注|说明)\s*[:：]/.test(line.text) ? 'note' : 'text');
    if (last && kind === 'text' && continues(last.paragraph, last.lastLine, line, margin)) {
      last.paragraph.text += line.text;
      last.paragraph.body += line.text;
      last.lastLine = line.text;
      continue;
    }
    if (numbered) {
      const level = LEVEL[numbered.kind];
      counters[level] = numbered.number;
      for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
    }
    const paragraph: Paragraph = numbered
      ? { kind: numbered.kind, text: line.text, body: line.text.slice(numbered.length), marker: numbered.marker, number: numbered.number, line: line.line }
      : { kind, text: line.text, body: line.text, marker: '', number: 0, line: line.line };
    paragraphs.push(paragraph);
    last = { paragraph, lastLine: line.text };
  }
  return paragraphs;
}

/**
 * The numbering of a line, if it starts one. A marker counts only where the numbering can go on
 * (the next number at its level, or 1 under a new parent), so that a wrapped line that happens
 * to start with `（三）` or `2.` stays inside its paragraph.
 */
function numberedParagraph(line: Line, counters: number[]): { kind: ParagraphKind; number: number; marker: string; length: number } | undefined {
  for (const { kind, pattern, chinese, print } of MARKERS) {
    const match = pattern.exec(line.text);
    if (!match) continue;
    const number = chinese ? chineseNumber(match[1]!) : Number(match[1]);
    const level = LEVEL[kind];
    if (number !== counters[level]! + 1 && number !== 1) return undefined;
    if (match[0].length === line.text.length) return undefined;
    return { kind, number, marker: print(match[1]!), length: match[0].length };
  }
  return undefined;
}

/**
 * Whether a text line continues the paragraph before it. In a hard-wrapped (PDF) text a line
 * that reached the margin goes on in the next line, whatever blank lines, page numbers or
 * headers came between. Otherwise only a line right below an unfinished sentence continues it,
 * and never a bare heading: `一、总体要求` stands alone even without a full stop.
 */
function continues(paragraph: Paragraph, lastLine: string, line: Line, margin: number | undefined): boolean {
  if (margin !== undefined && width(lastLine) >= margin - 2) return true;
  if (line.blankBefore || TERMINAL.test(paragraph.text)) return false;
  // A bare heading (一、总体要求, （一）指导思想) is complete without a full stop; a heading that
  // already runs on into sentences (（一）加强研究。支持…，) is prose cut at the line end.
  return (paragraph.kind !== 'part' && paragraph.kind !== 'item') || /[。，；、：]/.test(paragraph.body);
}

/**
 * The right margin of a hard-wrapped text, as a width; undefined when lines are whole
 * paragraphs. Wrapped text has most of its lines at about the same, modest width.
 */
function wrapMargin(lines: Line[]): number | undefined {
  if (lines.length < 8) return undefined;
  const widths = lines.map((line) => width(line.text)).sort((a, b) => a - b);
  const margin = widths[Math.floor(widths.length * 0.8)]!;
  if (margin > 120) return undefined;
  const atMargin = widths.filter((w) => w >= margin - 2 && w <= margin + 1).length;
  return atMargin >= lines.length * 0.4 ? margin : undefined;
}

/**
 * Indexes of lines that repeat as running headers or footers: short lines (not numbered, not a
 * sentence) that occur more than once. The first occurrence is kept when it comes before the
 * body, where it is the document's own title.
 */
function runningHeaders(lines: string[]): Set<number> {
  const seen = new Map<string, number[]>();
  lines.forEach((text, index) => {
    // A line that is all parenthesis is a responsibility list wrapped onto its own line (two
    // measures may well share one), never a letterhead.
    if (text === '' || text.length > 40 || /[。；]$/.test(text) || /^[（(].*[）)]$/.test(text) || MARKERS.some(({ pattern }) => pattern.test(text))) return;
    const list = seen.get(text);
    if (list) list.push(index);
    else seen.set(text, [index]);
  });
  const firstNumbered = lines.findIndex((text) => MARKERS.some(({ pattern }) => pattern.test(text)));
  const headers = new Set<number>();
  for (const indexes of seen.values()) {
    if (indexes.length < 2) continue;
    indexes.forEach((index, position) => {
      if (position === 0 && (firstNumbered < 0 || index < firstNumbered)) return;
      headers.add(index);
    });
  }
  return headers;
}
