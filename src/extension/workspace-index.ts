// Keeps the engine's Project in step with the workspace: every task file read once through
// the file system API (so virtual workspaces work), open editors overriding disk, watchers for
// the rest. Nothing from the workspace is ever executed.
import * as vscode from 'vscode';
import { agencyAt, CONFIG_FILE_NAMES, parseConfig, Project, readWithinLimit } from '../core/index';
import type { AgencyMention, Diagnostic, Locale } from '../core/index';

const decoder = new TextDecoder('utf-8');

export class WorkspaceIndex implements vscode.Disposable {
  project: Project;
  private readonly changed = new vscode.EventEmitter<{ keys: string[]; all: boolean }>();
  /** Fires with the files whose diagnostics may have changed (`all` after a re-index). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private watchers: vscode.Disposable[] = [];
  /** The document version each key's text comes from (files read from disk have none). */
  private readonly versions = new Map<string, number>();
  /** Problems in .taskmatrix.yaml, reported like any other diagnostic. */
  configProblems: Diagnostic[] = [];
  configUri: vscode.Uri | undefined;

  constructor(private readonly locale: Locale) {
    this.project = new Project({ locale, displayPath, today });
  }

  /** The Project key of a document or file: its URI as a string. */
  static key(uri: vscode.Uri): string {
    return uri.toString();
  }

  /** Calls back when a file's findings or model may have changed: the file itself, or its registry. */
  onDidAffect(key: string, listener: () => void): vscode.Disposable {
    return this.onDidChange(({ keys, all }) => {
      const registry = this.project.registryPathFor(key);
      if (all || keys.includes(key) || (registry !== undefined && keys.includes(registry))) listener();
    });
  }

  /** The agency under the cursor of an indexed document (the index first brought up to its text). */
  mentionAt(document: vscode.TextDocument, position: vscode.Position): { key: string; mention: AgencyMention } | undefined {
    this.sync(document);
    const key = WorkspaceIndex.key(document.uri);
    if (!this.project.has(key)) return undefined;
    const mention = agencyAt(this.project, key, document.offsetAt(position));
    return mention && { key, mention };
  }

  has(uri: vscode.Uri): boolean {
    return this.project.has(WorkspaceIndex.key(uri));
  }

  /** The file URI of a Project key (keys are URI strings). */
  static uri(key: string): vscode.Uri {
    return vscode.Uri.parse(key);
  }

  /** Finds and reads every task file; open documents win over their saved text. */
  async rebuild(): Promise<void> {
    const project = await this.loadConfig();
    const uris = await this.findTaskFiles();
    const files = await Promise.all(uris.map(async (uri) => [uri, await this.readTaskFile(uri)] as const));
    for (const [uri, read] of files) if (read) putFile(project, WorkspaceIndex.key(uri), read);
    this.versions.clear();
    for (const document of vscode.workspace.textDocuments) {
      const key = WorkspaceIndex.key(document.uri);
      if (!project.has(key)) continue;
      project.setFile(key, document.getText());
      this.versions.set(key, document.version);
    }
    this.project = project;
    this.watch();
    this.changed.fire({ keys: project.paths(), all: true });
  }

  /** Takes an editor's current text (as the drafter types); files outside the index are ignored. */
  updateFromDocument(document: vscode.TextDocument): void {
    const key = WorkspaceIndex.key(document.uri);
    if (!this.project.has(key) || this.versions.get(key) === document.version) return;
    this.versions.set(key, document.version);
    this.project.setFile(key, document.getText());
    this.changed.fire({ keys: [key], all: false });
  }

  /**
   * Brings the index up to the document's current text before answering a request about it
   * (a quick fix or hover asked for during the typing delay must not use old offsets).
   */
  sync(document: vscode.TextDocument): void {
    this.updateFromDocument(document);
  }

