// The ZIP container of Word and Excel files (OOXML), opened with jszip, and its XML parts parsed by
// xmldom into a real DOM, so that the readers walk elements instead of matching text.
import { DOMParser } from '@xmldom/xmldom';
import type { Document, Element, Node } from '@xmldom/xmldom';
import JSZip from 'jszip';

export type { Element };

/** Opens a ZIP archive; null when the bytes are not a complete, readable archive. */
export async function openZip(bytes: Uint8Array): Promise<JSZip | null> {
  try {
    return await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch {
    return null;
  }
}

/** Parses one XML part of the archive; undefined when the part is missing. Throws on broken XML. */
export async function readXmlPart(zip: JSZip, path: string): Promise<Document | undefined> {
  const file = zip.file(path);
  if (!file) return undefined;
  const xml = await file.async('string');
  // A fatal error (not well-formed XML) throws; warnings (e.g. an unknown entity) are not worth a word.
  return new DOMParser({ onError: (level, message) => { if (level !== 'warning') throw new Error(message); } }).parseFromString(xml, 'text/xml');
}

/** The element children of a node, in document order. */
export function childElements(node: Node): Element[] {
  const result: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) result.push(child as Element);
  }
  return result;
}

/** The first child element with the given local name (namespaces are checked by the caller's walk). */
export function child(node: Node, localName: string): Element | undefined {
  return childElements(node).find((element) => element.localName === localName);
}

/** The value of an attribute by local name, whatever its prefix (w:val, s:val in Strict OOXML). */
export function attribute(element: Element | undefined, localName: string): string | undefined {
  if (!element) return undefined;
  for (let index = 0; index < element.attributes.length; index++) {
    const attr = element.attributes.item(index)!;
    if ((attr.localName ?? attr.name) === localName) return attr.value;
  }
  return undefined;
}

/** The w:val of a child element: `<w:numFmt w:val="decimal"/>` → 'decimal'. */
export function childValue(node: Node, localName: string): string | undefined {
  return attribute(child(node, localName), 'val');
}
