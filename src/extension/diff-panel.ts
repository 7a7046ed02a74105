// "Compare Responsibilities with HEAD…" / "…with File…": the engine's responsibility diff (the
// same as `taskmatrix diff`) of the current guideline against an earlier draft, in a panel that
// lists lead changes first, then the other changes and each agency's gains and losses; a click
// on a measure reveals it (a removed one in the earlier draft). It follows the drafter's edits and
// comes back after a window reload, reading the revision or file again.
import * as vscode from 'vscode';
import { buildMatrix, diffProjects, hasChanges, wordDiff } from '../core/index';
import type { AgencyChange, MeasureChange, Project, ResponsibilityDiff, ValueChange } from '../core/index';
import type { DiffItem, DiffPart, DiffPayload, FromDiffWebview, PanelState } from '../webview/protocol';
import { draftAtRevision, draftOfFile } from './earlier-draft';
import type { EarlierDraft } from './earlier-draft';
import { guidelineFor } from './focused-guideline';
import { Panel } from './panel';
import type { Drawing, PanelContext } from './panel';
import { pickRevision, RevisionError, revisionSourceFor } from './revisions';
import { WorkspaceIndex } from './workspace-index';

/** Answers for the questions the commands would ask: for tests and for other extensions. */
export interface CompareOptions {
  /** compareWithHead: the revision (HEAD, main, a tag, a commit); a quick pick asks when not given. */
  revision?: string;
  /** compareWithFile: the earlier draft; a quick pick of the workspace's guidelines asks when not given. */
  otherFile?: vscode.Uri;
}

/** What the diff panel compares with, kept by its webview so the panel comes back after a reload. */
type Against = NonNullable<PanelState['against']>;

export class DiffPanel extends Panel<ResponsibilityDiff, FromDiffWebview> {
  static readonly viewType = 'taskmatrix.diff';

  private listed: MeasureChange[] = [];
  /** What the current text is compared with. */
  private earlier: EarlierDraft | undefined;

  /** Shows the diff of the guideline at `key` against an earlier draft, in the one diff panel. */
  static show(context: PanelContext, key: string, earlier: EarlierDraft): DiffPanel {
    const panel = Panel.find<DiffPanel>('diff') ?? new DiffPanel(Panel.create(DiffPanel.viewType, '', vscode.ViewColumn.Beside, context.extensionUri), context);
    panel.compare(key, earlier);
    panel.panel.reveal(vscode.ViewColumn.Beside, true);
    return panel;
  }

  /** Brings the panel back after a window reload: the same guideline against the same revision or file, read again. */
  static async restore(context: PanelContext, panel: vscode.WebviewPanel, state: PanelState | undefined): Promise<void> {
    const key = state?.uri;
    const against = state?.against;
    if (!key || !against || !context.index.project.has(key) || Panel.find<DiffPanel>('diff')) {
      panel.dispose();
      return;
    }
    let earlier: EarlierDraft;
    try {
      earlier = against.revision !== undefined ? await draftAtRevision(context.index, key, against.revision) : await draftOfFile(context.index, key, vscode.Uri.parse(against.file ?? ''));
    } catch (error) {
      panel.dispose();
      failed(error);
      return;
    }
    new DiffPanel(panel, context).compare(key, earlier);
  }

  private constructor(panel: vscode.WebviewPanel, context: PanelContext) {
    super('diff', panel, context, '', {
      title: vscode.l10n.t('Responsibility changes'),
      styles: ['media/panel.css', 'media/diff.css'],
      scripts: ['dist/webview/diff.js'],
      body: '<main id="diff" aria-live="polite"></main>',
    });
  }

  private compare(key: string, earlier: EarlierDraft): void {
    this.key = key;
    this.earlier = earlier;
    this.panel.title = `${vscode.l10n.t('Responsibility changes')}: ${fileName(key)} (${earlier.label})`;
    this.follow(key);
    this.render();
  }

  protected state(): PanelState & { label?: string; via?: string } {
    if (!this.earlier) return {};
    return { uri: this.key, against: against(this.earlier), label: this.earlier.label, ...(this.earlier.via ? { via: this.earlier.via } : {}) };
  }

