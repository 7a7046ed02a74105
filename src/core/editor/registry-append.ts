// Appending agencies to a registry file as a text insertion, so that the drafter's comments,
// order and quoting survive. Shared by the "add to the registry" quick fix and `taskmatrix import
// --update-registry`.
import { isMap, isPair, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { guessAgencyKind } from '../model/agency-kind';
import { valueOf } from '../source/document';
import type { SourceFile } from '../source/document';
import { formatMessage } from '../wording/messages';
import { lineEndAt, lineStart, nextLineStart } from '../source/text-lines';
import type { Locale } from '../types';
import { yamlScalar } from '../source/yaml-scalar';

export interface RegistryInsertion {
  /** Offset in the registry text where the new entries go. */
  offset: number;
  newText: string;
  /** Offset, within newText, of the first new entry's `- name:` line. */
  entryOffset: number;
}

/**
 * The insertion that appends one entry per name at the end of the `agencies:` list, in the list's
 * own indentation and line ends. Undefined when the list is not a non-empty block list of
 * mappings (a flow list or an empty file has no indentation to follow; the caller says so).
 */
export function registryInsertion(registry: SourceFile, names: readonly string[], locale: Locale): RegistryInsertion | undefined {
  const list = valueOf(registry, registry.doc.contents ?? undefined, 'agencies');
  if (!isSeq(list) || list.flow || list.items.length === 0) return undefined;
  const firstItem = list.items[0] as Node;
  const lastItem = list.items[list.items.length - 1] as Node;
  if (!isMap(firstItem) || !firstItem.range || !lastItem.range) return undefined;
  const { text } = registry;
  const dash = text.lastIndexOf('-', firstItem.range[0]);
  const indent = text.slice(lineStart(text, dash), dash);
  // After the last entry's own last line: comments that follow it (# end of list) stay last.
  const offset = nextLineStart(text, contentEnd(lastItem));
  const newline = lineEndAt(text, offset);
  const prefix = offset === text.length && text.length > 0 && !text.endsWith('\n') ? newline : '';
  const entries = names.map((name) => registryEntry(name, indent, newline, locale));
  return { offset, newText: prefix + entries.join(''), entryOffset: prefix.length };
}

/**
 * One registry entry as text: its name, its guessed kind (marked for review unless the name
 * says it, as 各… says collective), its aliases, and a comment on the name line if given.
 */
export function registryEntry(name: string, indent: string, newline: string, locale: Locale, extra: { aliases?: readonly string[] | undefined; comment?: string | undefined } = {}): string {
  const guess = guessAgencyKind(name);
  const kind = guess.certain ? `kind: ${guess.kind}` : `kind: ${guess.kind}  # ${formatMessage(locale, 'fix.reviewKind')}`;
  const comment = extra.comment ? `  # ${extra.comment}` : '';
  const aliases = extra.aliases && extra.aliases.length > 0 ? `${indent}  aliases: [${extra.aliases.map(yamlScalar).join(', ')}]${newline}` : '';
  return `${indent}- name: ${yamlScalar(name)}${comment}${newline}${indent}  ${kind}${newline}${aliases}`;
}

/** Where a node's content ends, leaving out the comments and blank lines a block node runs on into. */
export function contentEnd(node: Node): number {
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    const inner = isPair(last) ? ((last.value ?? last.key) as Node | null) : (last as Node);
    if (inner && inner.range) return contentEnd(inner);
  }
  return node.range![1];
}
