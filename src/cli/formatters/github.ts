// `lint --format github`: GitHub Actions workflow commands, one annotation per diagnostic.
import { visibleText } from '../../core/index';
import type { Severity } from '../../core/index';
import type { Formatter } from './format';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of workflow command data (the message); control characters (the log obeys ESC[…m) shown as \u001b. */
const escapeData = (text: string) => visibleText(text, '\n\r').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escaping of workflow command properties (file, title), which also end at `,` and `:`. */
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (input) =>
  input.diagnostics
    .map((d) => {
      const properties = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(`taskmatrix ${d.rule}`)}`,
      ].join(',');
      return `::${COMMAND[d.severity]} ${properties}::${escapeData(d.message)}\n`;
    })
    .join('');
