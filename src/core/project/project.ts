// A set of task files linted together: the single entry point of the CLI and the extension.
// Files are parsed once and their models cached; re-linting one file re-reads nothing else.
// A file added by a reader is read only when first used, and a lint may release each
// guideline's parse once it is checked, keeping only the agency names cross-file rules need:
// that keeps memory flat however many files a CLI run covers.
import { decodeTaskFile, detectKind, MAX_FILE_BYTES, parseSourceFile, positionAt, unreadableSourceFile } from '../source/document';
import type { FileKind, SourceFile } from '../source/document';
import type { ProjectConfig } from './config';
import { CONFIG_FILE_NAMES, EMPTY_CONFIG, readConfig } from './config';
import { folderOf, isWithin, joinRelative } from './locations';
import { formatSentence } from '../wording/messages';
import { allMeasures, readGuideline, readRegistry } from '../model/model';
import type { GuidelineModel, RegistryModel } from '../model/model';
import { RegistryIndex } from '../model/registry';
import { RULES, RULE_IDS } from '../rules/index';
import type { RuleContext } from '../rules/index';
import { findSuppressions } from '../rules/suppressions';
import type { Suppression } from '../rules/suppressions';
import { isIsoDate, localToday } from '../model/deadline';
import { compareDiagnostics } from '../types';
import type { Diagnostic, Locale, RuleId, SuppressedDiagnostic } from '../types';

export interface ProjectOptions {
  locale?: Locale;
  config?: ProjectConfig;
  /** Path of the one registry every guideline uses (from the configuration); else the nearest one. */
  registryPath?: string;
  /** How messages name a file when its key is not what a user reads (the editor keys files by URI). */
  displayPath?: (path: string) => string;
  /**
   * Where a file is, as an absolute path or URI with `/` separators: what decides which
   * configuration and registry govern it. The command line keys files by paths relative to its
   * working folder (absolute outside it), so it must say; default: the key itself.
   */
  locate?: (path: string) => string;
  /** The key of the file `relative` names from the file `from` (a configuration's registry); default: joined by `/`. */
  resolve?: (from: string, relative: string) => string;
  /**
   * The date `overdue` compares due dates with, YYYY-MM-DD: one for every file (the command
   * line's --today), or per file (the editor's setting, which a folder may set); undefined or
   * not a date: the local date when the file is linted.
   */
  today?: string | ((path: string) => string | undefined);
}

export interface LintResult {
  diagnostics: Diagnostic[];
  suppressed: SuppressedDiagnostic[];
}

export interface LintOptions {
  /** Forget each guideline's parse once it is linted (a reader brings it back if needed): for one-shot runs over many files. */
  release?: boolean;
  /** Called after each file is linted, for a host's progress display. */
  onFile?: (path: string) => void;
  /** Run only these rules (each still at its configured severity); default: every enabled rule. */
  only?: readonly RuleId[];
}

interface Entry {
  kind: FileKind;
  /** Produces the parsed file (again, after a release). */
  load: () => SourceFile;
  file?: SourceFile;
  /** Agency names as written in the guideline's measures: all that unused-agency needs, kept across a release. */
  names?: ReadonlySet<string>;
  guideline?: GuidelineModel;
  registry?: RegistryModel;
  index?: RegistryIndex;
  suppressions?: Suppression[];
}

/** A configuration file in the project: in force for the files in its folder and below, unless a nearer one is. */
interface ConfigEntry {
  config: ProjectConfig;
  problems: Diagnostic[];
  /** Its folder's location (see ProjectOptions.locate). */
  folder: string;
  /** The key of the registry it names, if it names one. */
  registryPath?: string;
}

export class Project {
  private readonly entries = new Map<string, Entry>();
  private readonly configs = new Map<string, ConfigEntry>();
  private readonly locate: (path: string) => string;
  private readonly resolvePath: (from: string, relative: string) => string;
  readonly locale: Locale;
  private readonly config: ProjectConfig;
  private readonly registryPath: string | undefined;
  private readonly displayPath: (path: string) => string;
  private readonly today: ProjectOptions['today'];
  /** registryPathFor answers, until a registry comes, goes or changes kind. */
  private readonly registryPaths = new Map<string, string | undefined>();
  /** The registries among the files, kept with registryPaths: looking for a file's registry goes through these, not every file. */
  private registries: string[] | undefined;

