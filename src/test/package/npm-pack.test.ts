// taskmatrix as a policy repository depends on it: the tarball of `npm pack` installed with
// `npm install -D` into an empty project beside its tasks/, and the command run there with npx.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NO_LEAD_MEASURES, ROOT, TASKS } from '../cli/helpers';
import { npm, packTarball } from './pack';

describe('the npm package', function () {
  this.timeout(300_000);
  let project: string;

  before(() => {
    const { path } = packTarball();
    project = realpathSync(mkdtempSync(join(tmpdir(), 'taskmatrix-user-')));
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'policy-repo', private: true }, null, 2)}\n`);
    cpSync(TASKS, join(project, 'tasks'), { recursive: true });
    // --prefer-offline: the package has no dependencies to fetch; nothing else should reach the registry.
    const installed = npm(['install', '-D', '--prefer-offline', path], { cwd: project });
    assert.equal(installed.status, 0, installed.stderr);
  });

  after(() => rmSync(project, { recursive: true, force: true }));

  /** `npx taskmatrix …` in the user's project, as its README says. */
  function npx(args: string[]) {
    const result = spawnSync('npx', ['--no', 'taskmatrix', ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, LANG: 'C', NO_COLOR: '1' }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    if (result.error) throw result.error;
    return result;
  }

  it('holds the command line, its lazily loaded bundles, the schemas and the docs, and nothing else', () => {
    const { files } = packTarball();
    for (const file of ['package.json', 'README.md', 'LICENSE', 'bin/taskmatrix.js', 'dist/cli.js', 'dist/import-readers.js', 'dist/office-writers.js', 'dist/mermaid.min.js', 'schemas/guideline.schema.json', 'schemas/agencies.schema.json', 'docs/rules.md']) {
      assert.ok(files.includes(file), `the package lacks ${file}`);
    }
    assert.ok(files.includes('dist/pdfjs-cmaps/UniGB-UCS2-H.bcmap'), 'the Chinese CMaps for PDF import');
    const allowed = /^(package\.json|README\.md|LICENSE|bin\/taskmatrix\.js|dist\/(cli|import-readers|office-writers|mermaid\.min)\.js|dist\/pdfjs-cmaps\/[^/]+|schemas\/[\w.-]+\.schema\.json|docs\/.+)$/;
    assert.deepEqual(files.filter((file) => !allowed.test(file)), []);
    assert.ok(!files.some((file) => /\.map$|(^|\/)(src|test|node_modules)\//.test(file) || file === 'dist/extension.js' || file.startsWith('dist/webview/')));
  });

  it('says what is public: no private flag, engines.node, exports of the schemas and no runtime dependencies (the bundles carry them)', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'taskmatrix', 'package.json'), 'utf8'));
    assert.equal(manifest.private, undefined);
    assert.equal(manifest.engines.node, '>=20');
    assert.equal(manifest.bin.taskmatrix, 'bin/taskmatrix.js');
    assert.deepEqual(manifest.dependencies ?? {}, {});
    assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.')), ['taskmatrix']);
  });

  it('makes the schemas reachable as taskmatrix/schemas/*.json from the user\'s project', () => {
    const script = "for (const name of ['guideline', 'agencies']) console.log(require.resolve(`taskmatrix/schemas/${name}.schema.json`))";
    const result = spawnSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(result.stdout.trim().split('\n'), ['guideline', 'agencies'].map((name) => join(project, 'node_modules', 'taskmatrix', 'schemas', `${name}.schema.json`)));
    for (const name of ['guideline', 'agencies']) {
      assert.deepEqual(JSON.parse(readFileSync(join(project, 'node_modules/taskmatrix/schemas', `${name}.schema.json`), 'utf8')), JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')));
    }
  });

  it('lints the tasks: the four no-lead warnings, exit 0', () => {
    const result = npx(['lint', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: Array<{ rule: string; message: string }> };
    assert.deepEqual(diagnostics.map((d) => d.rule), NO_LEAD_MEASURES.map(() => 'no-lead'));
  });

  it('draws the graph (Mermaid text and the self-contained HTML page) and prints the matrix', () => {
    const mermaid = npx(['graph']);
    assert.equal(mermaid.status, 0, mermaid.stderr);
    assert.match(mermaid.stdout, /^(flowchart|graph) /m);
    const html = npx(['graph', '--format', 'html']);
    assert.equal(html.status, 0, html.stderr);
    assert.ok(html.stdout.length > 1_000_000, 'the page carries Mermaid from dist/mermaid.min.js');
    const matrix = npx(['matrix', '--format', 'json']);
    assert.equal(matrix.status, 0, matrix.stderr);
    const { measures } = JSON.parse(matrix.stdout) as { measures: Array<{ id: string; lead: string | null }> };
    assert.equal(measures.length, 23);
    assert.equal(measures.find((m) => m.id === '2.1')?.lead, '省科技厅');
  });

  it('imports a text document, heading the YAML with the relative path to the installed schema', () => {
    mkdirSync(join(project, 'drafts'), { recursive: true });
    writeFileSync(join(project, 'drafts', 'new-policy.txt'), '关于加快发展的意见\n\n一、总体要求\n\n（一）强化基础研究。加快实验室建设。（省科技厅、省发展改革委，排名第一的为牵头单位，下同）\n');
    const result = npx(['import', 'drafts/new-policy.txt', '-o', 'tasks/new-policy.yaml']);
    assert.equal(result.status, 0, result.stderr);
    const written = readFileSync(join(project, 'tasks', 'new-policy.yaml'), 'utf8');
    const modeline = /^# yaml-language-server: \$schema=(\S+)\n/.exec(written);
    assert.ok(modeline, written.slice(0, 200));
    assert.equal(modeline[1], '../node_modules/taskmatrix/schemas/guideline.schema.json');
    assert.ok(existsSync(resolve(project, 'tasks', modeline[1]!)));
    const lint = npx(['lint', 'tasks/new-policy.yaml']);
    assert.equal(lint.status, 0, lint.stdout + lint.stderr);
    rmSync(join(project, 'tasks', 'new-policy.yaml'));
  });

  it('exports the Word plan', () => {
    const result = npx(['export', '-o', 'plan.docx']);
    assert.equal(result.status, 0, result.stderr);
    const bytes = readFileSync(join(project, 'plan.docx'));
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
    assert.ok(bytes.length > 5_000);
  });
});
