// The one interface every rule implements.
import type { FileKind, SourceFile } from '../source/document';
import type { MessageKey } from '../wording/messages';
import type { GuidelineModel, RegistryModel } from '../model/model';
import type { RegistryIndex } from '../model/registry';
import type { Locale, OffsetRange, RuleId, Severity } from '../types';

export interface RuleMeta {
  id: RuleId;
  /** `off`: the rule runs only when the configuration gives it a severity. */
  defaultSeverity: Severity | 'off';
  /** The file kinds the rule checks. */
  appliesTo: readonly FileKind[];
  /** One line for rule lists, SARIF descriptors and hovers. */
  description: Record<Locale, string>;
  /**
   * Where the rule is documented: a file of the repository and the anchor of its section
   * (`docs/rules.md#no-lead`). SARIF's helpUri puts it after DOCS_BASE_URL; the editor opens
   * the copy of the file packaged with the extension at the anchor (ruleDocs).
   */
  docs: string;
}

/** Where the repository's files are published: a rule's docs link is read against it. */
export const DOCS_BASE_URL = 'https://github.com/taskmatrix/taskmatrix/blob/main/';

/** A rule's docs link in its parts: the file and anchor of the metadata, and its published URL. */
export function ruleDocs(meta: Pick<RuleMeta, 'docs'>): { file: string; anchor: string; url: string } {
  const [file = '', anchor = ''] = meta.docs.split('#');
  return { file, anchor, url: `${DOCS_BASE_URL}${meta.docs}` };
}

export interface RuleContext {
  file: SourceFile;
  locale: Locale;
  /** The date due dates are compared with, YYYY-MM-DD (the lint option, else the local date). */
  today: string;
  /** The guideline model of `file` (only for guideline files). */
  guideline(): GuidelineModel;
  /** The registry model of `file` (only for registry files). */
  registryModel(): RegistryModel;
  /** The registry a guideline resolves its agencies against (or the registry file itself). */
  registry: RegistryIndex | undefined;
  /** For each guideline that resolves against the registry being checked, the agency names its measures write (for project-wide rules). */
  namesUsingRegistry(): ReadonlySet<string>[];
  report(range: OffsetRange, key: MessageKey, args?: Record<string, string | number>, data?: Record<string, string>): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
