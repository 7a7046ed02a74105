// readWithinLimit: the extension reads a workspace file only after a stat says it is within the
// engine's 32 MB; a larger file is refused from its size, and gets the one size finding.
import { strict as assert } from 'node:assert';
import { MAX_FILE_BYTES, Project, readWithinLimit } from '../../core/index';

/** A file that reports the given size and counts the reads asked of it. */
function fakeFile(size: number, bytes = new Uint8Array(Math.min(size, 16))) {
  const file = { reads: 0, size: async () => size, read: async () => (file.reads++, bytes) };
  return file;
}

describe('host read: the size first, then the bytes', () => {
  it('never reads a file whose size is over the limit', async () => {
    const huge = fakeFile(2 * 1024 * 1024 * 1024);
    assert.deepEqual(await readWithinLimit(huge), { tooLarge: true });
    assert.equal(huge.reads, 0);
    const justOver = fakeFile(MAX_FILE_BYTES + 1);
    assert.deepEqual(await readWithinLimit(justOver), { tooLarge: true });
    assert.equal(justOver.reads, 0);
  });

  it('reads a file at or under the limit', async () => {
    const bytes = new TextEncoder().encode('id: x\n');
    const small = fakeFile(bytes.byteLength, bytes);
    assert.deepEqual(await readWithinLimit(small), { bytes });
    assert.equal(small.reads, 1);
    assert.deepEqual(await readWithinLimit({ size: () => 6, read: () => bytes }, 6), { bytes });
  });

  it('refuses a file that grew past the limit between the stat and the read', async () => {
    assert.deepEqual(await readWithinLimit({ size: () => 1, read: () => new Uint8Array(11) }, 10), { tooLarge: true });
  });

  it('a file refused from its size gets the same finding as one read whole', () => {
    const project = new Project();
    project.setOversizedFile('tasks/huge.yaml');
    project.setFileBytes('tasks/read.yaml', new Uint8Array(MAX_FILE_BYTES + 1));
    const brief = (path: string) => project.lintFile(path).diagnostics.map((d) => `${d.rule} ${d.line}:${d.column} ${d.message}`);
    assert.deepEqual(brief('tasks/huge.yaml'), brief('tasks/read.yaml'));
    assert.match(brief('tasks/huge.yaml').join('\n'), /yaml-syntax 1:1 The file is larger than the 32 MB/);
    assert.equal(project.setOversizedFile('tasks/agencies.yaml').kind, 'registry');
  });
});
