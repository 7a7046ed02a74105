// "Compare Responsibilities with HEAD…" / "…with File…": the engine's responsibility diff (the
// same as `taskmatrix diff`) of the current guideline against an earlier draft, in a panel that
// lists lead changes first, then the other changes and each agency's gains and losses; a click
// on a measure reveals it (a removed one in the earlier draft). It follows the drafter's edits.
import * as vscode from 'vscode';
import { buildMatrix, diffProjects, hasChanges, wordDiff } from '../core/index';
import type { AgencyChange, MeasureChange, Project, ResponsibilityDiff, ValueChange } from '../core/index';
import type { DiffInspection, DiffItem, DiffPart, DiffPayload, FromDiffWebview } from '../webview/protocol';
import { draftAtRevision, draftOfFile } from './earlier-draft';
import { guidelineFor, registerPanelFocus } from './focused-guideline';
import type { EarlierDraft } from './earlier-draft';
import { pickRevision, RevisionError, revisionSourceFor } from './revisions';
import { panelHtml, panelOptions, WebviewRequests } from './webview-html';
import { WorkspaceIndex } from './workspace-index';

/** Answers for the questions the commands would ask: for tests and for other extensions. */
export interface CompareOptions {
  /** compareWithHead: the revision (HEAD, main, a tag, a commit); a quick pick asks when not given. */
  revision?: string;
  /** compareWithFile: the earlier draft; a quick pick of the workspace's guidelines asks when not given. */
  otherFile?: vscode.Uri;
}

export class DiffPanel implements vscode.Disposable {
  static readonly viewType = 'taskmatrix.diff';
  private static current: DiffPanel | undefined;

  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly inspections: WebviewRequests<DiffInspection>;
  private readonly disposables: vscode.Disposable[] = [];
  private listed: MeasureChange[] = [];
  private subscription: vscode.Disposable | undefined;
  /** The diff last shown, for tests: it must be what the engine says. */
  diff: ResponsibilityDiff | undefined;

  /** Shows the diff of the guideline at `key` against an earlier draft, in the one diff panel. */
  static show(extensionUri: vscode.Uri, index: WorkspaceIndex, key: string, earlier: EarlierDraft): DiffPanel {
    const panel = (DiffPanel.current ??= new DiffPanel(vscode.window.createWebviewPanel(DiffPanel.viewType, '', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, panelOptions(extensionUri)), extensionUri, index));
    panel.compare(key, earlier);
    panel.panel.reveal(vscode.ViewColumn.Beside, true);
    return panel;
  }

