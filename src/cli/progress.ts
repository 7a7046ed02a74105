// The progress line of long commands (lint, report, import, export): on standard error, only when
// it is a terminal, only once the work has taken about a second, redrawn in place and wiped before
// any other message and at the end, so that what stays on the screen is what the command said.
import type { Locale } from '../core/index';
import { t } from './messages';
import type { CliMessage } from './messages';
import { displayWidth, truncate } from './text-width';

/** What a command tells about its work; the silent one does nothing. */
export interface Progress {
  /** Counts `total` items of one kind of work from now on (reading, linting, writing). */
  start(action: ProgressAction, total: number): void;
  /** `count` more items done. */
  advance(count?: number): void;
  /** Wipes the line, for another message to be written (the line comes back on the next draw). */
  clear(): void;
  /** Wipes the line for good. */
  stop(): void;
}

export type ProgressAction = Extract<CliMessage, `progress${string}`>;

export const SILENT_PROGRESS: Progress = { start() {}, advance() {}, clear() {}, stop() {} };

/** Where the line goes: a terminal's standard error, or a test's stand-in. */
export interface ProgressStream {
  write(text: string): unknown;
  columns?: number;
}

export interface ProgressOptions {
  locale: Locale;
  /** Quiet time before the first draw: quick commands never show a line. */
  delayMs?: number;
  now?: () => number;
  /** Redraws the elapsed time while the work waits on something (set to false in tests). */
  timer?: boolean;
}

const DEFAULT_DELAY_MS = 1000;
/** Fewer redraws than this apart cost the terminal more than they tell the reader. */
const MIN_REDRAW_MS = 100;

/** A progress line on `stream`, timed from now (the start of the command). */
export function terminalProgress(stream: ProgressStream, options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const delay = options.delayMs ?? DEFAULT_DELAY_MS;
  const started = now();
  let action: ProgressAction | undefined;
  let done = 0;
  let total = 0;
  let shown = false;
  let lastDraw = -Infinity;
  let interval: NodeJS.Timeout | undefined;

  const draw = (force = false) => {
    const time = now();
    if (action === undefined || time - started < delay || (!force && time - lastDraw < MIN_REDRAW_MS)) return;
    lastDraw = time;
    const text = t(options.locale, action, { done, total, seconds: ((time - started) / 1000).toFixed(1) });
    // One column short of the width: a line that fills it would wrap on some terminals and not be redrawn
    // in place. A terminal that reports no width (0) is taken to be 80 wide.
    const width = Math.max(10, (stream.columns || 80) - 1);
    stream.write(`\r\u001b[K${displayWidth(text) > width ? truncate(text, width) : text}`);
    shown = true;
  };
  const clear = () => {
    if (!shown) return;
    stream.write('\r\u001b[K');
    shown = false;
    lastDraw = -Infinity;
  };

  return {
    start(next, count) {
      action = next;
      done = 0;
      total = count;
      draw(true);
      // Work that awaits (a PDF read, a Word file zipped) leaves the event loop free for the clock.
      if (options.timer !== false && interval === undefined) interval = setInterval(() => draw(), 250).unref();
    },
    advance(count = 1) {
      done = Math.min(total, done + count);
      draw();
    },
    clear,
    stop() {
      if (interval !== undefined) clearInterval(interval);
      interval = undefined;
      action = undefined;
      clear();
    },
  };
}
