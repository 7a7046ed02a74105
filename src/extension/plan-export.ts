// "taskmatrix: Export Word…" / "Export Excel…": the task-division plan (重点任务分工方案) of a
// guideline, written by the engine's writers (the same bytes as `taskmatrix export`) where the
// drafter chooses in a save dialog; the matrix panel's buttons run the same commands.
import * as vscode from 'vscode';
import { buildTaskPlan, planToOfficeFile } from '../core/index';
import type { OfficeFormat } from '../core/index';
import { GraphPanel } from './graph-panel';
import { editorLocale } from './locale';
import { MatrixPanel } from './matrix-panel';
import { WorkspaceIndex } from './workspace-index';

/** Answers for the questions the command would ask: for tests and for other extensions. */
export interface PlanExportOptions {
  /** Where to write; the save dialog asks when not given. */
  target?: vscode.Uri;
  /** Each agency's task list (Word), a sheet per agency besides the plan (Excel); asked when not given. */
  byAgency?: boolean;
}

const FILTERS: Record<OfficeFormat, Record<string, string[]>> = { docx: { Word: ['docx'] }, xlsx: { Excel: ['xlsx'] } };

/** Runs the export for the given guideline, else the focused taskmatrix panel's, else the active editor's; resolves with the file written. */
export async function exportPlan(index: WorkspaceIndex, format: OfficeFormat, uri?: unknown, options?: unknown): Promise<vscode.Uri | undefined> {
  // From a menu the second argument is the list of selected files, not answers.
  const answers: PlanExportOptions = options && typeof options === 'object' && !Array.isArray(options) ? (options as PlanExportOptions) : {};
  const keys = guidelinesToExport(index, uri instanceof vscode.Uri ? uri : undefined);
  if (!keys) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a guideline (a task YAML file) or its matrix to export its task-division plan.'));
    return undefined;
  }
  const byAgency = answers.byAgency ?? (await askByAgency(format));
  if (byAgency === undefined) return undefined;
  const target = answers.target ?? (await vscode.window.showSaveDialog({ filters: FILTERS[format], defaultUri: defaultTarget(keys, format, byAgency), title: title(format) }));
  if (!target) return undefined;
  const { project } = index;
  // Overdue is judged on the date the diagnostics use (the taskmatrix.today setting, else today).
  const plan = buildTaskPlan(project, keys, { locale: editorLocale(), today: project.todayFor(keys[0]!) });
  try {
    await vscode.workspace.fs.writeFile(target, await planToOfficeFile(plan, format, { byAgency }));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the plan to {0}: {1}', shown(target), error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  void announce(target);
  return target;
}

/** The guidelines to export: the one given, the focused panel's (every guideline for the overview), or the active editor's. */
function guidelinesToExport(index: WorkspaceIndex, uri: vscode.Uri | undefined): string[] | undefined {
  const isGuideline = (key: string) => index.project.file(key)?.kind === 'guideline';
  const focused = MatrixPanel.active()?.key ?? GraphPanel.active()?.key;
  if (!uri && focused === GraphPanel.OVERVIEW) {
    const all = index.project.guidelinePaths();
    return all.length ? all : undefined;
  }
  const key = uri ? WorkspaceIndex.key(uri) : (focused ?? (vscode.window.activeTextEditor && WorkspaceIndex.key(vscode.window.activeTextEditor.document.uri)));
  return key !== undefined && isGuideline(key) ? [key] : undefined;
}

async function askByAgency(format: OfficeFormat): Promise<boolean | undefined> {
  const items: (vscode.QuickPickItem & { byAgency: boolean })[] = [
    {
      label: vscode.l10n.t('Plan (重点任务分工方案)'),
      detail: format === 'docx' ? vscode.l10n.t('One table of every measure: lead, co-responsible agencies, deadline') : vscode.l10n.t('One row per measure, and a sheet of each agency’s load'),
      byAgency: false,
    },
    {
      label: vscode.l10n.t('Each agency’s task list (本单位任务清单)'),
      detail: format === 'docx' ? vscode.l10n.t('A section per agency: the measures it leads, then those it co-owns') : vscode.l10n.t('The plan, and a sheet per agency'),
      byAgency: true,
    },
  ];
  return (await vscode.window.showQuickPick(items, { title: title(format), placeHolder: vscode.l10n.t('What to export') }))?.byAgency;
}

function defaultTarget(keys: string[], format: OfficeFormat, byAgency: boolean): vscode.Uri | undefined {
  const suffix = `${byAgency ? '-by-agency' : ''}.${format}`;
  if (keys.length === 1) {
    const document = vscode.Uri.parse(keys[0]!);
    return document.with({ path: `${document.path.replace(/\.ya?ml$/i, '')}${suffix}` });
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && vscode.Uri.joinPath(folder, `plan${suffix}`);
}

/** Says where the file went, with a way to open it where the extension host's files are the user's own. */
async function announce(target: vscode.Uri): Promise<void> {
  const local = target.scheme === 'file' && vscode.env.remoteName === undefined && vscode.env.uiKind === vscode.UIKind.Desktop;
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Reveal');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Plan exported to {0}', shown(target)), ...(local ? [open] : []), reveal);
  if (choice === open) await vscode.env.openExternal(target);
  else if (choice === reveal) await vscode.commands.executeCommand(local ? 'revealFileInOS' : 'revealInExplorer', target);
}

function title(format: OfficeFormat): string {
  return format === 'docx' ? vscode.l10n.t('Export Word') : vscode.l10n.t('Export Excel');
}

function shown(target: vscode.Uri): string {
  return target.scheme === 'file' ? target.fsPath : target.toString();
}
