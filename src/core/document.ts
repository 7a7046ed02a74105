// Parses a task file into a YAML document that keeps source positions,
// and turns offsets into the 1-based line/column pairs every output uses.
import { Document, LineCounter, parseDocument, isAlias, isCollection, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import type { OffsetRange, Position } from './types';
import type { MessageKey } from './messages';

export type FileKind = 'guideline' | 'registry';

/** A YAML problem found while parsing, before any rule runs. */
export interface SyntaxProblem {
  range: OffsetRange;
  key: MessageKey;
  args: Record<string, string | number>;
}

/** A parsed task file: its text, YAML document and position lookup. */
export interface SourceFile {
  path: string;
  kind: FileKind;
  /** The text as parsed: a leading byte-order mark removed, line ends untouched. */
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  syntaxProblems: SyntaxProblem[];
  /** The file's data as plain JS, or undefined when it could not be produced safely. */
  data: unknown;
}

/** Files larger than this are refused rather than parsed: no task file is anywhere near it. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** Alias expansions allowed when converting to plain data; more is an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

const REGISTRY_BASENAME = /(^|[\\/])agencies\.ya?ml$/i;
const REGISTRY_MODELINE = /^#\s*yaml-language-server:\s*\$schema=\S*agencies\.schema\.json/;

/** Tells a registry from a guideline: by its name (agencies.yaml) or its schema modeline. */
export function detectKind(path: string, text: string): FileKind {
  if (REGISTRY_BASENAME.test(path)) return 'registry';
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  return REGISTRY_MODELINE.test(firstLine.replace(/^\uFEFF/, '')) ? 'registry' : 'guideline';
}

/** A file's bytes as text: UTF-8 (a BOM allowed), or a problem saying why it cannot be read as such. */
export function decodeTaskFile(bytes: Uint8Array): { text: string } | { problem: SyntaxProblem } {
  if (bytes.byteLength > MAX_FILE_BYTES) return { problem: tooLarge() };
  if (bytes.includes(0)) return { problem: { range: [0, 0], key: 'yaml.binary', args: {} } };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: { range: [0, 0], key: 'yaml.encoding', args: {} } };
  }
}

/** A file that could not be read as text, kept so that its one problem is reported like any other. */
export function unreadableSourceFile(path: string, problem: SyntaxProblem, kind: FileKind = detectKind(path, '')): SourceFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument('', { lineCounter });
  return { path, kind, text: '', doc, lineCounter, syntaxProblems: [problem], data: undefined };
}

/** Parses a task file; never throws, whatever the text. */
export function parseSourceFile(path: string, rawText: string, kind: FileKind = detectKind(path, rawText)): SourceFile {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const refusal = refuse(text);
  if (refusal) return unreadableSourceFile(path, refusal, kind);
  const lineCounter = new LineCounter();

  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    version: '1.2',
  });
  const syntaxProblems: SyntaxProblem[] = [...doc.errors, ...doc.warnings].map((error) => ({
    range: clampRange(error.pos, text.length),
    ...describeYamlError(error.code, error.message, text, error.pos[0]),
  }));

  let data: unknown;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      // toJS only throws for alias expansion limits (and for cyclic aliases); point at the first alias.
      syntaxProblems.push({ range: firstAliasRange(doc) ?? [0, 0], key: 'yaml.aliasLimit', args: { limit: MAX_ALIAS_COUNT } });
    }
  }
  return { path, kind, text, doc, lineCounter, syntaxProblems, data };
}

function refuse(text: string): SyntaxProblem | undefined {
  if (text.length > MAX_FILE_BYTES) return tooLarge();
  const nul = text.indexOf('\0');
  if (nul >= 0) return { range: [0, 0], key: 'yaml.binary', args: {} };
  return undefined;
}

function tooLarge(): SyntaxProblem {
  return { range: [0, 0], key: 'yaml.tooLarge', args: { limit: MAX_FILE_BYTES / 1024 / 1024 } };
}

