// `taskmatrix export` and the plan files of `report --out`, run as a user runs them, the files
// read back with mammoth and exceljs. Data: the seed guideline with deadlines added
// (src/test/fixtures/deadlines/zj-ai-2027.yaml) beside the bundled registry.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readExcel, readWord, sheetRows } from '../support/office';
import { ensureBuilt, ROOT, run, STACK_FRAME, TempDirs } from './helpers';


describe('cli: export', function () {
  this.timeout(60_000);
  const temp = new TempDirs();
  let dir: string;
  before(ensureBuilt);
  beforeEach(() => {
    dir = temp.withDatedTasks();
  });
  afterEach(() => temp.cleanup());

  const matrixOf = () => JSON.parse(run(['matrix', 'tasks/'], { cwd: dir }).stdout) as { measures: { id: string; lead: string | null }[] };

  it('writes the Word plan, its format told by the file name, one row per measure of the matrix', async () => {
    const result = run(['export', 'tasks/', '-o', 'plan.docx', '--today', '2026-11-30', '--locale', 'zh-cn'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    const word = await readWord(readFileSync(join(dir, 'plan.docx')));
    const rows = word.tables[0]!.filter((row) => row.length > 1).slice(1);
    const matrix = matrixOf();
    assert.deepEqual(
      rows.map((row) => [row[1]!.paragraphs[0]!.split(' ')[0], row[2]!.paragraphs[0]]),
      matrix.measures.map((m) => [m.id, m.lead ?? (m.id === '7.1' ? '省数字经济领导小组各成员单位' : '各自负责')]),
    );
  });

  it('writes the Excel workbook with a sheet per agency, headers in English with --locale en', async () => {
    const result = run(['export', '-o', 'plan.xlsx', '--by-agency', '--today', '2026-11-30', '--locale', 'en'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    const workbook = await readExcel(readFileSync(join(dir, 'plan.xlsx')));
    assert.equal(workbook.worksheets[0]!.name, 'Plan (分工方案)');
    assert.equal(workbook.worksheets[1]!.name, 'Loads (工作量)');
    assert.ok(workbook.getWorksheet('省经信厅'), 'a sheet per agency');
    const [header] = sheetRows(workbook.worksheets[0]!);
    assert.deepEqual(header!.slice(0, 3), ['No. (序号)', 'No. (编号)', 'Part (部分)']);
  });

  it('refuses without -o, with an unknown format, or into a missing folder: exit 2, a line and a pointer to help, nothing written', () => {
    const cases: [string[], RegExp][] = [
      [['export'], /name it with -o FILE/],
      [['export', '-o', 'plan.pdf'], /unknown format "pdf" for export; use one of docx, xlsx/],
      [['export', '-o', 'plan.docx', '--format', 'odt'], /unknown format "odt"/],
      [['export', '-o', 'missing/plan.docx'], /missing/],
      [['export', '-o', 'plan.docx', '--grid'], /--grid/],
    ];
    for (const [args, message] of cases) {
      const result = run([...args, '--locale', 'en'], { cwd: dir });
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, STACK_FRAME);
      assert.ok(result.stderr.trim().split('\n').length <= 2, result.stderr);
    }
    assert.ok(!existsSync(join(dir, 'plan.docx')) && !existsSync(join(dir, 'plan.pdf')));
  });

  it('exports a file that still has errors, saying so on standard error', async () => {
    const path = join(dir, 'tasks/zj-ai-2027.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('title: 强化前沿基础研究', 'title: [强化前沿基础研究'));
    const result = run(['export', '-o', 'plan.docx', '--locale', 'en'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /error\(s\) in the input/);
    const word = await readWord(readFileSync(join(dir, 'plan.docx')));
    assert.ok(word.tables[0]!.length > 20);
  });

  it('report lists the overdue measures and writes plan.docx and plan.xlsx with --out', async () => {
    const result = run(['report', '--today', '2026-11-30', '--out', 'out', '--locale', 'en'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    const section = result.stdout.split('\n\n').find((block) => block.startsWith('Overdue on 2026-11-30'));
    assert.ok(section, result.stdout);
    assert.match(section, /^Overdue on 2026-11-30 \(6\)$/m);
    assert.deepEqual([...section.matchAll(/^ {2}(\d\.\d) /gm)].map((m) => m[1]), ['2.2', '3.1', '3.2', '4.1', '6.1', '7.2']);
    assert.match(section, /due 2026-03-31 \(2026年一季度\), status: delayed/);
    const word = await readWord(readFileSync(join(dir, 'out/plan.docx')));
    assert.equal(word.tables.length, 1);
    const workbook = await readExcel(readFileSync(join(dir, 'out/plan.xlsx')));
    assert.ok(workbook.worksheets.length > 2, 'a sheet per agency');
    // The bundled seed has no deadlines, and no overdue section.
    const seed = run(['report', join(ROOT, 'tasks'), '--locale', 'en'], { cwd: dir });
    assert.doesNotMatch(seed.stdout, /Overdue on/);
  });
});
