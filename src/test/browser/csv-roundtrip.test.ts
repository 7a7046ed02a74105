// The matrix CSV read back by a real CSV parser (csv-parse): every cell comes back exactly, except
// those a spreadsheet would run as a formula, which gain a leading '; the file has a UTF-8 BOM and
// CRLF rows. (No browser here; it sits with the browser tests because they share the export fixtures.)
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { buildMatrix, matrixTable, matrixToCsv } from '../../core/index';
import type { Matrix, MatrixMeasure } from '../../core/index';
import { runCli, seedProject } from './graph-helpers';

/** Characters that make Excel, WPS or LibreOffice read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = ['=', '+', '-', '@', '\t', '\r'];
const neutralised = (cell: string) => (cell.length > 0 && FORMULA_START.includes(cell[0]!) ? `'${cell}` : cell);

const AGENCIES = {
  formula: '=cmd|\' /C calc\'!A0',
  plus: '+省科技厅',
  minus: '-省经信厅',
  at: '@SUM(1,2)',
  tab: '\t省教育厅',
  comma: '省发展改革委, 省财政厅',
  quote: '之江"实验室"',
  newline: '省委\n网信办',
  plain: '省大数据局',
};

let line = 10;
function measure(id: string, title: string, lead: string | null, co: string[], noLeadReason: MatrixMeasure['noLeadReason'] = null): MatrixMeasure {
  return { id, title, document: 'csv-doc', file: 'tasks/csv-doc.yaml', line: line++, chapter: id.split('.')[0]!, lead, co, noLead: noLeadReason !== null, noLeadReason };
}

/** A matrix whose titles and agency names start with formula characters and hold commas, quotes and line breaks. */
function hostileMatrix(): Matrix {
  const a = AGENCIES;
  const measures = [
    measure('2.1', '=SUM(A1:A3)', a.formula, [a.plus, a.plain]),
    measure('2.2', '+1+1', a.plus, [a.minus]),
    measure('2.3', '-2+3', a.minus, [a.at, a.tab]),
    measure('2.4', '@HYPERLINK("http://example.com","点我")', a.at, [a.comma]),
    measure('2.5', '\t制表符开头', a.tab, [a.quote, a.newline]),
    measure('3.1', '含逗号, 的标题', a.comma, [a.formula]),
    measure('3.2', '含"双引号"的标题', a.quote, [a.plain]),
    measure('3.3', '第一行\n第二行', a.newline, [a.plus]),
    measure('3.4', 'CRLF\r\n换行, 还有"引号"', a.plain, [a.comma, a.quote]),
    measure('4.1', '=1+1, "x"\n', null, [a.formula, a.newline], 'by-function'),
    measure('4.2', '强化前沿基础研究', null, [a.plain], 'joint'),
    measure('4.3', '', null, [], 'none-listed'),
  ];
  const agencies = Object.values(a).map((name) => ({
    name,
    leads: measures.filter((m) => m.lead === name).map((m) => m.id),
    co: measures.filter((m) => m.co.includes(name)).map((m) => m.id),
    noLead: measures.filter((m) => m.noLead && m.co.includes(name)).map((m) => m.id),
  }));
  return { measures, agencies };
}

/** Splits CSV text into records by hand (RFC 4180 quoting) and returns each record's terminator. */
function terminators(text: string): string[] {
  const found: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted; // "" inside a quoted field toggles twice: no net change
    else if (!quoted && (c === '\r' || c === '\n')) {
      const pair = text.slice(i, i + 2);
      found.push(pair === '\r\n' ? '\r\n' : c);
      if (pair === '\r\n') i++;
    }
  }
  assert.equal(quoted, false, 'quotes are balanced');
  return found;
}

