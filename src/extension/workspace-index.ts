// Keeps the engine's Project in step with the workspace: every task file read once through
// the file system API (so virtual workspaces work), open editors overriding disk, watchers for
// the rest. Nothing from the workspace is ever executed. What a file's bytes mean (decoding,
// size limits) and which configuration and registry govern it are the engine's to say, so
// that the editor and `taskmatrix lint` agree byte for byte.
import * as vscode from 'vscode';
import { agencyAt, candidatesAbove, CONFIG_FILE_NAMES, Project, readWithinLimit } from '../core/index';
import type { AgencyMention, Diagnostic, Locale } from '../core/index';

/** The encodings in which an editor's text is what the engine would read from the saved bytes. */
const UTF8_ENCODINGS = new Set(['utf8', 'utf8bom']);

export class WorkspaceIndex implements vscode.Disposable {
  project: Project;
  private readonly changed = new vscode.EventEmitter<IndexChange>();
  /** Fires with the files that changed and those whose findings or models that may change (`all` after a re-index or a deletion). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private watchers: vscode.Disposable[] = [];
  /** The document version each key's text comes from (files read from disk have none). */
  private readonly versions = new Map<string, number>();
  constructor(private readonly locale: Locale) {
    this.project = newProject(locale);
  }

  /** Problems of each configuration file (.taskmatrix.yaml), by key: reported like any other diagnostic. */
  configProblems(): Map<string, Diagnostic[]> {
    const byFile = new Map<string, Diagnostic[]>(this.project.configPaths().map((key) => [key, []]));
    for (const problem of this.project.configProblems()) byFile.get(problem.file)?.push(problem);
    return byFile;
  }

  /** The Project key of a document or file: its URI as a string. */
  static key(uri: vscode.Uri): string {
    return uri.toString();
  }

