// JSON Schema validation with ajv (compiled at build time, or once per process from source),
// with every error mapped to the YAML node it is about and worded for a drafter rather than
// for a schema author.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isAlias, isMap, isSeq } from 'yaml';
import type { Node } from 'yaml';
import guidelineSchema from '../../../schemas/guideline.schema.json';
import agenciesSchema from '../../../schemas/agencies.schema.json';
import { deref, headRange, nodeRange, pairOf, rawValueOf, scalarText, valueOf } from '../source/document';
import type { FileKind, SourceFile } from '../source/document';
import { formatMessage } from '../wording/messages';
import type { MessageKey } from '../wording/messages';
import { keysOfLargeMapping, LARGE_MAPPING, readWithoutLargeMappings } from '../source/fast-yaml';
import { loadValidators } from './schema-validators';
import { closestName } from './suggest';
import type { Locale, OffsetRange } from '../types';

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
  // A document the fast parser read without a mapping of over LARGE_MAPPING keys needs no walk.
  const shown = readWithoutLargeMappings(file.data) ? file.data : withinProblemLimit(file.data, schemaFor(file.kind));
  return problemsOf(file, locale, shown);
}

/** The same with every key of the file shown to ajv: what validateSchema must agree with (for tests). */
export function validateSchemaOverAllKeys(file: SourceFile, locale: Locale): SchemaProblem[] {
  if (file.data === undefined) return [];
  return problemsOf(file, locale, file.data);
}

