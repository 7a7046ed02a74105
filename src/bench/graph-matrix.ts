// In-process time of buildMatrix and buildOwnershipGraph over a generated corpus (models
// already read, as in the editor's previews; parsing is lint's business and measured there).
//
//   npx tsx src/bench/graph-matrix.ts [--measures 10000] [--runs 7]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { buildMatrix, buildOwnershipGraph, Project } from '../core/index';
import { generateCorpus } from './generate-corpus';

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function main(): void {
  const { values } = parseArgs({ options: { measures: { type: 'string', default: '10000' }, runs: { type: 'string', default: '7' } } });
  const registryText = readFileSync(join(__dirname, '..', '..', 'tasks', 'agencies.yaml'), 'utf8');
  const project = new Project({ locale: 'en' });
  for (const file of generateCorpus({ measures: Number(values.measures), seed: 1, perFile: 100, registryText }).files) project.setFile(`corpus/${file.name}`, file.text);
  for (const path of project.guidelinePaths()) project.guideline(path);

  const runs = Number(values.runs);
  const time = (name: string, work: () => unknown) => {
    work(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      work();
      times.push(performance.now() - start);
    }
    process.stdout.write(`${name.padEnd(34)} median ${median(times).toFixed(1)} ms   (${times.map((t) => t.toFixed(0)).join(' ')})\n`);
  };
  process.stdout.write(`${values.measures} measures in ${project.guidelinePaths().length} guidelines, ${runs} runs\n`);
  time('buildMatrix', () => buildMatrix(project));
  time('buildOwnershipGraph', () => buildOwnershipGraph(project));
  time('buildOwnershipGraph --agency', () => buildOwnershipGraph(project, undefined, { agency: '省科技厅' }));
  time('buildOwnershipGraph --chapter 2', () => buildOwnershipGraph(project, undefined, { chapter: '2' }));
}

main();
