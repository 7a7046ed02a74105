// Shared by the graph browser tests: the seed project, the CLI, and what a Mermaid source declares
// (read from the text independently of the code that wrote it) versus what Chromium rendered.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Project } from '../../core/index';
import type { OfflinePage, Page, RenderResult } from '../support/browser';
import { unexpectedConsoleErrors } from '../support/browser';

export const ROOT = resolve(__dirname, '../../..');
export const CLI = join(ROOT, 'dist/cli.js');
export const SEED_FILES = ['tasks/agencies.yaml', 'tasks/zj-ai-2027.yaml'] as const;

/** The registry and the Zhejiang guideline, loaded under their repository paths. */
export function seedProject(): Project {
  const project = new Project();
  for (const file of SEED_FILES) project.setFile(file, readFileSync(join(ROOT, file), 'utf8'));
  return project;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (dist/cli.js, built by `node esbuild.config.js`) in the repository. */
export function runCli(args: string[], cwd = ROOT): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "node esbuild.config.js" first`);
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const isLegend = (id: string) => id.startsWith('legend');

/** Node ids declared in the Mermaid text (`  id["…"]`), legend left out. */
export function declaredNodeIds(mermaid: string): string[] {
  return [...mermaid.matchAll(/^\s+([A-Za-z][\w]*)\["/gm)].map((m) => m[1]!).filter((id) => !isLegend(id));
}

export interface DeclaredEdge {
  from: string;
  to: string;
  pattern: 'solid' | 'dotted';
  /** The label as written (entity codes not decoded). */
  label: string;
}

/** Links declared in the Mermaid text (`  a -->|x| b`, `  a -.->|x| b`), legend left out. */
export function declaredEdges(mermaid: string): DeclaredEdge[] {
  return [...mermaid.matchAll(/^\s+(\w+) (-->|-\.->)\|([^|\n]*)\| (\w+)$/gm)]
    .map((m) => ({ from: m[1]!, to: m[4]!, pattern: m[2] === '-->' ? ('solid' as const) : ('dotted' as const), label: m[3]! }))
    .filter((edge) => !isLegend(edge.from) && !isLegend(edge.to));
}

/** A rendered edge's ends, from its data-id `L_<from>_<to>_<n>` (graph ids: a<n>, m<n>_<n>, p<n>). */
export function edgeEnds(dataId: string): { from: string; to: string } | undefined {
  const m = /^L_(a\d+)_(m\d+_\d+|p\d+)_\d+$/.exec(dataId);
  return m ? { from: m[1]!, to: m[2]! } : undefined;
}

/** Rendered nodes of the graph itself (legend left out). */
export function graphNodeIds(result: RenderResult): string[] {
  return result.nodeIds.filter((id) => !isLegend(id));
}

/** Rendered edges of the graph itself (legend left out). */
export function graphEdges(result: RenderResult): RenderResult['edges'] {
  return result.edges.filter((edge) => !edge.id.startsWith('L_legend_'));
}

export const sorted = (items: Iterable<string>): string[] => [...items].sort();

/** Rendered edges as comparable strings "from->to pattern label", sorted. */
export function renderedEdgeKeys(result: RenderResult): string[] {
  return sorted(
    graphEdges(result).map((edge) => {
      const ends = edgeEnds(edge.id);
      assert.ok(ends, `unexpected edge id ${edge.id}`);
      return `${ends.from}->${ends.to} ${edge.pattern} ${edge.label}`;
    }),
  );
}

/** Declared edges in the same form (labels here are plain CJK words, so no entity decoding is needed). */
export function declaredEdgeKeys(mermaid: string): string[] {
  return sorted(declaredEdges(mermaid).map((edge) => `${edge.from}->${edge.to} ${edge.pattern} ${edge.label}`));
}

/** Nothing went wrong in the page: no exception, console error, dialog, popup or request. */
export function assertQuiet(page: OfflinePage): void {
  assert.deepEqual(page.watch.pageErrors, [], 'page errors');
  assert.deepEqual(unexpectedConsoleErrors(page.watch), [], 'console errors');
  assert.deepEqual(page.watch.dialogs, [], 'dialogs');
  assert.deepEqual(page.watch.popups, [], 'popups');
  assert.deepEqual(page.blockedRequests, [], 'requests');
}

/** Evaluates a plain-JavaScript expression in the page (no tsx-compiled callback, see support/browser.ts). */
export function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

/** What the SVG under `root` contains that could run script or navigate. */
export interface ActiveContent {
  /** img, script, iframe, object, embed, a, foreignObject>…>link/meta/base/style elements other than Mermaid's one <style>. */
  dangerousElements: string[];
  /** Attributes named on* anywhere under root, as "tag@name". */
  handlers: string[];
  /** href / xlink:href / src / action values that use javascript:, data: or vbscript:. */
  scriptUrls: string[];
  /** Elements with class clickable (Mermaid's `click` statements). */
  clickable: number;
}

export function activeContent(page: Page, root: string): Promise<ActiveContent> {
  return inPage<ActiveContent>(
    page,
    `(() => {
      const root = document.querySelector(${JSON.stringify(root)});
      const all = root ? [root, ...root.querySelectorAll('*')] : [];
      const dangerousElements = [];
      const handlers = [];
      const scriptUrls = [];
      let styles = 0;
      for (const el of all) {
        const tag = el.localName;
        if (['img', 'image', 'script', 'iframe', 'object', 'embed', 'a', 'link', 'meta', 'base', 'form', 'audio', 'video', 'use'].includes(tag)) dangerousElements.push(tag);
        if (tag === 'style' && ++styles > 1) dangerousElements.push('style');
        for (const attr of el.attributes) {
          const name = attr.name.toLowerCase();
          if (name.startsWith('on')) handlers.push(tag + '@' + name);
          if (['href', 'xlink:href', 'src', 'action', 'formaction'].includes(name) && /^\\s*(javascript|data|vbscript):/i.test(attr.value)) scriptUrls.push(tag + '@' + name + '=' + attr.value);
        }
      }
      return { dangerousElements, handlers, scriptUrls, clickable: root ? root.querySelectorAll('.clickable').length : 0 };
    })()`,
  );
}

/** Computed fill of each rendered node's shape, keyed by node id (ids recovered as in the harness). */
export function nodeFills(page: Page, root: string): Promise<Record<string, string>> {
  return inPage<Record<string, string>>(
    page,
    `(() => {
      const fills = {};
      for (const node of document.querySelectorAll(${JSON.stringify(`${root} g.node`)})) {
        const m = /flowchart-(.+)-\\d+$/.exec(node.id);
        const shape = node.querySelector(':scope > .label-container, :scope > rect, :scope > path, :scope > polygon');
        if (m && shape) fills[m[1]] = getComputedStyle(shape).fill;
      }
      return fills;
    })()`,
  );
}

/** The one <style> element Mermaid puts at the start of its SVG. */
export function svgStyle(svg: string): string {
  const match = /<style>([\s\S]*?)<\/style>/.exec(svg);
  assert.ok(match, 'the SVG has a <style> element');
  return match[1]!;
}
