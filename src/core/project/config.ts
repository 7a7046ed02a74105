// Project configuration: `.taskmatrix.yaml` beside the tasks (or above them).
//
//   rules:
//     no-lead: error          # error | warning | info | off
//     unused-agency: off
//   registry: tasks/agencies.yaml   # optional: one registry for every guideline
import { isMap, isScalar, parseDocument, LineCounter } from 'yaml';
import type { Node, Pair } from 'yaml';
import { decodeTaskFile, MAX_FILE_BYTES } from '../source/document';
import { formatSentence } from '../wording/messages';
import type { MessageKey } from '../wording/messages';
import { RULE_IDS } from '../rules/index';
import { closestName } from '../rules/suggest';
import type { Diagnostic, Locale, RuleId, Severity } from '../types';

export const CONFIG_FILE_NAMES = ['.taskmatrix.yaml', '.taskmatrix.yml'] as const;

/** The names a registry found beside the task files (not named by a configuration) may have. */
export const REGISTRY_FILE_NAMES = ['agencies.yaml', 'agencies.yml'] as const;

export type RuleSetting = Severity | 'off';

export interface ProjectConfig {
  rules: Partial<Record<RuleId, RuleSetting>>;
  /** Path of the registry as written, relative to the configuration file. */
  registry?: string;
}

export const EMPTY_CONFIG: ProjectConfig = { rules: {} };

const SETTINGS: readonly string[] = ['error', 'warning', 'info', 'off'];

/**
 * Reads a configuration file from its bytes, decoded as task files are (UTF-8, a BOM allowed):
 * a file that is not UTF-8 text, or too large (undefined), is one problem, as a task file is.
 */
export function readConfig(path: string, bytes: Uint8Array | undefined, locale: Locale): { config: ProjectConfig; problems: Diagnostic[] } {
  // undefined: a stat showed the file over the limit, and it was not read.
  const decoded = bytes === undefined ? { problem: { key: 'yaml.tooLarge' as const, args: { limit: MAX_FILE_BYTES / 1024 / 1024 } } } : decodeTaskFile(bytes);
  if ('text' in decoded) return parseConfig(path, decoded.text, locale);
  const { key, args } = decoded.problem;
  return { config: { rules: {} }, problems: [{ rule: 'yaml-syntax', severity: 'error', message: formatSentence(locale, key, args), file: path, line: 1, column: 1, endLine: 1, endColumn: 1, offset: [0, 0] }] };
}

/** Reads a configuration file; problems come back as diagnostics with positions. */
export function parseConfig(path: string, text: string, locale: Locale): { config: ProjectConfig; problems: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const source = text.replace(/^\uFEFF/, '');
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Diagnostic[] = [];
  const report = (rule: RuleId, range: readonly number[] | null | undefined, key: MessageKey, args: Record<string, string> = {}) => {
    const start = range?.[0] ?? 0;
    const end = range?.[1] ?? start;
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(end);
    problems.push({
      rule,
      severity: 'error',
      message: formatSentence(locale, key, args),
      file: path,
      line: from.line,
      column: from.col,
      endLine: to.line,
      endColumn: to.col,
      offset: [start, end],
    });
  };
  for (const error of doc.errors) report('yaml-syntax', error.pos, 'yaml.generic', { detail: error.message });
  const config: ProjectConfig = { rules: {} };
  if (doc.errors.length || doc.contents === null) return { config, problems };

  const root = doc.contents as Node;
  if (!isMap(root)) {
    report('schema', root.range, 'config.notMap');
    return { config, problems };
  }
  for (const pair of root.items as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'rules') readRules(pair.value, config, report);
    else if (key === 'registry') {
      if (isScalar(pair.value) && typeof pair.value.value === 'string' && pair.value.value.trim()) config.registry = pair.value.value;
      else report('schema', pair.value?.range ?? pair.key.range, 'config.badRegistry');
    } else report('schema', pair.key.range, 'config.unknownKey', { key });
  }
  return { config, problems };
}

type Reporter = (rule: RuleId, range: readonly number[] | null | undefined, key: MessageKey, args?: Record<string, string>) => void;

function readRules(node: Node | null, config: ProjectConfig, report: Reporter): void {
  if (node === null || (isScalar(node) && node.value === null)) return;
  if (!isMap(node)) {
    report('schema', node.range, 'config.rulesNotMap');
    return;
  }
  for (const pair of node.items as Pair<Node, Node>[]) {
    const rule = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(RULE_IDS as readonly string[]).includes(rule)) {
      const suggestion = closestName(rule, RULE_IDS);
      if (suggestion) report('schema', pair.key.range, 'config.unknownRuleSuggest', { rule, suggestion });
      else report('schema', pair.key.range, 'config.unknownRule', { rule, known: RULE_IDS.join(', ') });
      continue;
    }
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    // `off: false` style booleans are common in other linters' configs; accept false as off.
    const setting = value === false ? 'off' : String(value);
    if (!SETTINGS.includes(setting)) {
      report('schema', pair.value?.range ?? pair.key.range, 'config.badSeverity', { rule, actual: String(value) });
      continue;
    }
    config.rules[rule as RuleId] = setting as RuleSetting;
  }
}
