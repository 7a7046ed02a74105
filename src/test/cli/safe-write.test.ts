// Writes that lose nothing: both files or neither, never through a link or into a non-file, and
// a rename that fails puts back the files renamed before it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../cli/files';
import { makeFolders, refuseUnsafeTargets, writeAllOrNothing, writeFileSafely } from '../../cli/safe-write';
import type { WriteOps } from '../../cli/safe-write';
import { TempDirs } from './helpers';

describe('cli: writing the import\'s files', () => {
  const temp = new TempDirs();
  afterEach(() => temp.cleanup());

  const refusal = (key: string) => (error: unknown) => error instanceof UsageError && error.key === key;

  it('writes both files, creating folders, and leaves no temporary file behind', () => {
    const dir = temp.withFiles({ 'tasks/agencies.yaml': 'agencies: []\n' });
    fs.chmodSync(join(dir, 'tasks/agencies.yaml'), 0o640);
    writeAllOrNothing([
      { path: join(dir, 'tasks/new/plan.yaml'), shown: 'plan.yaml', text: 'id: plan\n', mustNotExist: true },
      { path: join(dir, 'tasks/agencies.yaml'), shown: 'agencies.yaml', text: 'agencies:\n  - name: 甲\n' },
    ]);
    assert.equal(fs.readFileSync(join(dir, 'tasks/new/plan.yaml'), 'utf8'), 'id: plan\n');
    assert.equal(fs.readFileSync(join(dir, 'tasks/agencies.yaml'), 'utf8'), 'agencies:\n  - name: 甲\n');
    assert.equal(fs.statSync(join(dir, 'tasks/agencies.yaml')).mode & 0o777, 0o640, 'the mode of the file replaced is kept');
    assert.deepEqual(fs.readdirSync(join(dir, 'tasks')).sort(), ['agencies.yaml', 'new']);
  });

  it('refuses a symbolic link, a folder, or an existing file that must not be overwritten, before writing anything', () => {
    const dir = temp.withFiles({ 'real.yaml': 'agencies: []\n', 'out.yaml': '# mine\n', 'folder/x': '' });
    fs.symlinkSync(join(dir, 'real.yaml'), join(dir, 'link.yaml'));
    const plan = { path: join(dir, 'plan.yaml'), shown: 'plan.yaml', text: 'id: plan\n', mustNotExist: true };
    assert.throws(() => writeAllOrNothing([plan, { path: join(dir, 'link.yaml'), shown: 'link.yaml', text: 'x' }]), refusal('writeSymlink'));
    assert.throws(() => writeAllOrNothing([plan, { path: join(dir, 'folder'), shown: 'folder', text: 'x' }]), refusal('writeNotFile'));
    assert.throws(() => writeAllOrNothing([{ ...plan, path: join(dir, 'out.yaml') }]), refusal('importExists'));
    assert.equal(fs.existsSync(join(dir, 'plan.yaml')), false);
    assert.equal(fs.readFileSync(join(dir, 'real.yaml'), 'utf8'), 'agencies: []\n');
    assert.equal(fs.readFileSync(join(dir, 'out.yaml'), 'utf8'), '# mine\n');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['folder', 'link.yaml', 'out.yaml', 'real.yaml']);
  });

  it('puts back the first file when the second cannot be renamed into place', () => {
    const dir = temp.withFiles({ 'plan.yaml': 'id: old\n', 'agencies.yaml': 'agencies: []\n' });
    const failing: WriteOps = { ...fs, renameSync: (from: fs.PathLike, to: fs.PathLike) => (String(to).endsWith('agencies.yaml') ? failRename() : fs.renameSync(from, to)) };
    assert.throws(
      () =>
        writeAllOrNothing(
          [
            { path: join(dir, 'plan.yaml'), shown: 'plan.yaml', text: 'id: new\n' },
            { path: join(dir, 'agencies.yaml'), shown: 'agencies.yaml', text: 'agencies:\n  - name: 甲\n' },
          ],
          failing,
        ),
      (error: unknown) => error instanceof UsageError && error.key === 'writeFailed' && error.args.path === 'agencies.yaml',
    );
    assert.equal(fs.readFileSync(join(dir, 'plan.yaml'), 'utf8'), 'id: old\n');
    assert.equal(fs.readFileSync(join(dir, 'agencies.yaml'), 'utf8'), 'agencies: []\n');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['agencies.yaml', 'plan.yaml']);
  });

  it('removes a file it created when the next one fails', () => {
    const dir = temp.withFiles({ 'agencies.yaml': 'agencies: []\n' });
    const failing: WriteOps = { ...fs, renameSync: () => failRename() };
    assert.throws(() =>
      writeAllOrNothing(
        [
          { path: join(dir, 'plan.yaml'), shown: 'plan.yaml', text: 'id: new\n', mustNotExist: true },
          { path: join(dir, 'agencies.yaml'), shown: 'agencies.yaml', text: 'x' },
        ],
        failing,
      ),
    );
    assert.deepEqual(fs.readdirSync(dir), ['agencies.yaml']);
  });
});

