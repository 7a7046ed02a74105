// `taskmatrix matrix` as a self-contained HTML page, and the measures × agencies grid (--grid)
// in CSV, Markdown and HTML: all three checked against `matrix --format json`.
import assert from 'node:assert/strict';
import { ensureBuilt, guideline, NO_LEAD_MEASURES, run, runBytes, SMALL_REGISTRY, STACK_FRAME, TempDirs } from './helpers';
import { assertSelfContained, csvRecords, htmlTable, markdownTable, matrixJson, REGISTRY_WITH_UNUSED, scriptElements, twoDocuments } from './export-helpers';
import type { Matrix } from './export-helpers';

const CELL_WORDS = ['', '牵头', '配合', '负责'];

/** The agencies a grid must have a column for: those named by a measure, in the matrix's order. */
function agenciesThatAppear(matrix: Matrix): string[] {
  const named = new Set(matrix.measures.flatMap((m) => (m.lead ? [m.lead, ...m.co] : m.co)));
  return matrix.agencies.map((a) => a.name).filter((name) => named.has(name));
}

/**
 * Checks a grid (header row + one row per measure) against the JSON matrix: the fixed columns,
 * one column per agency that appears, 牵头 / 配合 / 负责 cells where the matrix says so.
 */
function assertGrid(grid: string[][], matrix: Matrix, what: string, locale: 'en' | 'zh-cn' = 'en'): void {
  const [header, ...rows] = grid;
  const documents = new Set(matrix.measures.map((m) => m.document)).size;
  const fixed = documents > 1 ? 3 : 2;
  const idHeader = header![fixed - 2]!;
  const titleHeader = header![fixed - 1]!;
  if (locale === 'en') {
    assert.match(idHeader, /No\./, `${what}: the id column is No. (${idHeader})`);
    assert.match(titleHeader, /Measure/, `${what}: the title column is Measure (${titleHeader})`);
  }
  assert.match(idHeader, /编号/, `${what}: the id column is 编号 (${idHeader})`);
  assert.match(titleHeader, /措施/, `${what}: the title column is 措施 (${titleHeader})`);
  const agencies = header!.slice(fixed);
  assert.deepEqual(agencies, agenciesThatAppear(matrix), `${what}: one column per agency that appears`);
  assert.equal(rows.length, matrix.measures.length, `${what}: one row per measure`);

  rows.forEach((row, index) => {
    const m = matrix.measures[index]!;
    assert.equal(row.length, header!.length, `${what} ${m.id}: every row has every column`);
    if (documents > 1) assert.equal(row[0], m.document, `${what}: the document of row ${index + 1}`);
    assert.equal(row[fixed - 2], m.id, `${what}: the id of row ${index + 1}`);
    assert.equal(row[fixed - 1], m.title, `${what}: the title of ${m.id}`);
    const cells = row.slice(fixed);
    for (const cell of cells) assert.ok(CELL_WORDS.includes(cell), `${what} ${m.id}: cell "${cell}"`);
    const leads = cells.filter((cell) => cell === '牵头').length;
    if (m.noLead) {
      assert.equal(leads, 0, `${what} ${m.id}: a measure without a lead has no 牵头 cell`);
      assert.ok(!cells.includes('配合'), `${what} ${m.id}: nor 配合`);
    } else {
      assert.equal(leads, 1, `${what} ${m.id}: exactly one 牵头 cell`);
      assert.ok(!cells.includes('负责'), `${what} ${m.id}: 负责 only without a lead`);
    }
    const expected = agencies.map((name) => (name === m.lead ? '牵头' : m.co.includes(name) ? (m.noLead ? '负责' : '配合') : ''));
    assert.deepEqual(cells, expected, `${what} ${m.id}: the cells`);
  });
}

