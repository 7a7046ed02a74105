// Word documents (.docx): the body's paragraphs and tables in document order, read from the OOXML
// itself. mammoth (Word → HTML) was the other candidate: it keeps tables, but it drops the printed
// list numbers (一、 （一） from numbering.xml) that the outline stage needs, and its HTML would
// have to be parsed again; walking w:body with a real XML parser is shorter and loses nothing.
import type { Document, Element } from '@xmldom/xmldom';
import type JSZip from 'jszip';
import type { SourceBlock, SourceDocument, UnreadableDocument } from '../source';
import { Numbering } from './numbering';
import { attribute, child, childElements, childValue, readXmlPart } from './zip';

/** Reads the main document part of a Word archive into paragraph and table blocks. */
export async function readDocx(zip: JSZip): Promise<SourceDocument | UnreadableDocument> {
  let reader: BodyReader;
  try {
    const documentXml = await readXmlPart(zip, mainDocumentPath(await readXmlPart(zip, '[Content_Types].xml')));
    const body = documentXml?.documentElement ? child(documentXml.documentElement, 'body') : undefined;
    if (!body) return { error: 'corrupt', format: 'docx', detail: 'no document body' };
    reader = new BodyReader(new Numbering(await readXmlPart(zip, 'word/numbering.xml')), new ParagraphStyles(await readXmlPart(zip, 'word/styles.xml')));
    reader.readBlocks(body);
  } catch (error) {
    return { error: 'corrupt', format: 'docx', detail: (error as Error).message };
  }
  if (reader.blocks.length === 0) return { error: 'empty', format: 'docx' };
  return { format: 'docx', paragraphsKnown: true, blocks: reader.blocks };
}

