// Runs the extension-host suite in desktop VS Code through @vscode/test-electron, where VS Code can
// be downloaded (it cannot on the project's CI machines, which use scripts/extension-host/ instead):
//
//   node esbuild.config.js && node scripts/extension-host/build-tests.mjs && npx tsx src/test/extension/run-electron.ts
//
// The same bundled suite (out/test/extension/suite/index.js) runs against a fresh copy of the
// fixture workspace, as scripts/extension-host/run-tests.mjs does with code-server.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repo = path.resolve(__dirname, '..', '..', '..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-exthost-electron-'));
  fs.cpSync(path.join(repo, 'src/test/extension/fixtures/workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(repo, 'out/test/extension/suite/index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: process.env.EXTHOST_GREP ? { EXTHOST_GREP: process.env.EXTHOST_GREP } : undefined,
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
