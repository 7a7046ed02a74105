// What the cursor is completing, read from the text of the lines around it (while the drafter
// types, the YAML is often incomplete, so this does not rely on the parsed tree), and what an
// editor offers there: registry names, then their aliases (which insert the registry name), the
// agencies listed already left out; or the division values.
import { DIVISIONS } from '../model/model';
import type { Project } from '../project/project';
import type { Locale, OffsetRange } from '../types';
import { divisionText } from '../wording/wording';
import { yamlScalar } from '../source/yaml-scalar';

export type CompletionContext =
  | { kind: 'agency'; replace: OffsetRange; typed: string; listed: string[] }
  | { kind: 'division'; replace: OffsetRange; typed: string };

const FLOW_AGENCIES = /^\s*(?:-\s+)?agencies:\s*\[([^\]]*)$/;
const BLOCK_ITEM = /^(\s*)-[ \t]*([^\s#,[\]{}]*)$/;
const AGENCIES_KEY = /^(\s*)(?:-\s+)?agencies:\s*(#.*)?$/;

export function completionContextAt(text: string, offset: number): CompletionContext | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const endOfLine = text.indexOf('\n', offset);
  const line = text.slice(start, endOfLine < 0 ? text.length : endOfLine).replace(/\r$/, '');
  const before = line.slice(0, offset - start);
  const after = line.slice(offset - start);

  const division = /^\s*(?:-\s+)?division:\s*([\w-]*)$/.exec(before);
  if (division) {
    const rest = /^[\w-]*/.exec(after)![0];
    return { kind: 'division', typed: division[1]!, replace: [offset - division[1]!.length, offset + rest.length] };
  }

  const flow = FLOW_AGENCIES.exec(before);
  if (flow) {
    const inside = flow[1]!;
    const tokenStart = Math.max(inside.lastIndexOf(','), -1) + 1;
    const typedRaw = inside.slice(tokenStart);
    const typed = typedRaw.trimStart();
    const rest = /^[^,\]]*/.exec(after)![0].trimEnd();
    const closing = after.indexOf(']');
    const listText = inside.slice(0, tokenStart) + (closing >= 0 ? after.slice(rest.length, closing) : after.slice(rest.length));
    return { kind: 'agency', typed, replace: [offset - typed.length, offset + rest.length], listed: names(flowItems(listText)) };
  }

  const item = BLOCK_ITEM.exec(before);
  if (item && /^[^\s#,[\]{}]*\s*$/.test(after)) {
    const indent = item[1]!.length;
    const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
    const lineIndex = text.slice(0, start).split('\n').length - 1;
    const siblings: string[] = [];
    let parentFound = false;
    for (let i = lineIndex - 1; i >= 0; i--) {
      const candidate = lines[i]!;
      if (/^\s*(#.*)?$/.test(candidate)) continue;
      const sibling = /^(\s*)-\s*(.*)$/.exec(candidate);
      if (sibling && sibling[1]!.length === indent) {
        siblings.push(sibling[2]!);
        continue;
      }
      const key = AGENCIES_KEY.exec(candidate);
      parentFound = key !== null && key[1]!.length <= indent;
      break;
    }
    if (!parentFound) return undefined;
    for (let i = lineIndex + 1; i < lines.length; i++) {
      const sibling = /^(\s*)-\s*(.*)$/.exec(lines[i]!);
      if (/^\s*(#.*)?$/.test(lines[i]!)) continue;
      if (!sibling || sibling[1]!.length !== indent) break;
      siblings.push(sibling[2]!);
    }
    const typed = item[2]!;
    return { kind: 'agency', typed, replace: [offset - typed.length, offset + after.trimEnd().length], listed: names(siblings) };
  }
  return undefined;
}

/** One completion an editor offers. */
export interface CompletionOffer {
  /** `agency`: a registry name; `alias`: a short form, which inserts the registry name; `division`: a division value. */
  kind: 'agency' | 'alias' | 'division';
  label: string;
  insertText: string;
  /** For an alias: the registry name it stands for. */
  aliasOf?: string;
  /** For an agency: its official full name. */
  fullName?: string;
  /** For an agency: its kind and English name (`government · Department of Science and Technology`). */
  detail?: string;
  /** For a division: what it means, in `locale`. */
  documentation?: string;
  /** What the editor matches the typed text against (the names, the aliases, the quoted form). */
  filterText: string;
  /** The order: registry names in registry order, then aliases, then division values in schema order. */
  sortText: string;
}

/**
 * What to offer at `offset` of a guideline's `text` (the editor's text of the file `path` of the
 * project): the range the choice replaces and the offers, or undefined where nothing is completed
 * (another key, a registry file, a guideline without a registry).
 */
export function completionsAt(project: Project, path: string, text: string, offset: number, locale: Locale): { replace: OffsetRange; items: CompletionOffer[] } | undefined {
  if (project.file(path)?.kind !== 'guideline') return undefined;
  const context = completionContextAt(text, offset);
  if (!context) return undefined;
  if (context.kind === 'division') {
    return {
      replace: context.replace,
      items: DIVISIONS.map((division, order) => ({ kind: 'division', label: division, insertText: division, documentation: divisionText(locale, division), filterText: division, sortText: String(order) })),
    };
  }
  const registry = project.registryFor(path);
  if (!registry) return undefined;
  const listed = new Set(context.listed.map((name) => registry.canonical(name)));
  const items: CompletionOffer[] = [];
  registry.agencies.forEach((agency, order) => {
    const name = agency.name.value;
    if (listed.has(name)) return;
    // Quoted where YAML needs it (`"A, B"`, `"true"`, `"2024"`), as the quick fixes write names.
    const insertText = agencyCompletionText(name);
    const aliases = agency.aliases.map((alias) => alias.value);
    items.push({
      kind: 'agency',
      label: name,
      insertText,
      ...(agency.fullName === undefined ? {} : { fullName: agency.fullName }),
      detail: [agency.kind, agency.en].filter(Boolean).join(' · '),
      filterText: [name, agency.fullName, ...aliases, insertText !== name ? insertText : undefined].filter(Boolean).join(' '),
      sortText: `0${String(order).padStart(5, '0')}`,
    });
    // An alias is offered as itself, labelled, and inserts the registry name (what alias-agency asks for).
    for (const alias of aliases) items.push({ kind: 'alias', label: alias, insertText, aliasOf: name, filterText: alias, sortText: `1${String(order).padStart(5, '0')}` });
  });
  return { replace: context.replace, items };
}

/**
 * The text a completion inserts for an agency: the name as a YAML scalar that reads back as that
 * name in a flow or a block list, quoted as the quick fixes quote it (`"A, B"`, `"X: Y"`,
 * `"true"`, `"2024"`), plain otherwise.
 */
export function agencyCompletionText(name: string): string {
  return yamlScalar(name);
}

/** The items of a flow list's text, split at the commas outside quotes. */
function flowItems(text: string): string[] {
  const items: string[] = [];
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === '"' && c === '\\') i++;
    else if (quote && c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else quote = undefined;
    } else if (!quote && (c === '"' || c === "'") && /^\s*$/.test(text.slice(start, i))) quote = c;
    else if (!quote && c === ',') {
      items.push(text.slice(start, i));
      start = i + 1;
    }
  }
  items.push(text.slice(start));
  return items;
}

function names(raw: string[]): string[] {
  // A comment starts at a # after white space (or at the start); a quoted name may hold one.
  return raw.map((part) => part.trim()).map((part) => (/^["']/.test(part) ? unquote(part.replace(/\s+#[^"']*$/, '')) : part.replace(/(^|\s)#.*$/, '').trim())).filter(Boolean);
}

/** A scalar as written in a list: quotes removed, escapes of a double-quoted one read. */
function unquote(text: string): string {
  if (/^".*"$/.test(text)) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return text.slice(1, -1);
    }
  }
  if (/^'.*'$/.test(text)) return text.slice(1, -1).replace(/''/g, "'");
  return text;
}
