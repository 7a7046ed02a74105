// Builds the project a command works on: configuration, the requested task files and the
// registries they resolve against (found next to them or above, loaded as context).
import { dirname, resolve, sep } from 'node:path';
import { MAX_FILE_BYTES, Project, readConfig } from '../core/index';
import type { Diagnostic, FileKind, Locale, ProjectConfig } from '../core/index';
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
  // Keys are display paths (relative to the working folder, absolute outside it); the engine
  // decides which configuration and registry govern a file by where it is.
  const locate = (key: string) => resolve(cwd, key).split(sep).join('/');
  const resolveKey = (from: string, relative: string) => displayPath(resolve(dirname(resolve(cwd, from)), relative), cwd);
  const projectOptions = { locale, today, locate, resolve: resolveKey };
  const configs: string[] = [];
  let project: Project;
  if (options.configPath) {
    // --config: this one configuration for every file; none is looked for.
    const configFile = resolve(cwd, options.configPath);
    const { config } = readConfigFile(configFile, cwd, locale, configs);
    const registryPath = config.registry ? displayPath(resolve(dirname(configFile), config.registry), cwd) : undefined;
    project = new Project({ ...projectOptions, config, ...(registryPath === undefined ? {} : { registryPath }) });
  } else {
    project = new Project(projectOptions);
  }

  const collected = collectTaskFiles(paths.length ? paths : ['tasks/'], cwd);
  const notes = collected.skipped.map((skipped) => skippedNote(skipped, cwd, locale));
  if (collected.files.length === 0) throw new UsageError('noFiles', { paths: (paths.length ? paths : ['tasks/']).join(', ') });
  const requested: string[] = [];
  const where = new Map<string, string>();
  // Each file's configuration: the nearest .taskmatrix.yaml in its folder or above (one a
  // sub-folder holds overrides the root's for the files below it).
  if (!options.configPath) {
    const nearest = new Map<string, string | undefined>();
    for (const file of collected.files) {
      const folder = dirname(file);
      if (!nearest.has(folder)) nearest.set(folder, findConfigAbove(folder));
    }
    for (const configFile of new Set([...nearest.values()].filter((found) => found !== undefined))) {
      const shown = displayPath(configFile, cwd);
      project.setConfigFile(shown, readConfigFile(configFile, cwd, locale, configs).bytes);
    }
  }
  // A configured registry is a registry whatever its name or first line.
  const configured = project.configuredRegistries();
  for (const registryPath of configured) addFile(project, resolve(cwd, registryPath), registryPath, cwd, where, 'registry');
  for (const file of collected.files) {
    const shown = displayPath(file, cwd);
    addFile(project, file, shown, cwd, where);
    requested.push(shown);
  }
  // Linting a project (a folder) lints its registry too, wherever the configuration keeps it.
  if (collected.walked) for (const registryPath of configured) if (!requested.includes(registryPath)) requested.push(registryPath);

  for (const path of project.guidelinePaths()) {
    if (project.registryPathFor(path) !== undefined) continue;
    const found = findRegistryAbove(dirname(resolve(cwd, path)));
    if (found) addFile(project, found, displayPath(found, cwd), cwd, where);
    if (project.registryPathFor(path) === undefined) notes.push(t(locale, 'noRegistry', { path }));
  }
  return { project, requested, notes, absolute: where, settings: configs.join('\n') };
}

/**
 * A configuration file's bytes and rules; one that cannot be read is a usage error, one with
 * problems a ConfigError (exit 2, its problems listed). Its path and text join `settings`.
 */
function readConfigFile(configFile: string, cwd: string, locale: Locale, settings: string[]): { bytes: Uint8Array; config: ProjectConfig } {
  const shown = displayPath(configFile, cwd);
  let bytes: Uint8Array;
  try {
    bytes = readTaskFile(configFile);
  } catch (error) {
    throw new UsageError('cannotRead', { path: shown, reason: reasonOf(error) });
  }
  if (bytes.byteLength > MAX_FILE_BYTES) throw new InputError('configTooLarge', { path: shown, limit: MAX_FILE_BYTES / 1024 / 1024 });
  const { config, problems } = readConfig(shown, bytes, locale);
  if (problems.length) throw new ConfigError(shown, problems);
  settings.push(`${configFile}\n${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')}`);
  return { bytes, config };
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
