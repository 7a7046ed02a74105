// `taskmatrix import` as a drafter runs it: files in, YAML out, a summary on standard error,
// never an overwrite without --force, and the registry extended without losing its comments.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeForms, docxFromText, pdfFromText } from '../import/forms';
import { ensureBuilt, ROOT, run, STACK_FRAME, TempDirs } from './helpers';

const SEED = join(ROOT, 'tasks/source/zj-ai-2027.txt');
const FIXTURES = join(ROOT, 'src/test/fixtures/import');

const REGISTRY_WITH_COMMENTS = `# yaml-language-server: $schema=../schemas/agencies.schema.json
# Registry kept by hand: the comments and the order must survive an import.
agencies:
  # economy
  - name: 省发展改革委   # 发改委
    kind: government
    aliases: [省发改委]
  - name: 省经信厅
    kind: government
# end of list
`;

const SMALL_DOCUMENT = `关于推进数字政府建设的实施意见

一、重点任务

（一）推进一网通办。完善政务服务平台。（省发改委、省经信厅、省大数据局，排名第一的为牵头单位，下同）
（二）推进基层治理。统筹各地基层治理平台。（各设区市政府负责）
（三）加强数据安全。落实安全责任。
（四）完善考核评价。开展年度评估（省委改革办牵头），并通报结果。（省经信厅、省统计局）
`;

function matrixJson(args: string[], cwd: string) {
  const result = run(['matrix', '--format', 'json', ...args], { cwd });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as { measures: Array<Record<string, unknown>> };
}

