// Stage 5 of the import: which parts of the outline are measures. The item that carries a
// responsibility list is the measure: an item with its own list; each sub-item when its
// sub-items carry lists of their own (1. 2. … under （一） headings that name nobody); each run of
// paragraphs that ends in a list when one item holds several (—— bullets, or headings without
// a full stop followed by paragraphs), numbered by position.
import { listAtEnd, mergeLists, trailingParenthesis } from './lists';
import { IGNORED_LABEL, parseResponsibility } from './responsibility';
import type { FoundList } from './lists';
import type { OutlineNode } from './outline';
import { paragraphsOf } from './outline';
import type { Paragraph } from './paragraphs';

export interface MeasureDraft {
  /** The document's own numbers from the part down; an unnumbered measure adds its position. */
  path: number[];
  /** The numbering as printed: 二（一）, 二（一）1., 三—— 2. */
  printed: string;
  /** The paragraphs of the measure, its list included, in order. */
  paragraphs: Paragraph[];
  /** The paragraph that gives the measure's title. */
  heading: Paragraph;
  /** Whether the heading carries an outline marker (its body is the text after the marker). */
  numbered: boolean;
  list: FoundList;
}

/** The measures under one part, in document order. */
export function measuresOf(part: OutlineNode, known: (name: string) => boolean): MeasureDraft[] {
  return expand(part, known, true);
}

/** Whether any paragraph under the node ends in a responsibility list. */
export function hasList(node: OutlineNode, known: (name: string) => boolean): boolean {
  return paragraphsOf(node).some((paragraph) => listAtEnd(paragraph, known) !== undefined);
}

function expand(node: OutlineNode, known: (name: string) => boolean, isPart: boolean): MeasureDraft[] {
  const own = [node.heading, ...node.paragraphs];
  const segments = segmentsOf(own, known);
  const children = node.children.flatMap((child) => expand(child, known, false));
  const printed = node.markers.join('');
  if (segments.length === 0) {
    // 1.推进…建设（责任单位：A、B）。正文…: the list right after the title, before the body.
    const titled = isPart ? undefined : listAfterTitle(node.heading, known);
    if (titled) return [{ path: node.path, printed, paragraphs: children.length === 0 ? paragraphsOf(node) : own, heading: node.heading, numbered: true, list: titled }, ...children];
    if (children.length === 0 || isPart) return children;
    // One list standing alone after the last sub-item covers the whole item (（一）… 1. 2. 3.
    // 牵头单位：…); a list at the end of a sub-item's own sentence is that sub-item's.
    const listed = node.children.filter((child) => hasList(child, known));
    const last = node.children[node.children.length - 1]!;
    const lastParagraphs = paragraphsOf(last);
    const closing = listAtEnd(lastParagraphs[lastParagraphs.length - 1]!, known);
    if (listed.length === 1 && listed[0] === last && node.children.length > 1 && closing && closing.start === 0 && lastParagraphs.length > 1) {
      const paragraphs = paragraphsOf(node);
      return [{ path: node.path, printed, paragraphs, heading: node.heading, numbered: true, list: closing }];
    }
    return children;
  }
  // A part whose own text carries the one list, with no measures under it: the part is the measure.
  if (segments.length === 1 && isPart && children.length === 0) {
    return [{ path: [...node.path, 1], printed: `${printed}——1`, paragraphs: upToSegmentEnd(paragraphsOf(node), segments[0]!), heading: node.heading, numbered: true, list: segments[0]!.list }];
  }
  if (segments.length === 1 && !isPart) {
    // The item's own list: the measure is the item, with its sub-items' text when they name nobody.
    // What follows the list in the last item (各地区要…, the signature) is the document's close.
    const paragraphs = children.length === 0 ? upToSegmentEnd(paragraphsOf(node), segments[0]!) : own;
    return [{ path: node.path, printed, paragraphs, heading: node.heading, numbered: true, list: segments[0]!.list }, ...children];
  }
  // Several lists in the item's own paragraphs, or lists in a part's own text: each run of
  // paragraphs that ends in a list is a measure, numbered by its position.
  const headingHasList = segments[0]!.paragraphs[0] === node.heading && listAtEnd(node.heading, known) !== undefined;
  const drafts = segments.map((segment, index): MeasureDraft => {
    let paragraphs = segment.paragraphs.filter((paragraph) => paragraph !== node.heading || headingHasList);
    if (paragraphs.length === 0) paragraphs = segment.paragraphs;
    // An introduction before the first bullet or heading of the run is not the measure's.
    const startAt = paragraphs.findIndex((paragraph, at) => at > 0 && isSubheading(paragraph));
    if (startAt > 0 && !paragraphs.slice(0, startAt).some(isSubheading)) paragraphs = paragraphs.slice(startAt);
    const heading = paragraphs[0]!;
    const numbered = heading === node.heading;
    // The item's own heading keeps its number; the runs after it are numbered by position.
    const position = headingHasList && !isPart ? index : index + 1;
    const path = numbered && !isPart ? node.path : [...node.path, position];
    return { path, printed: `${printed}${numbered && !isPart ? '' : `——${position}`}`, paragraphs, heading, numbered, list: segment.list };
  });
  return [...drafts, ...children];
}

