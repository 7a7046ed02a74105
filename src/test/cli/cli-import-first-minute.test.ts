// A drafter's first minute, exactly as issue 11 writes it: in an empty folder, import their
// document into tasks/ with a registry that does not exist yet, then lint tasks/ — no errors,
// whatever form the document came in. Each form is made from a real published document of the
// import corpus; the files that cannot be read get a one-line reason and exit 2.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { closeForms, docxFromTable, docxFromText, pdfFromHtml, pdfFromText, xlsxFromTable } from '../import/forms';
import { ensureBuilt, ROOT, run, STACK_FRAME, TempDirs } from './helpers';

const CORPUS = join(ROOT, 'src/test/fixtures/import-corpus');
const PROSE = readFileSync(join(CORPUS, 'province-shanghai-park-belt.txt'), 'utf8');
const TABLE_CSV = readFileSync(join(CORPUS, 'city-baoshan-waste-table.csv'), 'utf8');
const TABLE = parse(TABLE_CSV, { bom: true, relax_column_count: true }) as string[][];

const FIRST_MINUTE = ['--id', 'plan-2026', '-o', 'tasks/plan-2026.yaml', '--registry', 'tasks/agencies.yaml', '--update-registry'];

interface Lint {
  diagnostics: Array<{ rule: string; severity: string; message: string; file: string; line: number }>;
}

// A page with one image and no text, as a scanner's PDF is.
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('cli: import, the first minute of a new project', function () {
  this.timeout(120_000);
  const temp = new TempDirs();
  before(ensureBuilt);
  afterEach(() => temp.cleanup());
  after(closeForms);

  const forms: Array<[string, string, () => Promise<Buffer | string>, RegExp]> = [
    ['plain text', '关于推进环城生态公园带规划建设的实施意见.txt', async () => PROSE, /\(UTF-8\)/],
    ['Word', '关于推进环城生态公园带规划建设的实施意见.docx', () => docxFromText(PROSE), /\(Word\)/],
    ['PDF', '关于推进环城生态公园带规划建设的实施意见.pdf', () => pdfFromText(PROSE, { header: '上海市人民政府办公厅文件' }), /\(PDF, \d+ pages\)/],
    ['Excel task table', '生活垃圾分类工作任务分解表.xlsx', () => xlsxFromTable(TABLE), /\(Excel\)/],
    ['CSV task table', '生活垃圾分类工作任务分解表.csv', async () => TABLE_CSV, /\(CSV, UTF-8\)/],
    ['task table in Word', '生活垃圾分类工作任务分解表.docx', () => docxFromTable(TABLE, '宝山区生活垃圾分类工作任务分解表'), /\(Word\)/],
  ];

  for (const [form, name, make, format] of forms) {
    it(`${form}: import into an empty folder, registry created, then lint tasks/ finds no errors`, async () => {
      const dir = temp.make();
      writeFileSync(join(dir, name), await make());
      const imported = run(['import', name, ...FIRST_MINUTE], { cwd: dir });
      assert.equal(imported.status, 0, imported.stderr);
      assert.match(imported.stderr, format);
      assert.match(imported.stderr, /Created tasks\/agencies\.yaml with \d+ agencies/);
      assert.doesNotMatch(imported.stderr, STACK_FRAME);
      const counts = /: (\d+) parts, (\d+) measures, (\d+) agency lists/.exec(imported.stderr);
      assert.ok(counts && Number(counts[2]) >= 10, `measures found:\n${imported.stderr}`);
      assert.match(readFileSync(join(dir, 'tasks/agencies.yaml'), 'utf8'), /^# yaml-language-server: \$schema=\S+agencies\.schema\.json\nagencies:\n {2}- name: /);

      const lint = run(['lint', 'tasks/', '--format', 'json'], { cwd: dir });
      const { diagnostics } = JSON.parse(lint.stdout) as Lint;
      const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      assert.deepEqual(errors, [], `lint errors after importing the ${form}`);
      assert.equal(lint.status, 0, lint.stderr);
      assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.rule === 'unknown-agency' || diagnostic.rule === 'schema'), []);
    });
  }

  it('refuses a legacy Word file (.doc) with a one-line reason and exit 2, writing nothing', () => {
    const dir = temp.make();
    const doc = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(doc, 0);
    Buffer.from('WordDocument', 'utf16le').copy(doc, 1024);
    writeFileSync(join(dir, '通知.doc'), doc);
    for (const [locale, reason] of [
      ['en', 'taskmatrix: 通知.doc is a legacy Word file (.doc), which taskmatrix cannot read; save it as .docx (Word or WPS: File → Save As)\n'],
      ['zh-cn', 'taskmatrix：通知.doc 是旧版 Word 文件（.doc），无法读取；请另存为 .docx（Word 或 WPS：文件 → 另存为）\n'],
    ]) {
      const result = run(['import', '通知.doc', ...FIRST_MINUTE, '--locale', locale!], { cwd: dir });
      assert.equal(result.status, 2);
      assert.equal(result.stderr, reason);
      assert.equal(result.stdout, '');
    }
    assert.deepEqual(readdir(dir), ['通知.doc']);
  });

  it('refuses a PDF of scanned pages (no text layer) with a one-line reason and exit 2', async () => {
    const dir = temp.make();
    writeFileSync(join(dir, 'scan.pdf'), await pdfFromHtml(`<!doctype html><body><img src="data:image/png;base64,${PIXEL}" style="width:160mm;height:220mm"></body>`));
    const result = run(['import', 'scan.pdf', ...FIRST_MINUTE], { cwd: dir });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'taskmatrix: scan.pdf has no text layer (scanned pages); run OCR first, or import the Word original\n');
    assert.deepEqual(readdir(dir), ['scan.pdf']);
  });
});

function readdir(dir: string): string[] {
  return readdirSync(dir).sort();
}
