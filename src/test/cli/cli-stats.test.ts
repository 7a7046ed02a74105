// `taskmatrix stats`: per agency, measures led, co-owned and sat in without a lead; JSON checked
// against counts made here from `matrix --format json`, the table checked for alignment with
// CJK characters two columns wide.
import assert from 'node:assert/strict';
import { ensureBuilt, guideline, lines, run, STACK_FRAME, TempDirs } from './helpers';
import { matrixJson, terminalWidth } from './export-helpers';
import type { AgencyLoad, Matrix } from './export-helpers';

/** The loads counted from the matrix, in the order the design gives: total, then leads, then matrix order. */
function expectedLoads(matrix: Matrix): AgencyLoad[] {
  const loads = matrix.agencies.map((agency) => {
    const led = matrix.measures.filter((m) => m.lead === agency.name).map((m) => m.id);
    const coOwned = matrix.measures.filter((m) => !m.noLead && m.co.includes(agency.name)).map((m) => m.id);
    const noLead = matrix.measures.filter((m) => m.noLead && m.co.includes(agency.name)).map((m) => m.id);
    return { name: agency.name, led: led.length, coOwned: coOwned.length, noLead: noLead.length, total: led.length + coOwned.length + noLead.length, measures: { led, coOwned, noLead } };
  });
  // Array.prototype.sort is stable: equal keys keep the matrix (registry) order.
  return loads.sort((a, b) => b.total - a.total || b.led - a.led);
}

/** Columns of a table line: runs of non-space text separated by two or more spaces. */
function columns(line: string): string[] {
  return line.trim().split(/ {2,}/);
}

/**
 * Asserts that a terminal table is aligned: the first column ends at the same display column on
 * every line (CJK counted as 2), the other columns are right-aligned under their headers, and
 * the separator line's dashes are as wide as each column.
 */
function assertAligned(table: string, what: string): void {
  const all = lines(table);
  assert.ok(all.length >= 3, `${what}: a header, a separator and rows`);
  const separator = all[1]!;
  assert.match(separator, /^-+( {2}-+)+$/, `${what}: the second line is the separator`);
  const widths = separator.split('  ').map((dashes) => dashes.length);
  for (const line of [all[0]!, ...all.slice(2)]) {
    const cells = columns(line);
    assert.equal(cells.length, widths.length, `${what}: ${cells.length} columns in "${line}"`);
    // The first column (name and padding) is exactly widths[0] display columns, then two spaces.
    let end = 0;
    while (end < line.length && terminalWidth(line.slice(0, end)) < widths[0]!) end++;
    assert.equal(terminalWidth(line.slice(0, end)), widths[0], `${what}: "${line}" has a first column of display width ${widths[0]}`);
    assert.equal(line.slice(0, end).trimEnd(), cells[0], `${what}: "${line}" holds the name in its first column`);
    assert.ok(line.slice(end).startsWith('  '), `${what}: "${line}" separates the first column by two spaces`);
    // The whole line is as wide as the separator: every number column right-aligned.
    assert.equal(terminalWidth(line), terminalWidth(separator), `${what}: "${line}" is ${terminalWidth(line)} columns wide, the separator ${terminalWidth(separator)}`);
    cells.forEach((cell, i) => assert.ok(terminalWidth(cell) <= widths[i]!, `${what}: "${cell}" fits its column`));
  }
}

