// Bringing the agency registry up to date after an import, from nothing if need be: a registry
// that does not exist is written whole (with its schema modeline), one that holds no agencies yet
// (`agencies: []`, `agencies:` alone, only comments) is filled, and a list of entries is appended
// to. Always as text edits, so that the drafter's comments, order and quoting survive. Shortened
// names (发改委 for 市发展和改革委员会) become aliases of their full name where that is clean.
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { scalarText } from '../source/document';
import type { SourceFile } from '../source/document';
import { formatMessage } from '../wording/messages';
import { contentEnd, registryEntry } from './registry-append';
import { lineEndAt, lineStart, nextLineStart } from '../source/text-lines';
import type { Locale, OffsetRange } from '../types';
import { yamlScalar } from '../source/yaml-scalar';

export interface TextEdit {
  range: OffsetRange;
  newText: string;
}

export interface RegistryAdditions {
  /** Agencies the registry lacks, in order of first mention (an import's `newAgencies`). */
  names: readonly string[];
  /** Shortened names and the full name each stands for (an import's `aliases`). */
  aliases?: ReadonlyArray<{ alias: string; name: string }>;
}

export interface RegistryUpdateOptions {
  locale: Locale;
  /** The `$schema` path of the modeline of a registry written from nothing, relative to its folder. */
  schemaPath?: string;
}

export interface RegistryUpdate {
  /** Text edits in order of offset, none overlapping; for a registry that does not exist, one insertion into ''. */
  edits: TextEdit[];
  /** Whether the registry is written from nothing. */
  created: boolean;
  /** The agencies given an entry of their own. */
  added: string[];
  /** Short names written into the aliases of their full name's entry (a new entry or an existing one). */
  aliased: Array<{ alias: string; name: string }>;
  /** Short names whose full name's entry could not take an alias cleanly: added as entries of their own, with a comment saying so. */
  separate: Array<{ alias: string; name: string }>;
  /** Offset, in the updated text, of the first new entry (or the first alias added), to show the drafter. */
  reveal?: number;
}

/**
 * The edits that add the given agencies (and aliases) to a registry; `registry` undefined when
 * the file does not exist. Undefined when the registry has a shape that cannot be appended to as
 * text (a flow list of entries, a top level that is not a mapping, keys other than `agencies`).
 */
