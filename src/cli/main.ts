// Entry point of the `taskmatrix` command: argument parsing, locale, output and exit codes.
// Every decision is the core's; this file only translates between it and a terminal.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { isIsoDate, localToday, resolveLocale } from '../core/index';
import type { Locale } from '../core/index';
import { exportCommand } from './commands/export';
import { diffCommand } from './commands/diff';
import { graphCommand } from './commands/graph';
import { importCommand } from './commands/import';
import { lintCommand } from './commands/lint';
import { matrixCommand } from './commands/matrix';
import { reportCommand } from './commands/report';
import { statsCommand } from './commands/stats';
import type { CommandContext } from './commands/command';
import { InputError, reasonOf, UsageError } from './files';
import { helpText } from './help';
import { ConfigError } from './load';
import { t } from './messages';
import { SILENT_PROGRESS, terminalProgress } from './progress';
import type { Progress } from './progress';
import { printable, terminalSafe } from './text-width';
import { lintWorkerJob, runLintWorker } from './parallel-lint';
import { refuseUnsafeTargets, writeFileSafely } from './safe-write';

const COMMANDS: Record<string, (context: CommandContext) => number | Promise<number>> = {
  lint: lintCommand,
  graph: graphCommand,
  matrix: matrixCommand,
  stats: statsCommand,
  report: reportCommand,
  import: importCommand,
  export: exportCommand,
  diff: diffCommand,
};

type OptionName = keyof typeof OPTIONS;

/** Options every command takes: language, colour, help and version. */
const GLOBAL_OPTIONS: readonly OptionName[] = ['locale', 'color', 'no-color', 'help', 'version'];

/**
 * The options of each command, besides the global ones. Any other is a usage error (exit 2):
 * `matrix --chapter 2` must not print the whole matrix as if it had been heard.
 */
const COMMAND_OPTIONS: Record<string, readonly OptionName[]> = {
  lint: ['format', 'max-warnings', 'report-suppressed', 'cache', 'cache-location', 'concurrency', 'output', 'config', 'today', 'quiet'],
  graph: ['format', 'agency', 'chapter', 'level', 'output', 'config'],
  matrix: ['format', 'grid', 'output', 'config'],
  stats: ['format', 'output', 'config'],
  report: ['out', 'output', 'config', 'today', 'quiet'],
  import: ['id', 'output', 'force', 'registry', 'update-registry', 'encoding', 'title', 'issuer', 'quiet'],
  export: ['format', 'output', 'by-agency', 'config', 'today', 'quiet'],
  diff: ['format', 'git', 'output', 'config'],
};

/** Commands whose work can take long enough to show a progress line (the ones that take --quiet). */
const SHOWS_PROGRESS = new Set(Object.keys(COMMAND_OPTIONS).filter((command) => COMMAND_OPTIONS[command]!.includes('quiet')));

