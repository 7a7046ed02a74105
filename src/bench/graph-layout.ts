// How readable the ownership graph is, drawn by real Mermaid (dagre, GitHub's layout too) in
// headless Chromium at 1,400 px wide: height, pairs of crossing lines, smallest label, parts in
// order, render time. Side by side, in the same run, the flowchart one writes by hand for the same
// data (all agencies in one column, a subgraph per part, one labelled arrow per responsibility —
// the graph taskmatrix drew before issue 13). The machine is shared: compare the columns, not runs.
//
//   npm run bench:graph-layout [-- --runs 3]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildMatrix, buildOwnershipGraph, Project } from '../core/index';
import type { GraphOptions, Matrix } from '../core/index';
import { launchBrowser, newBlankPage, renderMermaid } from '../test/support/browser';
import { measureLayout } from '../test/support/graph-layout';
import type { LayoutFigures } from '../test/support/graph-layout';
import { generateCorpus } from './generate-corpus';

const WIDTH = 1400;
const ROOT = join(__dirname, '..', '..');

/** The hand-written flowchart: agencies, a subgraph per part, an arrow labelled 牵头/配合/负责 each. */
function byHand(matrix: Matrix): string {
  const lines = ['flowchart LR'];
  const used = [...new Set(matrix.measures.flatMap((m) => (m.lead ? [m.lead, ...m.co] : m.co)))];
  const agency = new Map(used.map((name, i) => [name, `a${i}`]));
  const quote = (text: string) => text.replace(/["#<>]/g, ' ');
  used.forEach((name, i) => lines.push(`  a${i}["${quote(name)}"]`));
  const parts = new Map<string, typeof matrix.measures>();
  for (const m of matrix.measures) parts.set(`${m.document} ${m.chapter}`, [...(parts.get(`${m.document} ${m.chapter}`) ?? []), m]);
  const links: string[] = [];
  [...parts].forEach(([key, measures], p) => {
    lines.push(`  subgraph p${p}["${quote(key)}"]`);
    measures.forEach((m, i) => {
      lines.push(`    m${p}x${i}["${quote(`${m.id} ${m.title}`)}"]`);
      if (m.lead) links.push(`  ${agency.get(m.lead)} -->|牵头| m${p}x${i}`);
      for (const name of m.co) links.push(`  ${agency.get(name)} -.->|${m.noLead ? '负责' : '配合'}| m${p}x${i}`);
    });
    lines.push('  end');
  });
  return `${[...lines, ...links].join('\n')}\n`;
}

interface Case {
  name: string;
  project: Project;
  options: GraphOptions;
}

function seed(): Project {
  const project = new Project({ locale: 'en' });
  for (const file of ['agencies.yaml', 'zj-ai-2027.yaml']) project.setFile(`tasks/${file}`, readFileSync(join(ROOT, 'tasks', file), 'utf8'));
  return project;
}

function corpus(measures: number, perFile: number): Project {
  const project = new Project({ locale: 'en' });
  const registryText = readFileSync(join(ROOT, 'tasks', 'agencies.yaml'), 'utf8');
  for (const file of generateCorpus({ measures, seed: 1, perFile, registryText }).files) project.setFile(`corpus/${file.name}`, file.text);
  return project;
}

function describe(figures: LayoutFigures | undefined, ms: number, error?: string): string {
  if (!figures) return `refused by Mermaid (${error})`;
  return `${figures.width.toFixed(0)}×${figures.height.toFixed(0)} px, ${figures.crossings} crossings / ${figures.edges} lines, labels ≥ ${figures.smallestLabelPx.toFixed(1)} px, ${ms.toFixed(0)} ms`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  const runs = Number(values.runs);
  const cases: Case[] = [
    { name: 'seed guideline (23 measures)', project: seed(), options: {} },
    { name: 'seed, --agency 省经信厅 (22 measures)', project: seed(), options: { agency: '省经信厅' } },
    { name: 'seed, --chapter 4', project: seed(), options: { chapter: '4' } },
    { name: 'generated guideline, 300 measures', project: corpus(300, 300), options: {} },
    { name: 'workspace, 10 guidelines × 30 measures', project: corpus(300, 30), options: {} },
  ];
  const browser = await launchBrowser();
  try {
    const { page } = await newBlankPage(browser);
    await page.setViewportSize({ width: WIDTH, height: 900 });
    await page.addStyleTag({ content: `body { margin: 0 } #tm-output { width: ${WIDTH}px }` });
    const draw = async (source: string) => {
      const times: number[] = [];
      let figures: LayoutFigures | undefined;
      let error: string | undefined;
      for (let run = 0; run < runs; run++) {
        const result = await renderMermaid(page, source, {}, { settleMs: 0 });
        if (!result.ok) return { figures: undefined, ms: 0, error: result.error?.replace(/\s+/g, ' ').trim().slice(0, 80) };
        times.push(result.renderMs);
        figures = await measureLayout(page, '#tm-output');
      }
      return { figures, ms: [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!, error };
    };
    process.stdout.write(`ownership graph drawn by Mermaid ${require('mermaid/package.json').version} (dagre) at ${WIDTH} px, median render of ${runs}\n\n`);
    for (const c of cases) {
      const graph = buildOwnershipGraph(c.project, undefined, c.options);
      const ours = await draw(graph.mermaid);
      const hand = await draw(byHand({ ...buildMatrix(c.project), measures: graph.measures }));
      process.stdout.write(`${c.name}\n  taskmatrix (${graph.level}): ${describe(ours.figures, ours.ms, ours.error)}\n  by hand:              ${describe(hand.figures, hand.ms, hand.error)}\n`);
      if (ours.figures && hand.figures) {
        process.stdout.write(`  ratio (by hand / taskmatrix): height ×${(hand.figures.height / ours.figures.height).toFixed(1)}, crossings ×${(hand.figures.crossings / Math.max(1, ours.figures.crossings)).toFixed(1)}, render ×${(hand.ms / ours.ms).toFixed(2)}\n`);
      }
      process.stdout.write('\n');
    }
  } finally {
    await browser.close();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
