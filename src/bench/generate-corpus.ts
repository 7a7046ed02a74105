// Generates a deterministic corpus of guidelines in the design's format, for benchmarks and
// scale tests: files of 100 measures, texts of 150–400 characters, 2–10 agencies each,
// about 5% without a lead, 1% unknown agencies and 1% aliases.
//
//   npx tsx src/bench/generate-corpus.ts --measures 10000 --out /tmp/corpus-10k [--seed 1]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';

/** mulberry32: a small seeded generator, so every run writes the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PHRASES = ['加快推进', '统筹优化', '支持建设', '鼓励企业', '人工智能', '算力资源', '数据要素', '创新应用', '产业集群', '公共服务平台', '关键核心技术', '高质量发展', '开源生态', '场景开放', '人才引育', '投融资环境', '知识产权', '安全治理'];

export interface CorpusOptions {
  measures: number;
  seed: number;
  perFile: number;
  registryText: string;
}

export interface CorpusFile {
  name: string;
  text: string;
}

export interface CorpusStats {
  measures: number;
  noLead: number;
  unknown: number;
  aliases: number;
}

/** Builds the corpus in memory: the registry file first, then the guidelines. */
export function generateCorpus(options: CorpusOptions): { files: CorpusFile[]; stats: CorpusStats } {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const registry = parse(options.registryText) as { agencies: { name: string; kind: string; aliases?: string[] }[] };
  const leaders = registry.agencies.filter((a) => a.kind !== 'collective').map((a) => a.name);
  const aliased = registry.agencies.filter((a) => a.aliases?.length);
  const stats: CorpusStats = { measures: 0, noLead: 0, unknown: 0, aliases: 0 };
  const files: CorpusFile[] = [{ name: 'agencies.yaml', text: options.registryText }];

  const fileCount = Math.ceil(options.measures / options.perFile);
  for (let f = 0; f < fileCount; f++) {
    const id = `gen-${String(f + 1).padStart(5, '0')}`;
    const lines = ['# yaml-language-server: $schema=../schemas/guideline.schema.json', `id: ${id}`, `title: 生成的测试文件${f + 1}`, 'issuer: 浙江省', 'status: draft', 'chapters:'];
    const inFile = Math.min(options.perFile, options.measures - f * options.perFile);
    const chapters = 5;
    for (let c = 0; c < chapters; c++) {
      lines.push(`  - id: "${c + 2}"`, `    title: 第${c + 2}部分`, '    measures:');
      const count = Math.floor(inFile / chapters) + (c < inFile % chapters ? 1 : 0);
      for (let m = 0; m < count; m++) {
        stats.measures++;
        let text = '';
        const length = 150 + Math.floor(random() * 251);
        while (text.length < length) text += `${pick(PHRASES)}${random() < 0.3 ? '，' : ''}`;
        text = `${text.slice(0, length - 1)}。`;
        const size = 2 + Math.floor(random() * 9);
        const agencies = new Set<string>();
        while (agencies.size < size) agencies.add(pick(leaders));
        const list = [...agencies];
        const roll = random();
        if (roll < 0.01) {
          list[list.length - 1] = `未登记单位${Math.floor(random() * 1000)}`;
          stats.unknown++;
        } else if (roll < 0.02) {
          const agency = pick(aliased);
          if (!list.includes(agency.name)) {
            list[list.length - 1] = agency.aliases![0]!;
            stats.aliases++;
          }
        }
        const noLead = random() < 0.05;
        if (noLead) stats.noLead++;
        lines.push(`      - id: "${c + 2}.${m + 1}"`, `        title: 措施${c + 2}.${m + 1}`, `        text: ${text}`, `        agencies: [${list.join(', ')}]`);
        if (noLead) lines.push('        division: by-function');
      }
    }
    files.push({ name: `${id}.yaml`, text: `${lines.join('\n')}\n` });
  }
  return { files, stats };
}

function main(): void {
  const { values } = parseArgs({
    options: { measures: { type: 'string', default: '10000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' }, 'per-file': { type: 'string', default: '100' } },
  });
  if (!values.out) {
    process.stderr.write('usage: generate-corpus --measures N --out FOLDER [--seed S] [--per-file 100]\n');
    process.exitCode = 2;
    return;
  }
  const registryText = readFileSync(join(__dirname, '..', '..', 'tasks', 'agencies.yaml'), 'utf8');
  const { files, stats } = generateCorpus({ measures: Number(values.measures), seed: Number(values.seed), perFile: Number(values['per-file']), registryText });
  mkdirSync(values.out, { recursive: true });
  for (const file of files) writeFileSync(join(values.out, file.name), file.text);
  process.stdout.write(`${JSON.stringify({ out: values.out, files: files.length, ...stats })}\n`);
}

if (require.main === module) main();