/** Where the main document part is: word/document.xml, unless [Content_Types].xml says otherwise. */
function mainDocumentPath(contentTypes: Document | undefined): string {
  for (const override of contentTypes?.documentElement ? childElements(contentTypes.documentElement) : []) {
    const type = attribute(override, 'ContentType') ?? '';
    if (override.localName === 'Override' && /wordprocessingml\.document\.main\+xml$|ms-word\.document\.macroEnabled\.main\+xml$/.test(type)) {
      return (attribute(override, 'PartName') ?? '/word/document.xml').replace(/^\//, '');
    }
  }
  return 'word/document.xml';
}

/** The list numbering that paragraph styles carry (a heading style numbered 一、 …), through w:basedOn. */
class ParagraphStyles {
  private readonly styles = new Map<string, Element>();

  constructor(stylesXml: Document | undefined) {
    for (const style of stylesXml?.documentElement ? childElements(stylesXml.documentElement) : []) {
      if (style.localName === 'style' && attribute(style, 'type') === 'paragraph') this.styles.set(attribute(style, 'styleId') ?? '', style);
    }
  }

  numPr(styleId: string | undefined): { numId?: string; ilvl?: string } {
    const seen = new Set<string>();
    for (let id = styleId; id && !seen.has(id); id = childValue(this.styles.get(id)!, 'basedOn')) {
      seen.add(id);
      const style = this.styles.get(id);
      if (!style) break;
      const numPr = child(child(style, 'pPr') ?? style, 'numPr');
      if (numPr) return { numId: childValue(numPr, 'numId'), ilvl: childValue(numPr, 'ilvl') };
    }
    return {};
  }
}

// Elements whose text is not part of what the page shows: deleted revisions, field codes,
// drawings and text boxes (anchored in a run, outside the flow of the text), notes' marks.
const HIDDEN = new Set(['del', 'delText', 'instrText', 'drawing', 'pict', 'AlternateContent', 'object', 'footnoteReference', 'endnoteReference', 'commentReference', 'pPr', 'rPr', 'sectPr', 'tblPr', 'trPr', 'tcPr', 'moveFrom']);

class BodyReader {
  readonly blocks: SourceBlock[] = [];
  /** Paragraphs and table rows read so far: the `line` of the next block, less one. */
  private position = 0;

  constructor(
    private readonly numbering: Numbering,
    private readonly styles: ParagraphStyles,
  ) {}

  /** Reads the block-level children of w:body (or of a content control inside it). */
  readBlocks(container: Element): void {
    for (const element of childElements(container)) {
      switch (element.localName) {
        case 'p':
          this.readParagraph(element);
          break;
        case 'tbl':
          this.readTable(element);
          break;
        case 'sdt':
          this.readBlocks(child(element, 'sdtContent') ?? element);
          break;
        case 'customXml':
        case 'ins':
        case 'moveTo':
          this.readBlocks(element);
          break;
      }
    }
  }

  private readParagraph(paragraph: Element): void {
    this.position++;
    const marker = this.listMarker(paragraph);
    // A manual line break (Shift+Enter) often separates a heading from its text: each piece is a block.
    const pieces = paragraphText(paragraph).split('\n');
    pieces[0] = marker + pieces[0];
    for (const piece of pieces) {
      if (piece.trim() !== '') this.blocks.push({ kind: 'text', text: piece, line: this.position });
    }
  }

  private listMarker(paragraph: Element): string {
    const properties = child(paragraph, 'pPr');
    const own = properties ? child(properties, 'numPr') : undefined;
    const fromStyle = this.styles.numPr(properties ? childValue(properties, 'pStyle') : undefined);
    const numId = (own ? childValue(own, 'numId') : undefined) ?? fromStyle.numId;
    const ilvl = (own ? childValue(own, 'ilvl') : undefined) ?? fromStyle.ilvl ?? '0';
    // numId 0 switches numbering off; an empty paragraph of a list prints no number and counts none.
    if (!numId || numId === '0' || paragraphText(paragraph).trim() === '') return '';
    return this.numbering.next(numId, Number(ilvl));
  }

  private readTable(table: Element): void {
    const line = this.position + 1;
    const rows: string[][] = [];
    // Cells continued from above (w:vMerge without "restart") stay empty, by grid column.
    for (const row of tableRows(table)) {
      this.position++;
      const cells: string[] = [];
      const rowProperties = child(row, 'trPr');
      const before = Number(rowProperties ? childValue(rowProperties, 'gridBefore') ?? 0 : 0);
      for (let index = 0; index < before; index++) cells.push('');
      for (const cell of rowCells(row)) {
        const properties = child(cell, 'tcPr');
        const span = Math.max(1, Number((properties && childValue(properties, 'gridSpan')) ?? 1));
        const vMerge = properties ? child(properties, 'vMerge') : undefined;
        const continued = vMerge !== undefined && attribute(vMerge, 'val') !== 'restart';
        cells.push(continued ? '' : cellText(cell));
        // A cell spanning several grid columns is written once, in its first column.
        for (let index = 1; index < span; index++) cells.push('');
      }
      rows.push(cells);
    }
    const width = rows.reduce((widest, cells) => Math.max(widest, cells.length), 0);
    for (const cells of rows) while (cells.length < width) cells.push('');
    if (rows.some((cells) => cells.some((cell) => cell.trim() !== ''))) this.blocks.push({ kind: 'table', rows, line });
  }
}

/** The rows of a table, looking through content controls and revision marks around them. */
function tableRows(table: Element): Element[] {
  return flattenWrappers(table, 'tr');
}

function rowCells(row: Element): Element[] {
  return flattenWrappers(row, 'tc');
}

function flattenWrappers(parent: Element, wanted: string): Element[] {
  const result: Element[] = [];
  for (const element of childElements(parent)) {
    if (element.localName === wanted) result.push(element);
    else if (element.localName === 'sdt') for (const found of flattenWrappers(child(element, 'sdtContent') ?? element, wanted)) result.push(found);
    else if (element.localName === 'customXml' || element.localName === 'ins') for (const found of flattenWrappers(element, wanted)) result.push(found);
  }
  return result;
}

/** The text of a table cell: its paragraphs (and nested tables' cells) on lines of their own. */
function cellText(cell: Element): string {
  const lines: string[] = [];
  const walk = (container: Element): void => {
    for (const element of childElements(container)) {
      if (element.localName === 'p') lines.push(paragraphText(element).replace(/\n/g, ' '));
      else if (element.localName === 'tbl') for (const row of tableRows(element)) lines.push(rowCells(row).map(cellText).join(' '));
      else if (element.localName === 'sdt') walk(child(element, 'sdtContent') ?? element);
      else if (element.localName === 'customXml') walk(element);
    }
  };
  walk(cell);
  return lines.filter((line) => line.trim() !== '').join('\n');
}

/** The text of a paragraph as printed, without its list number; manual line breaks as "\n". */
function paragraphText(paragraph: Element): string {
  let text = '';
  const walk = (element: Element): void => {
    for (const node of childElements(element)) {
      if (HIDDEN.has(node.localName ?? '')) continue;
      switch (node.localName) {
        case 't':
          text += node.textContent ?? '';
          break;
        case 'tab':
        case 'ptab':
          text += '\t';
          break;
        case 'br':
        case 'cr':
          // A page or column break is layout, not a line of the text.
          if (attribute(node, 'type') !== 'page' && attribute(node, 'type') !== 'column') text += '\n';
          break;
        case 'noBreakHyphen':
          text += '-';
          break;
        case 'sym': {
          const code = parseInt(attribute(node, 'char') ?? '', 16);
          // Symbol-font characters live in the private use area (F0xx): only real characters are kept.
          if (code && (code < 0xe000 || code > 0xf8ff)) text += String.fromCharCode(code);
          break;
        }
        default:
          walk(node);
      }
    }
  };
  walk(paragraph);
  return text;
}
