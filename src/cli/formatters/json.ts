// `lint --format json`: the design's stable contract.
import { jsonText } from '../../core/index';
import type { Diagnostic } from '../../core/index';
import type { Formatter } from './format';

const contract = (d: Diagnostic) => ({
  rule: d.rule,
  severity: d.severity,
  message: d.message,
  file: d.file,
  line: d.line,
  column: d.column,
  endLine: d.endLine,
  endColumn: d.endColumn,
});

export const json: Formatter = (input) => {
  const output: Record<string, unknown> = { diagnostics: input.diagnostics.map(contract) };
  if (input.reportSuppressed) {
    output.suppressed = input.suppressed.map((s) => ({ ...contract(s), suppression: s.suppression }));
  }
  return `${jsonText(output, 2)}\n`;
};
