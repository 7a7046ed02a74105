// In-place acknowledgements: `# taskmatrix-disable-next-line no-lead — reason`.
import type { RuleId } from '../types';

export interface Suppression {
  /** 1-based line of the comment. */
  line: number;
  /** 1-based line the comment applies to: the next line that is neither blank nor a comment. */
  targetLine: number;
  /** The rules it silences; empty means every rule. */
  rules: RuleId[];
  reason: string;
}

const DIRECTIVE = /^\s*#\s*taskmatrix-disable-next-line\b(.*)$/;
const RULE_LIST = /^\s*([a-z]+(?:-[a-z]+)*(?:\s*,\s*[a-z]+(?:-[a-z]+)*)*)/;
const REASON_SEPARATOR = /^\s*(?:—+|–|--|-|:|：)?\s*/;

/**
 * Finds the suppression comments of a file. Only whole-line comments count, which in a
 * task file are always YAML comments (a `#` inside a value never starts a line).
 */
export function findSuppressions(text: string, knownRules: readonly RuleId[]): Suppression[] {
  if (!text.includes('taskmatrix-disable-next-line')) return []; // most files: no line to split
  const lines = text.split(/\r?\n/);
  const found: Suppression[] = [];
  const pending: Omit<Suppression, 'targetLine'>[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const directive = DIRECTIVE.exec(line);
    if (directive) {
      pending.push({ line: index + 1, ...parseDirective(directive[1]!, knownRules) });
      continue;
    }
    // Stacked directives and other comments between a directive and its line are skipped over.
    if (/^\s*(#.*)?$/.test(line)) continue;
    for (const suppression of pending) found.push({ ...suppression, targetLine: index + 1 });
    pending.length = 0;
  }
  return found;
}

function parseDirective(rest: string, knownRules: readonly RuleId[]): Pick<Suppression, 'rules' | 'reason'> {
  const list = RULE_LIST.exec(rest);
  const candidates = list ? list[1]!.split(/\s*,\s*/) : [];
  if (candidates.length && candidates.every((rule) => (knownRules as readonly string[]).includes(rule))) {
    const reason = rest.slice(list![0].length).replace(REASON_SEPARATOR, '').trim();
    return { rules: candidates as RuleId[], reason };
  }
  // No rule named: the comment silences every rule on the next line, and all of it is the reason.
  return { rules: [], reason: rest.replace(REASON_SEPARATOR, '').trim() };
}
