// The composite GitHub Action (action.yml): its shape, and its shell steps run as a runner runs
// them — `${{ }}` expressions of inputs, the action's path and step outputs filled in, GITHUB_OUTPUT
// a file, the workspace a copy of a user's repository — against this checkout's command line.
// The steps that `uses:` other actions (setup-node, upload-sarif) and `npm ci` are not run.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { LINT_FORMATS } from '../../cli/formatters/index';
import { ensureBuilt, ROOT, TASKS } from '../cli/helpers';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

/** The few expressions action.yml uses: inputs.X, github.action_path, steps.ID.outputs.X, string literals, ==, != and &&. */
function evaluate(expression: string, context: { inputs: Record<string, string>; outputs: Record<string, Record<string, string>> }): string | boolean {
  const value = (term: string): string => {
    term = term.trim();
    const literal = /^'(.*)'$/.exec(term);
    if (literal) return literal[1]!;
    if (term === 'github.action_path') return ROOT;
    const input = /^inputs\.([\w-]+)$/.exec(term);
    if (input) return context.inputs[input[1]!] ?? '';
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(term);
    if (output) return context.outputs[output[1]!]?.[output[2]!] ?? '';
    throw new Error(`action.yml uses an expression this test does not know: ${term}`);
  };
  const conjuncts = expression.split('&&').map((part) => {
    const comparison = /^(.*?)(==|!=)(.*)$/.exec(part);
    if (!comparison) return value(part);
    return comparison[2] === '==' ? value(comparison[1]!) === value(comparison[3]!) : value(comparison[1]!) !== value(comparison[3]!);
  });
  return conjuncts.length === 1 ? conjuncts[0]! : conjuncts.every(Boolean);
}

function substitute(text: string, context: Parameters<typeof evaluate>[1]): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => String(evaluate(expression, context)));
}

/** Runs the action's shell steps in `workspace` with the given inputs (defaults otherwise), as a runner would. */
function runAction(workspace: string, given: Record<string, string> = {}) {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? input.default ?? '']));
  const context = { inputs, outputs: {} as Record<string, Record<string, string>> };
  const ran: Array<{ step: Step; status: number | null; stdout: string; stderr: string }> = [];
  for (const step of action.runs.steps) {
    if (step.if !== undefined && !evaluate(step.if, context)) continue;
    if (step.uses || /\bnpm ci\b/.test(step.run ?? '')) continue;
    const outputFile = join(workspace, '.github-output');
    writeFileSync(outputFile, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, substitute(value, context)]));
    const cwd = step['working-directory'] ? substitute(step['working-directory'], context) : workspace;
    const result = spawnSync(step.shell!, ['-e', '-c', substitute(step.run!, context)], { cwd, encoding: 'utf8', env: { ...process.env, ...env, GITHUB_OUTPUT: outputFile, GITHUB_ACTION_PATH: ROOT, LANG: 'C', NO_COLOR: '1' } });
    if (step.id) context.outputs[step.id] = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
    ran.push({ step, status: result.status, stdout: result.stdout, stderr: result.stderr });
    if (result.status !== 0) break;
  }
  return { ran, outputs: context.outputs, status: ran.at(-1)?.status ?? 0 };
}

describe('the GitHub Action (action.yml)', function () {
  this.timeout(120_000);
  let workspace: string;

  before(() => ensureBuilt());
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'taskmatrix-action-'));
    cpSync(TASKS, join(workspace, 'tasks'), { recursive: true });
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it('is a composite action whose inputs are described, with the lint\'s exit code as an output', () => {
    assert.equal(action.runs.using, 'composite');
    assert.ok(action.name && action.description);
    assert.deepEqual(Object.keys(action.inputs).sort(), ['args', 'node-version', 'paths', 'sarif', 'upload-sarif']);
    for (const [name, input] of Object.entries(action.inputs)) assert.ok(input.description, `input ${name} has no description`);
    assert.equal(action.inputs.paths!.default, 'tasks/');
    assert.match(action.outputs['exit-code']!.value, /steps\.lint\.outputs\.exit-code/);
    // A composite action's run steps must each name their shell.
    for (const step of action.runs.steps) if (step.run) assert.equal(step.shell, 'bash', step.name);
    const uses = action.runs.steps.map((step) => step.uses).filter(Boolean);
    assert.deepEqual(uses, ['actions/setup-node@v4', 'github/codeql-action/upload-sarif@v3']);
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    assert.equal(upload.with!.sarif_file, '${{ inputs.sarif }}');
    assert.match(upload.if!, /inputs\.upload-sarif == 'true'/);
  });

  it('calls only lint formats and options the command line has, and never splices an input into a script', () => {
    const lintCalls = action.runs.steps.flatMap((step) => (step.run ?? '').split('\n')).filter((line) => /taskmatrix\S*"? lint /i.test(line));
    assert.equal(lintCalls.length, 2);
    for (const line of lintCalls) {
      const format = /--format (\w+)/.exec(line)?.[1];
      assert.ok(format && LINT_FORMATS[format], line);
    }
    assert.deepEqual(lintCalls.map((line) => /--format (\w+)/.exec(line)![1]).sort(), ['github', 'sarif']);
    for (const step of action.runs.steps) assert.doesNotMatch(step.run ?? '', /\$\{\{/, `${step.name} splices an expression into its script`);
  });

  it('annotates the findings, writes the SARIF report and succeeds on warnings only', () => {
    const { ran, outputs, status } = runAction(workspace);
    assert.equal(status, 0, ran.map((r) => r.stderr).join(''));
    const lint = ran.find((r) => r.step.id === 'lint')!;
    assert.equal(lint.stdout.match(/^::warning file=tasks\/zj-ai-2027\.yaml,line=\d+/gm)?.length, 4, lint.stdout);
    assert.equal(outputs.lint!['exit-code'], '0');
    const sarif = JSON.parse(readFileSync(join(workspace, 'taskmatrix.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].results.length, 4);
  });

  it('fails the step on errors after writing the report, and passes args and paths on', () => {
    const path = join(workspace, 'tasks', 'zj-ai-2027.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('agencies: [省科技厅', 'agencies: [省科学厅'));
    const failed = runAction(workspace);
    assert.equal(failed.status, 1);
    assert.equal(failed.outputs.lint!['exit-code'], '1');
    assert.match(failed.ran.find((r) => r.step.id === 'lint')!.stdout, /^::error file=tasks\/zj-ai-2027\.yaml,.*unknown-agency/m);
    assert.ok(existsSync(join(workspace, 'taskmatrix.sarif')));

    rmSync(join(workspace, 'taskmatrix.sarif'));
    const strict = runAction(workspace, { paths: 'tasks/agencies.yaml', args: '--max-warnings 0', sarif: '' });
    assert.equal(strict.status, 0, strict.ran.map((r) => r.stdout + r.stderr).join(''));
    assert.ok(!existsSync(join(workspace, 'taskmatrix.sarif')), 'no report when sarif is empty');
    const warnings = runAction(workspace, { args: '--max-warnings 0' });
    assert.equal(warnings.status, 1);
  });
});
