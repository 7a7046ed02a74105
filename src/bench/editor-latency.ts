// In-process latency of the editor's re-check after a keystroke, debounce excluded: what the
// extension does when a document changes (WorkspaceIndex.updateFromDocument, then
// DiagnosticsController.refresh): Project.setFile with the new text, then lintFile of that file
// and of the registry it resolves against (unused-agency may change with it).
//
//   npx tsx src/bench/editor-latency.ts [--runs 50] [--workspace-measures 10000]
//
// The project also holds a generated workspace (default 10,000 measures in 100 files) to show
// that one file's re-check does not depend on how many other files there are.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Project } from '../core/index';
import { generateCorpus } from './generate-corpus';

const root = join(__dirname, '..', '..');

interface Case {
  name: string;
  path: string;
  text: string;
  /** Offset of the character the benchmark toggles. */
  at: number;
}

function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' }, 'workspace-measures': { type: 'string', default: '10000' } } });
  const runs = Number(values.runs);
  const registryText = readFileSync(join(root, 'tasks', 'agencies.yaml'), 'utf8');
  const project = new Project({ locale: 'en' });
  project.setFile('tasks/agencies.yaml', registryText);
  const seedText = readFileSync(join(root, 'tasks', 'zj-ai-2027.yaml'), 'utf8');
  project.setFile('tasks/zj-ai-2027.yaml', seedText);
  const workspace = generateCorpus({ measures: Number(values['workspace-measures']), seed: 1, perFile: 100, registryText }).files.slice(1);
  for (const file of workspace) project.setFile(`tasks/workspace/${file.name}`, file.text);
  const big = generateCorpus({ measures: 1000, seed: 2, perFile: 1000, registryText }).files[1]!;
  project.setFile('tasks/big-1000.yaml', big.text);
  // The first lint of everything, as the extension does after indexing.
  project.lint();

  const cases: Case[] = [
    { name: '1,000-measure file', path: 'tasks/big-1000.yaml', text: big.text, at: big.text.indexOf('text: ', big.text.length >> 1) + 8 },
    { name: 'tasks/zj-ai-2027.yaml (23 measures)', path: 'tasks/zj-ai-2027.yaml', text: seedText, at: seedText.indexOf('title: ', seedText.indexOf('"4.2"')) + 8 },
  ];
  process.stdout.write(`workspace: ${project.paths().length} files; ${runs} edits per case\n`);
  for (const c of cases) {
    const times: number[] = [];
    for (let i = 0; i < runs + 5; i++) {
      // Toggle one character so that every run sees a new text.
      const text = `${c.text.slice(0, c.at)}${i % 2 ? '甲' : '乙'}${c.text.slice(c.at + 1)}`;
      const start = performance.now();
      project.setFile(c.path, text);
      const own = project.lintFile(c.path);
      const registry = project.registryPathFor(c.path);
      if (registry !== undefined) project.lintFile(registry);
      const elapsed = performance.now() - start;
      if (own.diagnostics.length > 10_000) throw new Error('unexpected'); // keep the result alive
      if (i >= 5) times.push(elapsed); // the first few runs warm the JIT
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const p90 = times[Math.min(times.length - 1, Math.floor(times.length * 0.9))]!;
    process.stdout.write(`${c.name.padEnd(38)} median ${median.toFixed(2)} ms   p90 ${p90.toFixed(2)} ms\n`);
  }
}

main();
