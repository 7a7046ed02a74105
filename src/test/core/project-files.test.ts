// What the engine decides for every host: which configuration and registry govern a file (by
// where it is, whatever the host keys it by), what a configuration's bytes mean, and which
// files a change reaches.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { candidatesAbove, CONFIG_FILE_NAMES, Project } from '../../core/index';
import { joinRelative } from '../../core/project/locations';

const ROOT = join(__dirname, '../../..');
const REGISTRY = readFileSync(join(ROOT, 'tasks/agencies.yaml'));
const GUIDELINE = readFileSync(join(ROOT, 'src/test/extension/fixtures/encodings/tasks/utf8.yaml'));
const bytes = (text: string) => new TextEncoder().encode(text);
const rulesOf = (project: Project, path: string) => project.lintFile(path).diagnostics.map((d) => `${d.rule} ${d.severity}`);

describe('project: configurations, registries and what a change reaches', () => {
  it('applies the nearest configuration to each file, a nearer one overriding the root whole', () => {
    const project = new Project({ locale: 'en' });
    project.setConfigFile('file:///w/.taskmatrix.yaml', bytes('rules:\n  no-lead: error\n'));
    project.setConfigFile('file:///w/tasks/sub/.taskmatrix.yaml', bytes('rules:\n  unknown-agency: warning\n'));
    project.setFileBytes('file:///w/tasks/agencies.yaml', REGISTRY);
    project.setFileBytes('file:///w/tasks/a.yaml', GUIDELINE);
    project.setFileBytes('file:///w/tasks/sub/b.yaml', GUIDELINE);
    project.setFileBytes('file:///w/tasks/subway/c.yaml', GUIDELINE);
    assert.equal(project.configPathFor('file:///w/tasks/a.yaml'), 'file:///w/.taskmatrix.yaml');
    assert.equal(project.configPathFor('file:///w/tasks/sub/b.yaml'), 'file:///w/tasks/sub/.taskmatrix.yaml');
    // A folder whose name starts like another's is not inside it.
    assert.equal(project.configPathFor('file:///w/tasks/subway/c.yaml'), 'file:///w/.taskmatrix.yaml');
    assert.deepEqual(rulesOf(project, 'file:///w/tasks/a.yaml'), ['unknown-agency error', 'no-lead error']);
    // Overridden whole: no-lead is back to its default (warning) under sub/, not the root's error.
    assert.deepEqual(rulesOf(project, 'file:///w/tasks/sub/b.yaml'), ['unknown-agency warning', 'no-lead warning']);
    project.deleteConfigFile('file:///w/tasks/sub/.taskmatrix.yaml');
    assert.deepEqual(rulesOf(project, 'file:///w/tasks/sub/b.yaml'), ['unknown-agency error', 'no-lead error']);
  });

  it('finds registries and configurations by where files are, not by how the host keys them', () => {
    // The command line keys files relative to its working folder, and absolute outside it.
    const cwd = '/repo/tasks/sub';
    const locate = (key: string) => (key.startsWith('/') ? key : `${cwd}/${key}`);
    const project = new Project({ locale: 'en', locate });
    project.setFileBytes('/repo/tasks/agencies.yaml', REGISTRY);
    project.setFileBytes('b.yaml', GUIDELINE);
    project.setConfigFile('/repo/.taskmatrix.yaml', bytes('rules:\n  no-lead: off\n'));
    assert.equal(project.registryPathFor('b.yaml'), '/repo/tasks/agencies.yaml');
    assert.deepEqual(rulesOf(project, 'b.yaml'), ['unknown-agency error']);
  });

  it('resolves a configuration’s registry from the configuration’s folder', () => {
    const project = new Project({ locale: 'en' });
    project.setConfigFile('file:///w/config/.taskmatrix.yaml', bytes('registry: ../shared/agencies.yaml\n'));
    assert.deepEqual(project.configuredRegistries(), ['file:///w/shared/agencies.yaml']);
    project.setFileBytes('file:///w/shared/agencies.yaml', REGISTRY);
    project.setFileBytes('file:///w/config/a.yaml', GUIDELINE);
    assert.equal(project.registryPathFor('file:///w/config/a.yaml'), 'file:///w/shared/agencies.yaml');
    assert.equal(joinRelative('tasks/.taskmatrix.yaml', '../../x/agencies.yaml'), '../x/agencies.yaml');
    assert.equal(joinRelative('/a/.taskmatrix.yaml', '../../agencies.yaml'), '/agencies.yaml');
    assert.equal(joinRelative('file:///a/.taskmatrix.yaml', '../../agencies.yaml'), 'file:///agencies.yaml');
    assert.equal(joinRelative('C:/a/.taskmatrix.yaml', '../../agencies.yaml'), 'C:/agencies.yaml');
    assert.equal(joinRelative('../x/.taskmatrix.yaml', '../../agencies.yaml'), '../../agencies.yaml');
  });

  it('reads a configuration’s bytes as task files are read: not UTF-8, too large, a BOM', () => {
    const project = new Project({ locale: 'en' });
    // "rules: 浙江" in GBK, as WPS saves it.
    const gbk = new Uint8Array([0x72, 0x75, 0x6c, 0x65, 0x73, 0x3a, 0x20, 0xd5, 0xe3, 0xbd, 0xad, 0x0a]);
    assert.deepEqual(project.setConfigFile('a/.taskmatrix.yaml', gbk).map((d) => `${d.rule} ${d.line}:${d.column} ${d.message.slice(0, 32)}`), ['yaml-syntax 1:1 The file is not valid UTF-8 text']);
    assert.match(project.setConfigFile('b/.taskmatrix.yaml', undefined)[0]!.message, /larger than the 32 MB/);
    assert.deepEqual(project.setConfigFile('c/.taskmatrix.yaml', bytes('\uFEFFrules:\n  no-lead: error\n')), []);
    assert.equal(project.configFor('c/x.yaml').rules['no-lead'], 'error');
    assert.deepEqual(project.configProblems().map((d) => d.file), ['a/.taskmatrix.yaml', 'b/.taskmatrix.yaml']);
  });

  it('says which files a change reaches: the file, its registry, a registry’s guidelines, everything for a configuration', () => {
    const project = new Project({ locale: 'en' });
    project.setFileBytes('w/tasks/agencies.yaml', REGISTRY);
    project.setFileBytes('w/tasks/a.yaml', GUIDELINE);
    project.setFileBytes('w/tasks/b.yaml', GUIDELINE);
    project.setFileBytes('w/other/c.yaml', GUIDELINE);
    assert.deepEqual([...project.affectedBy(['w/tasks/a.yaml'])].sort(), ['w/tasks/a.yaml', 'w/tasks/agencies.yaml']);
    assert.deepEqual([...project.affectedBy(['w/tasks/agencies.yaml'])].sort(), ['w/tasks/a.yaml', 'w/tasks/agencies.yaml', 'w/tasks/b.yaml']);
    assert.deepEqual([...project.affectedBy(['w/other/c.yaml'])], ['w/other/c.yaml']);
    assert.equal(project.affectedBy(['w/.taskmatrix.yaml']).size, 4);
  });

  it('says where a configuration may be for a folder, nearest first, for paths and URIs alike', () => {
    assert.deepEqual(candidatesAbove('/repo/tasks', CONFIG_FILE_NAMES), ['/repo/tasks/.taskmatrix.yaml', '/repo/tasks/.taskmatrix.yml', '/repo/.taskmatrix.yaml', '/repo/.taskmatrix.yml', '/.taskmatrix.yaml', '/.taskmatrix.yml']);
    assert.deepEqual(candidatesAbove('file:///w/my%20tasks/', ['a']), ['file:///w/my%20tasks/a', 'file:///w/a', 'file:///a']);
    assert.deepEqual(candidatesAbove('C:/Users/pc', ['a']), ['C:/Users/pc/a', 'C:/Users/a', 'C:/a']);
    assert.deepEqual(candidatesAbove('/', ['a']), ['/a']);
  });
});
