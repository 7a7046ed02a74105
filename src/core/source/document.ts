// Parses a task file into a YAML document that keeps source positions,
// and turns offsets into the 1-based line/column pairs every output uses.
import { Document, parseDocument, isAlias, isCollection, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Alias, Node, Pair, Scalar, YAMLMap } from 'yaml';
import { parseFast } from './fast-yaml';
import type { OffsetRange, Position } from '../types';
import type { MessageKey } from '../wording/messages';

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
  /** Offsets at which lines start, built from the text itself (yaml's own counter skips
   *  line breaks inside tokens it swallowed while recovering from errors); set when first needed. */
  lineStarts?: number[];
  syntaxProblems: SyntaxProblem[];
  /** The file's data as plain JS, or undefined when it could not be produced safely. */
  data: unknown;
  /** Whether aliases may be followed: false once they were found to expand the file out of proportion. */
  aliasesUsable: boolean;
}

/** Files larger than this are refused rather than parsed: no task file is anywhere near it. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** yaml's own guard against alias bombs, applied when converting to plain data. */
export const MAX_ALIAS_COUNT = 100;
/** Nodes that aliases may add on top of what is written: beyond it, expansion is an attack, not reuse. */
const MAX_ALIAS_EXPANSION = 10_000;

const REGISTRY_BASENAME = /(^|[\\/])agencies\.ya?ml$/i;
const REGISTRY_MODELINE = /^#\s*yaml-language-server:\s*\$schema=\S*agencies\.schema\.json/;

/** Tells a registry from a guideline: by its name (agencies.yaml) or its schema modeline. */
export function detectKind(path: string, text: string): FileKind {
  if (REGISTRY_BASENAME.test(path)) return 'registry';
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  return REGISTRY_MODELINE.test(firstLine.replace(/^\uFEFF/, '')) ? 'registry' : 'guideline';
}

/** detectKind from a file's bytes, of which only the first line is read (hosts may pass just the start of the file). */
export function detectKindOfBytes(path: string, bytes: Uint8Array): FileKind {
  const end = bytes.indexOf(10);
  return detectKind(path, new TextDecoder('utf-8').decode(end < 0 ? bytes : bytes.subarray(0, end)));
}

/** A file's bytes as text: UTF-8 (a BOM allowed), or a problem saying why it cannot be read as such. */
export function decodeTaskFile(bytes: Uint8Array): { text: string } | { problem: SyntaxProblem } {
  if (bytes.byteLength > MAX_FILE_BYTES) return { problem: tooLarge() };
  // Windows tools (Notepad's "Unicode", Excel's "Unicode text") save UTF-16 with a byte order mark:
  // say so, rather than call the file binary for the NUL bytes of its ASCII characters.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { problem: { range: [0, 0], key: 'yaml.utf16', args: {} } };
  if (bytes.includes(0)) return { problem: { range: [0, 0], key: 'yaml.binary', args: {} } };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: { range: [0, 0], key: 'yaml.encoding', args: {} } };
  }
}

/** A file that could not be read as text, kept so that its one problem is reported like any other. */
export function unreadableSourceFile(path: string, problem: SyntaxProblem, kind: FileKind = detectKind(path, ''), text = ''): SourceFile {
  const doc = parseDocument('');
  return { path, kind, text, doc, syntaxProblems: [problem], data: undefined, aliasesUsable: false };
}

/** Parses a task file; never throws, whatever the text. */
export function parseSourceFile(path: string, rawText: string, kind: FileKind = detectKind(path, rawText)): SourceFile {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  // Most task files are plain YAML that the fast path reads exactly as yaml would, in a tenth
  // of the time; it declines everything else (nesting deep enough to refuse included).
  const fast = text.length <= MAX_FILE_BYTES && !text.includes('\0') ? parseFast(text) : undefined;
  if (fast) return { path, kind, text, doc: fast.doc, syntaxProblems: [], data: fast.data, aliasesUsable: true };
  const refusal = refuse(text);
  // The text is kept (a refused file still has lines for its diagnostic) but never parsed.
  if (refusal) return unreadableSourceFile(path, refusal, kind, refusal.key === 'yaml.tooDeep' ? text : '');

  const doc = parseDocument(text, {
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    version: '1.2',
    // 'error' keeps yaml's errors (several documents included) but stops it printing warnings
    // (e.g. about collection keys) straight to the console.
    logLevel: 'error',
  });
  const syntaxProblems: SyntaxProblem[] = [...doc.errors, ...doc.warnings].map((error) => describeYamlError(error.code, error.message, text, clampRange(error.pos, text.length)));

  // Measure what aliases would expand to before anything expands them: yaml's alias count
  // misses polynomial blow-ups (a list of aliases to lists of aliases …).
  const written = indexAliases(doc);
  let aliasesUsable = written.aliases === 0 || expandedSize(doc, written.nodes + MAX_ALIAS_EXPANSION) <= written.nodes + MAX_ALIAS_EXPANSION;
  if (!aliasesUsable) syntaxProblems.push({ range: findAlias(doc, () => true) ?? [0, 0], key: 'yaml.aliasLimit', args: {} });

  let data: unknown;
  if (doc.errors.length === 0 && aliasesUsable) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      aliasesUsable = false;
      syntaxProblems.push(describeConversionError(doc, error));
    }
  }
  return { path, kind, text, doc, syntaxProblems, data, aliasesUsable };
}

