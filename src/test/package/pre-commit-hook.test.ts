// The pre-commit hook run the way the pre-commit framework runs a `language: node` hook: the
// repository packed with npm and installed globally into an environment of its own
// (NPM_CONFIG_PREFIX), then the entry, the args and the staged files that match `files` run with
// that environment's bin/ first on PATH; the exit code decides the commit. (pre-commit itself,
// Debian's 3.0.4, installed and passed the hook by hand: `pre-commit try-repo`.)
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, TASKS } from '../cli/helpers';
import { npm, packTarball } from './pack';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files?: string;
  args?: string[];
  pass_filenames?: boolean;
}

describe('the pre-commit hook', function () {
  this.timeout(300_000);
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks.find((candidate) => candidate.id === 'taskmatrix-lint')!;
  let env: string;
  let repo: string;

  before(() => {
    env = mkdtempSync(join(tmpdir(), 'taskmatrix-node-env-'));
    const installed = npm(['install', '-g', '--prefer-offline', packTarball().path], { cwd: env, env: { NPM_CONFIG_PREFIX: env, npm_config_prefix: env } });
    assert.equal(installed.status, 0, installed.stderr);
  });

  beforeEach(() => {
    // A user's repository: the guideline and registry under tasks/, a second project deeper down, other YAML elsewhere.
    repo = mkdtempSync(join(tmpdir(), 'taskmatrix-hook-repo-'));
    cpSync(TASKS, join(repo, 'tasks'), { recursive: true });
    cpSync(TASKS, join(repo, 'policies', 'tasks'), { recursive: true });
    mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(repo, '.github', 'workflows', 'ci.yml'), 'on: push\n');
    writeFileSync(join(repo, 'mkdocs.yaml'), 'site_name: x\n');
    git(['init', '-q']);
    git(['add', '.']);
  });

  afterEach(() => rmSync(repo, { recursive: true, force: true }));
  after(() => rmSync(env, { recursive: true, force: true }));

  function git(args: string[]): string {
    const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
  }

  /** What pre-commit does for this hook with the staged files: filter by `files`, then entry + args + files. */
  function runHook(): { status: number | null; output: string; files: string[] } {
    const files = git(['diff', '--cached', '--name-only', '-z']).split('\0').filter((file) => file && new RegExp(hook.files ?? '').test(file));
    const [command, ...entryArgs] = hook.entry.split(/\s+/);
    const args = [...entryArgs, ...(hook.args ?? []), ...(hook.pass_filenames === false ? [] : files)];
    const result = spawnSync(command!, args, { cwd: repo, encoding: 'utf8', env: { ...process.env, PATH: `${join(env, 'bin')}:${process.env.PATH}`, LANG: 'C', NO_COLOR: '1' } });
    if (result.error) throw result.error;
    return { status: result.status, output: result.stdout + result.stderr, files };
  }

  it('installs as pre-commit installs it: npm pack prints the tarball\'s name alone, though the build runs', () => {
    // pre-commit takes npm pack's whole standard output as the file name; a script banner there breaks the install.
    const folder = mkdtempSync(join(tmpdir(), 'taskmatrix-pack-name-'));
    try {
      const packed = npm(['pack', '--pack-destination', folder], { cwd: ROOT });
      assert.equal(packed.status, 0, packed.stderr);
      assert.match(packed.stdout, /^taskmatrix-\d+\.\d+\.\d+\.tgz\n$/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('is a node hook named taskmatrix-lint that takes the staged task files', () => {
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'taskmatrix lint');
    assert.notEqual(hook.pass_filenames, false);
    const files = new RegExp(hook.files!);
    for (const path of ['tasks/zj-ai-2027.yaml', 'tasks/agencies.yml', 'policies/tasks/agencies.yaml', 'a/b/tasks/sub/x.yaml']) assert.match(path, files);
    for (const path of ['mkdocs.yaml', '.github/workflows/ci.yml', 'tasks/source/zj-ai-2027.txt', 'mytasks/x.yaml', 'package.json']) assert.doesNotMatch(path, files);
  });

  it('passes a commit of clean task files (warnings only), each checked against its own registry', () => {
    const { status, output, files } = runHook();
    assert.deepEqual(files, ['policies/tasks/agencies.yaml', 'policies/tasks/zj-ai-2027.yaml', 'tasks/agencies.yaml', 'tasks/zj-ai-2027.yaml']);
    assert.equal(status, 0, output);
    assert.match(output, /0 error\(s\), 8 warning\(s\)/);
    assert.doesNotMatch(output, /no agency registry/);
  });

  it('stops a commit whose guideline names an agency the registry lacks, finding the registry that is not staged', () => {
    git(['-c', 'user.name=drafter', '-c', 'user.email=drafter@example.com', 'commit', '-q', '-m', 'tasks']);
    const path = join(repo, 'tasks', 'zj-ai-2027.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('agencies: [省科技厅', 'agencies: [省科学厅'));
    git(['add', 'tasks/zj-ai-2027.yaml']);
    const { status, output, files } = runHook();
    assert.deepEqual(files, ['tasks/zj-ai-2027.yaml']);
    assert.equal(status, 1, output);
    assert.match(output, /省科学厅[\s\S]*unknown-agency/);
    assert.doesNotMatch(output, /no agency registry/);
  });
});
