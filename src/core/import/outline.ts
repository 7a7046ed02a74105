// The numbered outline of a document: parts (一、), items (（一）), sub-items (1.) and (（1）),
// each with the unnumbered paragraphs that follow it.
import type { Paragraph } from './paragraphs';

export interface OutlineNode {
  heading: Paragraph;
  /** Unnumbered paragraphs under the heading, before its first child. */
  paragraphs: Paragraph[];
  children: OutlineNode[];
  /** Numbers from the part down: 二（一）1. is [2, 1, 1]. */
  path: number[];
  /** Markers from the part down: 二（一）1. is ['二', '（一）', '1.']. */
  markers: string[];
}

export interface Outline {
  /** Paragraphs before the first numbered one: title, document number, preamble. */
  front: Paragraph[];
  /** Notes (注：…) anywhere: they speak of the whole document, not of the item above them. */
  notes: Paragraph[];
  parts: OutlineNode[];
}

const LEVEL = { part: 1, item: 2, sub: 3, subsub: 4 } as const;

export function buildOutline(paragraphs: Paragraph[]): Outline {
  const front: Paragraph[] = [];
  const notes: Paragraph[] = [];
  const parts: OutlineNode[] = [];
  // The open node at each level; a level the document skips (1. right under 一、) stays empty.
  const open: Array<OutlineNode | undefined> = [];
  const deepest = () => [...open].reverse().find((node) => node !== undefined);
  for (const paragraph of paragraphs) {
    if (paragraph.kind === 'note') {
      notes.push(paragraph);
      continue;
    }
    if (!(paragraph.kind in LEVEL)) {
      const owner = deepest();
      if (owner) owner.paragraphs.push(paragraph);
      else front.push(paragraph);
      continue;
    }
    const level = LEVEL[paragraph.kind as keyof typeof LEVEL];
    open.length = level;
    const parent = deepest();
    const marker = paragraph.kind === 'part' ? paragraph.marker.replace(/、$/, '') : paragraph.marker;
    const node: OutlineNode = {
      heading: paragraph,
      paragraphs: [],
      children: [],
      path: parent ? [...parent.path, paragraph.number] : [paragraph.number],
      markers: parent ? [...parent.markers, marker] : [marker],
    };
    if (parent) parent.children.push(node);
    else parts.push(node);
    open[level] = node;
  }
  return { front, notes, parts };
}

/** Every paragraph of a node and its descendants, in document order. */
export function paragraphsOf(node: OutlineNode): Paragraph[] {
  return [node.heading, ...node.paragraphs, ...node.children.flatMap(paragraphsOf)];
}
