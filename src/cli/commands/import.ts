// `taskmatrix import`: a policy document (text, Word, PDF, Excel or CSV task table) to guideline
// YAML. The reading is the core's (src/core/import); this file finds the files, refuses to
// overwrite, and reports.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { applyTextEdits, DOCUMENT_ID, documentIdFromFileName, formatMessage, importGuideline, isEmptyRegistry, placeInDocument, Project, readDocument, registryUpdate, sourceDescription, TEXT_ENCODINGS, unreadableReason } from '../../core/index';
import type { RegistryIndex, RegistryUpdate, SourceFile, TextEncodingName } from '../../core/index';
import { displayPath, findRegistryAbove, InputError, readTaskFile, reasonOf, UsageError } from '../files';
import { t } from '../messages';
import { printable } from '../text-width';
import { writeAllOrNothing } from '../safe-write';
import type { PlannedWrite } from '../safe-write';
import type { CommandContext } from './command';

export async function importCommand(context: CommandContext): Promise<number> {
  const { options, locale, cwd } = context;
  if (context.paths.length !== 1) throw new UsageError('importOneFile');
  const input = context.paths[0]!;
  const inputShown = input === '-' ? '-' : displayPath(resolve(cwd, input), cwd);
  const id = documentId(input, options.id);
  const encoding = encodingOption(options.encoding);
  const output = typeof options.output === 'string' ? resolve(cwd, options.output) : undefined;
  const force = options.force === true;
  if (output && existsSync(output) && !force) throw new UsageError('importExists', { path: displayPath(output, cwd) });

  context.progress?.start('progressImport', 1);
  const source = await readDocument(readInput(input, cwd), { ...(input === '-' ? {} : { fileName: input }), ...(encoding ? { encoding } : {}) });
  if ('error' in source) throw new InputError('importUnreadable', { reason: unreadableReason(source, inputShown, locale, encoding) });

  const updateRegistry = options['update-registry'] === true;
  const registryFile = registryPath(options.registry, output, cwd, updateRegistry);
  const registry = registryFile && (existsSync(registryFile) || !updateRegistry) ? loadRegistry(registryFile, cwd) : undefined;

  const result = importGuideline(source, {
    id,
    locale,
    ...(typeof options.title === 'string' ? { title: options.title } : {}),
    ...(typeof options.issuer === 'string' ? { issuer: options.issuer } : {}),
    ...(registry ? { registry: registry.index } : {}),
    // On standard output the YAML is usually redirected into tasks/, the layout of the design.
    schemaPath: schemaPathFor(output ? dirname(output) : join(cwd, 'tasks'), 'guideline.schema.json'),
  });

  context.progress?.advance();

  // Everything that can fail is checked before anything is written.
  let registryWrite: { path: string; shown: string; text: string; update: RegistryUpdate } | undefined;
  if (updateRegistry && registryFile && result.newAgencies.length > 0) {
    const shown = displayPath(registryFile, cwd);
    if (registry) {
      // A registry with no agencies yet has schema errors (`agencies: []` is fine, `agencies:` is not): it is filled all the same.
      const broken = registry.errors.find((error) => !(error.rule === 'schema' && isEmptyRegistry(registry.file)));
      if (broken) throw new UsageError('importRegistryBroken', { path: shown, detail: broken.text });
    }
    const update = registryUpdate(registry?.file, { names: result.newAgencies, aliases: result.aliases }, { locale, schemaPath: schemaPathFor(dirname(registryFile), 'agencies.schema.json') });
    if (!update) throw new UsageError('importRegistryShape', { path: shown });
    registryWrite = { path: registryFile, shown, text: (registry?.bom ? '\uFEFF' : '') + applyTextEdits(registry?.text ?? '', update.edits), update };
  }

  // Both files are written, or neither: temporary files beside them, renamed once both are flushed.
  const writes: PlannedWrite[] = [];
  if (output) writes.push({ path: output, shown: displayPath(output, cwd), text: result.yaml, mustNotExist: !force });
  if (registryWrite) writes.push({ path: registryWrite.path, shown: registryWrite.shown, text: registryWrite.text });
  writeAllOrNothing(writes);
  if (!output) context.write(result.yaml);

  const { stderr } = context;
  const { counts } = result;
  stderr(`${t(locale, 'importSummary', { input: inputShown, format: sourceDescription(source, locale), output: output ? displayPath(output, cwd) : t(locale, 'importStdout'), ...counts })}\n`);
  if (result.problems.length > 0) {
    stderr(`${t(locale, 'importProblems', { count: result.problems.length })}\n`);
    for (const problem of result.problems) {
      // file:line for text, which terminals and editors link; page and paragraph (or row) otherwise.
      const place = placeInDocument(problem, source.format, locale);
      // The excerpt and the message quote the document: shown printable, never as terminal commands.
      stderr(`  ${printable(inputShown)}:${place === undefined ? problem.line : ` ${place}`}: ${printable(problem.message)}\n      ${printable(problem.excerpt)}\n`);
    }
  } else {
    stderr(`${t(locale, 'importAllRead')}\n`);
  }
  const names = (list: readonly string[]) => list.join(locale === 'zh-cn' ? '、' : ', ');
  const pairs = (list: ReadonlyArray<{ alias: string; name: string }>) => names(list.map(({ alias, name }) => `${alias} → ${name}`));
  if (registry && result.newAgencies.length > 0) stderr(`${t(locale, 'importNewAgencies', { registry: registry.shown, count: result.newAgencies.length, names: names(result.newAgencies) })}\n`);
  if (registryWrite) {
    const { update, shown } = registryWrite;
    const mark = formatMessage(locale, 'fix.reviewKind');
    stderr(`${t(locale, update.created ? 'importRegistryCreated' : 'importRegistryUpdated', { registry: shown, count: update.added.length, mark })}\n`);
    if (update.aliased.length > 0) stderr(`${t(locale, 'importAliasesAdded', { count: update.aliased.length, pairs: pairs(update.aliased) })}\n`);
    if (update.separate.length > 0) stderr(`${t(locale, 'importAliasesSeparate', { count: update.separate.length, pairs: pairs(update.separate) })}\n`);
  } else if (!registry) {
    stderr(`${t(locale, 'importWithoutRegistry')}\n`);
  } else if (result.newAgencies.length > 0) {
    stderr(`${t(locale, 'importNewAgenciesHint', { registry: registry.shown })}\n`);
  }
  return 0;
}

