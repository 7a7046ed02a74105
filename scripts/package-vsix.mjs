#!/usr/bin/env node
// `npm run package`: taskmatrix.vsix from the built dist/. package.json's `files` says what the npm
// package holds (the command line), .vscodeignore what the extension holds; vsce refuses to package
// when both exist, so it runs in a copy of the repository's top level whose package.json has no
// `files`, and .vscodeignore alone decides, as `vsce ls` in the repository shows.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, process.argv[2] ?? 'taskmatrix.vsix');
const stage = mkdtempSync(join(tmpdir(), 'taskmatrix-vsix-'));
try {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  delete manifest.files;
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Everything .vscodeignore may let through lives in these; node_modules and src never do.
  for (const name of ['.vscodeignore', 'README.md', 'LICENSE', 'package.nls.json', 'package.nls.zh-cn.json', 'dist', 'schemas', 'docs', 'l10n', 'media']) {
    if (existsSync(join(root, name))) cpSync(join(root, name), join(stage, name), { recursive: true, filter: (source) => !source.endsWith('.map') });
  }
  const vsce = createRequire(join(root, 'package.json')).resolve('@vscode/vsce/vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], { cwd: stage, stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