/** Where an alias points: the document it was parsed in, and the node it names (undefined: no such anchor before it). */
const aliasTargets = new WeakMap<Alias, { doc: Document.Parsed; target: AliasTarget | undefined }>();
type AliasTarget = NonNullable<ReturnType<Alias['resolve']>>;
type ResolveContext = Parameters<Alias['resolve']>[1];

/**
 * Counts the nodes as written (an alias counts one) and the aliases, and gives every alias its
 * anchor in one walk. yaml's own Alias.resolve scans the whole document for the anchor on each
 * call, and toJS calls it once per alias: n aliases cost n². The walk is yaml's own order (a node
 * before its children, a key before its value), so "the last node anchored with that name before
 * the alias" is the node yaml would find.
 */
function indexAliases(doc: Document.Parsed): { nodes: number; aliases: number } {
  let nodes = 0;
  let aliases = 0;
  const anchored = new Map<string, AliasTarget>();
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (!node) continue;
    nodes++;
    if (isAlias(node)) {
      aliases++;
      aliasTargets.set(node, { doc, target: anchored.get(node.source) });
      Object.defineProperty(node, 'resolve', { value: resolveIndexed, configurable: true, writable: true });
      continue;
    }
    if ((isScalar(node) || isCollection(node)) && node.anchor) anchored.set(node.anchor, node);
    if (isPair(node)) stack.push(node.value, node.key);
    else if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  return { nodes, aliases };
}

/**
 * Alias.resolve answered from the index. Given a conversion context (toJS), it hands yaml's own
 * resolve a cache holding just the target, so that yaml's alias counting (the bomb guard) runs
 * unchanged; an alias the index does not know about is left to yaml.
 */
function resolveIndexed(this: Alias, doc: Document, ctx?: ResolveContext): AliasTarget | undefined {
  const known = aliasTargets.get(this);
  const resolve = Object.getPrototypeOf(this).resolve as Alias['resolve'];
  if (ctx) ctx.aliasResolveCache = known?.doc === doc ? (known.target ? [known.target] : []) : undefined;
  if (!known || known.doc !== doc) return resolve.call(this, doc, ctx);
  return ctx ? resolve.call(this, doc, ctx) : known.target;
}

/**
 * Nodes the document holds once every alias is expanded, computed without expanding anything
 * (each anchored node is sized once); stops early past `limit`. Self-referencing aliases
 * would expand forever and count as over the limit.
 */
function expandedSize(doc: Document.Parsed, limit: number): number {
  const sizes = new Map<unknown, number>();
  const inProgress = new Set<unknown>();
  const size = (node: unknown, depth: number): number => {
    if (!node) return 0;
    if (depth > 2000) return Infinity;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) return 1;
      const known = sizes.get(target);
      if (known !== undefined) return known;
      if (inProgress.has(target)) return Infinity;
      return size(target, depth + 1);
    }
    if (!isPair(node) && !isCollection(node)) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    inProgress.add(node);
    let total = 1;
    const children = isPair(node) ? [node.key, node.value] : node.items;
    for (const child of children) {
      total += size(child, depth + 1);
      if (total > limit) break;
    }
    inProgress.delete(node);
    sizes.set(node, total);
    return total;
  };
  return size(doc.contents, 0);
}

