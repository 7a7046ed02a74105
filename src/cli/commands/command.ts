// What a sub-command gets from the entry point.
import type { Locale } from '../../core/index';
import type { Progress } from '../progress';

export interface CommandContext {
  paths: string[];
  options: Record<string, string | boolean | undefined>;
  locale: Locale;
  cwd: string;
  configPath?: string;
  /** The date overdue deadlines are judged against: --today, else the local date at start (the local date when a lint runs, if unset). */
  today?: string;
  color: boolean;
  version: string;
  /** The command's main output (standard output, or the --output file). */
  write(text: string): void;
  stderr(text: string): void;
  /** The progress line of long work (silent unless standard error is a terminal and --quiet is not given). */
  progress?: Progress;
}
