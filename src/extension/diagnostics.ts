// Publishes the engine's diagnostics: the same rule ids, messages and ranges as `taskmatrix lint`.
import * as vscode from 'vscode';
import { ruleById, ruleDocs } from '../core/index';
import type { Diagnostic, Severity } from '../core/index';
import type { WorkspaceIndex } from './workspace-index';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The range of an engine diagnostic (1-based, end exclusive) in VS Code's 0-based terms. */
export function toRange(d: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>): vscode.Range {
  return new vscode.Range(d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1);
}

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('taskmatrix');
  /** The engine diagnostics behind what is shown, per file key, for quick fixes. */
  private readonly current = new Map<string, Diagnostic[]>();
  /** Per file key, how many no-lead findings suppression comments acknowledge. */
  private readonly acknowledged = new Map<string, number>();
  private readonly subscription: vscode.Disposable;
  private readonly updated = new vscode.EventEmitter<void>();
  readonly onDidUpdate = this.updated.event;
  /** The configuration files whose problems are shown. */
  private configKeys = new Set<string>();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly extensionUri: vscode.Uri,
  ) {
    // After a re-index or a deletion, files that left the index must lose their diagnostics too.
    this.subscription = index.onDidChange(({ keys, all, affected }) => this.refresh(all ? [...new Set([...index.project.paths(), ...this.current.keys(), ...keys])] : [...affected]));
  }

  /** Engine diagnostics of a file as last published. */
  engineDiagnostics(key: string): Diagnostic[] {
    return this.current.get(key) ?? [];
  }

  /** No-lead findings shown and acknowledged across the workspace, and how many task files there are. */
  noLeadCounts(): { shown: number; acknowledged: number; files: number } {
    let shown = 0;
    for (const diagnostics of this.current.values()) shown += diagnostics.filter((d) => d.rule === 'no-lead').length;
    let acknowledged = 0;
    for (const count of this.acknowledged.values()) acknowledged += count;
    return { shown, acknowledged, files: this.current.size };
  }

  refresh(keys: string[]): void {
    const { project } = this.index;
    for (const key of keys) {
      const uri = vscode.Uri.parse(key);
      if (!project.has(key)) {
        this.current.delete(key);
        this.acknowledged.delete(key);
        this.collection.delete(uri);
        continue;
      }
      const { diagnostics, suppressed } = project.lintFile(key);
      this.current.set(key, diagnostics);
      this.acknowledged.set(key, suppressed.filter((d) => d.rule === 'no-lead').length);
      this.collection.set(uri, diagnostics.map((d) => this.toVscode(d)));
    }
    // Configuration files: their problems now, and none for one that is gone.
    const configs = this.index.configProblems();
    for (const key of this.configKeys) if (!configs.has(key)) this.collection.delete(vscode.Uri.parse(key));
    for (const [key, problems] of configs) this.collection.set(vscode.Uri.parse(key), problems.map((d) => this.toVscode(d)));
    this.configKeys = new Set(configs.keys());
    this.updated.fire();
  }

  private toVscode(d: Diagnostic): vscode.Diagnostic {
    const diagnostic = new vscode.Diagnostic(toRange(d), d.message, SEVERITY[d.severity]);
    diagnostic.source = 'taskmatrix';
    // The rule metadata's docs link, as SARIF's helpUri, opened in the copy packaged with the extension.
    const rule = ruleById(d.rule);
    const docs = rule && ruleDocs(rule.meta);
    diagnostic.code = docs ? { value: d.rule, target: vscode.Uri.joinPath(this.extensionUri, ...docs.file.split('/')).with({ fragment: docs.anchor }) } : d.rule;
    if (d.rule === 'unused-agency') diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
    return diagnostic;
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
    this.updated.dispose();
  }
}

