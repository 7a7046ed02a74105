// Bundles the command line and the VS Code extension into dist/, and puts Mermaid's browser
// build beside it for the self-contained HTML exports. Schemas are imported as JSON, so the
// bundle carries them and needs no files beside it; their validators are generated here by
// ajv (standalone code) instead of being compiled at every start.
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const dist = path.join(__dirname, 'dist');

/**
 * Replaces src/core/rules/schema-validators.ts with ajv's standalone code for both schemas, compiled
 * with the same options, so that the bundles carry neither the compile step nor ajv's compiler.
 */
const precompiledValidators = {
  name: 'precompiled-validators',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]rules[\\/]schema-validators\.ts$/ }, () => {
      const Ajv = require('ajv').default;
      const standaloneCode = require('ajv/dist/standalone').default;
      // The options of AJV_OPTIONS in src/core/rules/schema-validators.ts, plus source output.
      const ajv = new Ajv({ allErrors: true, strict: true, verbose: true, code: { source: true, esm: true } });
      ajv.addSchema(require('./schemas/guideline.schema.json'), 'guideline');
      ajv.addSchema(require('./schemas/agencies.schema.json'), 'registry');
      const code = standaloneCode(ajv, { guideline: 'guideline', registry: 'registry' });
      return {
        contents: `${code}\nexport function loadValidators() { return { guideline, registry }; }\n`,
        loader: 'js',
        resolveDir: __dirname,
      };
    });
  },
};

/**
 * Bundles `yaml` from its ES module build (the same code its browser entry exports) instead of
 * the CommonJS one that Node's export condition picks: esbuild then links the engine's calls
 * (isMap, Scalar, …) directly, where CommonJS interop goes through a property getter on every
 * call, a few percent of a large lint.
 */
const yamlAsModule = {
  name: 'yaml-as-module',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: require.resolve('yaml').replace(/dist[\\/]index\.js$/, path.join('browser', 'index.js')) }));
  },
};

/**
 * Keeps the libraries of binary formats out of dist/cli.js and dist/extension.js, each loaded on
 * first use from a bundle beside them: the import's readers (pdfjs, exceljs, jszip, xmldom: some
 * 3 MB; src/core/import/read/index.ts requires `./readers`) and the Word and Excel writers of the
 * plan (docx, exceljs; src/core/export/office/index.ts requires `./writers`).
 */
const LAZY_MODULES = [
  { request: './readers', importer: /[\\/]src[\\/]core[\\/]import[\\/]read[\\/]index\.ts$/, bundle: './import-readers.js' },
  { request: './writers', importer: /[\\/]src[\\/]core[\\/]export[\\/]office[\\/]index\.ts$/, bundle: './office-writers.js' },
];
const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    for (const { request, importer, bundle } of LAZY_MODULES) {
      build.onResolve({ filter: new RegExp(`^${request.replace('.', '\\.')}$`) }, (args) => (importer.test(args.importer) ? { path: bundle, namespace: 'lazy-modules' } : undefined));
      build.onResolve({ filter: new RegExp(`^${bundle.replace(/\./g, '\\.')}$`) }, () => ({ path: bundle, external: true }));
    }
    build.onLoad({ filter: /.*/, namespace: 'lazy-modules' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

/**
 * The web worker bundle (dist/web/extension.js) has no Node to run the libraries of binary formats
 * (pdfjs reads its CMaps with node:fs, exceljs wants Buffer): `./readers` and `./writers` become a
 * module that throws, and the import and the export show its words to the drafter.
 */
const desktopOnlyModules = {
  name: 'desktop-only-modules',
  setup(build) {
    for (const { request, importer } of LAZY_MODULES) {
      build.onResolve({ filter: new RegExp(`^${request.replace('.', '\\.')}$`) }, (args) => (importer.test(args.importer) ? { path: request, namespace: 'desktop-only' } : undefined));
    }
    const message = {
      './readers': 'Word, Excel and PDF files can be read only in VS Code on the desktop; in the browser, import a text or CSV file.',
      './writers': 'Word and Excel files can be written only in VS Code on the desktop.',
    };
    build.onLoad({ filter: /.*/, namespace: 'desktop-only' }, (args) => ({ contents: `throw new Error(${JSON.stringify(message[args.path])});`, loader: 'js' }));
  },
};

/** csv-parse's build for browsers, which brings its own Buffer: a web worker has none. */
const csvParseForBrowsers = {
  name: 'csv-parse-for-browsers',
  setup(build) {
    build.onResolve({ filter: /^csv-parse\/sync$/ }, () => ({ path: path.join(path.dirname(require.resolve('csv-parse/sync')), '..', 'esm', 'sync.js') }));
  },
};

const targets = [
  {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [precompiledValidators, yamlAsModule, lazyModules],
  },
  {
    // The VS Code extension: the engine bundled in, `vscode` provided by the host; no Mermaid here.
    entryPoints: ['src/extension/node.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    plugins: [precompiledValidators, yamlAsModule, lazyModules],
  },
  {
    // The same extension for web worker extension hosts (vscode.dev, github.dev): package.json's `browser`.
    entryPoints: ['src/extension/web.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    plugins: [precompiledValidators, yamlAsModule, desktopOnlyModules, csvParseForBrowsers],
  },
  {
    // The import's readers of Word, Excel and PDF files, loaded by both bundles above on first use.
    entryPoints: ['src/core/import/read/readers.ts'],
    outfile: 'dist/import-readers.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // pdfjs asks import.meta.url for a require() to load the native @napi-rs/canvas, which only
    // rendering needs: left undefined, pdfjs goes without it (and its warning is silenced).
    define: { 'import.meta.url': 'undefined' },
  },
  {
    // The Word and Excel writers of the plan, loaded by both bundles on the first export.
    entryPoints: ['src/core/export/office/writers.ts'],
    outfile: 'dist/office-writers.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    // Browser code of the panels (DOM only, no Node); Mermaid is loaded beside it as dist/mermaid.min.js.
    entryPoints: ['src/webview/graph.ts', 'src/webview/matrix.ts', 'src/webview/diff.ts'],
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

/**
 * pdfjs's CMap files, which Chinese PDFs with predefined encodings (UniGB-UCS2-H …) need to be read
 * (see src/core/import/read/pdf.ts): the Chinese ones only (GB, CNS, Big5, HK), 0.6 of 1.7 MB.
 */
function copyPdfCMaps() {
  const source = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps');
  const target = path.join(dist, 'pdfjs-cmaps');
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  for (const name of fs.readdirSync(source)) {
    if (name === 'LICENSE' || /GB|CNS|B5|ETen|HK/.test(name)) fs.copyFileSync(path.join(source, name), path.join(target, name));
  }
}

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
  Promise.resolve().then(copyPdfCMaps),
]).catch((error) => {
  if (error && !error.errors) console.error(error.message ?? error);
  process.exit(1);
});