export function registryUpdate(registry: SourceFile | undefined, additions: RegistryAdditions, options: RegistryUpdateOptions): RegistryUpdate | undefined {
  const text = registry?.text ?? '';
  // Line ends follow the line before each insertion (a file may mix them).
  const eol = (at: number) => lineEndAt(text, at);
  const names = [...new Set(additions.names)];
  const existing = registry ? entriesByName(registry) : new Map<string, YAMLMap>();

  // Which short names go where: into a new entry, into an existing one (if clean), or their own entry.
  const aliasesOfNew = new Map<string, string[]>();
  const aliased: RegistryUpdate['aliased'] = [];
  const separate: RegistryUpdate['separate'] = [];
  const comments = new Map<string, string>();
  const aliasEdits: TextEdit[] = [];
  const aliasesOfExisting = new Map<string, string[]>();
  for (const { alias, name } of additions.aliases ?? []) {
    if (!names.includes(alias) || alias === name) continue;
    if (names.includes(name)) {
      aliasesOfNew.set(name, [...(aliasesOfNew.get(name) ?? []), alias]);
      aliased.push({ alias, name });
    } else if (existing.has(name)) {
      aliasesOfExisting.set(name, [...(aliasesOfExisting.get(name) ?? []), alias]);
    }
  }
  for (const [name, aliases] of aliasesOfExisting) {
    const edit = aliasInsertion(text, existing.get(name)!, aliases);
    if (edit) {
      aliasEdits.push(edit);
      for (const alias of aliases) aliased.push({ alias, name });
    } else {
      for (const alias of aliases) separate.push({ alias, name });
      for (const alias of aliases) comments.set(alias, formatMessage(options.locale, 'registry.shortForm', { name }));
    }
  }
  const inAliases = new Set(aliased.map(({ alias }) => alias));
  const added = names.filter((name) => !inAliases.has(name));
  // The edits, and where the first new entry starts: the new entries end the insertion they are in.
  const result = (edits: TextEdit[], entriesAt?: number): RegistryUpdate => {
    const merged = mergeInsertions(text, [...aliasEdits, ...edits]);
    const firstAlias = aliasEdits[0] && { offset: aliasEdits[0].range[0], length: aliasEdits[0].newText.length };
    const first = entriesAt !== undefined && entryText !== '' ? { offset: entriesAt, length: entryText.length } : firstAlias;
    return { edits: merged, created: false, added, aliased, separate, ...optional(first && revealAt(merged, first.offset, first.length)) };
  };
  let entryText = '';
  const entries = (indent: string, at: number) => (entryText = added.map((name) => registryEntry(name, indent, eol(at), options.locale, { aliases: aliasesOfNew.get(name), comment: comments.get(name) })).join(''));

  if (!registry) {
    const modeline = options.schemaPath ? `# yaml-language-server: $schema=${options.schemaPath}\n` : '';
    const body = 'agencies:\n';
    return { ...result([]), edits: [{ range: [0, 0], newText: modeline + body + entries('  ', 0) }], created: true, reveal: modeline.length + body.length };
  }
  if (added.length === 0) return result([]);

  const contents = registry.doc.contents as Node | null;
  if (!contents) {
    // Empty, or only comments: `agencies:` goes after them (a blank file gets the modeline too).
    const newline = eol(text.length);
    const modeline = text.trim() === '' && options.schemaPath ? `# yaml-language-server: $schema=${options.schemaPath}${newline}` : '';
    return result([{ range: [text.length, text.length], newText: `${modeline}agencies:${newline}${entries('  ', text.length)}` }], text.length);
  }
  if (!isMap(contents)) return undefined;
  const pair = contents.items.find((item) => scalarText(item.key as Node) === 'agencies') as Pair<Node, Node | null> | undefined;
  if (!pair) {
    // `{}`: the empty mapping becomes `agencies:` with its entries below.
    if (contents.items.length > 0 || !contents.flow || !contents.range) return undefined;
    const [start, end] = contents.range;
    const at = lineAfter(text, end);
    return result([{ range: [start, end], newText: 'agencies:' }, { range: [at, at], newText: entries('  ', at) }], at);
  }
  const value = pair.value;
  if (!value || (isScalar(value) && value.value === null)) {
    // `agencies:` alone (or `~`, `null`): the entries go on the lines after it.
    const keyEnd = (pair.key as Node).range![1];
    const end = value?.range && value.range[1] > value.range[0] ? value.range[1] : keyEnd;
    const removal: TextEdit[] = end > keyEnd ? [{ range: [spaceBefore(text, value!.range![0]), end], newText: '' }] : [];
    const at = lineAfter(text, end);
    return result([...removal, { range: [at, at], newText: entries('  ', at) }], at);
  }
  if (isSeq(value) && value.flow && value.items.length === 0 && value.range) {
    // `agencies: []`: the brackets go, the entries follow on the next lines (a comment after them stays).
    const [start, end] = value.range;
    const at = lineAfter(text, end);
    return result([{ range: [spaceBefore(text, start), end], newText: '' }, { range: [at, at], newText: entries('  ', at) }], at);
  }
  if (!isSeq(value) || value.flow || value.items.length === 0) return undefined;
  const firstItem = value.items[0] as Node;
  const lastItem = value.items[value.items.length - 1] as Node;
  if (!firstItem.range || !lastItem.range) return undefined;
  const dash = text.lastIndexOf('-', firstItem.range[0]);
  const indent = text.slice(lineStart(text, dash), dash);
  if (!/^ *$/.test(indent)) return undefined;
  // After the last entry's own last line: comments that follow it (# end of list) stay last.
  const at = lineAfter(text, contentEnd(lastItem));
  return result([{ range: [at, at], newText: entries(indent, at) }], at);
}

/** Whether a registry holds no agencies yet: empty, only comments, `{}`, `agencies:` alone or `agencies: []`. */
export function isEmptyRegistry(file: SourceFile): boolean {
  const contents = file.doc.contents as Node | null;
  if (file.syntaxProblems.length > 0) return false;
  if (!contents) return true;
  if (!isMap(contents)) return false;
  if (contents.items.length === 0) return true;
  if (contents.items.length > 1 || scalarText(contents.items[0]!.key as Node) !== 'agencies') return false;
  const value = contents.items[0]!.value as Node | null;
  return !value || (isScalar(value) && value.value === null) || (isSeq(value) && value.items.length === 0);
}