  /** Calls back when a file's findings or model may have changed (the engine says which changes reach it). */
  onDidAffect(key: string, listener: () => void): vscode.Disposable {
    return this.onDidChange(({ affected, all }) => {
      if (all || affected.has(key)) listener();
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
    const project = newProject(this.locale);
    await this.loadConfigs(project);
    const uris = await this.findTaskFiles();
    const files = await Promise.all(uris.map(async (uri) => [uri, await this.readTaskFile(uri)] as const));
    for (const [uri, read] of files) if (read) putFile(project, WorkspaceIndex.key(uri), read);
    this.versions.clear();
    for (const document of vscode.workspace.textDocuments) {
      const key = WorkspaceIndex.key(document.uri);
      if (!project.has(key) || !readsAsSaved(document)) continue;
      project.setFile(key, document.getText());
      this.versions.set(key, document.version);
    }
    this.project = project;
    this.watch();
    this.notify(project.paths(), true);
  }

  /** Tells listeners what changed, and (once, for all of them) which files that reaches. */
  private notify(keys: string[], all: boolean): void {
    this.changed.fire({ keys, all, affected: all ? new Set(this.project.paths()) : this.project.affectedBy(keys) });
  }

  /** Takes an editor's current text (as the drafter types); files outside the index are ignored. */
  updateFromDocument(document: vscode.TextDocument): void {
    const key = WorkspaceIndex.key(document.uri);
    if (!this.project.has(key) || this.versions.get(key) === document.version || !readsAsSaved(document)) return;
    this.versions.set(key, document.version);
    this.project.setFile(key, document.getText());
    this.notify([key], false);
  }

  /**
   * Brings the index up to the document's current text before answering a request about it
   * (a quick fix or hover asked for during the typing delay must not use old offsets).
   */
  sync(document: vscode.TextDocument): void {
    this.updateFromDocument(document);
  }

  /**
   * Adds every configuration file of the workspace folders, and those above a folder on disk
   * (as the command line finds them); the engine applies the nearest to each file.
   */
  private async loadConfigs(project: Project): Promise<void> {
    const found = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/.taskmatrix.{yaml,yml}'), '**/node_modules/**')) found.add(uri.toString());
      if (folder.uri.scheme !== 'file') continue;
      // Above the folder, where the engine says to look (the command line looks there too).
      const above = vscode.Uri.joinPath(folder.uri, '..');
      for (const candidate of candidatesAbove(above.toString(), CONFIG_FILE_NAMES)) {
        const uri = vscode.Uri.parse(candidate);
        const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
        if (stat?.type === vscode.FileType.File) found.add(uri.toString());
      }
    }
    for (const key of found) {
      const read = await this.readTaskFile(vscode.Uri.parse(key));
      if (read) project.setConfigFile(key, 'bytes' in read ? read.bytes : undefined);
    }
  }

  private async findTaskFiles(): Promise<vscode.Uri[]> {
    const found: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, filesGlob(folder)), '**/node_modules/**')) {
        // A configuration under tasks/ is a configuration, not a task file.
        if (!(CONFIG_FILE_NAMES as readonly string[]).some((name) => uri.path.endsWith(`/${name}`))) found.push(uri);
      }
    }
    return found;
  }

  /**
   * A file's bytes, or `tooLarge` when a stat shows it is over the engine's limit (it is then never
   * read: a 2 GB file in the workspace must not be loaded to be refused); undefined if unreadable.
   */
  private async readTaskFile(uri: vscode.Uri): Promise<{ bytes: Uint8Array } | { tooLarge: true } | undefined> {
    try {
      return await readWithinLimit({ size: async () => (await vscode.workspace.fs.stat(uri)).size, read: () => vscode.workspace.fs.readFile(uri) });
    } catch {
      return undefined;
    }
  }

  private watch(): void {
    this.watchers.forEach((watcher) => watcher.dispose());
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, filesGlob(folder)));
      const reread = async (uri: vscode.Uri) => {
        // An open editor is the source of truth for its file (a save changes nothing the index lacks),
        // unless its text is not what the engine would read from the saved bytes.
        if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString() && readsAsSaved(document))) return;
        const read = await this.readTaskFile(uri);
        if (!read) return;
        putFile(this.project, WorkspaceIndex.key(uri), read);
        this.versions.delete(WorkspaceIndex.key(uri));
        this.notify([WorkspaceIndex.key(uri)], false);
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
        this.notify(keys, true);
      });
      this.watchers.push(deletions);
      const configWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/.taskmatrix.{yaml,yml}'));
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
    if (keys.length) this.notify(keys, false);
  }

  dispose(): void {
    clearTimeout(this.scanTimer);
    this.watchers.forEach((watcher) => watcher.dispose());
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

/** A change of the index: the files changed, and the files the engine says that reaches. */
export interface IndexChange {
  keys: string[];
  all: boolean;
  affected: ReadonlySet<string>;
}

/** Puts a file read from the workspace into the project: its bytes, or the one diagnostic of a file too large to read. */
function putFile(project: Project, key: string, read: { bytes: Uint8Array } | { tooLarge: true }): void {
  if ('bytes' in read) project.setFileBytes(key, read.bytes);
  else project.setOversizedFile(key);
}

/** Keys are URI strings; a configuration's registry is found from it as a URI too. */
function newProject(locale: Locale): Project {
  return new Project({ locale, displayPath, today, resolve: (from, relative) => vscode.Uri.joinPath(vscode.Uri.parse(from), '..', relative).toString() });
}

/**
 * Whether an open document's text is what the engine would read from its saved bytes: not
 * when it was decoded from another encoding (GB18030, UTF-16…), nor when VS Code replaced
 * bytes that are not UTF-8 in a document not yet edited; then the saved bytes are linted, and
 * the drafter sees what `taskmatrix lint` will say of them.
 */
function readsAsSaved(document: vscode.TextDocument): boolean {
  const encoding = (document as { encoding?: string }).encoding;
  if (encoding !== undefined && !UTF8_ENCODINGS.has(encoding)) return false;
  return document.isDirty || !document.getText().includes('\uFFFD');
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
