// Terminal escapes in the data never reach the terminal: names, titles, ids, file names and the
// paragraphs `import` quotes may hold ESC]0;…BEL (retitles the terminal), ESC[2J (clears it), the
// one-character CSI U+009B or the bidi override U+202E (‮gpj.exe reads "exe.jpg"). Every command
// shows them as \u001b-style text, on standard output and standard error, in every format.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { terminalSafe } from '../../cli/text-width';
import { ensureBuilt, run, TempDirs } from './helpers';

/** Any character that must not reach a terminal raw (tab and line ends are structure). */
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
/** The colour codes taskmatrix writes itself with --color. */
const OWN_COLOUR = /\u001b\[[0-9;]*m/g;

const REGISTRY = `agencies:
  - name: "省科技厅\\e]0;pwned\\a"
    kind: government
  - name: "\\u202Egpj.exe"
    kind: government
  - name: "省经信厅\\u009b2J"
    kind: government
`;
const GUIDELINE = `id: doc
title: "标题\\e[2J\\a"
chapters:
  - id: "2"
    title: "第二部分\\u2066"
    measures:
      - id: "2.1\\e[2J"
        title: "措施\\e]0;x\\a"
        agencies: ["省科技厅\\e]0;pwned\\a", "\\u202Egpj.exe", "未知\\e[31m单位"]
      - id: "2.2"
        title: 无牵头
        agencies: ["\\u202Egpj.exe", "省经信厅\\u009b2J"]
        division: joint
`;
/** A text document whose paragraphs and agency lists hold escapes. */
const DOCUMENT = '关于加快发展的意见\n一、重点任务\n（一）强化研究。加快推进实验室建设。（新单位\u001b[2J、省发展改革委\u001b]0，排名第一的为牵头单位，下同）\n（二）这一段\u001b[2J没有责任单位\u202egpj.exe。\n';

function assertInert(where: string, text: string, colour = false): void {
  const bare = colour ? text.replace(OWN_COLOUR, '') : text;
  const found = RAW.exec(bare);
  assert.equal(found, null, `${where}: U+${found?.[0].codePointAt(0)!.toString(16).padStart(4, '0')} reached the terminal raw in:\n${JSON.stringify(bare.slice(Math.max(0, (found?.index ?? 0) - 60), (found?.index ?? 0) + 20))}`);
}

describe('cli: terminal escapes in the data', function () {
  const temp = new TempDirs();
  let dir: string;
  before(ensureBuilt);
  beforeEach(() => {
    dir = temp.withFiles({ 'tasks/agencies.yaml': REGISTRY, 'tasks/doc.yaml': GUIDELINE, 'tasks/x\u001b[2J\u202e.yaml': GUIDELINE.replace('id: doc', 'id: doc2') });
  });
  afterEach(() => temp.cleanup());

  for (const args of [
    ['lint'],
    ['lint', '--color'],
    ['lint', '--format', 'json'],
    ['lint', '--format', 'sarif'],
    ['lint', '--format', 'github'],
    ['lint', '--format', 'junit'],
    ['lint', '--report-suppressed'],
    ['report'],
    ['report', '--color'],
    ['stats'],
    ['stats', '--format', 'json'],
    ['matrix'],
    ['matrix', '--format', 'csv'],
    ['matrix', '--format', 'markdown'],
    ['matrix', '--format', 'html'],
    ['matrix', '--format', 'html', '--grid'],
    ['graph'],
    ['graph', '--format', 'markdown'],
    ['graph', '--agency', '省科技厅'],
    ['graph', '--chapter', '9'],
  ]) {
    it(`taskmatrix ${args.join(' ')} writes none of them raw`, function () {
      const result = run([...args, 'tasks/'], { cwd: dir });
      assert.notEqual(result.stdout + result.stderr, '', 'the command printed something');
      assertInert('standard output', result.stdout, args.includes('--color'));
      assertInert('standard error', result.stderr);
    });
  }

  it('shows them as \\u escapes: the file name and ids in stylish and report, the names in stats', function () {
    const lint = run(['lint', 'tasks/'], { cwd: dir });
    assert.ok(lint.stdout.includes('tasks/x\\u001b[2J\\u202e.yaml'), lint.stdout);
    const report = run(['report', 'tasks/'], { cwd: dir });
    assert.match(report.stdout, /^ {2}doc 2\.1\\u001b\[2J /m);
    assert.ok(report.stdout.includes('省科技厅\\u001b]0;pwned\\u0007'), report.stdout);
    assert.ok(run(['stats', 'tasks/'], { cwd: dir }).stdout.includes('\\u202egpj.exe'));
  });

  it('keeps the JSON the same to a parser', function () {
    const { stdout } = run(['matrix', 'tasks/doc.yaml'], { cwd: dir });
    const matrix = JSON.parse(stdout) as { measures: Array<{ id: string; co: string[] }> };
    assert.equal(matrix.measures[0]!.id, '2.1\u001b[2J');
    assert.ok(matrix.measures[0]!.co.includes('\u202egpj.exe'));
  });

  it('report --out writes OWNERSHIP.md and matrix.md without ESC or BEL, and the HTML without bidi overrides', function () {
    const { status, stdout } = run(['report', 'tasks/doc.yaml', '--out', 'out'], { cwd: dir });
    assert.equal(status, 1, stdout);
    const ownership = readFileSync(join(dir, 'out/OWNERSHIP.md'), 'utf8');
    assert.match(ownership.split('\n')[0]!, /^# 标题\\\\u001b\\\[2J\\\\u0007 — /);
    for (const file of ['OWNERSHIP.md', 'matrix.md', 'matrix.html', 'matrix-grid.html', 'ownership.mmd', 'matrix.csv', 'matrix.json', 'stats.json', 'lint.sarif']) {
      assertInert(file, readFileSync(join(dir, 'out', file), 'utf8').replace(/\r\n/g, '\n'));
    }
    assert.match(readFileSync(join(dir, 'out/matrix.html'), 'utf8'), /<bdi>\\u202egpj\.exe/);
  });

  it('import shows the paragraphs it quotes and the new agency names escaped', function () {
    const source = temp.withFiles({ 'doc.txt': DOCUMENT, 'tasks/agencies.yaml': 'agencies:\n  - name: 省科技厅\n    kind: government\n' });
    const result = run(['import', 'doc.txt', '--id', 'doc', '--registry', 'tasks/agencies.yaml'], { cwd: source });
    assert.equal(result.status, 0, result.stderr);
    assertInert('standard output', result.stdout);
    assertInert('standard error', result.stderr);
    assert.ok(result.stderr.includes('这一段\\u001b[2J没有责任单位\\u202egpj.exe'), result.stderr);
  });

  it('a usage error quoting the data (the parts there are) shows it escaped', function () {
    const { status, stderr } = run(['graph', '--chapter', '9', 'tasks/doc.yaml'], { cwd: dir });
    assert.equal(status, 2);
    assertInert('standard error', stderr);
  });
});

describe('cli: the last guard before a terminal (terminalSafe)', () => {
  it('shows every control and bidi character that is not structure, keeping tab, line feed and CRLF', () => {
    assert.equal(terminalSafe('a\tb\r\nc\u001b]0;x\u0007\u202e\rd\n', false), 'a\tb\r\nc\\u001b]0;x\\u0007\\u202e\\rd\n');
  });

  it('keeps the colour codes of our own only when colour is on, and never other escapes', () => {
    assert.equal(terminalSafe('\u001b[1mtitle\u001b[0m \u001b[2J', true), '\u001b[1mtitle\u001b[0m \\u001b[2J');
    assert.equal(terminalSafe('\u001b[1mtitle\u001b[0m', false), '\\u001b[1mtitle\\u001b[0m');
  });
});
