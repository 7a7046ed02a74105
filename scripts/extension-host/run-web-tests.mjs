// Runs the web extension's suite (src/test/extension/web) in code-server's web worker extension
// host, the kind vscode.dev and github.dev have. code-server puts an extension there when its
// package.json declares `browser` and no `main`, so the extension is staged in a folder whose
// package.json lacks `main` (the rest is linked to this repository), with the suite inside it;
// the workspace is a copy of tasks/. The driver is run-tests.mjs, with the same options, environment and exit codes.
//
//   node scripts/extension-host/run-web-tests.mjs [run-tests.mjs options]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const tests = path.join(repo, 'out/test/extension/web/index.js');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
if (!fs.existsSync(tests)) {
  console.error(`[web] ${tests} is missing (run: node scripts/extension-host/build-tests.mjs)`);
  process.exit(2);
}
if (!manifest.browser || !fs.existsSync(path.join(repo, manifest.browser))) {
  console.error(`[web] package.json's browser entry ${manifest.browser} is not built (run: node esbuild.config.js)`);
  process.exit(2);
}

const base = process.env.EXTHOST_TMP || os.tmpdir();
fs.mkdirSync(base, { recursive: true });
const stage = fs.mkdtempSync(path.join(base, 'tm-web-'));
const ext = path.join(stage, 'ext');
fs.mkdirSync(ext);
delete manifest.main;
fs.writeFileSync(path.join(ext, 'package.json'), JSON.stringify(manifest, null, 2));
for (const entry of fs.readdirSync(repo)) {
  if (/^(dist|docs|l10n|media|schemas|package\.nls.*\.json|LICENSE|README\.md)$/.test(entry)) fs.symlinkSync(path.join(repo, entry), path.join(ext, entry));
}
// The workbench runs the tests in the extension host of the extension whose folder holds them:
// outside the staged folder they would run in a Node host, where this extension is not.
fs.mkdirSync(path.join(ext, 'test'));
fs.copyFileSync(tests, path.join(ext, 'test', 'index.js'));
const workspace = path.join(stage, 'ws');
fs.mkdirSync(path.join(workspace, 'tasks'), { recursive: true });
for (const entry of fs.readdirSync(path.join(repo, 'tasks'))) {
  if (/\.ya?ml$/.test(entry)) fs.copyFileSync(path.join(repo, 'tasks', entry), path.join(workspace, 'tasks', entry));
}

const result = spawnSync(process.execPath, [path.join(here, 'run-tests.mjs'), '--ext', ext, '--tests', path.join(ext, 'test', 'index.js'), '--workspace', workspace, ...process.argv.slice(2)], { stdio: 'inherit' });
fs.rmSync(stage, { recursive: true, force: true });
process.exit(result.status ?? 1);
