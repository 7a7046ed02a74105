// The panels as the tests drive them: through the extension's testing API (api.testing), acting
// on each webview as a reviewer would (a click, a keystroke, a toolbar choice) and reading what
// the panel last drew. Nothing here reaches into the panel classes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Matrix, OwnershipGraph, ResponsibilityDiff } from '../../../core/index';
import type { PanelKind, PanelProbe, PanelSnapshot } from '../../../extension/testing';
import type { DiffInspection, GraphFilter, GraphInspection, MatrixInspection } from '../../../webview/protocol';
import { activate, waitUntil } from './helpers';

export type Rendered = { seq: number; ok: boolean; ms: number; at: number; error?: string };

/** What every panel offers a test. */
class PanelDriver<Model, Inspection> {
  constructor(protected readonly probe: PanelProbe) {}

  /** The VS Code webview panel (visibility, column, focus). */
  get panel(): vscode.WebviewPanel {
    return this.probe.webviewPanel;
  }

  get key(): string {
    return this.probe.snapshot().key;
  }

  snapshot(): PanelSnapshot {
    return this.probe.snapshot();
  }

  /** The engine's model the panel last sent to its webview. */
  get current(): Model | undefined {
    return this.probe.snapshot().model as Model | undefined;
  }

  /** Asks the webview what it shows. */
  inspect(): Promise<Inspection> {
    return this.probe.ask<Inspection>({ type: 'inspect' });
  }

  dispose(): void {
    this.probe.dispose();
  }
}

export class GraphDriver extends PanelDriver<OwnershipGraph, GraphInspection> {
  /** Fires when the webview has drawn an update. */
  onDidRender(listener: (event: Rendered) => void): vscode.Disposable {
    return this.probe.onDidReceive((message) => {
      if (message.type === 'rendered') listener({ ...(message as unknown as Omit<Rendered, 'at'>), at: Date.now() });
    });
  }

  /** Chooses a filter in the toolbar. */
  setFilter(filter: GraphFilter): void {
    void this.probe.receive({ type: 'filter', filter });
  }

  /** Clicks a node inside the webview. */
  click(nodeId: string): Thenable<boolean> {
    return this.probe.post({ type: 'click', nodeId });
  }

  /** Export SVG, answering the save dialog with `target`; resolves with the dialog's options once the file is written. */
  async exportTo(target: vscode.Uri): Promise<vscode.SaveDialogOptions> {
    const asked = this.probe.answerNextSave(target);
    await this.probe.post({ type: 'requestSvg' });
    const options = await asked;
    await waitUntil(() => fs.existsSync(target.fsPath) && fs.readFileSync(target.fsPath, 'utf8').trimEnd().endsWith('</svg>'), `the SVG in ${target.fsPath}`);
    return options;
  }
}

export class MatrixDriver extends PanelDriver<Matrix, MatrixInspection> {
  /** Types into the filter box. */
  setFilterText(text: string): Thenable<boolean> {
    return this.probe.post({ type: 'setFilter', text });
  }

  /** Clicks a column header. */
  sortBy(column: number): Thenable<boolean> {
    return this.probe.post({ type: 'sortBy', column });
  }

  /** Chooses the view in the toolbar. */
  setShape(shape: 'list' | 'grid'): void {
    void this.probe.receive({ type: 'shape', shape });
  }

  /** Clicks Clear on the bar of changes since a revision. */
  clearChanges(): void {
    void this.probe.receive({ type: 'clearChanges' });
  }

  /** Export CSV of the rows given (in the webview's order of them), the save dialog answered with `target`. */
  async exportCsv(options: { target: vscode.Uri; rows?: readonly number[] }): Promise<{ target: vscode.Uri; title: string; rows: number }> {
    const rows = options.rows ?? (await this.inspect()).order;
    const asked = this.probe.answerNextSave(options.target);
    await this.probe.receive({ type: 'exportCsv', rows: [...rows] });
    return { target: options.target, title: (await asked).title ?? '', rows: rows.length };
  }

  /** The bytes Export CSV writes for every row, unsorted (BOM included). */
  async csv(): Promise<string> {
    const target = vscode.Uri.file(path.join(os.tmpdir(), `tm-matrix-${process.pid}-${Date.now()}.csv`));
    const total = this.current?.measures.length ?? 0;
    await this.exportCsv({ target, rows: Array.from({ length: total }, (_, at) => at) });
    try {
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(fs.readFileSync(target.fsPath));
    } finally {
      fs.rmSync(target.fsPath, { force: true });
    }
  }
}

export class DiffDriver extends PanelDriver<ResponsibilityDiff, DiffInspection> {
  /** The diff last shown: it must be what the engine says. */
  get diff(): ResponsibilityDiff | undefined {
    return this.current;
  }

  /** What the current text is compared with, and (a revision) how it was read. */
  get earlier(): { label: string; via?: string; against?: { revision?: string; file?: string } } | undefined {
    const state = this.snapshot().state as { label?: string; via?: string; against?: { revision?: string; file?: string } };
    return state.label === undefined ? undefined : { label: state.label, via: state.via, against: state.against };
  }

  /** Clicks the link of the nth listed measure inside the webview. */
  click(index: number): Thenable<boolean> {
    return this.probe.post({ type: 'click', index });
  }
}

const drivers = { graph: GraphDriver, matrix: MatrixDriver, diff: DiffDriver } as const;
type Driver<K extends PanelKind> = InstanceType<(typeof drivers)[K]>;

/** The live panel of a kind showing `key` (the one diff panel without a key), if there is one. */
export async function livePanel<K extends PanelKind>(kind: K, key?: vscode.Uri | string): Promise<Driver<K> | undefined> {
  const probe = (await activate()).testing.panel(kind, key);
  return probe && (new drivers[kind](probe) as Driver<K>);
}

/** Runs a command that opens a panel and returns the driver of the panel it opened, if it did. */
export async function panelFrom<K extends PanelKind>(kind: K, command: string, ...args: unknown[]): Promise<Driver<K> | undefined> {
  const opened = await vscode.commands.executeCommand<{ key: string } | undefined>(command, ...args);
  return opened ? livePanel(kind, opened.key) : undefined;
}

/** Closes the panel of a kind showing `key`, if one is open. */
export async function closePanel(kind: PanelKind, key?: vscode.Uri | string): Promise<void> {
  (await livePanel(kind, key))?.dispose();
}
