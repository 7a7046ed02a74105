// `taskmatrix lint`: diagnostics in the chosen format and the design's exit codes.
import { LINT_FORMATS, counts } from '../formatters/index';
import { compareDiagnostics, localToday } from '../../core/index';
import type { LintResult } from '../../core/index';
import { cacheFilePath, digest, LintCache } from '../cache';
import { loadProject, readProjectFile } from '../load';
import type { LoadedProject } from '../load';
import { t } from '../messages';
import { lintFiles } from '../parallel-lint';
import type { ParallelOptions } from '../parallel-lint';
import type { CommandContext } from './command';
import { displayPath, reasonOf, UsageError } from '../files';

export async function lintCommand(context: CommandContext): Promise<number> {
  const { options, locale } = context;
  const format = String(options.format ?? 'stylish');
  const formatter = LINT_FORMATS[format];
  if (!formatter) throw new UsageError('unknownFormat', { format, command: 'lint', formats: Object.keys(LINT_FORMATS).join(', ') });
  const maxWarnings = parseMaxWarnings(options['max-warnings']);

  const loaded = loadProject(context.paths, context);
  loaded.notes.forEach((note) => context.stderr(`${note}\n`));
  context.progress?.start('progressLint', loaded.requested.length);
  const { diagnostics, suppressed } = options.cache ? await lintWithCache(loaded, context) : await lintFiles(loaded, loaded.requested, parallelOptions(context));
  context.write(
    formatter({
      diagnostics,
      suppressed,
      files: loaded.requested,
      reportSuppressed: Boolean(options['report-suppressed']),
      locale,
      cwd: context.cwd,
      color: context.color && !options.output,
      version: context.version,
    }),
  );
  const { errors, warnings } = counts(diagnostics);
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    context.stderr(`${t(locale, 'maxWarningsExceeded', { count: warnings, max: maxWarnings })}\n`);
    return 1;
  }
  return 0;
}

/**
 * Lints what changed since the last `--cache` run and reuses the stored findings of the rest;
 * the output is the same as without the cache.
 */
async function lintWithCache(loaded: LoadedProject, context: CommandContext): Promise<LintResult> {
  const { project } = loaded;
  const cacheLocation = context.options['cache-location'];
  const cacheFile = cacheFilePath(typeof cacheLocation === 'string' ? cacheLocation : undefined, context.cwd);
  const cache = LintCache.load(cacheFile, displayPath(cacheFile, context.cwd));
  // The date is part of what a finding depends on (overdue): a stored result is good for one day.
  const settings = digest(context.version, context.locale, loaded.settings, context.today ?? localToday());
  const registryDigests = new Map<string, string>();
  const registryDigest = (path: string) => {
    let known = registryDigests.get(path);
    if (known === undefined) registryDigests.set(path, (known = digest(project.file(path)!.text)));
    return known;
  };

  const reused: LintResult = { diagnostics: [], suppressed: [] };
  const toLint: string[] = [];
  const keys = new Map<string, string>();
  for (const path of loaded.requested) {
    if (project.kind(path) !== 'guideline') {
      toLint.push(path);
      continue;
    }
    const registry = project.registryPathFor(path);
    const key = digest(settings, path, registry ?? '', registry === undefined ? '' : registryDigest(registry), readProjectFile(loaded.absolute.get(path)!, context.cwd));
    const hit = cache.get(path, key);
    if (hit) {
      context.progress?.advance();
      project.setUsedNames(path, hit.names);
      for (const d of hit.diagnostics) reused.diagnostics.push(d);
      for (const d of hit.suppressed) reused.suppressed.push(d);
    } else {
      keys.set(path, key);
      toLint.push(path);
    }
  }

  const fresh = await lintFiles(loaded, toLint, parallelOptions(context));
  const byFile = new Map<string, LintResult>([...keys.keys()].map((path) => [path, { diagnostics: [], suppressed: [] }]));
  for (const d of fresh.diagnostics) byFile.get(d.file)?.diagnostics.push(d);
  for (const d of fresh.suppressed) byFile.get(d.file)?.suppressed.push(d);
  for (const [path, key] of keys) cache.set(path, key, { ...byFile.get(path)!, names: [...project.usedNames(path)] });
  try {
    cache.save();
  } catch (error) {
    // A link or a non-file put there since the start is refused (exit 2); a disk that fails only costs the next run time.
    if (error instanceof UsageError && error.key !== 'writeFailed') throw error;
    const reason = error instanceof UsageError ? String(error.args.reason) : reasonOf(error);
    context.stderr(`${t(context.locale, 'cacheNotWritten', { path: displayPath(cache.file, context.cwd), reason })}\n`);
  }
  for (const d of fresh.diagnostics) reused.diagnostics.push(d);
  for (const d of fresh.suppressed) reused.suppressed.push(d);
  return { diagnostics: reused.diagnostics.sort(compareDiagnostics), suppressed: reused.suppressed.sort(compareDiagnostics) };
}

function parallelOptions(context: CommandContext): ParallelOptions {
  const concurrency = context.options.concurrency;
  if (concurrency !== undefined && !/^(auto|off|[1-9]\d*)$/.test(String(concurrency))) throw new UsageError('badConcurrency', { value: String(concurrency) });
  return {
    cwd: context.cwd,
    locale: context.locale,
    ...(context.today ? { today: context.today } : {}),
    ...(context.configPath ? { configPath: context.configPath } : {}),
    ...(typeof concurrency === 'string' ? { concurrency } : {}),
    ...(context.progress ? { onFile: () => context.progress!.advance() } : {}),
  };
}

function parseMaxWarnings(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d+$/.test(text)) throw new UsageError('badMaxWarnings', { value: text });
  return Number(text);
}
