// JSON Schema validation with ajv (compiled at build time, or once per process from source),
// with every error mapped to the YAML node it is about and worded for a drafter rather than
// for a schema author.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isAlias, isMap, isSeq } from 'yaml';
import type { Node } from 'yaml';
import guidelineSchema from '../../schemas/guideline.schema.json';
import agenciesSchema from '../../schemas/agencies.schema.json';
import { deref, headRange, nodeRange, pairOf, rawValueOf, scalarText, valueOf } from './document';
import type { FileKind, SourceFile } from './document';
import { formatMessage } from './messages';
import type { MessageKey } from './messages';
import { loadValidators } from './schema-validators';
import { closestName } from './suggest';
import type { Locale, OffsetRange } from './types';

export interface SchemaProblem {
  range: OffsetRange;
  key: MessageKey;
  args: Record<string, string | number>;
}

let validators: Record<FileKind, ValidateFunction> | undefined;

function compiled(): Record<FileKind, ValidateFunction> {
  return (validators ??= loadValidators());
}

/** The JSON Schema of a file kind, for tools that want to show it. */
export function schemaFor(kind: FileKind): object {
  return kind === 'guideline' ? guidelineSchema : agenciesSchema;
}

/**
 * Schema problems listed per file. Past it, one more problem says the rest are left out: a
 * million unknown keys are one mistake (a mapping indented wrong, a file of the wrong kind), and
 * listing them all would take minutes and bury the first, as compilers stop after so many errors.
 */
export const MAX_SCHEMA_PROBLEMS = 1000;