  constructor(options: ProjectOptions = {}) {
    this.locale = options.locale ?? 'en';
    this.config = options.config ?? EMPTY_CONFIG;
    this.registryPath = options.registryPath;
    this.displayPath = options.displayPath ?? ((path) => path);
    this.locate = options.locate ?? ((path) => path);
    this.resolvePath = options.resolve ?? joinRelative;
    this.today = options.today;
  }

  /**
   * Adds or replaces a configuration file (.taskmatrix.yaml) from its bytes (undefined: too large
   * to read); it governs the files in its folder and below, a nearer one overriding it whole.
   * Returns its problems (also kept: see configProblems); the rules it could read stay in force.
   */
  setConfigFile(path: string, bytes: Uint8Array | undefined): Diagnostic[] {
    const { config, problems } = readConfig(path, bytes, this.locale);
    this.configs.set(path, { config, problems, folder: folderOf(this.locate(path)), ...(config.registry ? { registryPath: this.resolvePath(path, config.registry) } : {}) });
    this.forgetRegistries();
    return problems;
  }

  deleteConfigFile(path: string): void {
    if (this.configs.delete(path)) this.forgetRegistries();
  }

  /** The registries configurations name (the project's own, then each file's), which hosts must add as registries. */
  configuredRegistries(): string[] {
    const named = [this.registryPath, ...this.configPaths().map((path) => this.configs.get(path)!.registryPath)];
    return [...new Set(named.filter((path) => path !== undefined))];
  }

  /** The configuration files, sorted by key. */
  configPaths(): string[] {
    return [...this.configs.keys()].sort();
  }

  /** The problems of every configuration file, in key order. */
  configProblems(): Diagnostic[] {
    return this.configPaths().flatMap((path) => this.configs.get(path)!.problems);
  }

  /** The configuration file in force for a file: the nearest in its folder or above; undefined when none is (the project's own then applies). */
  configPathFor(path: string): string | undefined {
    const folder = folderOf(this.locate(path));
    let best: string | undefined;
    for (const [candidate, entry] of this.configs) {
      if (!isWithin(folder, entry.folder)) continue;
      const bestFolder = best === undefined ? undefined : this.configs.get(best)!.folder;
      if (bestFolder === undefined || entry.folder.length > bestFolder.length || (entry.folder.length === bestFolder.length && candidate < best!)) best = candidate;
    }
    return best;
  }

  /** The rules in force for a file. */
  configFor(path: string): ProjectConfig {
    const governing = this.configPathFor(path);
    return governing === undefined ? this.config : this.configs.get(governing)!.config;
  }

  /**
   * The files whose findings or models may change when the given files change: each of them, a
   * guideline's registry (which finds unused agencies from its guidelines), the guidelines of a
   * registry among them, and every file when a configuration is among them.
   */
  affectedBy(paths: Iterable<string>): Set<string> {
    const affected = new Set<string>();
    const registries = new Set<string>();
    for (const path of paths) {
      if (this.configs.has(path) || isConfigName(path)) return new Set(this.paths());
      affected.add(path);
      const entry = this.entries.get(path);
      if (entry?.kind === 'registry') registries.add(path);
      else if (entry) {
        const registry = this.registryPathFor(path);
        if (registry !== undefined) affected.add(registry);
      }
    }
    if (registries.size) for (const guideline of this.guidelinePaths()) if (registries.has(this.registryPathFor(guideline)!)) affected.add(guideline);
    return affected;
  }

  /** Adds or replaces a file's text. The kind is detected from its name and modeline unless given. */
  setFile(path: string, text: string, kind?: FileKind): SourceFile {
    const file = parseSourceFile(path, text, kind);
    this.put(path, { kind: file.kind, file, load: () => parseSourceFile(path, text, file.kind) });
    return file;
  }

  /** Adds or replaces a file from its bytes: UTF-8 expected; oversized, binary or mis-encoded files get one clear diagnostic. */
  setFileBytes(path: string, bytes: Uint8Array, kind?: FileKind): SourceFile {
    const file = sourceFromBytes(path, bytes, kind);
    this.put(path, { kind: file.kind, file, load: () => sourceFromBytes(path, bytes, file.kind) });
    return file;
  }

  /**
   * Adds a file that a stat showed to be over MAX_FILE_BYTES, without reading it: it gets the one
   * diagnostic an oversized file gets (see readWithinLimit).
   */
  setOversizedFile(path: string, kind: FileKind = detectKind(path, '')): SourceFile {
    const file = unreadableSourceFile(path, { range: [0, 0], key: 'yaml.tooLarge', args: { limit: MAX_FILE_BYTES / 1024 / 1024 } }, kind);
    this.put(path, { kind, file, load: () => file });
    return file;
  }