  protected draw(): Drawing<ResponsibilityDiff> | undefined {
    const earlier = this.earlier;
    if (!earlier || !this.context.index.project.has(this.key)) return undefined;
    const diff = diffProjects(earlier.side, { project: this.context.index.project, paths: [this.key] });
    const leads = diff.measures.filter((measure) => measure.lead !== null);
    const others = diff.measures.filter((measure) => measure.lead === null);
    this.listed = [...leads, ...others];
    const item = (measure: MeasureChange, at: number): DiffItem => ({
      index: at,
      change: measure.change,
      changeLabel: changeLabel(measure.change),
      label: measure.oldId !== null && measure.oldId !== measure.id ? `${measure.oldId} → ${measure.id}` : measure.id,
      title: measure.title,
      details: details(measure),
    });
    const payload: DiffPayload = {
      type: 'diff',
      state: { uri: this.key, against: against(earlier) },
      heading: vscode.l10n.t('{0}: {1} → current text', fileName(this.key), earlier.label),
      summary: hasChanges(diff) ? summary(diff) : vscode.l10n.t('No responsibility changes.'),
      notes: [
        ...diff.documents.added.map((document) => vscode.l10n.t('{0} is new: {1} does not have it.', document, earlier.label)),
        ...diff.documents.removed.map((document) => vscode.l10n.t('{0} is no longer in the current text.', document)),
      ],
      leadHeading: vscode.l10n.t('Lead changes'),
      leadChanges: leads.map((measure, at) => item(measure, at)),
      otherHeading: vscode.l10n.t('Other changes'),
      otherChanges: others.map((measure, at) => item(measure, leads.length + at)),
      agenciesHeading: vscode.l10n.t('Agencies'),
      agencies: diff.agencies.map((agency) => ({ name: agency.name, parts: agencyParts(agency) })),
    };
    return { model: diff, payload };
  }

  protected async handle(message: FromDiffWebview): Promise<void> {
    if (message.type === 'reveal') await this.reveal(message.index);
  }

  /** Opens a listed measure: in the current text, or (removed) in the earlier draft. */
  private async reveal(at: number): Promise<void> {
    const measure = this.listed[at];
    if (!measure || !this.earlier) return;
    if (measure.change !== 'removed') {
      await vscode.commands.executeCommand('taskmatrix.revealMeasure', this.key, lineOf(this.context.index.project, this.key, measure.id));
      return;
    }
    const oldKey = this.earlier.side.paths[0];
    if (oldKey === undefined) return;
    const document = await vscode.workspace.openTextDocument(this.earlier.documentOf(oldKey));
    const position = new vscode.Position(Math.max(0, lineOf(this.earlier.side.project, oldKey, measure.id) - 1), 0);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One, preview: true });
  }
}

/** The revision compared with, else the file (the earlier draft of another file is that file itself). */
function against(earlier: EarlierDraft): Against {
  if (earlier.revision !== undefined) return { revision: earlier.revision };
  const otherKey = earlier.side.paths[0];
  return { file: otherKey === undefined ? '' : earlier.documentOf(otherKey).toString() };
}

/** taskmatrix.compareWithHead: the guideline (given, or the active editor's) against a git revision. */
export async function compareWithRevision(context: PanelContext, uri?: unknown, options?: unknown): Promise<DiffPanel | undefined> {
  const key = guidelineKey(context.index, uri);
  if (!key) return undefined;
  const answers = answersOf(options);
  try {
    const source = await revisionSourceFor(WorkspaceIndex.uri(key));
    const revision = answers.revision ?? (await pickRevision(source, vscode.l10n.t('Compare Responsibilities with Revision')));
    if (!revision) return undefined;
    return DiffPanel.show(context, key, await draftAtRevision(context.index, key, revision, source));
  } catch (error) {
    return failed(error);
  }
}

/** taskmatrix.compareWithFile: the guideline against another task file (the earlier draft). */
export async function compareWithFile(context: PanelContext, uri?: unknown, options?: unknown): Promise<DiffPanel | undefined> {
  const key = guidelineKey(context.index, uri);
  if (!key) return undefined;
  const other = answersOf(options).otherFile ?? (await pickOtherFile(context.index, key));
  if (!other) return undefined;
  try {
    return DiffPanel.show(context, key, await draftOfFile(context.index, key, other));
  } catch (error) {
    return failed(error);
  }
}

function failed(error: unknown): undefined {
  if (!(error instanceof RevisionError)) throw error;
  void vscode.window.showWarningMessage(error.message);
  return undefined;
}

/** From a menu the second argument is the list of selected files, not answers. */
function answersOf(options: unknown): CompareOptions {
  return options && typeof options === 'object' && !Array.isArray(options) ? (options as CompareOptions) : {};
}

/** The guideline given, else the active editor's or the focused panel's; a message when there is none. */
export function guidelineKey(index: WorkspaceIndex, uri: unknown): string | undefined {
  const target = guidelineFor(index, uri instanceof vscode.Uri ? uri : undefined);
  if (target) return WorkspaceIndex.key(target);
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a guideline (a task YAML file) to compare its responsibilities.'));
  return undefined;
}