  private key = '';
  /** What the current text is compared with. */
  earlier: EarlierDraft | undefined;

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly index: WorkspaceIndex,
  ) {
    this.inspections = new WebviewRequests(panel.webview);
    panel.webview.html = panelHtml({
      webview: panel.webview,
      extensionUri,
      title: vscode.l10n.t('Responsibility changes'),
      language: vscode.env.language,
      styles: ['media/panel.css', 'media/diff.css'],
      scripts: ['dist/webview/diff.js'],
      body: '<main id="diff" aria-live="polite"></main>',
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: FromDiffWebview) => this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private compare(key: string, earlier: EarlierDraft): void {
    this.key = key;
    this.earlier = earlier;
    this.panel.title = `${vscode.l10n.t('Responsibility changes')}: ${fileName(key)} (${earlier.label})`;
    this.subscription?.dispose();
    this.subscription = this.index.onDidAffect(key, () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.update(), 30);
    });
    this.update();
  }

  inspect(): Promise<DiffInspection> {
    return this.inspections.ask({ type: 'inspect' });
  }

  /** Clicks the link of the nth listed measure inside the webview, as a reviewer would. */
  click(index: number): Thenable<boolean> {
    return this.panel.webview.postMessage({ type: 'click', index });
  }

  update(): void {
    if (!this.earlier || !this.index.project.has(this.key)) return;
    const diff = diffProjects(this.earlier.side, { project: this.index.project, paths: [this.key] });
    this.diff = diff;
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
      heading: vscode.l10n.t('{0}: {1} → current text', fileName(this.key), this.earlier.label),
      summary: hasChanges(diff) ? summary(diff) : vscode.l10n.t('No responsibility changes.'),
      notes: [
        ...diff.documents.added.map((document) => vscode.l10n.t('{0} is new: {1} does not have it.', document, this.earlier!.label)),
        ...diff.documents.removed.map((document) => vscode.l10n.t('{0} is no longer in the current text.', document)),
      ],
      leadHeading: vscode.l10n.t('Lead changes'),
      leadChanges: leads.map((measure, at) => item(measure, at)),
      otherHeading: vscode.l10n.t('Other changes'),
      otherChanges: others.map((measure, at) => item(measure, leads.length + at)),
      agenciesHeading: vscode.l10n.t('Agencies'),
      agencies: diff.agencies.map((agency) => ({ name: agency.name, parts: agencyParts(agency) })),
    };
    void this.panel.webview.postMessage(payload);
  }

  private async receive(message: FromDiffWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.update();
        break;
      case 'reveal':
        await this.reveal(message.index);
        break;
      case 'inspected':
        this.inspections.answer(message.requestId, message.result);
        break;
    }
  }

  /** Opens a listed measure: in the current text, or (removed) in the earlier draft. */
  private async reveal(at: number): Promise<void> {
    const measure = this.listed[at];
    if (!measure || !this.earlier) return;
    if (measure.change !== 'removed') {
      await vscode.commands.executeCommand('taskmatrix.revealMeasure', this.key, lineOf(this.index.project, this.key, measure.id));
      return;
    }
    const oldKey = this.earlier.side.paths[0];
    if (oldKey === undefined) return;
    const document = await vscode.workspace.openTextDocument(this.earlier.documentOf(oldKey));
    const position = new vscode.Position(Math.max(0, lineOf(this.earlier.side.project, oldKey, measure.id) - 1), 0);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One, preview: true });
  }

  dispose(): void {
    clearTimeout(this.timer);
    if (DiffPanel.current === this) DiffPanel.current = undefined;
    this.subscription?.dispose();
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }

  /** The panel on screen, if any (for tests). */
  static shown(): DiffPanel | undefined {
    return DiffPanel.current;
  }

  /** The guideline compared, while the panel has the focus. */
  static focusedKey(): string | undefined {
    const current = DiffPanel.current;
    return current?.panel.active && current.key ? current.key : undefined;
  }
}

registerPanelFocus(() => DiffPanel.focusedKey());

/** taskmatrix.compareWithHead: the guideline (given, or the active editor's) against a git revision. */
export async function compareWithRevision(extensionUri: vscode.Uri, index: WorkspaceIndex, uri?: unknown, options?: unknown): Promise<DiffPanel | undefined> {
  const key = guidelineKey(index, uri);
  if (!key) return undefined;
  const answers = answersOf(options);
  try {
    const source = await revisionSourceFor(WorkspaceIndex.uri(key));
    const revision = answers.revision ?? (await pickRevision(source, vscode.l10n.t('Compare Responsibilities with Revision')));
    if (!revision) return undefined;
    return DiffPanel.show(extensionUri, index, key, await draftAtRevision(index, key, revision, source));
  } catch (error) {
    return failed(error);
  }
}

/** taskmatrix.compareWithFile: the guideline against another task file (the earlier draft). */
export async function compareWithFile(extensionUri: vscode.Uri, index: WorkspaceIndex, uri?: unknown, options?: unknown): Promise<DiffPanel | undefined> {
  const key = guidelineKey(index, uri);
  if (!key) return undefined;
  const other = answersOf(options).otherFile ?? (await pickOtherFile(index, key));
  if (!other) return undefined;
  try {
    return DiffPanel.show(extensionUri, index, key, await draftOfFile(index, key, other));
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