/** Why yaml could not turn the document into data: an alias bomb, an alias to no anchor, or nesting too deep. */
function describeConversionError(doc: Document.Parsed, error: unknown): SyntaxProblem {
  const message = error instanceof Error ? error.message : String(error);
  const unresolved = /Unresolved alias[^:]*:\s*(\S+)/.exec(message);
  if (unresolved) {
    const name = unresolved[1]!;
    const alias = findAlias(doc, (node) => node.source === name);
    return { range: alias ?? [0, 0], key: 'yaml.unresolvedAlias', args: { alias: name } };
  }
  if (/alias/i.test(message)) return { range: findAlias(doc, () => true) ?? [0, 0], key: 'yaml.aliasLimit', args: {} };
  if (error instanceof RangeError) return { range: [0, 0], key: 'yaml.tooDeep', args: {} };
  return { range: [0, 0], key: 'yaml.generic', args: { detail: message } };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function refuse(text: string): SyntaxProblem | undefined {
  if (text.length > MAX_FILE_BYTES) return tooLarge();
  const nul = text.indexOf('\0');
  if (nul >= 0) return { range: [0, 0], key: 'yaml.binary', args: {} };
  const deep = tooDeepAt(text);
  if (deep !== undefined) return { range: [deep, deep + 1], key: 'yaml.tooDeep', args: {} };
  return undefined;
}

/** Flow nesting beyond this is refused before parsing: deeper, the parser's result would depend on the stack left. */
const MAX_FLOW_DEPTH = 500;

/** The offset where `[`/`{` nesting first exceeds the limit (quotes and comments skipped), if it does. */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === quote && !(quote === '"' && text[i - 1] === '\\')) quote = undefined;
      else if (char === '\n' && quote === "'") quote = undefined;
      continue;
    }
    if (char === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end;
    } else if ((char === '"' || char === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1]!))) quote = char;
    else if (char === '[' || char === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((char === ']' || char === '}') && depth > 0) depth--;
  }
  return undefined;
}

function tooLarge(): SyntaxProblem {
  return { range: [0, 0], key: 'yaml.tooLarge', args: { limit: MAX_FILE_BYTES / 1024 / 1024 } };
}

function describeYamlError(code: string, message: string, text: string, range: OffsetRange): SyntaxProblem {
  const detail = message.replace(/\s+at line \d+, column \d+.*$/s, '').trim();
  const unclosed = /end with an? ([\]}])/.exec(detail);
  if (unclosed) {
    // yaml reports an unclosed [ or { at the token after it; the drafter needs the bracket itself.
    const closing = unclosed[1]!;
    const open = unclosedBracket(text, range[0], closing === ']' ? '[' : '{', closing);
    if (open !== undefined) return { range: [open, open + 1], key: 'yaml.unclosed', args: { open: text[open]!, close: closing } };
  }
  if (/Maximum call stack/i.test(detail)) return { range, key: 'yaml.tooDeep', args: {} };
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = text.slice(range[0]).match(/^["']?([^"':\n]*)/)?.[1]?.trim();
      return key ? { range, key: 'yaml.duplicateKey', args: { key } } : { range, key: 'yaml.duplicateKeyUnnamed', args: {} };
    }
    case 'BAD_INDENT':
      return { range, key: 'yaml.badIndent', args: { detail } };
    case 'TAB_AS_INDENT':
      return { range, key: 'yaml.tab', args: {} };
    case 'MULTIPLE_DOCS':
      return { range, key: 'yaml.multipleDocuments', args: {} };
    default:
      return { range, key: 'yaml.generic', args: { detail } };
  }
}

