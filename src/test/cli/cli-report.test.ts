// `taskmatrix report --out DIR`: every export written into one folder for reviewers, each file
// equal to what the individual command prints; the summary on standard output; `npm start`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, guideline, lines, NO_LEAD_MEASURES, ROOT, run, SMALL_REGISTRY, STACK_FRAME, TempDirs } from './helpers';
import { readExcel, readWord, sheetRows } from '../support/office';
import { runBig } from './export-helpers';
import type { AgencyLoad } from './export-helpers';

/** What `report --out` writes, and the command whose standard output each file must equal. */
const EXPORTS: [file: string, args: string[]][] = [
  ['OWNERSHIP.md', ['graph', '--format', 'markdown']],
  ['ownership.mmd', ['graph', '--format', 'mermaid']],
  ['ownership.html', ['graph', '--format', 'html']],
  ['matrix.json', ['matrix', '--format', 'json']],
  ['matrix.csv', ['matrix', '--format', 'csv']],
  ['matrix.md', ['matrix', '--format', 'markdown']],
  ['matrix.html', ['matrix', '--format', 'html']],
  ['matrix-grid.csv', ['matrix', '--grid', '--format', 'csv']],
  ['matrix-grid.html', ['matrix', '--grid', '--format', 'html']],
  ['stats.json', ['stats', '--format', 'json']],
  ['lint.sarif', ['lint', '--format', 'sarif']],
];
/** The task-division plan, compared with `taskmatrix export` by its content (a .docx or .xlsx carries the time it was written). */
const PLANS: [file: string, args: string[]][] = [
  ['plan.docx', []],
  ['plan.xlsx', ['--by-agency']],
];
const FILES = [...EXPORTS, ...PLANS].map(([file]) => file);

/** Columns of a table line: runs of text separated by two or more spaces. */
function columns(line: string): string[] {
  return line.trim().split(/ {2,}/);
}

