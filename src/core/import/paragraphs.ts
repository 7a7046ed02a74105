// From the lines of a document's plain text to its paragraphs, undoing what copying out of Word or
// PDF does to it: hard line breaks inside paragraphs (PDF wraps at the margin), page numbers and
// running headers between the lines of one paragraph, stray and full-width spaces, CRLF, a BOM.

import type { SourceDocument } from './source';

export type ParagraphKind = 'part' | 'item' | 'sub' | 'subsub' | 'circled' | 'bullet' | 'note' | 'text';

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
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const MARKERS: Array<{ kind: ParagraphKind; pattern: RegExp; chinese: boolean; print: (n: string) => string }> = [
  { kind: 'part', pattern: new RegExp(`^(${NUMERAL})\\s*[、．.]\\s*`), chinese: true, print: (n) => `${n}、` },
  { kind: 'part', pattern: new RegExp(`^第(${NUMERAL})(?:部分|章)\\s*`), chinese: true, print: (n) => `第${n}部分` },
  { kind: 'item', pattern: new RegExp(`^[（(]\\s*(${NUMERAL})\\s*[）)]\\s*`), chinese: true, print: (n) => `（${n}）` },
  // `1.` but not a decimal such as `1.5万亿元` that a PDF line happened to start with.
  // (`12.5G基站建设工程` is item 12 all the same: see numberedParagraph.)
  { kind: 'sub', pattern: /^(\d{1,3})\s*[.．、](?!\d)\s*/, chinese: false, print: (n) => `${n}.` },
  { kind: 'subsub', pattern: /^[（(]\s*(\d{1,3})\s*[）)]\s*/, chinese: false, print: (n) => `（${n}）` },
  { kind: 'circled', pattern: new RegExp(`^([${CIRCLED}])\\s*`), chinese: false, print: (n) => n },
];
const LEVEL: Record<ParagraphKind, number> = { part: 1, item: 2, sub: 3, subsub: 4, circled: 5, bullet: 0, note: 0, text: 0 };

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

// The labels that open a responsibility list written as a line of its own.
const LIST_LABEL = /^(?:主要)?(?:牵头|配合|协办|参与|协同|责任|负责|主责|实施)(?:单位|部门|处室|主体)[^：:]{0,4}[:：]/;
// Lines that are never the middle of a sentence: a document number (国办发〔2024〕1号), a date.
const STANDALONE = /^[^，。]{0,16}[〔[【]\d{4}[〕\]】]\d+号$|^[〇零○一二三四五六七八九十\d]{4}年[〇零○一二三四五六七八九十\d]{1,2}月[〇零○一二三四五六七八九十\d]{1,3}日$/;
const TERMINAL = /(?:[。！？；：!?;:]|[。！？][”’」』]|[）)])$/;

interface Line {
  text: string;
  line: number;
  blankBefore: boolean;
  /** The line starts with an indent (two full-width spaces, or several spaces): a paragraph's first line. */
  indented: boolean;
}

/** The paragraphs of a plain text, in order, with the line each starts on. */
export function splitParagraphs(source: string): Paragraph[] {
  const rawLines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return paragraphsOfLines(rawLines.map((text, index) => ({ text, line: index + 1 })), true);
}

/**
 * The paragraphs of a read document's text blocks (its tables go to the table stage). Plain text
 * may be hard-wrapped and is joined again; Word paragraphs and the PDF reader's are whole already.
 */
export function documentParagraphs(document: SourceDocument): Paragraph[] {
  const lines = document.blocks.flatMap((block) => (block.kind === 'text' ? block.text.split(/\r\n|\r|\n/).map((text) => ({ text, line: block.line })) : []));
  return paragraphsOfLines(lines, !document.paragraphsKnown);
}

function paragraphsOfLines(rawLines: Array<{ text: string; line: number }>, wrapped: boolean): Paragraph[] {
  const normalized = rawLines.map((raw) => normalizeLine(raw.text.replace(/^\uFEFF/, '')));
  const headers = runningHeaders(normalized);
  const lines: Line[] = [];
  let blank = !wrapped;
  normalized.forEach((text, index) => {
    if (text === '' || isPageNumber(text) || headers.has(index)) {
      blank = true;
      return;
    }
    lines.push({ text, line: rawLines[index]!.line, blankBefore: blank, indented: /^(\u3000|\s{2,}|\t)/.test(rawLines[index]!.text.replace(/^\uFEFF/, '')) });
    blank = !wrapped;
  });
  const margin = wrapped ? wrapMargin(lines) : undefined;
  const paragraphs: Paragraph[] = [];
  const numbering = new Numbering();
  let last: { paragraph: Paragraph; lastLine: string } | undefined;
  for (const line of lines) {
    const numbered = numbering.read(line.text);
    const kind = numbered?.kind ?? (/^[—－]{1,2}(?!\d)/.test(line.text) ? 'bullet' : /^(注|备注|说明)\s*[:：]/.test(line.text) ? 'note' : 'text');
    if (last && kind === 'text' && continues(last.paragraph, last.lastLine, line, margin)) {
      last.paragraph.text += line.text;
      last.paragraph.body += line.text;
      last.lastLine = line.text;
      continue;
    }
    if (numbered) numbering.accept(numbered);
    const paragraph: Paragraph = numbered
      ? { kind: numbered.kind, text: line.text, body: line.text.slice(numbered.length), marker: numbered.marker, number: numbered.number, line: line.line }
      : { kind, text: line.text, body: line.text, marker: '', number: 0, line: line.line };
    paragraphs.push(paragraph);
    last = { paragraph, lastLine: line.text };
  }
  return paragraphs;
}

interface Numbered {
  kind: ParagraphKind;
  number: number;
  marker: string;
  length: number;
}

