// A fast path for the plain YAML that task files are written in: block mappings and sequences,
// one-line scalars and one-line flow sequences, comments. It builds the same nodes (values,
// sources and [start, valueEnd, nodeEnd] ranges) and the same plain data as `yaml`'s
// parseDocument, about ten times faster, because parsing dominated every lint and keystroke.
//
// It answers only when it is sure: on anything outside that subset (anchors, tags, block or
// multi-line scalars, escapes, floats, booleans, nulls, empty values, odd indentation, tabs,
// CR line ends, brackets inside scalars, duplicate keys, …) it returns undefined and the caller
// parses with `yaml`, whose errors and messages stay the only ones a drafter sees. The
// differential tests in src/test/core/fast-yaml.test.ts hold it to `yaml` node for node.
//
// Where comments land matters for nodeEnd (and so for the end of a collection's range):
// this mirrors yaml's CST parser, which appends a comment indented deeper than the innermost
// collection to the previous value, and otherwise keeps comment lines in a pending item that
// moves out of each collection being closed unless one of its comments is indented at least as
// deep as that collection.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node } from 'yaml';

// Nodes inherit yaml's type tag (and class) from one prototype each instead of defining it per
// node as yaml's constructors do: that definition was a fifth of the time of this fast path.
const SCALAR = new Scalar(null);
const PAIR = new Pair(null);
const MAP = new YAMLMap();
const SEQ = new YAMLSeq();
// Constructors whose prototype is that node, not Object.assign over Object.create: no object
// literal made and dropped per node (a million keys make four million nodes and ranges).
const ScalarNode = function (this: Scalar, value: unknown, range: Range, source: string, type: Scalar.Type) {
  this.value = value;
  this.range = range;
  this.source = source;
  this.type = type;
} as unknown as new (value: unknown, range: Range, source: string, type: Scalar.Type) => Scalar & { range: Range };
ScalarNode.prototype = SCALAR as Scalar & { range: Range };
const PairNode = function (this: Pair<Scalar, unknown>, key: Scalar, value: unknown) {
  this.key = key;
  this.value = value;
} as unknown as new (key: Scalar, value: unknown) => Pair<Scalar, unknown>;
PairNode.prototype = PAIR as unknown as Pair<Scalar, unknown>;
const newMap = (): YAMLMap<Scalar, unknown> => Object.assign(Object.create(MAP) as YAMLMap<Scalar, unknown>, { items: [] });
const newSeq = (): YAMLSeq<unknown> => Object.assign(Object.create(SEQ) as YAMLSeq<unknown>, { items: [] });

export interface FastParse {
  doc: Document.Parsed;
  data: unknown;
}

type Range = [number, number, number];

interface Frame {
  kind: 'map' | 'seq';
  indent: number;
  node: YAMLMap<Scalar, unknown> | YAMLSeq<unknown>;
  data: Record<string, unknown> | unknown[];
  /** The last item's value: where deeper-indented comments are appended. */
  last?: Node & { range: Range };
  /** A `key:` whose value starts on a later line. */
  pending?: { pair: Pair<Scalar, unknown>; key: string };
}

/** Comment and blank lines not appended to a value: yaml's pending item of start tokens. */
interface Trivia {
  end: number;
  /** Deepest indentation of a comment among them; -1 when there is none. */
  maxCommentIndent: number;
}

/**
 * Mappings read here with more than LARGE_MAPPING keys, by their data. A for…in over a large
 * object costs V8 a sort of all its keys on every loop (about 0.5 s at a million keys); these
 * keys are the mapping's own key nodes, in the order the object enumerates them (the fast path
 * takes no integer keys, which objects would list first, and no repeated ones).
 */
export const LARGE_MAPPING = 1000;
const largeMappings = new WeakMap<object, YAMLMap<Scalar, unknown>>();
/** The data of each document read here, and whether one of its mappings is large. */
const documents = new WeakMap<object, boolean>();

/** The keys of a large mapping that this parser built, in order, without enumerating it; undefined for any other object. */
export function keysOfLargeMapping(data: object): { size: number; keys(): Generator<string> } | undefined {
  const map = largeMappings.get(data);
  if (!map) return undefined;
  return {
    size: map.items.length,
    *keys() {
      for (const pair of map.items) yield pair.key.value as string;
    },
  };
}

