// The seed guideline imported from its published text (tasks/source/zj-ai-2027.txt) against the
// hand-made tasks/zj-ai-2027.yaml: the same matrix, the same targets, the same file.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildMatrix, Project } from '../../core/index';
import { bundledRegistry, importBytes, root } from './helpers';

const SOURCE = join(root, 'tasks', 'source', 'zj-ai-2027.txt');
const HAND_MADE = join(root, 'tasks', 'zj-ai-2027.yaml');

function handMadeMatrix() {
  const project = new Project();
  for (const file of ['tasks/agencies.yaml', 'tasks/zj-ai-2027.yaml']) project.setFile(file, readFileSync(join(root, file), 'utf8'));
  return buildMatrix(project);
}

describe('import: round trip of the seed guideline', () => {
  const imported = importBytes(readFileSync(SOURCE), 'zj-ai-2027');
  const expected = handMadeMatrix();

  it('the source text in the repository is the seed document', () => {
    const text = readFileSync(SOURCE, 'utf8');
    assert.ok(text.startsWith('关于加快人工智能产业发展的指导意见'));
    assert.equal((text.match(/^（[一二三四五六七八九十]+）/gm) ?? []).length, 25);
  });

  it('gives the matrix of the hand-made file: ids, titles, leads, co-responsible in order, no-lead reasons', () => {
    const strip = ({ id, title, lead, co, noLead, noLeadReason }: (typeof expected.measures)[number]) => ({ id, title, lead, co, noLead, noLeadReason });
    assert.equal(imported.rows.length, 23);
    assert.deepEqual(imported.rows, expected.measures.map(strip));
  });

  it('gives the same per-agency view (leads, co-owned, no-lead measures)', () => {
    const project = new Project();
    project.setFile('tasks/agencies.yaml', readFileSync(join(root, 'tasks/agencies.yaml'), 'utf8'));
    project.setFile('tasks/zj-ai-2027.yaml', imported.result.yaml);
    assert.deepEqual(buildMatrix(project).agencies, expected.agencies);
  });

  it('finds the 13 targets of the development goals with value, unit and year', () => {
    const handMade = parse(readFileSync(HAND_MADE, 'utf8')) as { targets: unknown[] };
    assert.deepEqual(imported.result.guideline.targets.map(({ line: _line, ...target }) => target), handMade.targets);
  });

  it('writes the hand-made file byte for byte (header, comments, texts, divisions)', () => {
    assert.equal(imported.result.yaml, readFileSync(HAND_MADE, 'utf8'));
  });

  it('lints with exactly the four genuine no-lead warnings of the hand-made file', () => {
    const project = new Project();
    for (const file of ['tasks/agencies.yaml', 'tasks/zj-ai-2027.yaml']) project.setFile(file, readFileSync(join(root, file), 'utf8'));
    const handMade = project.lintFile('tasks/zj-ai-2027.yaml').diagnostics;
    assert.deepEqual(handMade.map((d) => d.rule), ['no-lead', 'no-lead', 'no-lead', 'no-lead']);
    assert.deepEqual(imported.diagnostics, handMade);
    assert.deepEqual(imported.result.problems, []);
    assert.deepEqual(imported.result.newAgencies, []);
  });

  it('is deterministic, and the same without a registry except for the listed new names', () => {
    assert.equal(importBytes(readFileSync(SOURCE), 'zj-ai-2027').result.yaml, imported.result.yaml);
    const bare = importBytes(readFileSync(SOURCE), 'zj-ai-2027', null);
    assert.equal(bare.result.yaml, imported.result.yaml);
    assert.equal(bare.result.newAgencies.length, bundledRegistry().model.agencies.length);
  });

  it('reads the same guideline from a PDF copy of the text, in UTF-8 with BOM and CRLF, and in GB18030', () => {
    const pdf = pdfCopy(readFileSync(SOURCE, 'utf8'));
    assert.ok(pdf.split('\r\n').length > 150 && pdf.includes('- 3 -'), 'the copy is wrapped and paged');
    const fromPdf = importBytes(Buffer.from(`\ufeff${pdf}`), 'zj-ai-2027');
    assert.deepEqual(fromPdf.result.problems, []);
    assert.equal(fromPdf.result.yaml, imported.result.yaml);
    const gb = execFileSync('/usr/bin/iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: pdf });
    const fromGb = importBytes(gb, 'zj-ai-2027');
    assert.equal(fromGb.encoding, 'gb18030');
    assert.equal(fromGb.result.yaml, imported.result.yaml);
  });
});

/**
 * The text as copied out of a PDF: indented first lines, lines cut every 35 characters (in the
 * middle of words, names and numbers), CRLF, and at every page break a page number and the
 * running header (the title again).
 */
function pdfCopy(source: string, width = 35, pageLines = 38): string {
  const lines: string[] = [];
  let page = 1;
  const push = (line: string) => {
    lines.push(line);
    if (lines.filter((l) => l !== '').length % pageLines === 0) lines.push('', `- ${page++} -`, '', '关于加快人工智能产业发展的指导意见', '');
  };
  for (const paragraph of source.split('\n')) {
    if (paragraph.trim() === '') continue;
    const chars = [...paragraph];
    for (let start = 0; start < chars.length; start += width) push((start === 0 ? '\u3000\u3000' : '') + chars.slice(start, start + width).join(''));
  }
  return lines.join('\r\n');
}