describe('cli: import', () => {
  const temp = new TempDirs();
  before(ensureBuilt);
  afterEach(() => temp.cleanup());
  after(closeForms);

  it('prints the YAML of the seed text on standard output and a summary on standard error', () => {
    const result = run(['import', SEED, '--id', 'zj-ai-2027']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, readFileSync(join(ROOT, 'tasks/zj-ai-2027.yaml'), 'utf8'));
    assert.match(result.stderr, /7 parts, 23 measures, 23 agency lists, 13 targets/);
    assert.match(result.stderr, /Every measure and agency list was read\./);
    assert.doesNotMatch(result.stderr, STACK_FRAME);
  });

  it('-o writes a file whose matrix --format json equals the hand-made one', () => {
    const dir = temp.withBundledTasks();
    const result = run(['import', SEED, '--id', 'zj-ai-2027', '-o', 'tasks/imported/zj-ai-2027.yaml'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /→ tasks\/imported\/zj-ai-2027\.yaml/);
    const written = readFileSync(join(dir, 'tasks/imported/zj-ai-2027.yaml'), 'utf8');
    assert.match(written, /^# yaml-language-server: \$schema=\S+guideline\.schema\.json\n/);
    const strip = (m: Record<string, unknown>) => ({ ...m, file: undefined, line: undefined, document: undefined });
    const imported = matrixJson(['tasks/imported/zj-ai-2027.yaml'], dir).measures.map(strip);
    const handMade = matrixJson(['tasks/zj-ai-2027.yaml'], dir).measures.map(strip);
    assert.equal(imported.length, 23);
    assert.deepEqual(imported, handMade);
  });

  it('never overwrites an existing file without --force, and overwrites with it', () => {
    const dir = temp.withFiles({ 'doc.txt': SMALL_DOCUMENT, 'out.yaml': '# my work\n' });
    const refused = run(['import', 'doc.txt', '--id', 'doc', '-o', 'out.yaml'], { cwd: dir });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /out\.yaml exists; use --force/);
    assert.equal(readFileSync(join(dir, 'out.yaml'), 'utf8'), '# my work\n');
    const forced = run(['import', 'doc.txt', '--id', 'doc', '-o', 'out.yaml', '--force'], { cwd: dir });
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(readFileSync(join(dir, 'out.yaml'), 'utf8'), /^id: doc$/m);
  });

  it('lists every paragraph it could not fully read, with its line', () => {
    const dir = temp.withFiles({ 'doc.txt': SMALL_DOCUMENT });
    const result = run(['import', 'doc.txt', '--id', 'doc'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /Not fully understood \(2\)/);
    assert.match(result.stderr, /doc\.txt:7: this item names no responsible agency while the items beside it do; it was not imported/);
    assert.match(result.stderr, /doc\.txt:8: （省委改革办牵头） reads like a responsibility list but does not end a measure/);
    assert.match(result.stderr, /No agency registry/);
    assert.doesNotMatch(result.stdout, /加强数据安全/);
    assert.match(result.stdout, /- id: "1\.4"\n {8}title: 完善考核评价\n/);
  });

  it('reads a Word file by its content and places each unsure paragraph by its paragraph number', async () => {
    const dir = temp.withFiles({});
    // Named .txt on purpose: the content, not the extension, says it is Word.
    writeFileSync(join(dir, 'doc.txt'), await docxFromText(SMALL_DOCUMENT));
    const result = run(['import', 'doc.txt', '--id', 'doc'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /^taskmatrix import: doc\.txt \(Word\) → standard output: 1 parts, 3 measures/m);
    assert.match(result.stderr, /^ {2}doc\.txt: paragraph 7: this item names no responsible agency/m);
    assert.match(result.stderr, /^ {2}doc\.txt: paragraph 8: （省委改革办牵头） reads like a responsibility list/m);
    assert.match(result.stdout, /- id: "1\.4"\n {8}title: 完善考核评价\n/);
    const zh = run(['import', 'doc.txt', '--id', 'doc', '--locale', 'zh-cn'], { cwd: dir });
    assert.match(zh.stderr, /doc\.txt（Word）→ 标准输出/);
    assert.match(zh.stderr, /doc\.txt: 第 7 段: /);
  });

  it('reads a PDF with a text layer and places each unsure paragraph by page and paragraph', async function () {
    this.timeout(120_000);
    const dir = temp.withFiles({});
    writeFileSync(join(dir, 'doc.pdf'), await pdfFromText(SMALL_DOCUMENT));
    const result = run(['import', 'doc.pdf', '--id', 'doc'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /doc\.pdf \(PDF, 1 page\) → standard output: 1 parts, 3 measures/);
    assert.match(result.stderr, /^ {2}doc\.pdf: page 1, paragraph \d+: this item names no responsible agency/m);
    assert.match(run(['import', 'doc.pdf', '--id', 'doc', '--locale', 'zh-cn'], { cwd: dir }).stderr, /doc\.pdf（PDF，1 页）/);
  });

  it('detects GB18030 (GBK) text and reads it as the UTF-8 original', () => {
    const dir = temp.make();
    const gb = run(['import', join(FIXTURES, '04-lead-rule-diyige.gb18030.txt'), '--id', 'trade'], { cwd: dir });
    const utf8 = run(['import', join(FIXTURES, '04-lead-rule-diyige.txt'), '--id', 'trade'], { cwd: dir });
    assert.equal(gb.status, 0, gb.stderr);
    assert.match(gb.stderr, /\(GB18030\)/);
    assert.match(utf8.stderr, /\(UTF-8\)/);
    assert.equal(gb.stdout, utf8.stdout);
    assert.match(gb.stdout, /省商务厅/);
  });

  it('reads UTF-16 without a byte-order mark, in either byte order, as the UTF-8 original', () => {
    const dir = temp.make();
    const le = Buffer.from(SMALL_DOCUMENT, 'utf16le');
    writeFileSync(join(dir, 'le.txt'), le);
    writeFileSync(join(dir, 'be.txt'), Buffer.from(le).swap16());
    writeFileSync(join(dir, 'utf8.txt'), SMALL_DOCUMENT);
    const utf8 = run(['import', 'utf8.txt', '--id', 'x'], { cwd: dir });
    for (const [file, encoding] of [['le.txt', 'UTF-16LE'], ['be.txt', 'UTF-16BE']]) {
      const result = run(['import', file!, '--id', 'x'], { cwd: dir });
      assert.equal(result.status, 0, result.stderr);
      assert.ok(result.stderr.includes(`${file} (${encoding})`), result.stderr);
      assert.equal(result.stdout, utf8.stdout);
    }
  });

  it('never says every measure was read when there is no text or no measure', () => {
    const dir = temp.withFiles({ 'blank.txt': '\n  \n\u3000\n', 'prose.txt': '关于某事的通知\n\n请各单位认真做好相关工作。\n' });
    const blank = run(['import', 'blank.txt', '--id', 'x'], { cwd: dir });
    assert.equal(blank.status, 2);
    assert.equal(blank.stderr, 'taskmatrix: blank.txt is empty: it holds no text to import\n');
    const prose = run(['import', 'prose.txt', '--id', 'x'], { cwd: dir });
    assert.match(prose.stderr, /0 measures/);
    assert.match(prose.stderr, /no measure with a responsibility list was found/);
    assert.doesNotMatch(prose.stderr, /Every measure and agency list was read/);
  });

  it('refuses damaged, binary, undecodable, empty and huge files with a one-line reason (exit 2)', () => {
    const dir = temp.make();
    writeFileSync(join(dir, 'scan.pdf'), Buffer.from('%PDF-1.7\n\u0000\u0001binary', 'latin1'));
    const damaged = run(['import', 'scan.pdf', '--id', 'x'], { cwd: dir });
    assert.equal(damaged.status, 2);
    assert.equal(damaged.stderr, 'taskmatrix: scan.pdf is a damaged PDF file and cannot be read; open it and save it again\n');
    writeFileSync(join(dir, 'blob.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]));
    const binary = run(['import', 'blob.bin', '--id', 'x'], { cwd: dir });
    assert.equal(binary.status, 2);
    assert.match(binary.stderr, /blob\.bin is not a document taskmatrix can read; use \.txt, \.docx, \.pdf, \.xlsx or \.csv/);
    writeFileSync(join(dir, 'empty.txt'), '');
    const empty = run(['import', 'empty.txt', '--id', 'x', '--locale', 'zh-cn'], { cwd: dir });
    assert.equal(empty.status, 2);
    assert.equal(empty.stderr, 'taskmatrix：empty.txt 是空文件，没有可导入的文字\n');
    writeFileSync(join(dir, 'gb.txt'), execFileSync('/usr/bin/iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: SMALL_DOCUMENT }));
    const forced = run(['import', 'gb.txt', '--id', 'x', '--encoding', 'utf-8'], { cwd: dir });
    assert.equal(forced.status, 2);
    assert.match(forced.stderr, /gb\.txt is not valid UTF-8 text/);
    const gbk = run(['import', 'gb.txt', '--id', 'x', '--encoding', 'GBK'], { cwd: dir });
    assert.equal(gbk.status, 0, gbk.stderr);
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(33 * 1024 * 1024, 0x41));
    const huge = run(['import', 'huge.txt', '--id', 'x'], { cwd: dir });
    assert.equal(huge.status, 2);
    assert.match(huge.stderr, /huge\.txt is larger than 32 MB/);
    for (const failed of [damaged, binary, empty, forced, huge]) {
      assert.doesNotMatch(failed.stderr, STACK_FRAME);
      assert.equal(failed.stderr.trimEnd().split('\n').length, 1, failed.stderr);
    }
  });

  it('checks its arguments: one input, a valid --id (or one from the file name), a known encoding', () => {
    const dir = temp.withFiles({ 'zj-digital-2025.txt': SMALL_DOCUMENT, '数字政府.txt': SMALL_DOCUMENT });
    const named = run(['import', 'zj-digital-2025.txt'], { cwd: dir });
    assert.equal(named.status, 0, named.stderr);
    assert.match(named.stdout, /^id: zj-digital-2025$/m);
    for (const [args, message] of [
      [['import'], /exactly one document/],
      [['import', 'a.txt', 'b.txt'], /exactly one document/],
      [['import', '数字政府.txt'], /give one with --id/],
      [['import', 'zj-digital-2025.txt', '--id', 'Bad_Id'], /is not a document id/],
      [['import', 'zj-digital-2025.txt', '--encoding', 'latin9'], /unknown encoding/],
      [['import', 'missing.txt', '--id', 'x'], /cannot read missing\.txt/],
    ] as Array<[string[], RegExp]>) {
      const result = run(args, { cwd: dir });
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
  });

  it('--update-registry appends the missing agencies and keeps the comments and order', () => {
    const dir = temp.withFiles({ 'tasks/agencies.yaml': REGISTRY_WITH_COMMENTS, 'doc.txt': SMALL_DOCUMENT });
    const result = run(['import', 'doc.txt', '--id', 'doc', '-o', 'tasks/doc.yaml', '--registry', 'tasks/agencies.yaml', '--update-registry'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /Not in tasks\/agencies\.yaml \(3\): 省大数据局, 各设区市政府, 省统计局/);
    assert.match(result.stderr, /Added 3 agencies to tasks\/agencies\.yaml/);
    const registry = readFileSync(join(dir, 'tasks/agencies.yaml'), 'utf8');
    assert.ok(registry.startsWith(REGISTRY_WITH_COMMENTS.replace('# end of list\n', '')), registry);
    assert.match(registry, /  - name: 各设区市政府\n    kind: collective\n/);
    assert.match(registry, /  - name: 省大数据局\n    kind: government  # taskmatrix: review the kind\n/);
    assert.match(registry, /# end of list\n$/);
    // The alias in the text is written as the registry name, and the result lints clean but for no-lead.
    assert.match(readFileSync(join(dir, 'tasks/doc.yaml'), 'utf8'), /agencies: \[省发展改革委, 省经信厅, 省大数据局\]/);
    const lint = run(['lint', 'tasks', '--format', 'json'], { cwd: dir });
    const rules = (JSON.parse(lint.stdout) as { diagnostics: Array<{ rule: string }> }).diagnostics.map((d) => d.rule);
    assert.deepEqual([...new Set(rules)].sort(), ['no-lead']);
  });

  it('--update-registry keeps the registry\'s UTF-8 byte-order mark, and its line ends where they are mixed', () => {
    // CRLF at the top, LF in the list: the new entries follow the line before them.
    const registry = '\uFEFF# yaml-language-server: $schema=../schemas/agencies.schema.json\r\nagencies:\r\n  - name: 省发展改革委\n    kind: government\n    aliases: [省发改委]\n  - name: 省经信厅\n    kind: government\n';
    const dir = temp.withFiles({ 'tasks/agencies.yaml': registry, 'doc.txt': SMALL_DOCUMENT });
    const result = run(['import', 'doc.txt', '--id', 'doc', '-o', 'tasks/doc.yaml', '--registry', 'tasks/agencies.yaml', '--update-registry'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    const bytes = readFileSync(join(dir, 'tasks/agencies.yaml'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is kept');
    const text = bytes.toString('utf8');
    assert.ok(text.startsWith(registry), text);
    assert.equal(text.slice(registry.length).match(/\r/g), null, 'the new entries end their lines as the list does (LF)');
    assert.match(text.slice(registry.length), /^ {2}- name: 省大数据局\n/);
  });

  it('--update-registry without a registry starts one beside the output, with its modeline', () => {
    const dir = temp.withFiles({ 'doc.txt': SMALL_DOCUMENT });
    const result = run(['import', 'doc.txt', '--id', 'doc', '-o', 'tasks/doc.yaml', '--update-registry'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /Created tasks\/agencies\.yaml with 5 agencies; review the kinds marked "taskmatrix: review the kind"\./);
    assert.doesNotMatch(result.stderr, /No agency registry/);
    const registry = readFileSync(join(dir, 'tasks/agencies.yaml'), 'utf8');
    assert.match(registry, /^# yaml-language-server: \$schema=\S+\/schemas\/agencies\.schema\.json\nagencies:\n {2}- name: 省发改委\n/);
    const lint = run(['lint', 'tasks', '--format', 'json'], { cwd: dir });
    assert.equal(lint.status, 0, lint.stdout);
    // Standard output has no folder to start a registry in.
    const none = run(['import', 'doc.txt', '--id', 'doc', '--update-registry'], { cwd: temp.withFiles({ 'doc.txt': SMALL_DOCUMENT }) });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /--update-registry needs to know where the registry goes/);
  });

  it('--update-registry fills an empty registry (agencies: []) and keeps its comments', () => {
    const dir = temp.withFiles({ 'tasks/agencies.yaml': '# our agencies\nagencies: []  # none yet\n', 'doc.txt': SMALL_DOCUMENT });
    const result = run(['import', 'doc.txt', '--id', 'doc', '-o', 'tasks/doc.yaml', '--update-registry', '--locale', 'zh-cn'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /已向 tasks\/agencies\.yaml 添加 5 个单位/);
    assert.match(readFileSync(join(dir, 'tasks/agencies.yaml'), 'utf8'), /^# our agencies\nagencies: {2}# none yet\n {2}- name: 省发改委\n {4}kind: government {2}# taskmatrix：请核对单位类别\n/);
    assert.equal(run(['lint', 'tasks'], { cwd: dir }).status, 0);
  });

  it('--update-registry with a broken registry writes nothing (exit 2)', () => {
    const dir = temp.withFiles({ 'doc.txt': SMALL_DOCUMENT, 'broken/agencies.yaml': 'agencies:\n  - name: [\n' });
    const broken = run(['import', 'doc.txt', '--id', 'doc', '-o', 'doc.yaml', '--registry', 'broken/agencies.yaml', '--update-registry'], { cwd: dir });
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /cannot add to broken\/agencies\.yaml: it has errors/);
    assert.equal(existsSync(join(dir, 'doc.yaml')), false);
    assert.equal(readFileSync(join(dir, 'broken/agencies.yaml'), 'utf8'), 'agencies:\n  - name: [\n');
  });

  it('writes neither file when the registry cannot be written: a symbolic link, a folder that is a file, a read-only folder', () => {
    const dir = temp.withFiles({ 'doc.txt': SMALL_DOCUMENT, 'shared/agencies.yaml': 'agencies: []\n', 'notafolder': 'x' });
    symlinkSync(join(dir, 'shared/agencies.yaml'), join(dir, 'agencies.yaml'));
    const linked = run(['import', 'doc.txt', '--id', 'doc', '-o', 'tasks/doc.yaml', '--registry', 'agencies.yaml', '--update-registry'], { cwd: dir });
    assert.equal(linked.status, 2);
    assert.equal(linked.stderr, 'taskmatrix: agencies.yaml is a symbolic link; taskmatrix never writes through a link: give the path of the file itself (nothing was written)\n');
    assert.equal(existsSync(join(dir, 'tasks/doc.yaml')), false);
    assert.equal(readFileSync(join(dir, 'shared/agencies.yaml'), 'utf8'), 'agencies: []\n');

    const blocked = run(['import', 'doc.txt', '--id', 'doc', '-o', 'tasks/doc.yaml', '--registry', 'notafolder/agencies.yaml', '--update-registry'], { cwd: dir });
    assert.equal(blocked.status, 2);
    assert.match(blocked.stderr, /^taskmatrix: cannot write notafolder\/agencies\.yaml: .*; nothing was written\n$/);
    assert.equal(existsSync(join(dir, 'tasks/doc.yaml')), false);

    if (process.getuid?.() !== 0) {
      // Root writes into read-only folders; everyone else is refused.
      mkdirSync(join(dir, 'locked'));
      writeFileSync(join(dir, 'locked/agencies.yaml'), 'agencies: []\n');
      chmodSync(join(dir, 'locked'), 0o555);
      const locked = run(['import', 'doc.txt', '--id', 'doc', '-o', 'tasks/doc.yaml', '--registry', 'locked/agencies.yaml', '--update-registry'], { cwd: dir });
      chmodSync(join(dir, 'locked'), 0o755);
      assert.equal(locked.status, 2);
      assert.match(locked.stderr, /cannot write locked\/agencies\.yaml: .*nothing was written/);
      assert.equal(existsSync(join(dir, 'tasks/doc.yaml')), false);
      assert.equal(readFileSync(join(dir, 'locked/agencies.yaml'), 'utf8'), 'agencies: []\n');
    }
    for (const entry of readdirSync(dir)) assert.doesNotMatch(entry, /\.tmp$/);
  });

  it('never writes the guideline through a symbolic link or over a folder, even with --force', () => {
    const dir = temp.withFiles({ 'doc.txt': SMALL_DOCUMENT, 'elsewhere.yaml': '# not mine\n', 'tasks/doc.yaml/keep': '' });
    symlinkSync(join(dir, 'elsewhere.yaml'), join(dir, 'out.yaml'));
    const linked = run(['import', 'doc.txt', '--id', 'doc', '-o', 'out.yaml', '--force'], { cwd: dir });
    assert.equal(linked.status, 2);
    assert.match(linked.stderr, /out\.yaml is a symbolic link/);
    assert.equal(readFileSync(join(dir, 'elsewhere.yaml'), 'utf8'), '# not mine\n');
    const folder = run(['import', 'doc.txt', '--id', 'doc', '-o', 'tasks/doc.yaml', '--force', '--locale', 'zh-cn'], { cwd: dir });
    assert.equal(folder.status, 2);
    assert.match(folder.stderr, /^taskmatrix：tasks\/doc\.yaml 不是普通文件/);
  });

  it('speaks Chinese with --locale zh-cn', () => {
    const dir = temp.withFiles({ 'doc.txt': SMALL_DOCUMENT });
    const result = run(['import', 'doc.txt', '--id', 'doc', '--locale', 'zh-cn'], { cwd: dir });
    assert.match(result.stderr, /1 个部分，3 项措施，3 个责任单位括注，0 项目标/);
    assert.match(result.stderr, /未能完全识别（2 处）/);
  });

  it('has help in both languages', () => {
    const help = run(['import', '--help']).stdout;
    assert.match(help, /Usage: taskmatrix import <document>/);
    for (const extension of ['.txt', '.docx', '.pdf', '.xlsx', '.csv']) assert.match(help, new RegExp(`^  \\${extension} `, 'm'));
    assert.match(run(['help', 'import', '--locale', 'zh-cn']).stdout, /用法：taskmatrix import/);
  });
});