/** Whether `data` is a document this parser read and none of its mappings has more than LARGE_MAPPING keys. */
export function readWithoutLargeMappings(data: unknown): boolean {
  return typeof data === 'object' && data !== null && documents.get(data) === false;
}

class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

// yaml 1.2 core schema: plain scalars that resolve to something other than a string.
const NOT_STRING = [/^(?:~|[Nn]ull|NULL)?$/, /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, /^0o[0-7]+$/, /^0x[0-9a-fA-F]+$/, /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/];
const INT = /^[-+]?[0-9]+$/;
/** Characters a plain scalar may not start with (indicators), or that the fast path leaves to yaml anywhere in one. */
const BAD_PLAIN_START = new Set('-?:,[]{}#&*!|>\'"%@`'.split(''));
// First characters looked up by code: no regex run nor one-character string made per key.
const BAD_START = new Uint8Array(128);
for (const c of BAD_PLAIN_START) BAD_START[c.charCodeAt(0)] = 1;
/** Every non-string form above starts with one of these (or is empty): a cheap test first. */
const MAYBE_NOT_STRING_START = new Uint8Array(128);
for (const c of '-+.0123456789~nNtTfF') MAYBE_NOT_STRING_START[c.charCodeAt(0)] = 1;
const maybeNotString = (text: string): boolean => text === '' || (text.charCodeAt(0) < 128 && MAYBE_NOT_STRING_START[text.charCodeAt(0)] === 1);
/** Whether a non-empty text starts with a character of BAD_PLAIN_START. */
const badPlainStart = (text: string): boolean => text.charCodeAt(0) < 128 && BAD_START[text.charCodeAt(0)] === 1;
const BRACKETS = /[[\]{}]/;

/** Parses `text` (BOM already removed) if it lies in the plain subset; undefined otherwise. */
export function parseFast(text: string): FastParse | undefined {
  if (text.includes('\r') || text.includes('\t')) return undefined;
  try {
    return new FastParser(text).parse();
  } catch (error) {
    if (error instanceof Bail) return undefined;
    throw error;
  }
}

class FastParser {
  private readonly stack: Frame[] = [];
  private trivia: Trivia | undefined;
  private root: Frame | undefined;
  /** Whether a mapping of more than LARGE_MAPPING keys was read. */
  private large = false;
  /** The plain data of the node value() returned last. */
  private valueData: unknown;
  constructor(private readonly text: string) {}

  parse(): FastParse {
    const { text } = this;
    let lineStart = 0;
    while (lineStart < text.length) {
      const newline = text.indexOf('\n', lineStart);
      const end = newline < 0 ? text.length : newline;
      const next = newline < 0 ? text.length : newline + 1;
      let first = lineStart;
      while (first < end && text.charCodeAt(first) === 32) first++;
      if (first === end) this.blank(next);
      else if (text.charCodeAt(first) === 35 /* # */) {
        noBrackets(text, first, end);
        this.comment(first - lineStart, next);
      }
      else this.content(lineStart, first, end, next);
      lineStart = next;
    }
    if (!this.root) bail();
    const top = this.stack[this.stack.length - 1]!;
    if (top.pending) bail();
    if (this.trivia) this.trivia.end = text.length;
    while (this.stack.length) this.pop();
    const doc = new Document() as unknown as Document.Parsed;
    doc.contents = this.root!.node as Document.Parsed['contents'];
    (doc as { range: Range }).range = [0, text.length, text.length];
    documents.set(this.root!.data, this.large);
    return { doc, data: this.root!.data };
  }

  private blank(next: number): void {
    if (!this.root || this.top().pending) return;
    this.trivia ??= { end: next, maxCommentIndent: -1 };
    this.trivia.end = next;
  }

  private comment(indent: number, next: number): void {
    if (!this.root) return;
    const top = this.top();
    if (top.pending) return; // Comments between `key:` and its value change no range.
    // A comment indented deeper than the collection, with only blank lines since the last
    // value, becomes part of that value's end.
    if (indent > top.indent && (!this.trivia || this.trivia.maxCommentIndent < 0) && top.last) {
      top.last.range[2] = next;
      this.trivia = undefined;
      return;
    }
    this.trivia ??= { end: next, maxCommentIndent: -1 };
    this.trivia.end = next;
    this.trivia.maxCommentIndent = Math.max(this.trivia.maxCommentIndent, indent);
  }

