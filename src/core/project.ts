// A set of task files linted together: the single entry point of the CLI and the extension.
// Files are parsed once and their models cached; re-linting one file re-reads nothing else.
import { decodeTaskFile, parseSourceFile, positionAt, unreadableSourceFile } from './document';
import type { FileKind, SourceFile } from './document';
import type { ProjectConfig, RuleSetting } from './config';
import { EMPTY_CONFIG } from './config';
import { formatSentence } from './messages';
import { readGuideline, readRegistry } from './model';
import type { GuidelineModel, RegistryModel } from './model';
import { RegistryIndex } from './registry';
import { RULES, RULE_IDS } from './rules/index';
import type { RuleContext } from './rules/index';
import { findSuppressions } from './suppressions';
import type { Suppression } from './suppressions';
import { compareDiagnostics } from './types';
import type { Diagnostic, Locale, SuppressedDiagnostic } from './types';

export interface ProjectOptions {
  locale?: Locale;
  config?: ProjectConfig;
  /** Path of the one registry every guideline uses (from the configuration); else the nearest one. */
  registryPath?: string;
  /** How messages name a file when its key is not what a user reads (the editor keys files by URI). */
  displayPath?: (path: string) => string;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  suppressed: SuppressedDiagnostic[];
}

interface Entry {
  file: SourceFile;
  guideline?: GuidelineModel;
  registry?: RegistryModel;
  index?: RegistryIndex;
  suppressions?: Suppression[];
}

export class Project {
  private readonly entries = new Map<string, Entry>();
  readonly locale: Locale;
  private readonly config: ProjectConfig;
  private readonly registryPath: string | undefined;
  private readonly displayPath: (path: string) => string;

  constructor(options: ProjectOptions = {}) {
    this.locale = options.locale ?? 'en';
    this.config = options.config ?? EMPTY_CONFIG;
    this.registryPath = options.registryPath;
    this.displayPath = options.displayPath ?? ((path) => path);
  }

  /** Adds or replaces a file's text. The kind is detected from its name and modeline unless given. */
  setFile(path: string, text: string, kind?: FileKind): SourceFile {
    const file = parseSourceFile(path, text, kind);
    this.entries.set(path, { file });
    return file;
  }

  /** Adds or replaces a file from its bytes: UTF-8 expected; oversized, binary or mis-encoded files get one clear diagnostic. */
  setFileBytes(path: string, bytes: Uint8Array, kind?: FileKind): SourceFile {
    const decoded = decodeTaskFile(bytes);
    if ('text' in decoded) return this.setFile(path, decoded.text, kind);
    const file = unreadableSourceFile(path, decoded.problem, kind);
    this.entries.set(path, { file });
    return file;
  }

  deleteFile(path: string): void {
    this.entries.delete(path);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  file(path: string): SourceFile | undefined {
    return this.entries.get(path)?.file;
  }

  /** Every file, sorted by path. */
  paths(): string[] {
    return [...this.entries.keys()].sort();
  }

  guidelinePaths(): string[] {
    return this.paths().filter((path) => this.entries.get(path)!.file.kind === 'guideline');
  }

  guideline(path: string): GuidelineModel {
    const entry = this.entry(path);
    return (entry.guideline ??= readGuideline(entry.file));
  }

  registryModel(path: string): RegistryModel {
    const entry = this.entry(path);
    return (entry.registry ??= readRegistry(entry.file));
  }

  /** The registry a file resolves agencies against: the configured one, else the nearest registry in its folder or above. */
  registryFor(path: string): RegistryIndex | undefined {
    const registryPath = this.registryPathFor(path);
    if (registryPath === undefined) return undefined;
    const entry = this.entry(registryPath);
    return (entry.index ??= new RegistryIndex(this.registryModel(registryPath), this.displayPath(registryPath)));
  }

  registryPathFor(path: string): string | undefined {
    const own = this.entries.get(path);
    if (own?.file.kind === 'registry') return path;
    if (this.registryPath !== undefined) return this.entries.has(this.registryPath) ? this.registryPath : undefined;
    const folder = folderOf(path);
    let best: string | undefined;
    for (const [candidate, entry] of this.entries) {
      if (entry.file.kind !== 'registry') continue;
      const candidateFolder = folderOf(candidate);
      if (!isWithin(folder, candidateFolder)) continue;
      if (best === undefined || candidateFolder.length > folderOf(best).length || (candidateFolder.length === folderOf(best).length && candidate < best)) best = candidate;
    }
    return best;
  }

  /** Lints one file with every enabled rule; suppressed findings are returned apart. */
  lintFile(path: string): LintResult {
    const entry = this.entry(path);
    const { file } = entry;
    const found: Diagnostic[] = [];
    const registry = this.registryFor(path);
    // In a file that is not well-formed YAML, other findings would be guesses about a broken tree.
    const wellFormed = file.syntaxProblems.length === 0;
    for (const rule of RULES) {
      const severity = this.severity(rule.meta.id, rule.meta.defaultSeverity);
      if (severity === 'off' || !rule.meta.appliesTo.includes(file.kind)) continue;
      if (!wellFormed && rule.meta.id !== 'yaml-syntax') continue;
      const context: RuleContext = {
        file,
        locale: this.locale,
        registry,
        guideline: () => this.guideline(path),
        registryModel: () => this.registryModel(path),
        guidelinesUsingRegistry: () => this.guidelinePaths().filter((other) => this.registryPathFor(other) === path).map((other) => this.guideline(other)),
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
  lint(paths: string[] = this.paths()): LintResult {
    const diagnostics: Diagnostic[] = [];
    const suppressed: SuppressedDiagnostic[] = [];
    for (const path of paths) {
      const result = this.lintFile(path);
      // A loop, not push(...list): a hostile file can yield more findings than a call takes arguments.
      for (const d of result.diagnostics) diagnostics.push(d);
      for (const s of result.suppressed) suppressed.push(s);
    }
    return { diagnostics: diagnostics.sort(compareDiagnostics), suppressed: suppressed.sort(compareDiagnostics) };
  }

  private severity(rule: Diagnostic['rule'], fallback: Diagnostic['severity']): RuleSetting {
    return this.config.rules[rule] ?? fallback;
  }

  private applySuppressions(entry: Entry, found: Diagnostic[]): LintResult {
    const suppressions = (entry.suppressions ??= findSuppressions(entry.file.text, RULE_IDS));
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

function folderOf(path: string): string {
  const normal = path.replace(/\\/g, '/');
  const slash = normal.lastIndexOf('/');
  return slash < 0 ? '' : normal.slice(0, slash);
}

/** Whether `folder` is `ancestor` or lies below it ('' is the root of relative paths). */
function isWithin(folder: string, ancestor: string): boolean {
  // '' is the working folder of relative paths: an ancestor of every other relative path.
  if (ancestor === '') return !folder.startsWith('/') && !/^[a-z]:/i.test(folder);
  return folder === ancestor || folder.startsWith(`${ancestor}/`);
}
