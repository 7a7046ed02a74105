// One fixture set through the command line (src/test/extension/fixtures/encodings, read by the
// extension host too): the same guideline in the encodings drafters' tools save it in, an
// oversized file, and a sub-folder whose .taskmatrix.yaml overrides the root one. The engine
// decides what the bytes mean and which configuration governs each file.
import { strict as assert } from 'node:assert';
import { cpSync, openSync, closeSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../core/index';
import { ensureBuilt, ROOT, run, TempDirs } from './helpers';

const FIXTURE = join(ROOT, 'src/test/extension/fixtures/encodings');
const LIMIT_BYTES = 32 * 1024 * 1024;

type Finding = Omit<Diagnostic, 'offset'>;

/** A copy of the fixture set with the oversized file added (sparse: it takes no disk space). */
export function fixtureCopy(temp: TempDirs): string {
  const dir = temp.make();
  cpSync(FIXTURE, dir, { recursive: true });
  const fd = openSync(join(dir, 'tasks/oversized.yaml'), 'w');
  ftruncateSync(fd, LIMIT_BYTES + 1);
  closeSync(fd);
  return dir;
}

function lint(cwd: string, args: string[] = ['tasks'], status = 1): Finding[] {
  const result = run(['lint', ...args, '--format', 'json', '--locale', 'en'], { cwd });
  assert.equal(result.status, status, result.stderr);
  return (JSON.parse(result.stdout) as { diagnostics: Finding[] }).diagnostics;
}

const brief = (d: Finding) => `${d.file} ${d.line}:${d.column} ${d.severity} ${d.rule}`;

describe('cli: one fixture set of encodings and configurations', () => {
  const temp = new TempDirs();
  before(ensureBuilt);
  after(() => temp.cleanup());

  it('says what is wrong with each encoding, and lints UTF-8 with or without a BOM alike', () => {
    const findings = lint(fixtureCopy(temp));
    assert.deepEqual(findings.map(brief), [
      'tasks/binary.yaml 1:1 error yaml-syntax',
      'tasks/gb18030.yaml 1:1 error yaml-syntax',
      'tasks/oversized.yaml 1:1 error yaml-syntax',
      'tasks/sub/override.yaml 12:20 warning unknown-agency',
      'tasks/utf16.yaml 1:1 error yaml-syntax',
      'tasks/utf8-bom.yaml 12:20 error unknown-agency',
      'tasks/utf8-bom.yaml 20:19 error no-lead',
      'tasks/utf8.yaml 12:20 error unknown-agency',
      'tasks/utf8.yaml 20:19 error no-lead',
    ]);
    const message = (file: string) => findings.find((d) => d.file === file)!.message;
    assert.match(message('tasks/gb18030.yaml'), /not valid UTF-8 text; save it as UTF-8 \(files in GB18030\/GBK/);
    assert.match(message('tasks/utf16.yaml'), /UTF-16 text; save it as UTF-8/);
    assert.match(message('tasks/binary.yaml'), /not text/);
    assert.match(message('tasks/oversized.yaml'), /larger than the 32 MB/);
    // The BOM moves no position: the same findings, ranges and words as without it.
    const of = (file: string) => findings.filter((d) => d.file === file).map((d) => ({ ...d, file: '' }));
    assert.deepEqual(of('tasks/utf8-bom.yaml'), of('tasks/utf8.yaml'));
  });

  it('applies the nearest configuration to each file: a sub-folder overrides the root whole', () => {
    const dir = fixtureCopy(temp);
    const findings = lint(dir);
    // Root: no-lead is an error, unknown agencies the default error. tasks/sub: no-lead off, unknown agencies warnings.
    assert.deepEqual(findings.filter((d) => d.file.startsWith('tasks/utf8.')).map((d) => `${d.rule} ${d.severity}`), ['unknown-agency error', 'no-lead error']);
    assert.deepEqual(findings.filter((d) => d.file.startsWith('tasks/sub/')).map((d) => `${d.rule} ${d.severity}`), ['unknown-agency warning']);
    // The same files linted one by one, from inside the sub-folder: the same configuration governs them.
    const inside = lint(join(dir, 'tasks/sub'), ['override.yaml'], 0);
    assert.deepEqual(inside.map((d) => `${d.file} ${d.line}:${d.column} ${d.rule} ${d.severity}`), ['override.yaml 12:20 unknown-agency warning']);
    // …and the registry above the working folder is found (it was not, before the engine located files).
    assert.match(inside[0]!.message, /not in the registry \/.*\/tasks\/agencies\.yaml\. Did you mean "省科技厅"\?/);
  });

  it('takes --config as the one configuration for every file', () => {
    const dir = fixtureCopy(temp);
    const findings = lint(dir, ['tasks', '--config', 'tasks/sub/.taskmatrix.yaml']);
    assert.deepEqual(findings.filter((d) => d.file.startsWith('tasks/utf8.')).map((d) => `${d.rule} ${d.severity}`), ['unknown-agency warning']);
  });
});