/** The text with the edits applied (edits in order of offset, not overlapping). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0]).reverse()) result = result.slice(0, edit.range[0]) + edit.newText + result.slice(edit.range[1]);
  return result;
}

/** The registry's block-mapping entries by their name. */
function entriesByName(file: SourceFile): Map<string, YAMLMap> {
  const found = new Map<string, YAMLMap>();
  const contents = file.doc.contents as Node | null;
  if (!isMap(contents)) return found;
  const list = contents.items.find((item) => scalarText(item.key as Node) === 'agencies')?.value as Node | null;
  if (!isSeq(list)) return found;
  for (const item of (list as YAMLSeq<Node>).items) {
    if (!isMap(item)) continue;
    const name = scalarText(item.items.find((pair) => scalarText(pair.key as Node) === 'name')?.value as Node);
    if (name !== undefined && !found.has(name)) found.set(name, item as YAMLMap);
  }
  return found;
}

/**
 * The edit that adds aliases to an existing entry, when that is a plain insertion: a new
 * `aliases: [short]` line in a block entry without aliases, `, short` at the end of a flow list,
 * or a `- short` line after a block list. Undefined for anything else (a flow entry, an alias list
 * that is empty as `aliases:` or written in another way).
 */
function aliasInsertion(text: string, entry: YAMLMap, aliases: string[]): TextEdit | undefined {
  if (entry.flow || entry.items.length === 0) return undefined;
  const written = aliases.map(yamlScalar);
  const pair = entry.items.find((item) => scalarText(item.key as Node) === 'aliases');
  if (!pair) {
    const key = entry.items[0]!.key as Node;
    if (!key.range) return undefined;
    const column = key.range[0] - lineStart(text, key.range[0]);
    const at = lineAfter(text, contentEnd(entry));
    return { range: [at, at], newText: `${' '.repeat(column)}aliases: [${written.join(', ')}]${lineEndAt(text, at)}` };
  }
  const list = pair.value as Node | null;
  if (!isSeq(list) || !list.range) return undefined;
  if (list.flow) {
    const items = list.items as Node[];
    const last = items[items.length - 1];
    if (last?.range) return { range: [last.range[1], last.range[1]], newText: `, ${written.join(', ')}` };
    const close = list.range[1] - 1;
    if (items.length > 0 || text[close] !== ']') return undefined;
    return { range: [close, close], newText: written.join(', ') };
  }
  const first = list.items[0] as Node | undefined;
  const last = list.items[list.items.length - 1] as Node | undefined;
  if (!first?.range || !last?.range) return undefined;
  const dash = text.lastIndexOf('-', first.range[0]);
  const indent = text.slice(lineStart(text, dash), dash);
  if (!/^ *$/.test(indent)) return undefined;
  const at = lineAfter(text, contentEnd(last));
  return { range: [at, at], newText: written.map((alias) => `${indent}- ${alias}${lineEndAt(text, at)}`).join('') };
}

/**
 * Insertions at one offset joined into one edit (an alias line and the entries after the same
 * last entry), in the order given; and a line end before an insertion at the end of a text that
 * does not end with one.
 */
function mergeInsertions(text: string, edits: TextEdit[]): TextEdit[] {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.range[0] - b.edit.range[0] || a.order - b.order);
  const merged: TextEdit[] = [];
  for (const { edit } of sorted) {
    const previous = merged[merged.length - 1];
    const insertion = edit.range[0] === edit.range[1];
    if (previous && insertion && previous.range[0] === previous.range[1] && previous.range[0] === edit.range[0]) {
      merged[merged.length - 1] = { range: previous.range, newText: previous.newText + edit.newText };
    } else {
      merged.push({ range: edit.range, newText: edit.newText });
    }
  }
  return merged.map((edit) =>
    edit.range[0] === text.length && text.length > 0 && !text.endsWith('\n') && edit.newText !== '' ? { range: edit.range, newText: lineEndAt(text, text.length) + edit.newText } : edit,
  );
}

/** Where the last `length` characters of the insertion at `offset` start once all the edits are applied. */
function revealAt(merged: TextEdit[], offset: number, length: number): number | undefined {
  let shift = 0;
  for (const edit of merged) {
    if (edit.range[0] === offset && edit.range[1] === offset) return offset + shift + edit.newText.length - length;
    shift += edit.newText.length - (edit.range[1] - edit.range[0]);
  }
  return undefined;
}

/** Where the line after the one ending at `offset` starts; `offset` itself when a line ends just before it. */
function lineAfter(text: string, offset: number): number {
  return offset > 0 && text[offset - 1] === '\n' ? offset : nextLineStart(text, offset);
}

/** The start of the spaces before `offset` on its line (what a removed value leaves behind). */
function spaceBefore(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return start;
}

function optional(reveal: number | undefined): { reveal?: number } {
  return reveal === undefined ? {} : { reveal };
}
