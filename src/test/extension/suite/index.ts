// The extension-host suite's entry point, in the shape @vscode/test-electron expects: `run()`
// returns a promise around one mocha run. VS Code calls it inside the extension host (desktop
// through @vscode/test-electron, or code-server through scripts/extension-host/run-tests.mjs).
// Test files are named *.exthost.ts so that the plain mocha run (src/test/**/*.test.ts), where
// `vscode` does not exist, leaves them out; the build bundles each into this folder as .exthost.js.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** One line per event, through console.log: the extension host forwards that (not stdout) to the driver. */
class LineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const log = (text: string) => console.log(`[exthost] ${text}`);
    const indent = () => '  '.repeat(Math.max(0, depth - 1));
    let depth = 0;
    runner.on(Mocha.Runner.constants.EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      depth++;
      if (suite.title) log(`${indent()}${suite.title}`);
    });
    runner.on(Mocha.Runner.constants.EVENT_SUITE_END, () => depth--);
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (test: Mocha.Test) => log(`${indent()}  ✓ ${test.title} (${test.duration ?? 0}ms)`));
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (test: Mocha.Test) => log(`${indent()}  - ${test.title} (skipped)`));
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test: Mocha.Test, error: Error) => {
      log(`${indent()}  ✗ ${test.title}`);
      for (const line of String(error?.stack ?? error).split('\n').slice(0, 20)) log(`${indent()}      ${line}`);
    });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats!;
      log(`exthost: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
    });
  }
}

export function run(): Promise<void> {
  // The bundles carry inline source maps: failures then point at the .ts lines.
  process.setSourceMapsEnabled(true);
  console.log(`[exthost] VS Code ${vscode.version} (${vscode.env.appName}, ui ${vscode.UIKind[vscode.env.uiKind]}), extension host Node ${process.version}`);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: LineReporter as unknown as typeof Mocha.reporters.Base });
  if (process.env.EXTHOST_GREP) mocha.grep(process.env.EXTHOST_GREP);
  // The numbered suites share the default workspace; a named one (EXTHOST_SUITE) brings its own.
  const suite = process.env.EXTHOST_SUITE;
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (suite ? file === `${suite}.exthost.js` : /^\d\d-.*\.exthost\.js$/.test(file)) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host tests failed`)) : resolve()));
    } catch (error) {
      reject(error);
    }
  });
}