describe('CSV export read back by csv-parse', function () {
  const matrix = hostileMatrix();

  for (const shape of ['list', 'grid'] as const) {
    describe(`${shape} shape`, function () {
      const csv = matrixToCsv(matrix, 'en', shape);
      const table = matrixTable(matrix, 'en', shape);
      const rows = [table.headers, ...table.rows];

      it('starts with the UTF-8 BOM, once', function () {
        assert.equal(csv.charCodeAt(0), 0xfeff);
        assert.notEqual(csv.charCodeAt(1), 0xfeff);
        assert.deepEqual([...Buffer.from(csv, 'utf8').subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      });

      it('ends every row, and only rows, with CRLF', function () {
        assert.ok(csv.endsWith('\r\n'));
        const ends = terminators(csv.slice(1));
        assert.deepEqual(ends, rows.map(() => '\r\n'));
      });

      it('round-trips every cell; cells that would start a formula come back with a leading \'', function () {
        const parsed = parse(csv, { bom: true, relax_column_count: false }) as string[][];
        assert.equal(parsed.length, rows.length);
        assert.deepEqual(parsed, rows.map((row) => row.map(neutralised)));
        // The data really exercises each case.
        const cells = rows.flat();
        for (const start of FORMULA_START.filter((c) => c !== '\r')) assert.ok(cells.some((cell) => cell.startsWith(start)), `a cell starts with ${JSON.stringify(start)}`);
        for (const inside of [',', '"', '\n', '\r\n']) assert.ok(cells.some((cell) => cell.includes(inside)), `a cell holds ${JSON.stringify(inside)}`);
      });

      it('leaves nothing formula-like at the start of any parsed cell', function () {
        const parsed = parse(csv, { bom: true }) as string[][];
        for (const cell of parsed.flat()) assert.ok(!FORMULA_START.includes(cell[0] ?? ''), JSON.stringify(cell));
      });
    });
  }

  it('keeps the data itself in the table: titles, lead and co names exactly as given (list shape)', function () {
    const parsed = parse(matrixToCsv(matrix, 'en', 'list'), { bom: true }) as string[][];
    const [header, ...body] = parsed;
    assert.equal(header!.length, 5);
    assert.deepEqual(
      body.map((row) => row.slice(0, 4)),
      matrix.measures.map((m) => [m.id, neutralised(m.title), neutralised(m.lead ?? ''), neutralised(m.co.join('、'))]),
    );
    assert.equal(body.find((row) => row[0] === '3.4')![1], 'CRLF\r\n换行, 还有"引号"');
    assert.equal(body.find((row) => row[0] === '2.1')![1], "'=SUM(A1:A3)");
    assert.equal(body.find((row) => row[0] === '2.5')![2], "'\t省教育厅");
  });

  it('puts one agency per grid column, its header neutralised like any cell, and 牵头/配合/负责 in the cells', function () {
    const parsed = parse(matrixToCsv(matrix, 'en', 'grid'), { bom: true }) as string[][];
    const [header, ...body] = parsed;
    const named = Object.values(AGENCIES);
    assert.deepEqual(header!.slice(2), named.map(neutralised));
    const column = (name: string) => 2 + named.indexOf(name);
    const row = (id: string) => body.find((r) => r[0] === id)!;
    assert.equal(row('2.1')[column(AGENCIES.formula)], '牵头');
    assert.equal(row('2.1')[column(AGENCIES.plus)], '配合');
    assert.equal(row('4.1')[column(AGENCIES.formula)], '负责');
    assert.equal(row('4.1')[column(AGENCIES.newline)], '负责');
    assert.equal(row('4.3').slice(2).join(''), '');
  });

  it('the CLI writes the same CSV for the seed guideline (matrix --format csv)', function () {
    const cli = runCli(['matrix', 'tasks/', '--format', 'csv', '--locale', 'en']);
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(cli.stdout, matrixToCsv(buildMatrix(seedProject()), 'en'));
    const parsed = parse(cli.stdout, { bom: true }) as string[][];
    assert.equal(parsed.length, 1 + 23);
    assert.deepEqual(parsed.slice(1).filter((r) => r[4] !== '').map((r) => r[0]), ['4.2', '4.3', '4.4', '7.1']);
  });
});