/** The paragraphs up to the end of the run: its list, and a 完成时限： or 责任领导： line right after it. */
function upToSegmentEnd(paragraphs: Paragraph[], segment: { paragraphs: Paragraph[] }): Paragraph[] {
  const last = paragraphs.indexOf(segment.paragraphs[segment.paragraphs.length - 1]!);
  return last < 0 ? paragraphs : paragraphs.slice(0, last + 1);
}

/** A responsibility list in brackets that ends the heading's first sentence, with wording that says so. */
function listAfterTitle(heading: Paragraph, known: (name: string) => boolean): FoundList | undefined {
  const stop = heading.text.search(/[。！？]/);
  const sentence = stop < 0 ? heading.text : heading.text.slice(0, stop);
  const group = trailingParenthesis(sentence);
  if (!group || !/牵头|负责|责任|配合|单位|部门/.test(group.contents)) return undefined;
  const list = parseResponsibility(group.contents, known);
  if (!list || list.agencies.length === 0) return undefined;
  return { list, paragraphs: [heading], start: group.start, end: group.start + sentence.slice(group.start).length, printed: sentence.slice(group.start) };
}

/** Runs of paragraphs, each ending in a responsibility list; text after the last list is left out. */
function segmentsOf(paragraphs: Paragraph[], known: (name: string) => boolean): Array<{ paragraphs: Paragraph[]; list: FoundList }> {
  const segments: Array<{ paragraphs: Paragraph[]; list: FoundList }> = [];
  let run: Paragraph[] = [];
  for (const paragraph of paragraphs) {
    const found = listAtEnd(paragraph, known);
    const previous = segments[segments.length - 1];
    // 完成时限：… or 责任领导：… beside the list lines belongs to the measure above, and starts none.
    if (!found && run.length === 0 && previous && IGNORED_LABEL.test(paragraph.text)) {
      previous.paragraphs.push(paragraph);
      continue;
    }
    if (!found) {
      run.push(paragraph);
      continue;
    }
    // 牵头单位：A on one line and 配合单位：B on the next make one list.
    if (run.length === 0 && previous && previous.list.start === 0 && found.start === 0) {
      const merged = mergeLists(previous.list, found, known);
      if (merged) {
        previous.paragraphs.push(paragraph);
        previous.list = merged;
        continue;
      }
    }
    run.push(paragraph);
    segments.push({ paragraphs: run, list: found });
    run = [];
  }
  return segments;
}

/** A bullet (——…) or a short heading line without a full stop. */
function isSubheading(paragraph: Paragraph): boolean {
  if (paragraph.kind === 'bullet') return true;
  return paragraph.kind === 'text' && paragraph.text.length <= 30 && !/[。；，,;：:）)]$/.test(paragraph.text);
}