/**
 * The numbering of the document as it goes. A marker counts only where the numbering can go on,
 * so that a wrapped line that happens to start with `（三）` or `2.` stays inside its paragraph:
 * the next number under the same parent, 1 under a new parent, or the next number of its level
 * anywhere in the document — items （一）…（十五） and tasks 1.…40. often run on across parts.
 */
class Numbering {
  /** The last number under the open parent, per level. */
  private readonly counters = [0, 0, 0, 0, 0, 0];
  /** The last number seen at each level, whatever its parent. */
  private readonly running = [0, 0, 0, 0, 0, 0];

  read(text: string): Numbered | undefined {
    for (const { kind, pattern, chinese, print } of MARKERS) {
      const level = LEVEL[kind];
      const match = pattern.exec(text);
      if (!match) {
        // `12.5G基站建设工程` is item 12 when 12 is the number that comes next.
        if (kind === 'sub') {
          const digits = /^(\d{1,3})\s*[.．、]\s*(?=\d)/.exec(text);
          if (digits && Number(digits[1]) > 1 && this.follows(level, Number(digits[1]), false)) return { kind, number: Number(digits[1]), marker: `${digits[1]}.`, length: digits[0].length };
        }
        continue;
      }
      const number = chinese ? chineseNumber(match[1]!) : kind === 'circled' ? CIRCLED.indexOf(match[1]!) + 1 : Number(match[1]);
      if (!this.follows(level, number, true)) return undefined;
      if (match[0].length === text.length) return undefined;
      return { kind, number, marker: print(match[1]!), length: match[0].length };
    }
    return undefined;
  }

  accept(numbered: Numbered): void {
    const level = LEVEL[numbered.kind];
    this.counters[level] = numbered.number;
    this.running[level] = numbered.number;
    for (let deeper = level + 1; deeper < this.counters.length; deeper++) this.counters[deeper] = 0;
  }

  private follows(level: number, number: number, allowRestart: boolean): boolean {
    if (number === this.counters[level]! + 1 || number === this.running[level]! + 1) return true;
    return allowRestart && number === 1;
  }
}

/**
 * Whether a text line continues the paragraph before it. In a hard-wrapped (PDF) text a line
 * that reached the margin goes on in the next line, whatever blank lines, page numbers or
 * headers came between. Otherwise only a line right below an unfinished sentence continues it,
 * and never a bare heading: `一、总体要求` stands alone even without a full stop.
 */
function continues(paragraph: Paragraph, lastLine: string, line: Line, margin: number | undefined): boolean {
  // A line that reaches the margin goes on below, unless it ends a sentence and the next line is
  // indented as a paragraph's first line is. Justified Chinese lines fall a little short of the
  // margin when they end in punctuation or Latin text, hence the tolerance.
  if (margin !== undefined && width(lastLine) >= margin - 3) return !(line.indented && TERMINAL.test(lastLine));
  if (line.blankBefore || TERMINAL.test(paragraph.text)) return false;
  // A labelled list line (牵头单位：A, then 责任单位：B) stands alone, as do a document number and a date.
  if (LIST_LABEL.test(line.text) || LIST_LABEL.test(lastLine) || STANDALONE.test(lastLine) || STANDALONE.test(line.text)) return false;
  // Lines that are whole paragraphs: a short line without any punctuation is a title or a heading
  // (国务院办公厅关于印发 / …的通知 is two title lines, not a sentence cut at the margin).
  if (margin === undefined && !/[，。、；：,;:]/.test(lastLine) && width(lastLine) <= 40 && !/^[（(]/.test(line.text)) return false;
  // A bare heading (一、总体要求, （一）指导思想) is complete without a full stop; a heading that
  // already runs on into sentences (（一）加强研究。支持…，) is prose cut at the line end.
  return (paragraph.kind !== 'part' && paragraph.kind !== 'item') || /[。，；、：]/.test(paragraph.body);
}

/**
 * The right margin of a hard-wrapped text, as a width; undefined when lines are whole
 * paragraphs. Wrapped text has most of its lines at about the same, modest width.
 */
function wrapMargin(lines: Line[]): number | undefined {
  // Short lines (headings, table cells, signatures) say nothing about the margin: only the long ones do.
  const widths = lines.map((line) => width(line.text)).filter((w) => w >= 16).sort((a, b) => a - b);
  if (widths.length < 8) return undefined;
  const margin = widths[Math.floor(widths.length * 0.8)]!;
  if (margin > 120) return undefined;
  const atMargin = widths.filter((w) => w >= margin - 2 && w <= margin + 1).length;
  return atMargin >= widths.length * 0.5 && atMargin >= lines.length * 0.25 ? margin : undefined;
}

/**
 * Indexes of lines that repeat as running headers or footers: short lines (not numbered, not a
 * sentence) that occur more than once. The first occurrence is kept when it comes before the
 * body, where it is the document's own title.
 */
function unbalancedClose(text: string): boolean {
  return (text.match(/[）)]/g)?.length ?? 0) > (text.match(/[（(]/g)?.length ?? 0);
}

function runningHeaders(lines: string[]): Set<number> {
  const seen = new Map<string, number[]>();
  lines.forEach((text, index) => {
    // A line that is all parenthesis is a responsibility list wrapped onto its own line (two
    // measures may well share one), never a letterhead.
    // Nor is a line with a clause's punctuation, or the tail of a list broken at the margin
    // (任单位：相关区政府）), which repeats wherever two measures share a list.
    if (text === '' || text.length > 80 || /[。；，、：:,;]/.test(text) || /^[（(].*[）)]$/.test(text) || unbalancedClose(text) || MARKERS.some(({ pattern }) => pattern.test(text))) return;
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