/** Commands that write their -o file themselves (import refuses to overwrite without --force; export writes bytes). */
const WRITES_OWN_OUTPUT = new Set(['import', 'export']);

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'max-warnings': { type: 'string' },
  'report-suppressed': { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  concurrency: { type: 'string' },
  output: { type: 'string', short: 'o' },
  agency: { type: 'string' },
  chapter: { type: 'string' },
  level: { type: 'string' },
  grid: { type: 'boolean' },
  'by-agency': { type: 'boolean' },
  out: { type: 'string' },
  locale: { type: 'string' },
  config: { type: 'string' },
  today: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  id: { type: 'string' },
  force: { type: 'boolean' },
  registry: { type: 'string' },
  'update-registry': { type: 'boolean' },
  encoding: { type: 'string' },
  title: { type: 'string' },
  issuer: { type: 'string' },
  git: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Runs the command line and resolves to the exit code; never rejects. */
export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<number> {
  // The locale is read before parsing so that even a parse error speaks the user's language.
  let locale = localeFromArguments(argv) ?? localeFromEnvironment(env);
  const [command, ...rest] = argv;
  // Data may hold terminal escapes (ESC]0;…BEL, ESC[2J) and bidi overrides. Every output format
  // shows them escaped already; this is the last guard: nothing reaches a terminal raw but the
  // colour codes of our own (redirected, standard output stays byte for byte what the format wrote).
  let colourOn = false;
  // Any other output first wipes the progress line, so that it never lands in the middle of a line.
  let progress: Progress = SILENT_PROGRESS;
  const stdout = (text: string) => {
    progress.clear();
    process.stdout.write(process.stdout.isTTY ? terminalSafe(text, colourOn) : text);
  };
  const stderr = (text: string) => {
    progress.clear();
    process.stderr.write(terminalSafe(text, false));
  };
  try {
    const parsed = parseArgs({ args: command && !command.startsWith('-') ? rest : argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
    const options = parsed.values as Record<string, string | boolean | undefined>;
    if (typeof options.locale === 'string') {
      if (!/^(en|zh)([-_].*)?$/i.test(options.locale)) throw new UsageError('badLocale', { value: options.locale });
      locale = resolveLocale(options.locale);
    }
    if (options.version) {
      stdout(`${version}\n`);
      return 0;
    }
    if (command === 'help') {
      const topic = parsed.positionals[0];
      if (topic !== undefined && !COMMANDS[topic]) throw new UsageError('unknownCommand', { command: topic });
      stdout(helpText(topic ?? 'main', locale));
      return 0;
    }
    if (!command || command.startsWith('-')) {
      if (!command || options.help) {
        stdout(helpText('main', locale));
        return 0;
      }
      throw new UsageError('noCommand');
    }
    const handler = COMMANDS[command];
    if (!handler) throw new UsageError('unknownCommand', { command });
    if (options.help) {
      stdout(helpText(command, locale));
      return 0;
    }
    refuseForeignOptions(command, parsed.tokens);
    if (options.today !== undefined && !isIsoDate(String(options.today))) throw new UsageError('badToday', { value: String(options.today) });
    const output = typeof options.output === 'string' && !WRITES_OWN_OUTPUT.has(command) ? options.output : undefined;
    // A link or non-file as -o is refused before the work, not after it.
    const target = output === undefined ? undefined : { path: resolve(cwd, output), shown: output, folderMustExist: true };
    if (target) refuseUnsafeTargets([target]);
    // Only a person at a terminal watches it: a pipe, a file or CI's log gets the same bytes as ever.
    if (SHOWS_PROGRESS.has(command) && !options.quiet && process.stderr.isTTY) progress = terminalProgress(process.stderr, { locale, ...progressDelay(env) });
    const chunks: string[] = [];
    const color = output === undefined && !options['no-color'] && (Boolean(options.color) || (process.stdout.isTTY === true && !('NO_COLOR' in env)));
    colourOn = color;
    const code = await handler({
      paths: parsed.positionals,
      options,
      locale,
      cwd,
      configPath: typeof options.config === 'string' ? options.config : undefined,
      // One date for the whole run (workers included), so that a run over midnight stays consistent.
      today: typeof options.today === 'string' ? options.today : localToday(),
      color,
      version,
      write: output === undefined ? stdout : (text) => void chunks.push(text),
      stderr,
      progress,
    });
    progress.stop();
    if (target) writeFileSafely({ ...target, text: chunks.join('') });
    return code;
  } catch (error) {
    progress.stop();
    return reportFailure(error, locale, command, stderr);
  }
}

/** TASKMATRIX_PROGRESS_DELAY_MS: how long work runs before the line shows; lets tests see it without a second of work. */
function progressDelay(env: NodeJS.ProcessEnv): { delayMs?: number } {
  const value = env.TASKMATRIX_PROGRESS_DELAY_MS;
  return value !== undefined && /^\d+$/.test(value) ? { delayMs: Number(value) } : {};
}

/** A usage error for the first option given that the command does not take, naming the commands that do. */
function refuseForeignOptions(command: string, tokens: ReadonlyArray<{ kind: string; name?: string; rawName?: string }>): void {
  const takes = new Set<string>([...GLOBAL_OPTIONS, ...(COMMAND_OPTIONS[command] ?? [])]);
  const foreign = tokens.find((token) => token.kind === 'option' && token.name !== undefined && !takes.has(token.name));
  if (!foreign) return;
  const name = foreign.name!;
  const commands = Object.keys(COMMAND_OPTIONS).filter((other) => COMMAND_OPTIONS[other]!.includes(name as OptionName));
  throw new UsageError('optionNotFor', { option: foreign.rawName ?? `--${name}`, command, commands: commands.join(', ') });
}

function reportFailure(error: unknown, locale: Locale, command: string | undefined, stderr: (text: string) => void): number {
  const commandHint = command && COMMANDS[command] ? `${command} ` : '';
  if (error instanceof InputError) {
    stderr(`${t(locale, 'inputError', { detail: t(locale, error.key, error.args) })}\n`);
  } else if (error instanceof UsageError) {
    stderr(`${t(locale, 'usageError', { detail: t(locale, error.key, error.args), command: commandHint })}\n`);
  } else if (error instanceof ConfigError) {
    stderr(`taskmatrix: ${t(locale, 'configInvalid', { path: error.path })}\n`);
    for (const problem of error.problems) stderr(`${printable(problem.file)}:${problem.line}:${problem.column}: ${printable(problem.message)} (${problem.rule})\n`);
  } else if ((error as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')) {
    // Node's own wording names the option precisely ("Unknown option '--foo'").
    stderr(`${t(locale, 'usageError', { detail: (error as Error).message.split('\n')[0]!, command: commandHint })}\n`);
  } else {
    // A bug of ours: one line for the user, the stack only on request.
    stderr(`taskmatrix: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.TASKMATRIX_DEBUG && error instanceof Error) stderr(`${error.stack}\n`);
  }
  return 2;
}

function localeFromArguments(argv: string[]): Locale | undefined {
  const index = argv.findIndex((arg) => arg === '--locale' || arg.startsWith('--locale='));
  if (index < 0) return undefined;
  const value = argv[index]!.includes('=') ? argv[index]!.slice('--locale='.length) : argv[index + 1];
  return value && /^(en|zh)([-_].*)?$/i.test(value) ? resolveLocale(value) : undefined;
}

function localeFromEnvironment(env: NodeJS.ProcessEnv): Locale {
  return resolveLocale(env.TASKMATRIX_LOCALE || env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** Runs the command line as a process: arguments from argv, result in the exit code. */
export function main(): void {
  // A closed pipe (taskmatrix lint | head) is not an error worth a word; any other failure of
  // standard output (a full disk: lint > /dev/full) is one line and exit 2, never exit 1, which
  // CI would read as "lint errors".
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    const locale = localeFromArguments(process.argv.slice(2)) ?? localeFromEnvironment(process.env);
    process.stderr.write(`${t(locale, 'inputError', { detail: t(locale, 'stdoutFailed', { reason: reasonOf(error) }) })}\n`);
    process.exit(2);
  });
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

// A worker thread of `lint` runs this same bundle with its share of the files.
const workerJob = lintWorkerJob();
if (workerJob) runLintWorker(workerJob);
else if (require.main === module) main();
