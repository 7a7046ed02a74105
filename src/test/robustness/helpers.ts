// Shared by the robustness tests: independent position checks, timing, and the bundled data.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Project } from '../../core/index';
import type { Diagnostic, LintResult, Locale } from '../../core/index';
import { REGISTRY } from '../support/project';

/** The repository root (the folder of package.json). */
export const ROOT = resolve(__dirname, '../../..');
/** The bundled guideline and registry, read once: the realistic base the tests mutate. */
export const REAL_GUIDELINE = readFileSync(resolve(ROOT, 'tasks/zj-ai-2027.yaml'), 'utf8');
export const REAL_REGISTRY = readFileSync(resolve(ROOT, 'tasks/agencies.yaml'), 'utf8');

export const RULE_IDS = ['yaml-syntax', 'schema', 'duplicate-id', 'unknown-agency', 'duplicate-agency', 'no-lead', 'alias-agency', 'unused-agency', 'deadline-format', 'overdue', 'missing-deadline'];
export const SEVERITIES = ['error', 'warning', 'info'];

/** Start offsets of every line (lines end at \n, as the design's line numbers do). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset, computed without the engine. */
export function positionOf(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** 1-based line number of the first occurrence of `needle` in `text` (fails when absent). */
export function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `${JSON.stringify(needle)} is in the text`);
  return text.slice(0, at).split('\n').length;
}

/**
 * Every invariant a diagnostic must keep whatever the input: a known rule and severity, a
 * message, 1 ≤ line ≤ lines + 1, column ≥ 1, an end not before the start, offsets inside the
 * text, and (unless checkOffsets is false) line/column that agree with the offsets.
 * Returns a description of the first violation, or undefined.
 */
export function positionProblem(text: string, diagnostic: Diagnostic, starts = lineStarts(text), checkOffsets = true): string | undefined {
  const d = diagnostic;
  const where = `${d.rule} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} [${d.offset}] ${JSON.stringify(d.message)}`;
  if (!RULE_IDS.includes(d.rule)) return `unknown rule: ${where}`;
  if (!SEVERITIES.includes(d.severity)) return `unknown severity ${d.severity}: ${where}`;
  if (typeof d.message !== 'string' || d.message.trim() === '') return `empty message: ${where}`;
  for (const n of [d.line, d.column, d.endLine, d.endColumn, d.offset[0], d.offset[1]]) {
    if (!Number.isInteger(n)) return `non-integer position: ${where}`;
  }
  if (d.line < 1 || d.line > starts.length + 1) return `line outside 1..${starts.length + 1}: ${where}`;
  if (d.endLine < 1 || d.endLine > starts.length + 1) return `end line outside 1..${starts.length + 1}: ${where}`;
  if (d.column < 1 || d.endColumn < 1) return `column below 1: ${where}`;
  if (d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column)) return `end before start: ${where}`;
  if (d.offset[0] < 0 || d.offset[1] < d.offset[0] || d.offset[1] > text.length) return `offsets outside the text (length ${text.length}): ${where}`;
  if (!checkOffsets) return undefined;
  const start = positionOf(starts, d.offset[0]);
  const end = positionOf(starts, d.offset[1]);
  if (start.line !== d.line || start.column !== d.column || end.line !== d.endLine || end.column !== d.endColumn) {
    return `line/column disagree with offsets (start ${start.line}:${start.column}, end ${end.line}:${end.column}): ${where}`;
  }
  return undefined;
}

/** Asserts the invariants of positionProblem for every diagnostic of a result. */
export function assertPositions(text: string, result: LintResult): void {
  const starts = lineStarts(text);
  for (const diagnostic of [...result.diagnostics, ...result.suppressed]) {
    const problem = positionProblem(text, diagnostic, starts);
    assert.equal(problem, undefined, problem);
  }
}

/** Runs `fn` and returns its value with the wall time it took, in milliseconds. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

export interface Linted {
  project: Project;
  result: LintResult;
  /** The text as the engine holds it (BOM stripped; '' for unreadable bytes). */
  text: string;
}

/** Lints one guideline (text or bytes) against a registry, as the CLI would. */
export function lintOne(input: string | Uint8Array, options: { registry?: string | null; locale?: Locale; path?: string } = {}): Linted {
  const project = new Project({ locale: options.locale });
  const registry = options.registry === undefined ? REGISTRY : options.registry;
  if (registry !== null) project.setFile('tasks/agencies.yaml', registry);
  const path = options.path ?? 'tasks/doc.yaml';
  if (typeof input === 'string') project.setFile(path, input);
  else project.setFileBytes(path, input);
  const result = project.lint([path]);
  return { project, result, text: project.file(path)!.text };
}

/** A compact line per diagnostic, for assertion messages. */
export function summary(result: LintResult): string {
  return result.diagnostics.map((d) => `${d.rule} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`).join('\n');
}
