// The extension package holds only what the installed extension needs, and its bundle stays small
// (the import's readers of Word, Excel and PDF files are a bundle of their own, loaded on first use).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

const root = join(__dirname, '..', '..', '..');

describe('the .vsix package', function () {
  this.timeout(120_000);

  it('lists exactly the bundle, schemas, rule docs, translations and manifest', () => {
    const files = vsceList();
    // pdfjs's Chinese CMaps for the import of PDFs (dozens of files, see esbuild.config.js).
    const cMaps = files.filter((file) => file.startsWith('dist/pdfjs-cmaps/'));
    assert.ok(cMaps.includes('dist/pdfjs-cmaps/UniGB-UCS2-H.bcmap') && cMaps.includes('dist/pdfjs-cmaps/LICENSE'), cMaps.join(' '));
    assert.ok(!cMaps.some((file) => /Japan|UniJIS|KSC/.test(file)), 'only the Chinese CMaps');
    assert.deepEqual(files.filter((file) => !cMaps.includes(file)), [
      'LICENSE',
      'README.md',
      'dist/extension.js',
      'dist/import-readers.js',
      'dist/mermaid.min.js',
      'dist/office-writers.js',
      'dist/web/extension.js',
      'dist/webview/diff.js',
      'dist/webview/graph.js',
      'dist/webview/matrix.js',
      'docs/rules.md',
      'l10n/bundle.l10n.zh-cn.json',
      'media/diff.css',
      'media/graph.css',
      'media/graph.svg',
      'media/matrix.css',
      'media/panel.css',
      'media/taskmatrix.svg',
      'package.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'schemas/agencies.schema.json',
      'schemas/guideline.schema.json',
    ]);
  });

  it('is packaged by npm run package with what vsce ls lists, though package.json names the npm package\'s files', async () => {
    // vsce refuses .vscodeignore beside package.json `files`; scripts/package-vsix.mjs packages a copy without `files`.
    const folder = mkdtempSync(join(tmpdir(), 'taskmatrix-vsix-test-'));
    try {
      const vsix = join(folder, 'taskmatrix.vsix');
      const packaged = spawnSync(process.execPath, [join(root, 'scripts', 'package-vsix.mjs'), vsix], { cwd: root, encoding: 'utf8' });
      assert.equal(packaged.status, 0, packaged.stdout + packaged.stderr);
      const zip = await JSZip.loadAsync(readFileSync(vsix));
      // vsce stores README.md as readme.md and LICENSE as LICENSE.txt.
      const renamed: Record<string, string> = { 'readme.md': 'README.md', 'LICENSE.txt': 'LICENSE' };
      const inside = Object.keys(zip.files)
        .filter((name) => name.startsWith('extension/') && !zip.files[name]!.dir)
        .map((name) => name.slice('extension/'.length))
        .map((name) => renamed[name] ?? name)
        .sort();
      assert.deepEqual(inside, vsceList());
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('bundles the extension under 1 MB when built for production, Mermaid only in the webview', () => {
    const built = spawnSync(process.execPath, ['esbuild.config.js', '--production'], { cwd: root, encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    try {
      const bundle = join(root, 'dist', 'extension.js');
      assert.ok(statSync(bundle).size < 1024 * 1024, `${statSync(bundle).size} bytes`);
      assert.doesNotMatch(readFileSync(bundle, 'utf8'), /mermaidAPI/);
    } finally {
      // Leave the development build (with source maps) for the other tests.
      spawnSync(process.execPath, ['esbuild.config.js'], { cwd: root });
    }
  });

  it('declares the schemas for Red Hat YAML, untrusted and virtual workspace support, and both languages', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.yamlValidation.map((v: { url: string }) => v.url).sort(), ['./schemas/agencies.schema.json', './schemas/guideline.schema.json']);
    // Limited: a cloned repository's settings must not choose which files the extension reads.
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('taskmatrix.files'));
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, true);
    const en = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
    const zh = JSON.parse(readFileSync(join(root, 'package.nls.zh-cn.json'), 'utf8'));
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    const placeholders = JSON.stringify(manifest).match(/%[\w.]+%/g)!.map((p) => p.slice(1, -1));
    for (const key of placeholders) assert.ok(key in en, `package.nls.json lacks ${key}`);
  });

  it('translates every vscode.l10n.t string of the extension into Chinese', () => {
    const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
    const folder = join(root, 'src', 'extension');
    const used = new Set<string>();
    for (const name of readdirSync(folder)) {
      for (const match of readFileSync(join(folder, name), 'utf8').matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)) used.add(match[1]!.replace(/\\'/g, "'"));
    }
    assert.ok(used.size > 5);
    for (const key of used) assert.ok(key in bundle, `l10n/bundle.l10n.zh-cn.json lacks "${key}"`);
  });
});

/** The files `vsce ls` says the extension package holds, sorted. */
function vsceList(): string[] {
  const listed = spawnSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8', input: '' });
  assert.equal(listed.status, 0, listed.stderr);
  return listed.stdout.trim().split('\n').map((line) => line.trim()).sort();
}
