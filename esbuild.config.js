// Bundles the command line (and, later, the extension) into dist/.
// Schemas are imported as JSON, so the bundle carries them and needs no files beside it.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');

const targets = [
  {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
];

Promise.all(
  targets.map((options) =>
    esbuild.build({
      bundle: true,
      sourcemap: !production,
      minify: production,
      legalComments: 'none',
      logLevel: 'warning',
      ...options,
    }),
  ),
).catch(() => process.exit(1));