  private async loadConfig(): Promise<Project> {
    this.configProblems = [];
    this.configUri = undefined;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const name of CONFIG_FILE_NAMES) {
        const uri = vscode.Uri.joinPath(folder.uri, name);
        const text = await this.readText(uri);
        if (text === undefined) continue;
        const { config, problems } = parseConfig(uri.toString(), text, this.locale);
        this.configUri = uri;
        this.configProblems = problems;
        const registryPath = config.registry ? WorkspaceIndex.key(vscode.Uri.joinPath(folder.uri, config.registry)) : undefined;
        return new Project({ locale: this.locale, config, registryPath, displayPath, today });
      }
    }
    return new Project({ locale: this.locale, displayPath, today });
  }

  private async findTaskFiles(): Promise<vscode.Uri[]> {
    const found: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, filesGlob(folder)), '**/node_modules/**')) found.push(uri);
    }
    return found;
  }

  /**
   * A file's text, or `tooLarge` when a stat shows it is over the engine's limit (it is then never
   * read: a 2 GB file in the workspace must not be loaded to be refused); undefined if unreadable.
   */
  private async readTaskFile(uri: vscode.Uri): Promise<{ text: string } | { tooLarge: true } | undefined> {
    try {
      const read = await readWithinLimit({ size: async () => (await vscode.workspace.fs.stat(uri)).size, read: () => vscode.workspace.fs.readFile(uri) });
      return 'tooLarge' in read ? read : { text: decoder.decode(read.bytes) };
    } catch {
      return undefined;
    }
  }

  /** A file's text if it is within the limit and readable (the configuration). */
  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    const read = await this.readTaskFile(uri);
    return read && 'text' in read ? read.text : undefined;
  }

  private watch(): void {
    this.watchers.forEach((watcher) => watcher.dispose());
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, filesGlob(folder)));
      const reread = async (uri: vscode.Uri) => {
        // An open editor is the source of truth for its file (a save changes nothing the index lacks).
        if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) return;
        const read = await this.readTaskFile(uri);
        if (!read) return;
        putFile(this.project, WorkspaceIndex.key(uri), read);
        this.versions.delete(WorkspaceIndex.key(uri));
        this.changed.fire({ keys: [WorkspaceIndex.key(uri)], all: false });
      };
      watcher.onDidCreate(reread);
      watcher.onDidChange(reread);
      // Deleting a folder reports only the folder: drop every indexed file at or below it.
      const deletions = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**'), false, true, false);
      // A file written into a folder that was just created can slip past the glob watcher: look
      // for task files not yet indexed whenever a folder appears.
      deletions.onDidCreate(async (uri) => {
        if (this.project.has(WorkspaceIndex.key(uri))) return;
        const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
        if (stat?.type === vscode.FileType.Directory) this.scheduleScan();
      });
      deletions.onDidDelete((uri) => {
        const gone = WorkspaceIndex.key(uri);
        const keys = this.project.paths().filter((key) => key === gone || key.startsWith(`${gone}/`));
        if (keys.length === 0) return;
        keys.forEach((key) => {
          this.project.deleteFile(key);
          this.versions.delete(key);
        });
        this.changed.fire({ keys, all: true });
      });
      this.watchers.push(deletions);
      const configWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '.taskmatrix.{yaml,yml}'));
      const reindex = () => void this.rebuild();
      configWatcher.onDidCreate(reindex);
      configWatcher.onDidChange(reindex);
      configWatcher.onDidDelete(reindex);
      this.watchers.push(watcher, configWatcher);
    }
  }

  private scanTimer: ReturnType<typeof setTimeout> | undefined;

  private scheduleScan(): void {
    clearTimeout(this.scanTimer);
    this.scanTimer = setTimeout(() => void this.addMissing(), 100);
  }

  /** Indexes task files that exist but are not in the index yet. */
  private async addMissing(): Promise<void> {
    const missing = (await this.findTaskFiles()).filter((uri) => !this.has(uri));
    const keys: string[] = [];
    for (const uri of missing) {
      const read = await this.readTaskFile(uri);
      if (!read || this.has(uri)) continue;
      putFile(this.project, WorkspaceIndex.key(uri), read);
      keys.push(WorkspaceIndex.key(uri));
    }
    if (keys.length) this.changed.fire({ keys, all: false });
  }

  dispose(): void {
    clearTimeout(this.scanTimer);
    this.watchers.forEach((watcher) => watcher.dispose());
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

/** Puts a file read from the workspace into the project: its text, or the one diagnostic of a file too large to read. */
function putFile(project: Project, key: string, read: { text: string } | { tooLarge: true }): void {
  if ('text' in read) project.setFile(key, read.text);
  else project.setOversizedFile(key);
}

/** Files named in messages as the CLI names them: relative to the workspace folder. */
function displayPath(key: string): string {
  return vscode.workspace.asRelativePath(vscode.Uri.parse(key), false);
}

/**
 * The date overdue deadlines are judged against for a file: its folder's taskmatrix.today
 * setting, or (empty, or not a date) none, and the engine takes the local date.
 */
function today(key: string): string | undefined {
  const value = vscode.workspace.getConfiguration('taskmatrix', vscode.Uri.parse(key)).get<string>('today', '').trim();
  return value || undefined;
}

function filesGlob(folder: vscode.WorkspaceFolder): string {
  return vscode.workspace.getConfiguration('taskmatrix', folder.uri).get<string>('files') ?? 'tasks/**/*.{yaml,yml}';
}
