// `taskmatrix matrix`: the JSON contract of the design, CSV for spreadsheets, Markdown tables.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ensureBuilt, GUIDELINE, guideline, lines, NO_LEAD_MEASURES, ROOT, run, runBytes, SMALL_REGISTRY, STACK_FRAME, TempDirs } from './helpers';

interface MatrixMeasure {
  id: string;
  title: string;
  document: string;
  file: string;
  line: number;
  lead: string | null;
  co: string[];
  noLead: boolean;
  noLeadReason: string | null;
}
interface MatrixAgency {
  name: string;
  leads: string[];
  co: string[];
}
interface Matrix {
  measures: MatrixMeasure[];
  agencies: MatrixAgency[];
}

const NO_LEAD_REASONS = [null, 'by-function', 'joint', 'collective', 'none-listed'];

/** A registry and a guideline whose names and titles start like spreadsheet formulas, or hold a pipe. */
const FORMULA_REGISTRY = `agencies:
  - name: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"
    kind: government
  - name: "+省科技厅"
    kind: government
  - name: "-省经信厅"
    kind: government
  - name: "@省教育厅"
    kind: government
`;
const FORMULA_GUIDELINE = guideline(`      - id: "2.1"
        title: "=1+1"
        agencies: ["=HYPERLINK(\\"http://evil.example\\",\\"x\\")", "+省科技厅"]
      - id: "2.2"
        title: "+SUM(A1:A9)"
        agencies: ["+省科技厅", "-省经信厅"]
      - id: "2.3"
        title: "-2+3"
        agencies: ["-省经信厅", "@省教育厅"]
      - id: "2.4"
        title: "@SUM(A1) | 管道"
        agencies: ["@省教育厅", "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"]
`);