/** Validates a parsed file against its schema; labels are rendered in `locale`. */
export function validateSchema(file: SourceFile, locale: Locale): SchemaProblem[] {
  if (file.data === undefined) return []; // Syntax errors come first; a broken file has no data to check.
  const validate = compiled()[file.kind];
  if (validate(file.data)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const places = new Map<string, Place>();
  for (const error of validate.errors ?? []) {
    const problem = describe(file, error, locale, places);
    // The same message key always takes the same arguments, in the same order.
    const key = `${problem.range[0]}:${problem.range[1]}:${problem.key}:${Object.values(problem.args).join('\u0000')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (problems.length === MAX_SCHEMA_PROBLEMS) {
      problems.push({ range: problem.range, key: 'schema.truncated', args: { limit: MAX_SCHEMA_PROBLEMS } });
      break;
    }
    problems.push(problem);
  }
  return problems;
}

/** What an error's instance path points at, worked out once per path: a file can hold a million errors about one mapping. */
interface Place {
  path: (string | number)[];
  node: Node | undefined;
  via: OffsetRange | undefined;
  what: string;
  range: OffsetRange;
}

/** The allowed keys of a schema object, listed once per schema object rather than once per unknown key. */
const allowedKeys = new WeakMap<object, { keys: string[]; text: string }>();

function allowedKeysOf(schema: { properties?: Record<string, unknown> }): { keys: string[]; text: string } {
  let known = allowedKeys.get(schema);
  if (!known) {
    const keys = Object.keys(schema.properties ?? {});
    allowedKeys.set(schema, (known = { keys, text: keys.join(', ') }));
  }
  return known;
}

function placeOf(file: SourceFile, error: ErrorObject, locale: Locale, places: Map<string, Place>): Place {
  // When the value at fault is an entity's own id, naming the entity by that id would say it twice.
  const byPosition = error.keyword === 'pattern';
  const memo = `${byPosition ? 'p' : 'v'}${error.instancePath}`;
  let place = places.get(memo);
  if (!place) {
    const path = decodePointer(error.instancePath);
    const { node, via } = nodeAt(file, path);
    place = { path, node, via, what: label(file, path, locale, byPosition), range: via ?? headRange(file, node) };
    places.set(memo, place);
  }
  return place;
}

function describe(file: SourceFile, error: ErrorObject, locale: Locale, places: Map<string, Place>): SchemaProblem {
  const { path, node, via, what, range } = placeOf(file, error, locale, places);
  const params = error.params as Record<string, unknown>;
  const parentSchema = (error.parentSchema ?? {}) as { examples?: unknown[]; properties?: Record<string, unknown> };

  switch (error.keyword) {
    case 'type': {
      const expected = String(params.type);
      if (path.length === 0) {
        const kindWord = formatMessage(locale, file.kind === 'guideline' ? 'word.guideline' : 'word.registry');
        const required = file.kind === 'guideline' ? 'id, title, chapters' : 'agencies';
        if (error.data === null || error.data === undefined) return { range: [0, 0], key: 'schema.empty', args: { kind: kindWord, required } };
        return { range, key: 'schema.rootType', args: { kind: kindWord, required, actual: typeWord(error.data, locale) } };
      }
      if (expected === 'string' && typeof error.data === 'number' && path[path.length - 1] === 'id') {
        return { range, key: 'schema.quoteId', args: { what, example: scalarText(node) ?? String(error.data), actual: scalarText(node) ?? String(error.data) } };
      }
      return { range, key: 'schema.type', args: { what, expected: formatMessage(locale, `word.${expected}` as MessageKey), actual: typeWord(error.data, locale) } };
    }
    case 'required':
      return { range, key: 'schema.required', args: { what, key: String(params.missingProperty) } };
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = allowedKeysOf(parentSchema);
      const pair = isMap(node) ? pairOf(node, key) : undefined;
      // A pair whose key was left out (`: value`) has no key node: point at its value instead.
      const keyNode = (pair?.key ?? pair?.value) as Node | null | undefined;
      const keyRange = via ?? (keyNode ? nodeRange(keyNode) : range);
      const suggestion = closestName(key, allowed.keys);
      const args = { key, what, allowed: allowed.text };
      return suggestion
        ? { range: keyRange, key: 'schema.unknownKeySuggest', args: { ...args, suggestion } }
        : { range: keyRange, key: 'schema.unknownKey', args };
    }
    case 'enum':
      return { range, key: 'schema.enum', args: { what, allowed: (params.allowedValues as unknown[]).join(' | '), actual: String(error.data) } };
    case 'pattern':
      return { range, key: 'schema.pattern', args: { what, actual: String(error.data), example: String(parentSchema.examples?.[0] ?? params.pattern) } };
    case 'minLength':
      return { range, key: 'schema.minLength', args: { what } };
    case 'minimum':
    case 'maximum':
      return { range, key: `schema.${error.keyword}`, args: { what, limit: String(params.limit), actual: String(error.data) } };
    case 'minItems':
      return { range, key: 'schema.minItems', args: { what, limit: String(params.limit) } };
    case 'uniqueItems': {
      const duplicate = nodeAt(file, [...path, Number(params.i)]);
      return { range: duplicate.via ?? headRange(file, duplicate.node ?? node), key: 'schema.uniqueItems', args: { what, actual: scalarText(duplicate.node) ?? '' } };
    }
    default:
      return { range, key: 'schema.other', args: { what, detail: error.message ?? error.keyword } };
  }
}

function decodePointer(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * The YAML node at a JSON path, aliases followed (the deepest node found when the path breaks
 * off), and the range of the first alias on the way: where the drafter wrote what is at fault.
 */
function nodeAt(file: SourceFile, path: (string | number)[]): { node: Node | undefined; via: OffsetRange | undefined } {
  let node: Node | undefined = deref(file, file.doc.contents);
  let via: OffsetRange | undefined;
  for (const step of path) {
    const raw: Node | undefined =
      typeof step === 'number' && isSeq(node) ? ((node.items[step] as Node | null | undefined) ?? undefined) : rawValueOf(file, node, String(step));
    const next = deref(file, raw);
    if (!next) break;
    if (!via && isAlias(raw)) via = nodeRange(raw);
    node = next;
  }
  return { node, via };
}

/**
 * A drafter's name for the value at a path: `"agencies" of measure "2.1"`, `chapter "3"`, …
 * With `byPosition`, an entity whose own id or name is at fault is named by its position instead.
 */
function label(file: SourceFile, path: (string | number)[], locale: Locale, byPosition = false): string {
  let owner = formatMessage(locale, file.kind === 'guideline' ? 'label.guideline' : 'label.registry');
  const last = path[path.length - 1];
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    const parentKey = path[i - 1];
    if (typeof step === 'number') {
      const ownIdAtFault = byPosition && i === path.length - 2 && (last === 'id' || last === 'name');
      const itemLabel = entityLabel(file, path.slice(0, i + 1), parentKey, step, locale, ownIdAtFault, i > 1 ? owner : undefined);
      owner = itemLabel ?? formatMessage(locale, 'label.item', { n: step + 1, owner });
    } else {
      const next = path[i + 1];
      // An entity's label already names the list it sits in, so skip the list's own key.
      if (typeof next === 'number' && entityWord(step)) continue;
      owner = formatMessage(locale, 'label.key', { key: step, owner });
    }
  }
  return owner;
}

function entityWord(listKey: string): MessageKey | undefined {
  return ({ chapters: 'label.chapter', measures: 'label.measure', targets: 'label.target' } as Record<string, MessageKey>)[listKey];
}

function entityLabel(
  file: SourceFile,
  path: (string | number)[],
  listKey: string | number | undefined,
  index: number,
  locale: Locale,
  byPosition: boolean,
  parent: string | undefined,
): string | undefined {
  const isRegistryList = file.kind === 'registry' && listKey === 'agencies' && path.length === 2;
  const template = typeof listKey === 'string' ? (isRegistryList ? 'label.agency' : entityWord(listKey)) : undefined;
  if (!template) return undefined;
  const id = scalarText(valueOf(file, nodeAt(file, path).node, isRegistryList ? 'name' : 'id'));
  if (id !== undefined && !byPosition) return formatMessage(locale, template, { id });
  const word = formatMessage(locale, `${template}Word` as MessageKey);
  return parent ? formatMessage(locale, 'label.nthOf', { word, n: index + 1, owner: parent }) : formatMessage(locale, 'label.nth', { owner: word, n: index + 1 });
}

function typeWord(value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return formatMessage(locale, 'word.null');
  if (Array.isArray(value)) return formatMessage(locale, 'word.array');
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return formatMessage(locale, `word.${type}` as MessageKey);
  return formatMessage(locale, 'word.object');
}
