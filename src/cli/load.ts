// Builds the project a command works on: configuration, the requested task files and the
// registries they resolve against (found next to them or above, loaded as context).
import { dirname, resolve } from 'node:path';
import { MAX_FILE_BYTES, parseConfig, Project } from '../core/index';
import type { Diagnostic, FileKind, Locale } from '../core/index';
import { assertRegularFile, collectTaskFiles, detectTaskFileKind, displayPath, findConfigAbove, findRegistryAbove, InputError, readTaskFile, reasonOf, UsageError } from './files';
import type { SkippedFile } from './files';
import { t } from './messages';

export interface LoadOptions {
  cwd: string;
  locale: Locale;
  configPath?: string;
  /** The date overdue deadlines are judged against (YYYY-MM-DD); default: the local date. */
  today?: string;
}

export interface LoadedProject {
  project: Project;
  /** The files the user asked for (display paths), in order; registries found as context are not among them. */
  requested: string[];
  /** Warnings for standard error (e.g. a guideline without a registry). */
  notes: string[];
  /** Where each file of the project is on disk, by its path in the project. */
  absolute: Map<string, string>;
  /** The configuration in force, as text (its path and contents): part of what a cached result depends on. */
  settings: string;
}

/** A configuration file that cannot be used: its diagnostics are printed and the command exits 2. */
export class ConfigError extends Error {
  constructor(
    readonly path: string,
    readonly problems: Diagnostic[],
  ) {
    super(path);
  }
}

export function loadProject(paths: string[], options: LoadOptions): LoadedProject {
  const { cwd, locale, today } = options;
  const configFile = options.configPath ? resolve(cwd, options.configPath) : findConfigAbove(cwd);
  let project: Project;
  let registryPath: string | undefined;
  let settings = '';
  if (configFile) {
    const shown = displayPath(configFile, cwd);
    let bytes: Uint8Array;
    try {
      bytes = readTaskFile(configFile);
    } catch (error) {
      throw new UsageError('cannotRead', { path: shown, reason: reasonOf(error) });
    }
    if (bytes.byteLength > MAX_FILE_BYTES) throw new InputError('configTooLarge', { path: shown, limit: MAX_FILE_BYTES / 1024 / 1024 });
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    settings = `${configFile}\n${text}`;
    const { config, problems } = parseConfig(shown, text, locale);
    if (problems.length) throw new ConfigError(shown, problems);
    registryPath = config.registry ? displayPath(resolve(dirname(configFile), config.registry), cwd) : undefined;
    project = new Project({ locale, config, registryPath, today });
  } else {
    project = new Project({ locale, today });
  }

  const collected = collectTaskFiles(paths.length ? paths : ['tasks/'], cwd);
  const notes = collected.skipped.map((skipped) => skippedNote(skipped, cwd, locale));
  if (collected.files.length === 0) throw new UsageError('noFiles', { paths: (paths.length ? paths : ['tasks/']).join(', ') });
  const requested: string[] = [];
  const where = new Map<string, string>();
  // The configured registry is a registry whatever its name or first line.
  if (registryPath !== undefined) addFile(project, resolve(cwd, registryPath), registryPath, cwd, where, 'registry');
  for (const file of collected.files) {
    const shown = displayPath(file, cwd);
    addFile(project, file, shown, cwd, where);
    requested.push(shown);
  }
  // Linting a project (a folder) lints its registry too, wherever the configuration keeps it.
  if (registryPath !== undefined && collected.walked && !requested.includes(registryPath)) requested.push(registryPath);

  for (const path of project.guidelinePaths()) {
    if (project.registryPathFor(path) !== undefined) continue;
    const found = findRegistryAbove(dirname(resolve(cwd, path)));
    if (found) addFile(project, found, displayPath(found, cwd), cwd, where);
    if (project.registryPathFor(path) === undefined) notes.push(t(locale, 'noRegistry', { path }));
  }
  return { project, requested, notes, absolute: where, settings };
}

/** The line on standard error for a file a folder walk skipped. */
function skippedNote(skipped: SkippedFile, cwd: string, locale: Locale): string {
  const path = displayPath(skipped.path, cwd);
  return t(locale, skipped.reason === 'linkOutside' ? 'skippedLinkOutside' : skipped.reason === 'linkBroken' ? 'skippedLinkBroken' : 'skippedNameNotUtf8', { path, target: skipped.target === undefined ? '' : displayPath(skipped.target, cwd) });
}

function addFile(project: Project, absolute: string, shown: string, cwd: string, where: Map<string, string>, known?: FileKind): void {
  if (project.has(shown)) return;
  where.set(shown, absolute);
  let kind;
  try {
    // A pipe or device is refused here, before anything waits on it.
    assertRegularFile(absolute);
    kind = known ?? detectTaskFileKind(absolute, shown);
  } catch (error) {
    throw new UsageError('cannotRead', { path: displayPath(absolute, cwd), reason: reasonOf(error) });
  }
  // Read when used: a lint of many files then holds one file's text at a time.
  project.setFileReader(shown, kind, () => readProjectFile(absolute, cwd));
}

/** A task file's bytes; a failure is the usage error every command reports. */
export function readProjectFile(absolute: string, cwd: string): Uint8Array {
  try {
    return readTaskFile(absolute);
  } catch (error) {
    throw new UsageError('cannotRead', { path: displayPath(absolute, cwd), reason: reasonOf(error) });
  }
}