describe('cli: matrix views (html, --grid)', function () {
  const temp = new TempDirs();
  let matrix: Matrix;
  before(function () {
    ensureBuilt();
    matrix = matrixJson();
  });
  afterEach(() => temp.cleanup());

  describe('--format html', function () {
    let html: string;
    before(function () {
      const result = run(['matrix', '--format', 'html']);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stderr, '');
      html = result.stdout;
    });

    it('is one self-contained page with a deny-by-default Content-Security-Policy', function () {
      assertSelfContained(html, 'matrix --format html');
      assert.equal(scriptElements(html).filter((s) => /src\s*=/.test(s.attributes)).length, 0);
      assert.match(html, /<html lang="en">/);
      assert.match(run(['matrix', '--format', 'html', '--locale', 'zh-cn']).stdout, /<html lang="zh-CN">/);
    });

    it('has a table of 23 body rows, 4 of them with class no-lead: 4.2, 4.3, 4.4 and 7.1', function () {
      const table = htmlTable(html);
      assert.equal(table.rows.length, 23);
      assert.deepEqual(table.rows.map((row) => row.cells[0]), matrix.measures.map((m) => m.id));
      const noLead = table.rows.filter((row) => (row.className ?? '').split(/\s+/).includes('no-lead'));
      assert.equal(noLead.length, 4);
      assert.deepEqual(noLead.map((row) => row.cells[0]), [...NO_LEAD_MEASURES]);
    });

    it('says in each row what the JSON says: lead, co-responsible agencies', function () {
      const table = htmlTable(html);
      const leadColumn = table.headers.findIndex((h) => /Lead|牵头单位/.test(h));
      const coColumn = table.headers.findIndex((h) => /Co-responsible|配合单位/.test(h));
      assert.ok(leadColumn >= 0 && coColumn >= 0, table.headers.join(' | '));
      table.rows.forEach((row, i) => {
        const m = matrix.measures[i]!;
        assert.equal(row.cells[leadColumn], m.lead ?? '', m.id);
        assert.equal(row.cells[coColumn], m.co.join('、'), m.id);
      });
    });

    it('is byte-identical across two runs', function () {
      assert.ok(runBytes(['matrix', '--format', 'html']).stdout.equals(Buffer.from(html, 'utf8')));
    });

    it('escapes markup in names and titles', function () {
      const dir = temp.withFiles({
        'tasks/agencies.yaml': `${SMALL_REGISTRY}  - name: "<b>省财政厅</b>"
    kind: government
`,
        'tasks/doc.yaml': guideline(`      - id: "2.1"
        title: "<script>alert(1)</script> & <img src=x onerror=alert(2)>"
        agencies: [省科技厅, "<b>省财政厅</b>"]
`),
      });
      const { status, stdout, stderr } = run(['matrix', '--format', 'html'], { cwd: dir });
      assert.equal(status, 0, stderr);
      assertSelfContained(stdout, 'hostile matrix html');
      assert.equal(scriptElements(stdout).length, 0, 'no <script> at all');
      assert.doesNotMatch(stdout, /<b>|<img/);
      const table = htmlTable(stdout);
      assert.equal(table.rows[0]!.cells[1], '<script>alert(1)</script> & <img src=x onerror=alert(2)>');
      assert.equal(table.rows[0]!.cells[3], '<b>省财政厅</b>');
    });
  });

  describe('--grid', function () {
    it('--format csv: 编号/No., 措施/Measure, one column per agency; 牵头 / 配合 / 负责 as in the JSON', function () {
      const bytes = runBytes(['matrix', '--grid', '--format', 'csv']);
      assert.equal(bytes.status, 0, bytes.stderr);
      assert.deepEqual([...bytes.stdout.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the UTF-8 BOM');
      const text = bytes.stdout.toString('utf8');
      assert.ok(text.endsWith('\r\n'), 'CRLF rows');
      assertGrid(csvRecords(text), matrix, 'grid csv');
    });

    it('--format markdown: the same grid', function () {
      const { status, stdout, stderr } = run(['matrix', '--grid', '--format', 'markdown']);
      assert.equal(status, 0, stderr);
      assertGrid(markdownTable(stdout), matrix, 'grid markdown');
    });

    it('--format html: the same grid, no-lead rows marked, 牵头 cells in class lead', function () {
      const { status, stdout, stderr } = run(['matrix', '--grid', '--format', 'html']);
      assert.equal(status, 0, stderr);
      assertSelfContained(stdout, 'matrix --grid --format html');
      const table = htmlTable(stdout, 'grid');
      assertGrid([table.headers, ...table.rows.map((row) => row.cells)], matrix, 'grid html');
      table.rows.forEach((row, i) => {
        const m = matrix.measures[i]!;
        assert.equal((row.className ?? '').split(/\s+/).includes('no-lead'), m.noLead, `${m.id}: class no-lead`);
        row.cells.forEach((cell, c) => assert.equal(row.cellClasses[c] === 'lead', cell === '牵头' && c >= 2, `${m.id} column ${c}`));
      });
      assert.equal(table.rows.filter((row) => row.className === 'no-lead').length, 4);
    });

    it('marks every agency of 4.2, 4.3, 4.4 and 7.1 负责 (the collective included), with no 牵头 in those rows', function () {
      const grid = csvRecords(run(['matrix', '--grid', '--format', 'csv']).stdout);
      const header = grid[0]!;
      for (const id of NO_LEAD_MEASURES) {
        const row = grid.find((r) => r[0] === id)!;
        const responsible = header.filter((_h, c) => row[c] === '负责');
        assert.deepEqual(responsible.sort(), [...matrix.measures.find((m) => m.id === id)!.co].sort(), id);
        assert.ok(!row.includes('牵头') && !row.includes('配合'), id);
      }
      const collective = header.indexOf('省数字经济领导小组各成员单位');
      assert.equal(grid.find((r) => r[0] === '7.1')![collective], '负责');
    });

    it('gives no column to a registry agency that no measure names, and a column to an unknown agency', function () {
      const dir = temp.withFiles({
        'tasks/agencies.yaml': REGISTRY_WITH_UNUSED,
        'tasks/doc.yaml': guideline(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省经信厅]
      - id: "2.2"
        title: 乙
        agencies: [省经信厅, 未知单位]
      - id: "2.3"
        title: 丙
        agencies: [科技厅, 省经信厅]
        division: joint
`),
      });
      const small = matrixJson([], { cwd: dir });
      for (const format of ['csv', 'markdown', 'html']) {
        const { status, stdout, stderr } = run(['matrix', '--grid', '--format', format], { cwd: dir });
        assert.equal(status, 0, `${format}: ${stderr}`);
        const grid = format === 'csv' ? csvRecords(stdout) : format === 'markdown' ? markdownTable(stdout) : (() => {
          const t = htmlTable(stdout);
          return [t.headers, ...t.rows.map((r) => r.cells)];
        })();
        assert.deepEqual(grid[0]!.slice(2), ['省科技厅', '省经信厅', '未知单位'], format);
        assertGrid(grid, small, `small grid ${format}`);
        assert.deepEqual(grid[3]!.slice(2), ['负责', '负责', ''], `${format}: 2.3 is joint, the alias 科技厅 resolved`);
      }
    });

    it('has a document column when several documents are shown', function () {
      const dir = temp.withFiles(twoDocuments());
      const both = matrixJson([], { cwd: dir });
      const { status, stdout } = run(['matrix', '--grid', '--format', 'csv'], { cwd: dir });
      assert.equal(status, 0);
      const grid = csvRecords(stdout);
      assert.match(grid[0]![0]!, /Document|文件/);
      assertGrid(grid, both, 'two-document grid');
    });

    it('speaks Chinese headers with --locale zh-cn, with the same cell words', function () {
      const { status, stdout } = run(['matrix', '--grid', '--format', 'csv', '--locale', 'zh-cn']);
      assert.equal(status, 0);
      const grid = csvRecords(stdout);
      assert.deepEqual(grid[0]!.slice(0, 2), ['编号', '措施']);
      assertGrid(grid, matrix, 'zh-cn grid', 'zh-cn');
    });

    it('--grid --format json exits 2 with a one-line reason', function () {
      const { status, stdout, stderr } = run(['matrix', '--grid', '--format', 'json']);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /--grid/);
      assert.doesNotMatch(stderr, STACK_FRAME);
    });
  });
});