function failRename(): never {
  throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
}

describe('cli: writing any user file', () => {
  const temp = new TempDirs();
  afterEach(() => temp.cleanup());

  it('makes missing folders one by one and gives up at the first that cannot be made (mkdir -p spins under /proc)', function () {
    const dir = temp.make();
    assert.deepEqual(makeFolders(join(dir, 'a/b')), [join(dir, 'a'), join(dir, 'a/b')]);
    assert.deepEqual(makeFolders(join(dir, 'a/b')), []);
    if (!fs.existsSync('/proc/self')) this.skip();
    const started = Date.now();
    assert.throws(() => makeFolders('/proc/taskmatrix-x/y'), (error: NodeJS.ErrnoException) => error.code === 'ENOENT');
    assert.ok(Date.now() - started < 1000);
  });

  it('removes the folders it made when the write fails', () => {
    const dir = temp.make();
    const failing: WriteOps = { ...fs, fsyncSync: () => failRename() };
    assert.throws(() => writeFileSafely({ path: join(dir, 'out/report/a.json'), shown: 'a.json', text: '{}' }, failing), refusal('writeFailed'));
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('refuses a link, a device or a folder under a file before the work starts', () => {
    const dir = temp.withFiles({ 'file.txt': 'x' });
    fs.symlinkSync(join(dir, 'file.txt'), join(dir, 'link.json'));
    assert.throws(() => refuseUnsafeTargets([{ path: join(dir, 'link.json'), shown: 'link.json' }]), refusal('writeSymlink'));
    assert.throws(() => refuseUnsafeTargets([{ path: join(dir, 'file.txt/x.json'), shown: 'x.json' }]), refusal('writeFailed'));
    assert.throws(() => refuseUnsafeTargets([{ path: join(dir, 'missing/x.json'), shown: 'x.json', folderMustExist: true }]), refusal('writeFailed'));
    refuseUnsafeTargets([{ path: join(dir, 'missing/x.json'), shown: 'x.json' }]);
    if (fs.existsSync('/dev/null')) assert.throws(() => refuseUnsafeTargets([{ path: '/dev/null', shown: '/dev/null' }]), refusal('writeNotFile'));
  });

  it('removes the temporary files a killed run left beside its targets, and only those', () => {
    const dead = 2 ** 22 + 12345; // above Linux's default pid_max: no such process
    const dir = temp.withFiles({
      'stats.json': 'old',
      [`.stats.json.${dead}.abc123.tmp`]: 'half',
      [`.stats.json.${dead}.abc123.tmp.old`]: 'old',
      [`.stats.json.${process.ppid}.def456.tmp`]: 'a live process is writing',
      [`.other.json.${dead}.abc123.tmp`]: 'not ours to remove',
    });
    writeFileSafely({ path: join(dir, 'stats.json'), shown: 'stats.json', text: 'new' });
    assert.deepEqual(fs.readdirSync(dir).sort(), [`.other.json.${dead}.abc123.tmp`, `.stats.json.${process.ppid}.def456.tmp`, 'stats.json']);
    assert.equal(fs.readFileSync(join(dir, 'stats.json'), 'utf8'), 'new');
  });
});

function refusal(key: string) {
  return (error: unknown) => error instanceof UsageError && error.key === key;
}