/** --id, or the file name when it makes one (zj-ai-2027.txt → zj-ai-2027). */
function documentId(input: string, given: string | boolean | undefined): string {
  if (typeof given === 'string') {
    if (!DOCUMENT_ID.test(given)) throw new UsageError('importBadId', { value: given });
    return given;
  }
  const id = input === '-' ? undefined : documentIdFromFileName(basename(input));
  if (id === undefined) throw new UsageError('importNeedsId', { name: input === '-' ? '-' : basename(input) });
  return id;
}

function encodingOption(value: string | boolean | undefined): TextEncodingName | undefined {
  if (value === undefined || value === 'auto') return undefined;
  const name = String(value).toLowerCase().replace(/^(gbk|gb2312|cp936)$/, 'gb18030').replace(/^utf8$/, 'utf-8');
  if (!(TEXT_ENCODINGS as readonly string[]).includes(name)) throw new UsageError('importBadEncoding', { value: String(value) });
  return name as TextEncodingName;
}

function readInput(input: string, cwd: string): Uint8Array {
  const absolute = resolve(cwd, input);
  try {
    if (input === '-') return readFileSync(0);
    if (statSync(absolute).isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    return readTaskFile(absolute);
  } catch (error) {
    throw new UsageError('cannotRead', { path: input === '-' ? '-' : displayPath(absolute, cwd), reason: reasonOf(error) });
  }
}

/**
 * --registry, else the nearest agencies.yaml above the output, else tasks/agencies.yaml; failing
 * all of them, --update-registry starts one beside the output (tasks/agencies.yaml beside
 * tasks/<id>.yaml, the project's layout).
 */
function registryPath(given: string | boolean | undefined, output: string | undefined, cwd: string, update: boolean): string | undefined {
  if (typeof given === 'string') return resolve(cwd, given);
  const found = findRegistryAbove(output ? dirname(output) : cwd);
  if (found) return found;
  const conventional = join(cwd, 'tasks', 'agencies.yaml');
  if (existsSync(conventional)) return conventional;
  if (!update) return undefined;
  if (!output) throw new UsageError('importNoRegistry');
  return join(dirname(output), 'agencies.yaml');
}

interface LoadedRegistry {
  absolute: string;
  shown: string;
  /** The text without a byte-order mark, which `bom` says the file had. */
  text: string;
  bom: boolean;
  file: SourceFile;
  index: RegistryIndex;
  /** Errors (yaml-syntax, schema, …) as `line:column message`, with their rule. */
  errors: Array<{ rule: string; text: string }>;
}

function loadRegistry(absolute: string, cwd: string): LoadedRegistry {
  const shown = displayPath(absolute, cwd);
  let bytes: Uint8Array;
  try {
    bytes = readTaskFile(absolute);
  } catch (error) {
    throw new UsageError('cannotRead', { path: shown, reason: reasonOf(error) });
  }
  const project = new Project({ registryPath: shown });
  const file = project.setFileBytes(shown, bytes, 'registry');
  const errors = project
    .lintFile(shown)
    .diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => ({ rule: diagnostic.rule, text: `${diagnostic.line}:${diagnostic.column} ${diagnostic.message}` }));
  return { absolute, shown, text: file.text, bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, file, index: project.registryFor(shown)!, errors };
}

/**
 * A modeline's schema path, relative to the folder of the file it heads, so that the file reads the
 * same on every machine: the project's own schemas/ folder when there is one above it (as in this
 * repository), else the schema of the taskmatrix installed in the project's node_modules (by that
 * path, even when it is a link elsewhere), else the schema shipped beside this bundle.
 */
function schemaPathFor(folder: string, schema: 'guideline.schema.json' | 'agencies.schema.json'): string {
  let current = resolve(folder);
  for (;;) {
    for (const candidate of [join(current, 'schemas', schema), join(current, 'node_modules', 'taskmatrix', 'schemas', schema)]) {
      if (existsSync(candidate)) return toPosix(relative(folder, candidate));
    }
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return toPosix(relative(folder, join(__dirname, '..', 'schemas', schema)));
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