function problemsOf(file: SourceFile, locale: Locale, data: unknown): SchemaProblem[] {
  const validate = compiled()[file.kind];
  if (validate(data)) return [];
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

/**
 * Unknown keys of one mapping that ajv is shown: one more than the problems a file lists.
 *
 * ajv checks every key, and with a million unknown keys in one mapping, listing them (a for…in
 * over a million keys) and making an error of each was a fifth of the lint. Those past the
 * first MAX_SCHEMA_PROBLEMS + 1 can never be listed: where the walk below shortens a mapping,
 * every schema on the way uses only keywords that never withdraw an error (no anyOf, oneOf,
 * not, if) nor compare whole values (no enum, const, uniqueItems), so ajv reports the other
 * errors in the same order; a mapping's unknown keys come out together, in key order; and each
 * is a problem of its own (its own key), so the kept ones alone fill the list and name the
 * first problem left out. The problems listed stay the same, and the file still fails
 * (src/test/core/schema-limit.test.ts compares with ajv shown every key).
 */
const UNKNOWN_KEYS_SHOWN = MAX_SCHEMA_PROBLEMS + 1;
// The fast parser's account of large mappings must cover every one that can be shortened.
if (LARGE_MAPPING > UNKNOWN_KEYS_SHOWN) throw new Error('LARGE_MAPPING must not exceed UNKNOWN_KEYS_SHOWN');

/** Keywords that say nothing about a value, and those the walk below knows how ajv applies. */
const ANNOTATIONS = ['$schema', '$id', '$comment', 'title', 'description', 'examples', 'default', 'definitions'];
const MAPPING_KEYWORDS = new Set([...ANNOTATIONS, 'type', 'properties', 'additionalProperties', 'required']);
/** No uniqueItems, enum or const: they compare whole values, which a shortened mapping would change. */
const LIST_KEYWORDS = new Set([...ANNOTATIONS, 'type', 'items', 'minItems', 'maxItems']);
const REF_KEYWORDS = new Set([...ANNOTATIONS, '$ref']);

type SchemaObject = Record<string, unknown>;

/** What the walk does under a schema: look into a mapping's known keys (shortening it when closed), into a list's items, or nothing. */
type Plan =
  | { kind: 'mapping'; properties: [string, unknown][]; closed: boolean; known: Set<string> }
  | { kind: 'list'; items: unknown }
  | { kind: 'none' };

const NO_PLAN: Plan = { kind: 'none' };
const plans = new WeakMap<object, Plan>();

const isSchemaObject = (schema: unknown): schema is SchemaObject => typeof schema === 'object' && schema !== null && !Array.isArray(schema);
const onlyKeywords = (schema: SchemaObject, allowed: Set<string>): boolean => Object.keys(schema).every((keyword) => allowed.has(keyword));

function planOf(schema: unknown, root: SchemaObject): Plan {
  if (!isSchemaObject(schema)) return NO_PLAN;
  let plan = plans.get(schema);
  if (!plan) plans.set(schema, (plan = makePlan(schema, root)));
  return plan;
}

function makePlan(schema: SchemaObject, root: SchemaObject): Plan {
  const at = resolved(schema, root);
  if (!at) return NO_PLAN;
  if (at.items !== undefined) {
    return onlyKeywords(at, LIST_KEYWORDS) && isSchemaObject(at.items) ? { kind: 'list', items: at.items } : NO_PLAN;
  }
  if (!onlyKeywords(at, MAPPING_KEYWORDS) || (at.properties !== undefined && !isSchemaObject(at.properties)) || (at.required !== undefined && !Array.isArray(at.required))) return NO_PLAN;
  const properties = Object.entries((at.properties ?? {}) as SchemaObject);
  const known = new Set([...properties.map(([key]) => key), ...((at.required ?? []) as unknown[]).map(String)]);
  return { kind: 'mapping', properties, closed: at.additionalProperties === false, known };
}

/** The schema a `$ref` to `#/…` in the root schema stands for; undefined when unsure. */
function resolved(schema: SchemaObject, root: SchemaObject): SchemaObject | undefined {
  let at: unknown = schema;
  for (let hops = 0; hops < 32 && isSchemaObject(at); hops++) {
    const ref = at.$ref;
    if (ref === undefined) return at;
    if (typeof ref !== 'string' || !ref.startsWith('#/') || !onlyKeywords(at, REF_KEYWORDS)) return undefined;
    at = ref
      .slice(2)
      .split('/')
      .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((value, part) => (isSchemaObject(value) ? value[part] : undefined), root);
  }
  return undefined;
}

/**
 * The data as ajv needs to see it to find the problems a file lists: a mapping that forbids
 * other keys and has more than UNKNOWN_KEYS_SHOWN of them is shown with its known keys and its
 * first UNKNOWN_KEYS_SHOWN unknown ones (copied; the file's data is not changed). Where the walk
 * meets a keyword it does not know, it leaves the value as it is.
 */
function withinProblemLimit(data: unknown, schema: unknown, root = schema as SchemaObject): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const plan = planOf(schema, root);
  if (plan.kind === 'list') {
    if (!Array.isArray(data)) return data;
    let shown: unknown[] | undefined;
    for (let i = 0; i < data.length; i++) {
      const item = withinProblemLimit(data[i], plan.items, root);
      if (item !== data[i]) (shown ??= data.slice())[i] = item;
    }
    return shown ?? data;
  }
  if (plan.kind !== 'mapping' || Array.isArray(data)) return data;
  const record = data as Record<string, unknown>;
  let shown = plan.closed ? withFewerUnknownKeys(record, plan.known) : record;
  for (const [key, schemaOfKey] of plan.properties) {
    if (!Object.hasOwn(record, key)) continue;
    const value = withinProblemLimit(record[key], schemaOfKey, root);
    if (value === record[key]) continue;
    if (shown === record) shown = { ...record };
    put(shown, key, value);
  }
  return shown;
}

/** The mapping itself, or a copy with its known keys and its first UNKNOWN_KEYS_SHOWN others, in their order. */
function withFewerUnknownKeys(record: Record<string, unknown>, known: Set<string>): Record<string, unknown> {
  // A large mapping from the fast parser lists its keys without a for…in (a sort of all of them).
  const large = keysOfLargeMapping(record);
  let count = 0;
  if (large) count = large.size;
  else for (const _key in record) if (++count > UNKNOWN_KEYS_SHOWN) break; // A small mapping costs a few steps.
  if (count <= UNKNOWN_KEYS_SHOWN) return record;
  const shown: Record<string, unknown> = {};
  let unknown = 0;
  for (const key of large ? large.keys() : keysIn(record)) {
    if (!known.has(key) && unknown++ === UNKNOWN_KEYS_SHOWN) break;
    put(shown, key, record[key]);
  }
  if (unknown <= UNKNOWN_KEYS_SHOWN) return record;
  // Known keys after the last one kept: ajv looks them up by name, so where they go is no matter.
  for (const key of known) if (Object.hasOwn(record, key)) put(shown, key, record[key]);
  return shown;
}

function* keysIn(record: object): Generator<string> {
  for (const key in record) yield key;
}

/** Sets an own property, `__proto__` included (yaml makes that one an own key too). */
function put(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
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
