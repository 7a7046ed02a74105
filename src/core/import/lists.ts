// Stage 4 of the import: finding the responsibility list of each paragraph. A list ends a
// paragraph in brackets (…。（省科技厅、省财政厅负责）), stands as a paragraph of its own (bracketed
// or not: 牵头单位：A，配合单位：B、C / 责任单位：… / 负责单位：…), or ends the paragraph as a
// labelled sentence (…。牵头单位：A；责任单位：B). What the list says is read by responsibility.ts.
import type { Paragraph } from './paragraphs';
import { LABEL, parseResponsibility } from './responsibility';
import type { ResponsibilityList } from './responsibility';

export interface FoundList {
  list: ResponsibilityList;
  /** The paragraphs the list is written in: one, or two labelled lines (牵头单位：… / 责任单位：…). */
  paragraphs: Paragraph[];
  /** Where the list starts in the first of its paragraphs: 0 when the paragraph is only the list. */
  start: number;
  /** Where it ends, when text follows it in the paragraph (a list after the title, before the body). */
  end?: number;
  /** The list as printed. */
  printed: string;
}

/** The responsibility list that ends a paragraph, if any. */
export function listAtEnd(paragraph: Paragraph, known: (name: string) => boolean): FoundList | undefined {
  const text = paragraph.text;
  const group = trailingParenthesis(text);
  if (group) {
    const list = parseResponsibility(group.contents, known);
    if (list) return { list, paragraphs: [paragraph], start: group.start, printed: text.slice(group.start).replace(/[\s。.；;]+$/, '') };
  }
  // A labelled list with no brackets: the whole paragraph, or its last sentence.
  const labelled = labelledStart(text);
  if (labelled !== undefined) {
    const list = parseResponsibility(text.slice(labelled).replace(/[。.]$/, ''), known);
    if (list && list.agencies.length > 0) return { list, paragraphs: [paragraph], start: labelled, printed: text.slice(labelled).replace(/[\s。.；;]+$/, '') };
  }
  return undefined;
}

/**
 * Joins a list with the labelled list paragraph right before it (牵头单位：A on one line, 配合单位：B
 * on the next), when both stand alone.
 */
export function mergeLists(first: FoundList, second: FoundList, known: (name: string) => boolean): FoundList | undefined {
  if (first.start !== 0 || second.start !== 0) return undefined;
  const contents = [first, second].map((found) => unbracketed(found.printed)).join('；');
  const list = parseResponsibility(contents, known);
  return list ? { list, paragraphs: [...first.paragraphs, ...second.paragraphs], start: 0, printed: `${first.printed}\n${second.printed}` } : undefined;
}

/** The text of a paragraph without the list that ends it. */
export function withoutList(paragraph: Paragraph, found: FoundList | undefined): string {
  if (!found || !found.paragraphs.includes(paragraph)) return paragraph.text;
  if (found.paragraphs[0] !== paragraph) return '';
  const rest = found.end === undefined ? '' : paragraph.text.slice(found.end);
  return (paragraph.text.slice(0, found.start).replace(/\s+$/, '') + rest).trim();
}

/** Where a labelled list starts: at the start of the paragraph, or after its last full stop. */
function labelledStart(text: string): number | undefined {
  if (LABEL.test(text)) return 0;
  const lastStop = text.lastIndexOf('。', text.length - 2);
  if (lastStop >= 0 && LABEL.test(text.slice(lastStop + 1).trim())) return lastStop + 1 + (text.slice(lastStop + 1).length - text.slice(lastStop + 1).trimStart().length);
  return undefined;
}

function unbracketed(printed: string): string {
  const trimmed = printed.trim();
  return /^[（(【].*[）)】]$/s.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

/**
 * The last parenthesised group of a text when nothing but a full stop follows it. 【…】 counts as
 * a bracket too: some documents set the list in it (【牵头单位：…】).
 */
export function trailingParenthesis(text: string): { contents: string; start: number } | undefined {
  const trimmed = text.replace(/[\s。.；;]+$/, '');
  const last = trimmed[trimmed.length - 1];
  if (last === '】') {
    const open = trimmed.lastIndexOf('【');
    return open >= 0 ? { contents: trimmed.slice(open + 1, -1), start: open } : undefined;
  }
  if (last !== '）' && last !== ')') return undefined;
  let depth = 0;
  for (let index = trimmed.length - 1; index >= 0; index--) {
    const char = trimmed[index];
    if (char === '）' || char === ')') depth++;
    else if (char === '（' || char === '(') {
      depth--;
      if (depth === 0) return { contents: trimmed.slice(index + 1, -1), start: index };
    }
  }
  return undefined;
}