  /**
   * Adds a file of a known kind whose bytes `read` returns when the file is first used (and
   * again after a release); errors thrown by `read` reach the caller of that use.
   */
  setFileReader(path: string, kind: FileKind, read: () => Uint8Array): void {
    this.put(path, { kind, load: () => sourceFromBytes(path, read(), kind) });
  }

  deleteFile(path: string): void {
    if (this.entries.get(path)?.kind === 'registry') this.forgetRegistries();
    this.entries.delete(path);
  }

  private put(path: string, entry: Entry): void {
    const before = this.entries.get(path);
    if (!before || before.kind === 'registry' || entry.kind === 'registry') this.forgetRegistries();
    this.entries.set(path, entry);
  }

  private forgetRegistries(): void {
    this.registryPaths.clear();
    this.registries = undefined;
  }

  /** Forgets a guideline's parse and models (they are rebuilt on next use); what cross-file rules need stays. */
  release(path: string): void {
    const entry = this.entry(path);
    if (entry.kind !== 'guideline') return;
    this.namesOf(entry, path);
    entry.file = undefined;
    entry.guideline = undefined;
    entry.suppressions = undefined;
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  file(path: string): SourceFile | undefined {
    const entry = this.entries.get(path);
    return entry && this.sourceOf(entry);
  }

  private sourceOf(entry: Entry): SourceFile {
    return (entry.file ??= entry.load());
  }

  /** Every file, sorted by path. */
  paths(): string[] {
    return [...this.entries.keys()].sort();
  }

  kind(path: string): FileKind {
    return this.entry(path).kind;
  }

  guidelinePaths(): string[] {
    return this.paths().filter((path) => this.entries.get(path)!.kind === 'guideline');
  }

  guideline(path: string): GuidelineModel {
    const entry = this.entry(path);
    return (entry.guideline ??= readGuideline(this.sourceOf(entry)));
  }

  registryModel(path: string): RegistryModel {
    const entry = this.entry(path);
    return (entry.registry ??= readRegistry(this.sourceOf(entry)));
  }

  /** The registry a file resolves agencies against: the one its configuration names, else the nearest registry in its folder or above. */
  registryFor(path: string): RegistryIndex | undefined {
    const registryPath = this.registryPathFor(path);
    if (registryPath === undefined) return undefined;
    const entry = this.entry(registryPath);
    return (entry.index ??= new RegistryIndex(this.registryModel(registryPath), this.displayPath(registryPath)));
  }

  registryPathFor(path: string): string | undefined {
    if (this.registryPaths.has(path)) return this.registryPaths.get(path);
    const found = this.findRegistryPath(path);
    this.registryPaths.set(path, found);
    return found;
  }

  private findRegistryPath(path: string): string | undefined {
    const own = this.entries.get(path);
    if (own?.kind === 'registry') return path;
    const governing = this.configPathFor(path);
    const configured = governing === undefined ? this.registryPath : this.configs.get(governing)!.registryPath;
    if (configured !== undefined) return this.entries.has(configured) ? configured : undefined;
    const folder = folderOf(this.locate(path));
    let best: string | undefined;
    let bestFolder = '';
    this.registries ??= [...this.entries].filter(([, entry]) => entry.kind === 'registry').map(([candidate]) => candidate);
    for (const candidate of this.registries) {
      const candidateFolder = folderOf(this.locate(candidate));
      if (!isWithin(folder, candidateFolder)) continue;
      if (best === undefined || candidateFolder.length > bestFolder.length || (candidateFolder.length === bestFolder.length && candidate < best)) {
        best = candidate;
        bestFolder = candidateFolder;
      }
    }
    return best;
  }

  /** The agency names a guideline's measures write, as cross-file rules see them. */
  usedNames(path: string): ReadonlySet<string> {
    return this.namesOf(this.entry(path), path);
  }

  /**
   * Records the agency names a guideline writes, known from elsewhere (the command line's
   * cache): cross-file rules then use them without reading the file.
   */
  setUsedNames(path: string, names: Iterable<string>): void {
    this.entry(path).names = new Set(names);
  }

  /** The agency names a guideline's measures write, computed once per text. */
  private namesOf(entry: Entry, path: string): ReadonlySet<string> {
    if (!entry.names) {
      const names = new Set<string>();
      for (const measure of allMeasures(this.guideline(path))) for (const agency of measure.agencies) names.add(agency.value);
      entry.names = names;
    }
    return entry.names;
  }

  /** Lints one file with every enabled rule; suppressed findings are returned apart. */
  lintFile(path: string, only?: readonly RuleId[]): LintResult {
    const entry = this.entry(path);
    const file = this.sourceOf(entry);
    const found: Diagnostic[] = [];
    const registry = this.registryFor(path);
    const config = this.configFor(path);
    // In a file that is not well-formed YAML, other findings would be guesses about a broken tree.
    const wellFormed = file.syntaxProblems.length === 0;
    const today = this.todayFor(path);
    for (const rule of RULES) {
      const severity = config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
      if (severity === 'off' || !rule.meta.appliesTo.includes(file.kind) || (only && !only.includes(rule.meta.id))) continue;
      if (!wellFormed && rule.meta.id !== 'yaml-syntax') continue;
      const context: RuleContext = {
        file,
        locale: this.locale,
        today,
        registry,
        guideline: () => this.guideline(path),
        registryModel: () => this.registryModel(path),
        namesUsingRegistry: () => this.guidelinePaths().filter((other) => this.registryPathFor(other) === path).map((other) => this.namesOf(this.entry(other), other)),
        report: (range, key, args = {}, data) => {
          const start = positionAt(file, range[0]);
          const end = positionAt(file, range[1]);
          found.push({
            rule: rule.meta.id,
            severity,
            message: formatSentence(this.locale, key, args),
            file: path,
            line: start.line,
            column: start.column,
            endLine: end.line,
            endColumn: end.column,
            offset: [range[0], range[1]],
            ...(data ? { data } : {}),
          });
        },
      };
      rule.check(context);
    }
    return this.applySuppressions(entry, found);
  }

  /** Lints the given files (default: all), in stable order. */
  lint(paths: string[] = this.paths(), options: LintOptions = {}): LintResult {
    const diagnostics: Diagnostic[] = [];
    const suppressed: SuppressedDiagnostic[] = [];
    // Guidelines first, so that a registry's cross-file check finds their names already kept.
    const order = options.release ? [...paths.filter((path) => this.entry(path).kind !== 'registry'), ...paths.filter((path) => this.entry(path).kind === 'registry')] : paths;
    for (const path of order) {
      const result = this.lintFile(path, options.only);
      // A loop, not push(...list): a hostile file can yield more findings than a call takes arguments.
      for (const d of result.diagnostics) diagnostics.push(d);
      for (const s of result.suppressed) suppressed.push(s);
      if (options.release) this.release(path);
      options.onFile?.(path);
    }
    return { diagnostics: diagnostics.sort(compareDiagnostics), suppressed: suppressed.sort(compareDiagnostics) };
  }

  /** The date a file's due dates are compared with. */
  todayFor(path: string): string {
    const given = typeof this.today === 'function' ? this.today(path) : this.today;
    return given !== undefined && isIsoDate(given) ? given : localToday();
  }

  private applySuppressions(entry: Entry, found: Diagnostic[]): LintResult {
    const suppressions = (entry.suppressions ??= findSuppressions(this.sourceOf(entry).text, RULE_IDS));
    const diagnostics: Diagnostic[] = [];
    const suppressed: SuppressedDiagnostic[] = [];
    for (const diagnostic of found) {
      const match = suppressions.find((s) => s.targetLine === diagnostic.line && (s.rules.length === 0 || s.rules.includes(diagnostic.rule)));
      if (match) suppressed.push({ ...diagnostic, suppression: { line: match.line, reason: match.reason } });
      else diagnostics.push(diagnostic);
    }
    return { diagnostics: diagnostics.sort(compareDiagnostics), suppressed: suppressed.sort(compareDiagnostics) };
  }

  private entry(path: string): Entry {
    const entry = this.entries.get(path);
    if (!entry) throw new Error(`taskmatrix: no file ${path} in the project`);
    return entry;
  }
}

function sourceFromBytes(path: string, bytes: Uint8Array, kind: FileKind | undefined): SourceFile {
  const decoded = decodeTaskFile(bytes);
  return 'text' in decoded ? parseSourceFile(path, decoded.text, kind) : unreadableSourceFile(path, decoded.problem, kind);
}

/** A configuration file's name, by which a deleted one is still known. */
function isConfigName(path: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(path.slice(path.lastIndexOf('/') + 1));
}
