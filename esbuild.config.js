// Bundles the command line and the VS Code extension into dist/, and puts Mermaid's browser
// build beside it for the self-contained HTML exports. Schemas are imported as JSON, so the
// bundle carries them and needs no files beside it.
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const dist = path.join(__dirname, 'dist');

const targets = [
  {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    // The VS Code extension: the engine bundled in, `vscode` provided by the host; no Mermaid here.
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
  },
  {
    // Browser code of the panels (DOM only, no Node); Mermaid is loaded beside it as dist/mermaid.min.js.
    entryPoints: ['src/webview/graph.ts', 'src/webview/matrix.ts'],
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

/** Mermaid is inlined into HTML files inside a <script> element, which its text must not end early. */
function copyMermaid() {
  const source = require.resolve('mermaid/dist/mermaid.min.js');
  const text = fs.readFileSync(source, 'utf8');
  if (/<\/?script/i.test(text)) throw new Error(`${source} contains a <script> tag and cannot be inlined safely`);
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(path.join(dist, 'mermaid.min.js'), text);
}

Promise.all([
  ...targets.map((options) =>
    esbuild.build({
      bundle: true,
      sourcemap: !production,
      minify: production,
      legalComments: 'none',
      logLevel: 'warning',
      ...options,
    }),
  ),
  Promise.resolve().then(copyMermaid),
]).catch((error) => {
  if (error && !error.errors) console.error(error.message ?? error);
  process.exit(1);
});
