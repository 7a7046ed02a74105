// Bundles the extension-host suite (src/test/extension/suite) into out/test/extension/suite/:
// index.js (the runner, mocha inlined) and one file per *.exthost.ts, each with the engine
// inlined and `vscode` left to the extension host. The extension itself is built by
// esbuild.config.js into dist/extension.js.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const suite = path.join(repo, 'src/test/extension/suite');
const outdir = path.join(repo, 'out/test/extension/suite');
const tests = fs.readdirSync(suite).filter((f) => f.endsWith('.exthost.ts')).sort();
fs.rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: repo,
  entryPoints: [path.join(suite, 'index.ts'), ...tests.map((f) => path.join(suite, f))],
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  sourcemap: 'inline',
  logLevel: 'warning',
  legalComments: 'none',
  // mocha's parallel mode (not used here) resolves worker files at run time
  logOverride: { 'require-resolve-not-external': 'silent' },
});
console.log(`[exthost-build] ${tests.length} test files -> ${path.relative(repo, outdir)}/`);

// The web extension's suite (src/test/extension/web), for the web worker extension host: no Node.
const webOut = path.join(repo, 'out/test/extension/web');
fs.rmSync(webOut, { recursive: true, force: true });
await build({
  absWorkingDir: repo,
  entryPoints: [path.join(repo, 'src/test/extension/web/index.ts')],
  outdir: webOut,
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  sourcemap: 'inline',
  logLevel: 'warning',
  legalComments: 'none',
});
console.log(`[exthost-build] web suite -> ${path.relative(repo, webOut)}/`);