describe('cli: stats', function () {
  const temp = new TempDirs();
  let matrix: Matrix;
  let loads: AgencyLoad[];
  before(function () {
    ensureBuilt();
    matrix = matrixJson();
    const result = run(['stats', 'tasks/', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    loads = (JSON.parse(result.stdout) as { agencies: AgencyLoad[] }).agencies;
  });
  afterEach(() => temp.cleanup());

  describe('--format json', function () {
    it('lists every agency of the matrix once, with name, led, coOwned, noLead, total and the measures', function () {
      assert.deepEqual(loads.map((l) => l.name).sort(), matrix.agencies.map((a) => a.name).sort());
      for (const load of loads) {
        for (const key of ['led', 'coOwned', 'noLead', 'total'] as const) assert.ok(Number.isInteger(load[key]) && load[key] >= 0, `${load.name}.${key}`);
        assert.deepEqual(Object.keys(load.measures).sort(), ['coOwned', 'led', 'noLead']);
      }
    });

    it('says 省经信厅 leads 8 measures, as counted from matrix --format json', function () {
      const counted = matrix.measures.filter((m) => m.lead === '省经信厅');
      assert.equal(counted.length, 8, 'the seed: 3.3, 5.1, 5.2, 5.3, 6.2, 7.2, 7.3, 7.4');
      const load = loads.find((l) => l.name === '省经信厅')!;
      assert.equal(load.led, 8);
      assert.deepEqual(load.measures.led, counted.map((m) => m.id));
    });

    it('counts led, co-owned and no-lead measures of every agency as the matrix says', function () {
      const expected = new Map(expectedLoads(matrix).map((l) => [l.name, l]));
      for (const load of loads) assert.deepEqual(load, expected.get(load.name), load.name);
    });

    it('makes total = led + coOwned + noLead, the number of measures naming the agency', function () {
      for (const load of loads) {
        assert.equal(load.total, load.led + load.coOwned + load.noLead, load.name);
        const naming = matrix.measures.filter((m) => m.lead === load.name || m.co.includes(load.name)).length;
        assert.equal(load.total, naming, load.name);
      }
      const sum = loads.reduce((s, l) => s + l.led, 0);
      assert.equal(sum, matrix.measures.filter((m) => !m.noLead).length, 'every measure with a lead is led once');
    });

    it('sorts agencies by total, heaviest first (ties: more leads first, then registry order)', function () {
      for (let i = 1; i < loads.length; i++) assert.ok(loads[i - 1]!.total >= loads[i]!.total, `${loads[i - 1]!.name} before ${loads[i]!.name}`);
      assert.deepEqual(loads.map((l) => l.name), expectedLoads(matrix).map((l) => l.name));
      assert.equal(loads[0]!.name, '省经信厅');
    });

    it('gives the collective 省数字经济领导小组各成员单位 one no-lead measure (7.1) and nothing else', function () {
      const collective = loads.find((l) => l.name === '省数字经济领导小组各成员单位')!;
      assert.deepEqual([collective.led, collective.coOwned, collective.noLead, collective.total], [0, 0, 1, 1]);
      assert.deepEqual(collective.measures.noLead, ['7.1']);
    });
  });

  describe('--format table (default)', function () {
    let table: string;
    before(function () {
      const result = run(['stats']);
      assert.equal(result.status, 0, result.stderr);
      table = result.stdout;
    });

    it('is the default and shows the same numbers as the JSON, in the same order', function () {
      assert.equal(run(['stats', '--format', 'table']).stdout, table);
      const rows = lines(table).slice(2).map(columns);
      assert.deepEqual(rows, loads.map((l) => [l.name, String(l.led), String(l.coOwned), String(l.noLead), String(l.total)]));
      assert.deepEqual(columns(lines(table)[0]!), ['Agency', 'Led', 'Co-owned', 'No-lead', 'Total']);
    });

    it('is aligned: every line gives the first column the same display width (CJK counted as 2)', function () {
      assertAligned(table, 'stats');
    });

    it('is aligned in Chinese too (--locale zh-cn, CJK headers)', function () {
      const { status, stdout } = run(['stats', '--locale', 'zh-cn']);
      assert.equal(status, 0);
      assert.deepEqual(columns(lines(stdout)[0]!), ['单位', '牵头', '配合', '无牵头', '合计']);
      assertAligned(stdout, 'stats zh-cn');
    });

    it('stays aligned with names mixing ASCII, CJK and full-width characters', function () {
      const dir = temp.withFiles({
        'tasks/agencies.yaml': `agencies:
  - name: AI Lab
    kind: lab
  - name: 省（市）科技局
    kind: government
  - name: 浙江ABC中心
    kind: enterprise
  - name: 厅
    kind: government
`,
        'tasks/doc.yaml': guideline(`      - id: "2.1"
        title: 甲
        agencies: [省（市）科技局, AI Lab, 浙江ABC中心, 厅]
      - id: "2.2"
        title: 乙
        agencies: [AI Lab, 厅]
`),
      });
      const { status, stdout, stderr } = run(['stats'], { cwd: dir });
      assert.equal(status, 0, stderr);
      assert.equal(stderr, '');
      const all = lines(stdout);
      assert.equal(all.length, 2 + 4);
      // "AI Lab" holds a single space: columns() splits on two or more, so it stays one cell.
      assertAligned(stdout, 'mixed-width stats');
    });
  });

  describe('usage and input errors', function () {
    it('exits 2 on --format csv, naming the formats there are', function () {
      const { status, stdout, stderr } = run(['stats', '--format', 'csv']);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /csv/);
      assert.match(stderr, /table/);
      assert.match(stderr, /json/);
      assert.doesNotMatch(stderr, STACK_FRAME);
    });

    it('still counts (exit 0) on a file with errors, and gives the error count on standard error', function () {
      const dir = temp.withFiles({
        'tasks/agencies.yaml': `agencies:
  - name: 省科技厅
    kind: government
  - name: 省经信厅
    kind: government
`,
        'tasks/doc.yaml': guideline(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 未知单位]
      - id: "2.2"
        title: 乙
        agencies: [省经信厅, 省科技厅]
`),
      });
      const { status, stdout, stderr } = run(['stats', '--format', 'json'], { cwd: dir });
      assert.equal(status, 0);
      assert.match(stderr, /\b1 error/);
      assert.doesNotMatch(stderr, STACK_FRAME);
      const byName = new Map((JSON.parse(stdout) as { agencies: AgencyLoad[] }).agencies.map((l) => [l.name, [l.led, l.coOwned, l.noLead, l.total]]));
      assert.deepEqual(byName.get('省科技厅'), [1, 1, 0, 2]);
      assert.deepEqual(byName.get('未知单位'), [0, 1, 0, 1], 'an unknown agency is counted as written');
    });
  });
});
