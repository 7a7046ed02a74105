// Parse floor 2: the same files read with js-yaml's load (plain JavaScript values, no positions).
//
//   node floor.js DIR [DIR…]  → {"files":N,"measures":M,"errors":E} on standard output
// (several folders: the diff case's floor reads both drafts, as a diff must)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

function main(dirs: string[]): void {
  let files = 0;
  let measures = 0;
  let errors = 0;
  for (const path of dirs.flatMap((dir) => readdirSync(dir).filter((entry) => entry.endsWith('.yaml')).sort().map((name) => join(dir, name)))) {
    let data: unknown;
    try {
      data = load(readFileSync(path, 'utf8'));
    } catch {
      errors++;
    }
    files++;
    const chapters = (data as { chapters?: unknown } | undefined)?.chapters;
    if (!Array.isArray(chapters)) continue;
    for (const chapter of chapters) {
      const list = (chapter as { measures?: unknown } | null)?.measures;
      if (Array.isArray(list)) measures += list.length;
    }
  }
  process.stdout.write(`${JSON.stringify({ files, measures, errors })}\n`);
}

main(process.argv.length > 2 ? process.argv.slice(2) : ['.']);
