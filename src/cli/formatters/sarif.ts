// `lint --format sarif`: SARIF 2.1.0 for code-scanning services, with the rule metadata.
import { pathToFileURL } from 'node:url';
import { jsonText, ruleDocs, RULES } from '../../core/index';
import type { Diagnostic, Severity } from '../../core/index';
import type { Formatter } from './format';

/** A relative path as a URI reference: every segment encoded, so `#` and `?` stay part of the name. */
const pathUri = (path: string) => path.split('/').map(encodeURIComponent).join('/');

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export const sarif: Formatter = (input) => {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.meta.id as string, index]));
  const result = (d: Diagnostic) => ({
    ruleId: d.rule,
    ruleIndex: ruleIndex.get(d.rule),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathUri(d.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        },
      },
    ],
  });
  const results = input.diagnostics.map(result);
  if (input.reportSuppressed) {
    for (const s of input.suppressed) {
      results.push({ ...result(s), suppressions: [{ kind: 'inSource', justification: s.suppression.reason }] } as ReturnType<typeof result>);
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'taskmatrix',
            version: input.version,
            semanticVersion: input.version,
            rules: RULES.map((rule) => ({
              id: rule.meta.id,
              name: rule.meta.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.meta.description.en },
              fullDescription: { text: `${rule.meta.description.en} / ${rule.meta.description['zh-cn']}` },
              // A rule that is off by default is described, disabled, so that a configuration can switch it on.
              defaultConfiguration: rule.meta.defaultSeverity === 'off' ? { enabled: false } : { level: LEVEL[rule.meta.defaultSeverity] },
              help: { text: rule.meta.description[input.locale] },
              helpUri: ruleDocs(rule.meta).url,
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(input.cwd).href.replace(/\/?$/, '/')}` } },
        artifacts: input.files.map((file) => ({ location: { uri: pathUri(file), uriBaseId: '%SRCROOT%' } })),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${jsonText(log, 2)}\n`;
};