  private content(lineStart: number, first: number, end: number, next: number): void {
    const { text } = this;
    const indent = first - lineStart;
    if (this.trivia) this.trivia.end = first;
    const dash = text.charCodeAt(first) === 45 /* - */;
    if (dash && first + 1 < end && text.charCodeAt(first + 1) !== 32) bail(); // `-x` is a plain scalar; yaml decides
    if (!this.root) {
      if (indent !== 0 || dash) bail();
      this.trivia = undefined;
      const frame = this.openMap(0, first);
      this.root = frame;
      this.keyLine(frame, first, end, next);
      return;
    }
    for (;;) {
      const top = this.top();
      if (top.pending) {
        if (indent > top.indent || (indent === top.indent && dash)) {
          this.trivia = undefined;
          this.openValue(top, indent, dash, first, end, next);
          return;
        }
        bail(); // An empty value: yaml's own node for it is not worth imitating.
      }
      if (indent > top.indent) bail();
      if (indent === top.indent) {
        if (top.kind === 'map' && !dash) {
          this.trivia = undefined;
          this.keyLine(top, first, end, next);
          return;
        }
        if (top.kind === 'seq' && dash) {
          this.trivia = undefined;
          this.seqItem(top, first, end, next);
          return;
        }
        const parent = this.stack[this.stack.length - 2];
        // `key:` followed by a sequence at the key's own indentation, then the next key.
        if (!(top.kind === 'seq' && parent?.kind === 'map' && parent.indent === indent)) bail();
      }
      this.pop();
      if (!this.stack.length) bail();
    }
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  /** Closes the innermost collection: its ranges are final once its last value's are. */
  private pop(): void {
    const frame = this.stack.pop()!;
    const valueEnd = frame.last ? frame.last.range[2] : bail();
    let nodeEnd = valueEnd;
    const trivia = this.trivia;
    // Comment lines stay with a collection when one is indented as deep as it (the root gives them all up).
    if (trivia && trivia.maxCommentIndent >= 0 && frame.indent !== 0 && trivia.maxCommentIndent >= frame.indent) {
      nodeEnd = trivia.end;
      this.trivia = undefined;
    }
    (frame.node as { range: Range }).range = [frame.node.range![0], valueEnd, nodeEnd];
    if (frame.kind === 'map' && frame.node.items.length > LARGE_MAPPING) {
      largeMappings.set(frame.data, frame.node as YAMLMap<Scalar, unknown>);
      this.large = true;
    }
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.last = frame.node as Node & { range: Range };
  }

  private openMap(indent: number, start: number): Frame {
    const node = newMap();
    (node as { range: Range }).range = [start, start, start];
    const frame: Frame = { kind: 'map', indent, node, data: {} };
    this.stack.push(frame);
    return frame;
  }

  private openSeq(indent: number, start: number): Frame {
    const node = newSeq();
    (node as { range: Range }).range = [start, start, start];
    const frame: Frame = { kind: 'seq', indent, node, data: [] };
    this.stack.push(frame);
    return frame;
  }

  /** The value of a `key:` that starts on this line: a nested mapping or sequence. */
  private openValue(owner: Frame, indent: number, dash: boolean, first: number, end: number, next: number): void {
    const { pair, key } = owner.pending!;
    owner.pending = undefined;
    const frame = dash ? this.openSeq(indent, first) : this.openMap(indent, first);
    pair.value = frame.node;
    (owner.data as Record<string, unknown>)[key] = frame.data;
    if (dash) this.seqItem(frame, first, end, next);
    else this.keyLine(frame, first, end, next);
  }

  /** `- value`, `- [flow]` or `- key: value` (a mapping that starts on the dash's line). */
  private seqItem(frame: Frame, first: number, end: number, next: number): void {
    const { text } = this;
    let at = first + 1;
    while (at < end && text.charCodeAt(at) === 32) at++;
    if (at === end || text.charCodeAt(at) === 35) bail(); // An empty item.
    const seq = frame.node as YAMLSeq<unknown>;
    const data = frame.data as unknown[];
    if (this.looksLikeKey(at, end)) {
      const map = this.openMap(at - (this.lineStartOf(at)), at);
      seq.items.push(map.node);
      data.push(map.data);
      this.keyLine(map, at, end, next);
      return;
    }
    const value = this.value(at, end, next);
    seq.items.push(value);
    data.push(this.valueData);
    frame.last = value;
  }

  private lineStartOf(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** Whether a plain key and `: ` (or `:` at the line's end) start at `at`. */
  private looksLikeKey(at: number, end: number): boolean {
    const { text } = this;
    const code = text.charCodeAt(at);
    if (code === 34 || code === 39 || code === 91) return false; // a quoted or flow value
    for (let i = at; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 58 /* : */ && (i + 1 === end || text.charCodeAt(i + 1) === 32)) return true;
      if (c === 35 && text.charCodeAt(i - 1) === 32) return false;
    }
    return false;
  }

  /** `key: value` or `key:` in a mapping. */
  private keyLine(frame: Frame, first: number, end: number, next: number): void {
    const { text } = this;
    let colon = first;
    while (colon < end) {
      const c = text.charCodeAt(colon);
      if (c === 58) break;
      // Keys are plain words here: spaces, quotes, flow and comment characters go to yaml.
      if (c === 32 || c === 35 || c === 44 || c === 34 || c === 39 || c === 91 || c === 93 || c === 123 || c === 125) bail();
      colon++;
    }
    if (colon === first || colon === end || (colon + 1 < end && text.charCodeAt(colon + 1) !== 32)) bail();
    const key = text.slice(first, colon);
    if (badPlainStart(key) || key === '__proto__' || key === '<<' || (maybeNotString(key) && (INT.test(key) || NOT_STRING.some((pattern) => pattern.test(key))))) bail();
    // A repeated key is a yaml error, left to yaml. The data holds every key before this line (a
    // `key:` whose value starts below gets it on the next line), and no second set is kept.
    // `in` first: it turns the key into the engine's one copy of the string (which the store
    // below needs anyway) where hasOwn alone looks it up and leaves it for the store to look up
    // again; it is true only for a key the data has or an Object.prototype name.
    const data = frame.data as Record<string, unknown>;
    if (key in data && Object.hasOwn(data, key)) bail();
    const keyNode = new ScalarNode(key, [first, colon, colon], key, Scalar.PLAIN);
    let at = colon + 1;
    while (at < end && text.charCodeAt(at) === 32) at++;
    const map = frame.node as YAMLMap<Scalar, unknown>;
    if (at === end || (text.charCodeAt(at) === 35 && at > colon + 1)) {
      noBrackets(text, at, end);
      const pair = new PairNode(keyNode, null);
      map.items.push(pair);
      frame.pending = { pair, key };
      return;
    }
    const value = this.value(at, end, next);
    map.items.push(new PairNode(keyNode, value));
    data[key] = this.valueData;
    frame.last = value;
  }

  /**
   * A one-line scalar or flow sequence from `at`, its range running to the end of the line; its
   * plain data is left in valueData (no pair of the two made per value).
   */
  private value(at: number, end: number, next: number): Node & { range: Range } {
    const { text } = this;
    const code = text.charCodeAt(at);
    if (code === 91 /* [ */) {
      const flow = this.flowSeq(at, end);
      this.lineRest(flow.end, end);
      (flow.node as { range: Range }).range = [at, flow.end, next];
      this.valueData = flow.data;
      return flow.node as Node & { range: Range };
    }
    if (code === 34 || code === 39) {
      const quoted = this.quoted(at, end);
      this.lineRest(quoted.end, end);
      this.valueData = quoted.value;
      return quotedScalar(quoted.value, code === 34, [at, quoted.end, next]);
    }
    // A plain scalar runs to a comment (` #`) or the line's end; trailing spaces are not part of it.
    let stop = end;
    for (let i = at; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 35 && text.charCodeAt(i - 1) === 32) {
        stop = i;
        break;
      }
    }
    let valueEnd = stop;
    while (valueEnd > at && text.charCodeAt(valueEnd - 1) === 32) valueEnd--;
    const source = text.slice(at, valueEnd);
    if (source === '' || badPlainStart(source) || source.includes(': ') || source.endsWith(':') || BRACKETS.test(source)) bail();
    noBrackets(text, stop, end);
    const node = plainScalar(source, [at, valueEnd, next]);
    this.valueData = node.value;
    return node;
  }

  /** Only spaces and a comment may follow a value on its line. */
  private lineRest(from: number, end: number): void {
    const { text } = this;
    let i = from;
    while (i < end && text.charCodeAt(i) === 32) i++;
    if (i < end && (text.charCodeAt(i) !== 35 || i === from)) bail();
    noBrackets(text, i, end);
  }

  private quoted(at: number, end: number): { value: string; end: number } {
    const { text } = this;
    const quote = text[at]!;
    let i = at + 1;
    let value = '';
    for (;;) {
      const close = text.indexOf(quote, i);
      if (close < 0 || close >= end) bail();
      if (quote === "'" && text.charCodeAt(close + 1) === 39) {
        value += text.slice(i, close + 1);
        i = close + 2;
        continue;
      }
      value += text.slice(i, close);
      i = close + 1;
      break;
    }
    if ((quote === '"' && value.includes('\\')) || BRACKETS.test(value)) bail();
    return { value, end: i };
  }

  /** `[a, "b", c]` on one line: scalars only. */
  private flowSeq(at: number, end: number): { node: YAMLSeq<unknown>; data: unknown[]; end: number } {
    const { text } = this;
    const node = newSeq();
    node.flow = true;
    const data: unknown[] = [];
    let i = at + 1;
    const skipSpaces = () => {
      while (i < end && text.charCodeAt(i) === 32) i++;
    };
    skipSpaces();
    if (text.charCodeAt(i) === 93 /* ] */) return { node, data, end: i + 1 };
    for (;;) {
      skipSpaces();
      if (i >= end) bail();
      const start = i;
      const code = text.charCodeAt(i);
      let item: { node: Node & { range: Range }; data: unknown };
      if (code === 34 || code === 39) {
        const quoted = this.quoted(i, end);
        i = quoted.end;
        skipSpaces();
        item = { node: quotedScalar(quoted.value, code === 34, [start, quoted.end, i]), data: quoted.value };
      } else {
        while (i < end) {
          const c = text.charCodeAt(i);
          if (c === 44 || c === 93) break;
          if (c === 91 || c === 123 || c === 125 || c === 35 || c === 58) bail();
          i++;
        }
        let valueEnd = i;
        while (valueEnd > start && text.charCodeAt(valueEnd - 1) === 32) valueEnd--;
        const source = text.slice(start, valueEnd);
        if (source === '' || BAD_PLAIN_START.has(source[0]!)) bail();
        const node = plainScalar(source, [start, valueEnd, i]);
        item = { node, data: node.value };
      }
      node.items.push(item.node);
      data.push(item.data);
      const c = text.charCodeAt(i);
      if (c === 93) return { node, data, end: i + 1 };
      if (c !== 44) bail();
      i++;
      skipSpaces();
      if (text.charCodeAt(i) === 93 || text.charCodeAt(i) === 44) bail(); // a trailing or empty item
    }
  }
}

/** A plain scalar node; its value is its plain data. */
function plainScalar(source: string, range: Range): Scalar & { range: Range } {
  let value: string | number = source;
  if (maybeNotString(source)) {
    if (INT.test(source)) value = parseInt(source, 10);
    else if (NOT_STRING.some((pattern) => pattern.test(source))) bail();
  }
  return new ScalarNode(value, range, source, Scalar.PLAIN);
}

function quotedScalar(value: string, double: boolean, range: Range): Scalar & { range: Range } {
  return new ScalarNode(value, range, value, double ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE);
}

/**
 * Brackets are left to yaml anywhere but as a one-line flow sequence's own: then nesting stays
 * at one level, and the flow-depth guard, which counts brackets in comments too, cannot fire.
 */
function noBrackets(text: string, start: number, end: number): void {
  if (start < end && BRACKETS.test(text.slice(start, end))) bail();
}