async function pickOtherFile(index: WorkspaceIndex, key: string): Promise<vscode.Uri | undefined> {
  type Item = vscode.QuickPickItem & { uri?: vscode.Uri };
  const others = index.project.guidelinePaths().filter((other) => other !== key);
  const items: Item[] = others.map((other) => {
    const uri = WorkspaceIndex.uri(other);
    return { label: fileName(other), description: vscode.workspace.asRelativePath(uri, false), detail: index.project.guideline(other).title, uri };
  });
  items.push({ label: `$(folder-opened) ${vscode.l10n.t('Browse…')}`, detail: vscode.l10n.t('A task YAML file anywhere') });
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Compare Responsibilities with File'), placeHolder: vscode.l10n.t('The earlier draft to compare {0} with', fileName(key)) });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { YAML: ['yaml', 'yml'] }, title: vscode.l10n.t('Compare Responsibilities with File') });
  return chosen?.[0];
}

/** The 1-based line of a measure (the first of that id), else 1. */
function lineOf(project: Project, key: string, id: string): number {
  return buildMatrix(project, [key]).measures.find((measure) => measure.id === id)?.line ?? 1;
}

function fileName(key: string): string {
  return WorkspaceIndex.uri(key).path.split('/').pop() ?? key;
}

export function changeLabel(change: MeasureChange['change']): string {
  return { added: vscode.l10n.t('added'), removed: vscode.l10n.t('removed'), moved: vscode.l10n.t('moved'), changed: vscode.l10n.t('changed') }[change];
}

export function summary(diff: ResponsibilityDiff): string {
  const { added, removed, moved, changed } = diff.summary;
  return vscode.l10n.t('{0} added, {1} removed, {2} moved, {3} changed', added, removed, moved, changed);
}

function same(text: string): DiffPart {
  return { kind: 'same', text };
}

function valueText(change: ValueChange): string {
  return `${change.old ?? vscode.l10n.t('none')} → ${change.new ?? vscode.l10n.t('none')}`;
}

/** What changed in a measure, line by line, in the words of `taskmatrix diff`. */
function details(measure: MeasureChange): DiffItem['details'] {
  const lines: DiffItem['details'] = [];
  const lead = vscode.l10n.t('lead');
  const co = vscode.l10n.t('co');
  if (measure.change === 'added' || measure.change === 'removed') {
    const kind = measure.change === 'added' ? 'added' : 'removed';
    const leader = measure.lead?.new ?? measure.lead?.old;
    if (leader) lines.push({ label: lead, parts: [{ kind, text: leader }] });
    const names = measure.change === 'added' ? measure.coAdded : measure.coRemoved;
    if (names.length) lines.push({ label: measure.lead ? co : vscode.l10n.t('no lead'), parts: names.map((name) => ({ kind, text: name })) });
    return lines;
  }
  if (measure.lead) lines.push({ label: lead, parts: [same(valueText(measure.lead))] });
  if (measure.coAdded.length || measure.coRemoved.length) {
    lines.push({ label: co, parts: [...measure.coAdded.map((text): DiffPart => ({ kind: 'added', text })), ...measure.coRemoved.map((text): DiffPart => ({ kind: 'removed', text }))] });
  }
  if (measure.division) lines.push({ label: vscode.l10n.t('division'), parts: [same(valueText(measure.division))] });
  if (measure.deadline) lines.push({ label: vscode.l10n.t('deadline'), parts: [same(valueText(measure.deadline))] });
  if (measure.status) lines.push({ label: vscode.l10n.t('status'), parts: [same(valueText(measure.status))] });
  if (measure.oldTitle !== null && measure.oldTitle.replace(/\s+/g, '') !== measure.title.replace(/\s+/g, '')) {
    lines.push({ label: vscode.l10n.t('title'), parts: wordDiff(measure.oldTitle, measure.title) });
  }
  if (measure.textChanged) lines.push({ label: vscode.l10n.t('text'), parts: [same(vscode.l10n.t('text changed'))] });
  return lines;
}

function agencyParts(agency: AgencyChange): DiffPart[] {
  const parts: DiffPart[] = [];
  const list = (ids: string[]) => ids.join(', ');
  if (agency.leadsGained.length) parts.push({ kind: 'added', text: vscode.l10n.t('leads {0}', list(agency.leadsGained)) });
  if (agency.leadsLost.length) parts.push({ kind: 'removed', text: vscode.l10n.t('leads {0}', list(agency.leadsLost)) });
  if (agency.coGained.length) parts.push({ kind: 'added', text: vscode.l10n.t('co-owns {0}', list(agency.coGained)) });
  if (agency.coLost.length) parts.push({ kind: 'removed', text: vscode.l10n.t('co-owns {0}', list(agency.coLost)) });
  return parts;
}