/** Splits one CSV record (RFC 4180) into its fields. */
function csvFields(record: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const c = record[i]!;
    if (quoted) {
      if (c === '"' && record[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** Splits a Markdown table row into its cells, honouring \| escapes. */
function markdownCells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

describe('cli: matrix', function () {
  const temp = new TempDirs();
  before(ensureBuilt);
  afterEach(() => temp.cleanup());

  describe('--format json on tasks/', function () {
    let matrix: Matrix;
    let registryNames: string[];
    before(function () {
      const result = run(['matrix', 'tasks/', '--format', 'json']);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stderr, '', 'no errors to report on the bundled data');
      matrix = JSON.parse(result.stdout) as Matrix;
      const registry = parseYaml(readFileSync(join(ROOT, 'tasks/agencies.yaml'), 'utf8')) as { agencies: { name: string }[] };
      registryNames = registry.agencies.map((a) => a.name);
    });

    it('is the default format', function () {
      assert.deepEqual(JSON.parse(run(['matrix', 'tasks/']).stdout), matrix);
    });

    it('lists the 23 measures, each with every field of the contract', function () {
      assert.equal(matrix.measures.length, 23);
      for (const m of matrix.measures) {
        for (const key of ['id', 'title', 'document', 'file', 'line', 'lead', 'co', 'noLead', 'noLeadReason']) assert.ok(key in m, `${m.id} has ${key}`);
        assert.equal(typeof m.id, 'string');
        assert.match(m.id, /^[2-7]\.\d+$/);
        assert.ok(typeof m.title === 'string' && m.title.length > 0);
        assert.equal(m.document, 'zj-ai-2027');
        assert.equal(m.file, GUIDELINE);
        assert.ok(Number.isInteger(m.line) && m.line > 0);
        assert.ok(Array.isArray(m.co));
        assert.equal(typeof m.noLead, 'boolean');
        assert.ok(NO_LEAD_REASONS.includes(m.noLeadReason), `${m.id}: ${m.noLeadReason}`);
      }
      assert.equal(new Set(matrix.measures.map((m) => m.id)).size, 23, 'ids are unique');
      assert.equal(matrix.measures[0]!.id, '2.1');
      assert.equal(matrix.measures[0]!.title, '强化前沿基础研究');
      assert.equal(matrix.measures[0]!.lead, '省科技厅');
      assert.deepEqual(matrix.measures[0]!.co, ['省发展改革委', '省经信厅', '省教育厅', '之江实验室']);
    });

    it('gives the line where each measure starts in its file', function () {
      const text = readFileSync(join(ROOT, GUIDELINE), 'utf8').split('\n');
      for (const m of matrix.measures) assert.match(text[m.line - 1]!, new RegExp(`id: "${m.id.replace('.', '\\.')}"`), `line ${m.line} of ${m.id}`);
    });

    it('marks exactly 4.2, 4.3, 4.4 (by function) and 7.1 (collective) as having no lead, with lead null and every agency in co', function () {
      const noLead = matrix.measures.filter((m) => m.noLead);
      assert.deepEqual(noLead.map((m) => m.id), [...NO_LEAD_MEASURES]);
      assert.deepEqual(noLead.map((m) => m.noLeadReason), ['by-function', 'by-function', 'by-function', 'collective']);
      for (const m of noLead) {
        assert.equal(m.lead, null);
        assert.ok(m.co.length > 0);
      }
      assert.deepEqual(matrix.measures.find((m) => m.id === '7.1')!.co, ['省数字经济领导小组各成员单位']);
      for (const m of matrix.measures.filter((x) => !x.noLead)) {
        assert.equal(typeof m.lead, 'string');
        assert.equal(m.noLeadReason, null);
        assert.ok(!m.co.includes(m.lead!), `${m.id}: the lead is not also co-responsible`);
      }
    });

    it('names agencies by their registry names only', function () {
      for (const m of matrix.measures) for (const name of [m.lead, ...m.co].filter((n) => n !== null)) assert.ok(registryNames.includes(name!), `${m.id}: ${name}`);
    });

    it('lists per agency the measures it leads and co-owns, consistent with the measures', function () {
      for (const a of matrix.agencies) {
        for (const key of ['name', 'leads', 'co'] as const) assert.ok(key in a, `${a.name} has ${key}`);
        assert.ok(Array.isArray(a.leads) && Array.isArray(a.co));
      }
      assert.deepEqual(matrix.agencies.map((a) => a.name).sort(), [...registryNames].sort(), 'every registry agency, once');
      const byName = new Map(matrix.agencies.map((a) => [a.name, a]));
      for (const m of matrix.measures) {
        if (m.lead) assert.ok(byName.get(m.lead)!.leads.includes(m.id), `${m.lead} leads ${m.id}`);
        for (const name of m.co) assert.ok(byName.get(name)!.co.includes(m.id), `${name} co-owns ${m.id}`);
      }
      const totalLeads = matrix.agencies.reduce((n, a) => n + a.leads.length, 0);
      assert.equal(totalLeads, 23 - NO_LEAD_MEASURES.length);
      assert.deepEqual(byName.get('省科技厅')!.leads.slice(0, 3), ['2.1', '2.2', '2.3']);
    });
  });

  describe('--format csv', function () {
    it('starts with the UTF-8 BOM and has a header and 23 rows', function () {
      const { status, stdout } = runBytes(['matrix', 'tasks/', '--format', 'csv']);
      assert.equal(status, 0);
      assert.deepEqual([...stdout.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = stdout.subarray(3).toString('utf8');
      assert.ok(!text.startsWith('\uFEFF'), 'exactly one BOM');
      const records = lines(text);
      assert.equal(records.length, 24);
      const header = csvFields(records[0]!);
      const rows = records.slice(1).map(csvFields);
      for (const row of rows) assert.equal(row.length, header.length, records.join('\n'));
      assert.deepEqual(rows.map((row) => row[0]), JSON.parse(run(['matrix', 'tasks/']).stdout).measures.map((m: MatrixMeasure) => m.id));
      assert.ok(rows[0]!.includes('强化前沿基础研究'));
      assert.ok(rows[0]!.includes('省科技厅'));
    });

    it('prefixes with \' every title or agency that starts with = + - or @', function () {
      const dir = temp.withFiles({ 'tasks/agencies.yaml': FORMULA_REGISTRY, 'tasks/doc.yaml': FORMULA_GUIDELINE });
      const { status, stdout, stderr } = run(['matrix', '--format', 'csv'], { cwd: dir });
      assert.equal(status, 0);
      assert.equal(stderr, '', 'the fixture itself has no errors');
      const records = lines(stdout.replace(/^\uFEFF/, ''));
      assert.equal(records.length, 5);
      const cells = records.slice(1).flatMap(csvFields);
      for (const cell of cells) assert.doesNotMatch(cell, /^[=+\-@]/, `cell ${JSON.stringify(cell)} would run as a formula`);
      for (const expected of ["'=1+1", "'+SUM(A1:A9)", "'-2+3", "'@SUM(A1) | 管道", '\'=HYPERLINK("http://evil.example","x")', "'+省科技厅", "'-省经信厅", "'@省教育厅"]) {
        assert.ok(cells.includes(expected), `${expected} among ${JSON.stringify(cells)}`);
      }
    });
  });

  describe('--format markdown', function () {
    it('is a table with a header, a separator and 23 data rows', function () {
      const { status, stdout } = run(['matrix', 'tasks/', '--format', 'markdown']);
      assert.equal(status, 0);
      const rows = lines(stdout).filter((line) => line.startsWith('|'));
      assert.equal(rows.length, 25);
      assert.match(rows[1]!, /^\|(\s*:?-{3,}:?\s*\|)+$/);
      const width = markdownCells(rows[0]!).length;
      for (const row of rows) assert.equal(markdownCells(row).length, width, row);
      const data = rows.slice(2).map(markdownCells);
      assert.equal(data.length, 23);
      assert.deepEqual(data[0]!.slice(0, 3), ['2.1', '强化前沿基础研究', '省科技厅']);
    });

    it('escapes a | in a title so that the row keeps its cells', function () {
      const dir = temp.withFiles({ 'tasks/agencies.yaml': FORMULA_REGISTRY, 'tasks/doc.yaml': FORMULA_GUIDELINE });
      const { status, stdout } = run(['matrix', '--format', 'markdown'], { cwd: dir });
      assert.equal(status, 0);
      const rows = lines(stdout).filter((line) => line.startsWith('|'));
      assert.equal(rows.length, 2 + 4);
      const width = markdownCells(rows[0]!).length;
      for (const row of rows) assert.equal(markdownCells(row).length, width, row);
      const piped = rows.find((row) => row.includes('管道'));
      assert.ok(piped);
      assert.ok(piped.includes('\\|'), piped);
    });
  });

  describe('on files that still have errors', function () {
    it('prints the matrix, exits 0 and reports the number of errors on standard error', function () {
      const dir = temp.withFiles({
        'tasks/agencies.yaml': SMALL_REGISTRY,
        'tasks/doc.yaml': guideline(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 未知单位一]
      - id: "2.2"
        title: 乙
        agencies: [未知单位二, 省经信厅, 省数字经济领导小组各成员单位]
`),
      });
      const lint = run(['lint', '--format', 'json'], { cwd: dir });
      const errors = (JSON.parse(lint.stdout) as { diagnostics: { severity: string }[] }).diagnostics.filter((d) => d.severity === 'error').length;
      assert.equal(errors, 2);

      const { status, stdout, stderr } = run(['matrix'], { cwd: dir });
      assert.equal(status, 0);
      const matrix = JSON.parse(stdout) as Matrix;
      assert.deepEqual(matrix.measures.map((m) => [m.id, m.lead, m.co]), [
        ['2.1', '省科技厅', ['未知单位一']],
        ['2.2', '未知单位二', ['省经信厅', '省数字经济领导小组各成员单位']],
      ]);
      assert.match(stderr, /\b2 error/);
      assert.doesNotMatch(stderr, STACK_FRAME);
    });

    it('still prints what it understood of a file that is not well-formed YAML', function () {
      const dir = temp.withFiles({
        'tasks/agencies.yaml': SMALL_REGISTRY,
        'tasks/doc.yaml': guideline(`      - id: "2.1"
        title: 甲
        title: 重复的键
        agencies: [省科技厅, 省经信厅, 省数字经济领导小组各成员单位]
`),
      });
      for (const format of ['json', 'csv', 'markdown']) {
        const { status, stdout, stderr } = run(['matrix', '--format', format], { cwd: dir });
        assert.equal(status, 0, format);
        assert.match(stdout, /2\.1/, format);
        assert.match(stderr, /\b1 error/, format);
      }
    });
  });
});