/** The offset of the last opening bracket before `offset` that is never closed before it. */
function unclosedBracket(text: string, offset: number, open: string, close: string): number | undefined {
  let depth = 0;
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    const char = text[i];
    if (char === close) depth++;
    else if (char === open) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

function clampRange([start, end]: readonly [number, number], length: number): OffsetRange {
  const s = Math.max(0, Math.min(start, length));
  return [s, Math.max(s, Math.min(end, length))];
}

/** The first alias node (in document order) that matches, found without recursion so that deep nesting cannot overflow. */
function findAlias(doc: Document.Parsed, matches: (alias: { source: string }) => boolean): OffsetRange | undefined {
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (!node) continue;
    if (isAlias(node)) {
      if (node.range && matches(node)) return [node.range[0], node.range[1]];
    } else if (isPair(node)) {
      stack.push(node.value, node.key);
    } else if (isCollection(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return undefined;
}

/** Converts an offset into a 1-based line and column (UTF-16 code units). */
export function positionAt(file: SourceFile, offset: number): Position {
  const target = Math.max(0, Math.min(offset, file.text.length));
  // Computed on the first position asked for: a file read only to be compared (diff) needs none.
  const starts = (file.lineStarts ??= lineStartsOf(file.text));
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= target) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: target - starts[low]! + 1 };
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

/** Follows an alias to the node it names (unless the file's aliases are unusable); other nodes come back unchanged. */
export function deref(file: SourceFile, node: unknown): Node | undefined {
  if (!isAlias(node)) return (node as Node | null | undefined) ?? undefined;
  if (!file.aliasesUsable) return undefined;
  return (node.resolve(file.doc) as Node | undefined) ?? undefined;
}

/** Mappings with more pairs than this are looked up through an index; smaller ones are scanned. */
const INDEXED_MAP_SIZE = 16;

/**
 * A large mapping's pairs by key name (the first pair of each name): every key before `scanned`,
 * and each key found by a scan, and the keys it was found to lack.
 */
interface PairIndex {
  pairs: Map<string, Pair<Node, Node>>;
  scanned: number;
  absent: Set<string>;
  size: number;
  /** Pairs looked at by scans so far. */
  scanWork: number;
}
const pairIndexes = new WeakMap<YAMLMap, PairIndex>();

/**
 * Passes over a mapping that scans may add up to before a scan also indexes what it passes: an
 * entry in the index costs some twenty times a look at a key, so a few lookups of keys far down
 * (a million unknown keys before `chapters`) are cheaper as scans.
 */
const SCANS_BEFORE_INDEXING = 8;

/**
 * The pair under a plain key in a mapping (`''` also finds a pair whose key is missing or null).
 * A large mapping is indexed as lookups go, once scans have cost several passes over it: a
 * lookup per key (one schema error per unknown key) would otherwise cost n². A key it lacks
 * costs one pass: the engine asks only for keys of its own vocabulary or keys the mapping has.
 */
export function pairOf(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
  const items = map.items as Pair<Node, Node>[];
  if (items.length <= INDEXED_MAP_SIZE) return items.find((item) => keyMatches(item.key, key));
  let index = pairIndexes.get(map);
  if (!index || index.size !== items.length) pairIndexes.set(map, (index = { pairs: new Map(), scanned: 0, absent: new Set(), size: items.length, scanWork: 0 }));
  const known = index.pairs.get(key);
  if (known || index.absent.has(key)) return known;
  let at = index.scanned;
  while (at < items.length && !keyMatches(items[at]!.key, key)) at++;
  index.scanWork += at - index.scanned;
  if (at === items.length) {
    index.absent.add(key);
    return undefined;
  }
  // Nothing before `scanned` has this name, so the pair found is its first.
  if (index.scanWork <= SCANS_BEFORE_INDEXING * items.length) index.pairs.set(key, items[at]!);
  else {
    for (; index.scanned <= at; index.scanned++) {
      const item = items[index.scanned]!;
      const name = keyName(item.key);
      if (name !== undefined && !index.pairs.has(name)) index.pairs.set(name, item);
    }
  }
  return items[at];
}

function keyMatches(k: unknown, key: string): boolean {
  const value = (k as Scalar | null)?.value;
  // A string value decides at once (keyName would give the same string); numbers, null keys and collections go through keyName.
  if (typeof value === 'string') return value === key && isScalar(k);
  return keyName(k) === key;
}

/** What pairOf matches a key node by: a scalar's value as text, '' for no key; undefined for a collection key. */
function keyName(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return key === null || key === undefined ? '' : undefined;
}

/** The value of a key in a mapping node as written: an alias stays an alias. */
export function rawValueOf(file: SourceFile, node: Node | undefined, key: string): Node | undefined {
  const map = deref(file, node);
  if (!isMap(map)) return undefined;
  return (pairOf(map, key)?.value as Node | null | undefined) ?? undefined;
}

/** The value of a key in a mapping node, aliases followed. */
export function valueOf(file: SourceFile, node: Node | undefined, key: string): Node | undefined {
  return deref(file, rawValueOf(file, node, key));
}

/** A scalar's value as text (ids written as numbers included), or undefined. */
export function scalarText(node: Node | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return node.source ?? String(value);
  return undefined;
}

/** The items of a sequence as written (aliases stay aliases); empty for anything else. */
export function rawItems(file: SourceFile, node: Node | undefined): Node[] {
  const seq = deref(file, node);
  if (!isSeq(seq)) return [];
  return seq.items.filter((item): item is Node => item !== null && item !== undefined) as Node[];
}