describe('cli: report --out', function () {
  const temp = new TempDirs();
  before(ensureBuilt);
  afterEach(() => temp.cleanup());

  describe('on the bundled tasks/', function () {
    // Its own temporary folder: the outer afterEach must not remove it between these tests.
    const shared = new TempDirs();
    let out: string;
    let result: { status: number | null; stdout: string; stderr: string };
    before(function () {
      out = join(shared.make(), 'report');
      result = run(['report', 'tasks/', '--out', out]);
    });
    after(() => shared.cleanup());

    it('exits 0 and writes exactly the thirteen exports into the folder (created)', function () {
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stderr, '');
      assert.deepEqual(readdirSync(out).sort(), [...FILES].sort());
      for (const file of FILES) assert.ok(statSync(join(out, file)).size > 0, `${file} is not empty`);
    });

    it('prints the path of every file it wrote', function () {
      const all = lines(result.stdout);
      const written = all.findIndex((line) => line.startsWith('Written to '));
      assert.ok(written >= 0, result.stdout);
      assert.ok(all[written]!.includes(out), all[written]);
      assert.deepEqual(all.slice(written + 1).map((line) => line.trim()), FILES.map((file) => join(out, file)));
    });

    it('prints the summary: diagnostics, the measures without a lead and the heaviest loads table', function () {
      const { stdout } = result;
      assert.match(stdout, /23 measures/);
      assert.match(stdout, /4 problem\(s\) \(0 error\(s\), 4 warning\(s\)/);
      assert.match(stdout, /Measures without a lead \(4\)/);
      for (const id of NO_LEAD_MEASURES) assert.match(stdout, new RegExp(`^ +${id.replace('.', '\\.')} `, 'm'));
      const all = lines(stdout);
      const heading = all.indexOf('Heaviest agency loads');
      assert.ok(heading >= 0, stdout);
      assert.deepEqual(columns(all[heading + 1]!), ['Agency', 'Led', 'Co-owned', 'No-lead', 'Total']);
      assert.match(all[heading + 2]!, /^ +-+( {2}-+){4}$/);
      const stats = (JSON.parse(run(['stats', '--format', 'json']).stdout) as { agencies: AgencyLoad[] }).agencies;
      const rows = all.slice(heading + 3, heading + 8).map(columns);
      assert.deepEqual(rows, stats.slice(0, 5).map((l) => [l.name, String(l.led), String(l.coOwned), String(l.noLead), String(l.total)]));
      assert.equal(rows[0]![0], '省经信厅');
    });

    for (const [file, args] of EXPORTS) {
      it(`writes ${file} equal to \`taskmatrix ${args.join(' ')}\``, function () {
        const printed = runBig([...args, 'tasks/']);
        assert.equal(printed.status, 0, printed.stderr);
        const written = readFileSync(join(out, file));
        assert.ok(written.equals(printed.stdout), `${file}: ${written.length} bytes written, ${printed.stdout.length} printed`);
      });
    }

    for (const [file, args] of PLANS) {
      it(`writes ${file} with the content of \`taskmatrix export -o ${file}${args.length ? ` ${args.join(' ')}` : ''}\``, async function () {
        const exported = join(temp.make(), file);
        const printed = run(['export', 'tasks/', '-o', exported, ...args]);
        assert.equal(printed.status, 0, printed.stderr);
        if (file.endsWith('.docx')) {
          const [written, expected] = await Promise.all([readWord(readFileSync(join(out, file))), readWord(readFileSync(exported))]);
          assert.ok(written.tables[0]!.length > 20, 'the plan has its rows');
          assert.equal(written.html, expected.html);
        } else {
          const [written, expected] = await Promise.all([readExcel(readFileSync(join(out, file))), readExcel(readFileSync(exported))]);
          assert.ok(written.worksheets.length > 2, 'a sheet per agency');
          assert.deepEqual(written.worksheets.map((sheet) => [sheet.name, sheetRows(sheet)]), expected.worksheets.map((sheet) => [sheet.name, sheetRows(sheet)]));
        }
      });
    }

    it('writes a matrix.json that parses and lists the 23 measures', function () {
      const matrix = JSON.parse(readFileSync(join(out, 'matrix.json'), 'utf8')) as { measures: unknown[] };
      assert.equal(matrix.measures.length, 23);
      const sarif = JSON.parse(readFileSync(join(out, 'lint.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.runs[0]!.results.length, 4);
    });
  });

  it('writes the Chinese exports with --locale zh-cn, equal to the Chinese commands', function () {
    const out = join(temp.make(), 'zh');
    const result = run(['report', '--out', out, '--locale', 'zh-cn']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /任务最重的单位/);
    for (const [file, args] of EXPORTS.filter(([name]) => name !== 'ownership.html')) {
      const printed = runBig([...args, '--locale', 'zh-cn']);
      assert.ok(readFileSync(join(out, file)).equals(printed.stdout), file);
    }
    assert.match(readFileSync(join(out, 'OWNERSHIP.md'), 'utf8'), /## 无牵头单位的措施（4 项）/);
  });

  it('takes a relative --out from the working folder and names the files as given', function () {
    const dir = temp.withBundledTasks();
    const result = run(['report', '--out', 'out/r'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(readdirSync(join(dir, 'out/r')).sort(), [...FILES].sort());
    assert.ok(lines(result.stdout).includes('  out/r/OWNERSHIP.md'), result.stdout);
  });

  it('overwrites the files of an earlier report', function () {
    const out = join(temp.make(), 'again');
    assert.equal(run(['report', '--out', out]).status, 0);
    writeFileSync(join(out, 'matrix.json'), 'stale');
    assert.equal(run(['report', '--out', out]).status, 0);
    assert.equal(readFileSync(join(out, 'matrix.json'), 'utf8'), run(['matrix', '--format', 'json']).stdout);
  });

  it('still writes every export of a file with errors, and exits 1', function () {
    const dir = temp.withFiles({
      'tasks/agencies.yaml': SMALL_REGISTRY,
      'tasks/doc.yaml': guideline(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 未知单位]
`),
    });
    const result = run(['report', '--out', 'r'], { cwd: dir });
    assert.equal(result.status, 1);
    assert.doesNotMatch(result.stderr, STACK_FRAME);
    assert.deepEqual(readdirSync(join(dir, 'r')).sort(), [...FILES].sort());
    assert.ok(readFileSync(join(dir, 'r/matrix.json'), 'utf8').includes('未知单位'));
  });

  describe('an --out that cannot be written', function () {
    it('exits 2 with "cannot write" for a folder under a regular file', function () {
      const dir = temp.make();
      writeFileSync(join(dir, 'file'), 'not a folder');
      const { status, stderr } = run(['report', '--out', join(dir, 'file', 'report')]);
      assert.equal(status, 2);
      assert.match(stderr, /cannot write/);
      assert.ok(stderr.includes(join(dir, 'file', 'report')), stderr);
      assert.doesNotMatch(stderr, STACK_FRAME);
      assert.equal(readFileSync(join(dir, 'file'), 'utf8'), 'not a folder', 'the file is left alone');
    });

    it('exits 2 with "cannot write" when --out is a regular file', function () {
      const dir = temp.make();
      writeFileSync(join(dir, 'file'), 'not a folder');
      const { status, stderr } = run(['report', '--out', join(dir, 'file')]);
      assert.equal(status, 2);
      assert.match(stderr, /cannot write/);
      assert.doesNotMatch(stderr, STACK_FRAME);
      assert.equal(readFileSync(join(dir, 'file'), 'utf8'), 'not a folder');
    });

    it('words the failure in Chinese with --locale zh-cn', function () {
      const dir = temp.make();
      writeFileSync(join(dir, 'file'), '');
      const { status, stderr } = run(['report', '--out', join(dir, 'file', 'x'), '--locale', 'zh-cn']);
      assert.equal(status, 2);
      assert.match(stderr, /无法写入/);
    });
  });
});

describe('cli: npm start', function () {
  const report = join(ROOT, 'out/report');
  const outFolder = join(ROOT, 'out');
  let reportExisted = false;
  let outExisted = false;
  before(function () {
    reportExisted = existsSync(report);
    outExisted = existsSync(outFolder);
  });
  after(function () {
    if (!reportExisted) rmSync(report, { recursive: true, force: true });
    if (!outExisted && existsSync(outFolder) && readdirSync(outFolder).length === 0) rmSync(outFolder, { recursive: true, force: true });
  });

  it('exits 0 from the repository and writes out/report/ with every export', function () {
    this.timeout(180000);
    const started = Date.now();
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'C' };
    for (const name of ['LC_ALL', 'LC_MESSAGES', 'TASKMATRIX_LOCALE', 'FORCE_COLOR']) delete env[name];
    const result = spawnSync('npm', ['start'], { cwd: ROOT, encoding: 'utf8', timeout: 170000, env });
    if (result.error) throw result.error;
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /Measures without a lead \(4\)/);
    assert.match(result.stdout, /Heaviest agency loads/);
    assert.match(result.stdout, /Written to out\/report/);
    assert.doesNotMatch(result.stderr, STACK_FRAME);
    for (const file of FILES) {
      const path = join(report, file);
      assert.ok(existsSync(path), `out/report/${file}`);
      assert.ok(statSync(path).mtimeMs >= started - 2000, `out/report/${file} was written by this run`);
    }
    assert.equal(readFileSync(join(report, 'matrix.json'), 'utf8'), run(['matrix', '--format', 'json']).stdout);
  });
});
