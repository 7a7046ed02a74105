// What every lint output format receives.
import type { Diagnostic, Locale, SuppressedDiagnostic } from '../../core/index';

export interface FormatInput {
  diagnostics: Diagnostic[];
  suppressed: SuppressedDiagnostic[];
  /** Every file that was linted, clean ones included (JUnit and SARIF list them). */
  files: string[];
  reportSuppressed: boolean;
  locale: Locale;
  cwd: string;
  color: boolean;
  version: string;
}

export type Formatter = (input: FormatInput) => string;

export function counts(diagnostics: Diagnostic[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
