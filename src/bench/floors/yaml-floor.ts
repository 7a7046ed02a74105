// Parse floor 1: what reading the corpus costs with the parser taskmatrix uses, and nothing else.
// Every *.yaml file of a folder is parsed with yaml's parseDocument, keeping source tokens and
// line positions (what a linter needs to point at a line); no schema, no rules.
//
//   node floor.js DIR  → {"files":N,"measures":M,"errors":E} on standard output
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument } from 'yaml';

function main(dir: string): void {
  let files = 0;
  let measures = 0;
  let errors = 0;
  for (const name of readdirSync(dir).filter((entry) => entry.endsWith('.yaml')).sort()) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(readFileSync(join(dir, name), 'utf8'), { keepSourceTokens: true, lineCounter });
    files++;
    errors += doc.errors.length;
    const chapters = doc.get('chapters');
    if (!isSeq(chapters)) continue;
    for (const chapter of chapters.items) {
      const list = isMap(chapter) ? chapter.get('measures') : undefined;
      if (isSeq(list)) measures += list.items.length;
    }
  }
  process.stdout.write(`${JSON.stringify({ files, measures, errors })}\n`);
}

main(process.argv[2] ?? '.');