function describeYamlError(code: string, message: string, text: string, offset: number): Pick<SyntaxProblem, 'key' | 'args'> {
  const detail = message.replace(/\s+at line \d+, column \d+.*$/s, '').trim();
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = text.slice(offset).match(/^["']?([^"':\n]*)/)?.[1]?.trim();
      return key ? { key: 'yaml.duplicateKey', args: { key } } : { key: 'yaml.duplicateKeyUnnamed', args: {} };
    }
    case 'BAD_INDENT':
      return { key: 'yaml.badIndent', args: { detail } };
    case 'TAB_AS_INDENT':
      return { key: 'yaml.tab', args: {} };
    case 'MULTIPLE_DOCS':
      return { key: 'yaml.multipleDocuments', args: {} };
    default:
      return { key: 'yaml.generic', args: { detail } };
  }
}

function clampRange([start, end]: readonly [number, number], length: number): OffsetRange {
  const s = Math.max(0, Math.min(start, length));
  return [s, Math.max(s, Math.min(end, length))];
}

function firstAliasRange(doc: Document.Parsed): OffsetRange | undefined {
  let found: OffsetRange | undefined;
  const visit = (node: unknown): void => {
    if (found || !node) return;
    if (isAlias(node)) {
      if (node.range) found = [node.range[0], node.range[1]];
    } else if (isPair(node)) {
      visit(node.key);
      visit(node.value);
    } else if (isCollection(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(doc.contents);
  return found;
}

/** Converts an offset into a 1-based line and column (UTF-16 code units). */
export function positionAt(file: SourceFile, offset: number): Position {
  const { line, col } = file.lineCounter.linePos(Math.max(0, Math.min(offset, file.text.length)));
  return { line, column: col };
}

// ---- Node helpers shared by the model and the schema mapping ----

/** The source range of a node, or of the document start when the node has none. */
export function nodeRange(node: Node | null | undefined): OffsetRange {
  const range = node?.range;
  return range ? [range[0], range[1]] : [0, 0];
}

/**
 * A range fit for a squiggle: a scalar's own range; for a collection its first line only,
 * so that an error about a whole list does not paint the rest of the file.
 */
export function headRange(file: SourceFile, node: Node | null | undefined): OffsetRange {
  const [start, end] = nodeRange(node);
  if (!node || !isCollection(node)) return [start, end];
  const lineEnd = file.text.indexOf('\n', start);
  const stop = lineEnd < 0 ? end : Math.min(end, lineEnd);
  return [start, trimTrailingSpace(file.text, start, stop)];
}

function trimTrailingSpace(text: string, start: number, end: number): number {
  let stop = end;
  while (stop > start && /\s/.test(text[stop - 1]!)) stop--;
  return stop;
}

/** Follows an alias to the node it names; other nodes come back unchanged. */
export function deref(doc: Document.Parsed, node: unknown): Node | undefined {
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? undefined;
  return (node as Node | null | undefined) ?? undefined;
}

/** The pair under a plain key in a mapping. */
export function pairOf(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
  for (const item of map.items) {
    const k = item.key;
    if (isScalar(k) ? String(k.value) === key : k === key) return item as Pair<Node, Node>;
  }
  return undefined;
}

/** The value of a key in a mapping node, aliases followed. */
export function valueOf(doc: Document.Parsed, node: Node | undefined, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  return deref(doc, pairOf(node, key)?.value);
}

/** A scalar's value as text (ids written as numbers included), or undefined. */
export function scalarText(node: Node | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return node.source ?? String(value);
  return undefined;
}

/** The items of a sequence node, aliases followed; empty for anything else. */
export function seqItems(doc: Document.Parsed, node: Node | undefined): Node[] {
  if (!isSeq(node)) return [];
  return node.items.map((item) => deref(doc, item)).filter((item): item is Node => item !== undefined);
}
