// The layers the build enforces (issue 15): the engine (src/core) type-checks without Node, DOM
// or VS Code types, so an `import * as vscode` or a `node:fs` there fails `npm run typecheck`; the
// hosts (src/cli, src/extension, src/webview) reach the engine only through src/core/index.ts and
// never each other. These tests check the checks: that src/core/tsconfig.json really leaves those
// types out, and that it covers every engine module but the lazily loaded Node side.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../..');

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

/** The modules a file imports (static imports, re-exports, `import type`, require). */
function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"\n]*?from\s+'([^']+)'|\brequire\('([^']+)'\)|\bimport\('([^']+)'\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe('layers', function () {
  this.timeout(120_000);

  it('type-checks the engine with none of Node, DOM or VS Code in sight', () => {
    const tsc = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '--listFiles', '-p', 'src/core'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    const files = tsc.stdout.split('\n').filter(Boolean);
    assert.ok(files.some((file) => file.endsWith('src/core/index.ts')));
    const leaked = files.filter((file) => /node_modules\/@types\/(node|vscode)\/|lib\.dom\.|lib\.webworker\./.test(file));
    assert.deepEqual(leaked, [], 'no Node, VS Code or DOM types reach the engine');
    // Every engine module is checked, except the Node side the bundles load lazily.
    const checked = new Set(files.map((file) => relative(ROOT, file)));
    const config = readFileSync(join(ROOT, 'src/core/tsconfig.json'), 'utf8');
    const unchecked = sourcesUnder(join(ROOT, 'src/core'))
      .map((file) => relative(ROOT, file))
      .filter((file) => !checked.has(file) && !file.endsWith('.d.ts'));
    for (const file of unchecked) assert.ok(config.includes(`"${file.replace('src/core/', '')}"`), `${file} is neither checked nor listed as the Node side`);
  });

  it('reaches the Node side only through the lazy loaders', () => {
    const nodeSide = new Set(['readers', 'pdf', 'xlsx', 'docx', 'numbering', 'zip', 'writers', 'plan-docx', 'plan-xlsx']);
    const engine = sourcesUnder(join(ROOT, 'src/core'));
    const isNodeSide = (file: string) => /src\/core\/(import\/read|export\/office)\//.test(file) && nodeSide.has(file.replace(/^.*\//, '').replace(/\.ts$/, ''));
    for (const file of engine.filter((file) => !isNodeSide(file))) {
      for (const target of importsOf(file)) {
        const name = target.replace(/^.*\//, '');
        if (!target.startsWith('.') || !nodeSide.has(name)) continue;
        // The two loaders require their module at run time and name only its interface's types.
        const loader = /(import\/read|export\/office)\/index\.ts$/.test(file) && (target === './readers' || target === './writers');
        assert.ok(loader && readFileSync(file, 'utf8').includes(`require('${target}')`), `${relative(ROOT, file)} imports ${target} of the Node side`);
      }
    }
  });

  it('keeps the hosts apart: each reaches the engine through its index only, and none imports another', () => {
    const hosts = ['cli', 'extension', 'webview'];
    for (const host of hosts) {
      for (const file of sourcesUnder(join(ROOT, 'src', host))) {
        for (const target of importsOf(file)) {
          if (!target.startsWith('.')) continue;
          const resolved = relative(join(ROOT, 'src'), join(file, '..', target));
          const [layer] = resolved.split('/');
          if (layer === 'core') assert.equal(resolved, 'core/index', `${relative(ROOT, file)} imports ${target}: the engine is reached through src/core/index.ts`);
          assert.ok(layer === host || layer === 'core' || resolved === '../package.json' || (host === 'extension' && layer === 'webview' && /protocol$/.test(resolved)), `${relative(ROOT, file)} imports ${target} of ${layer}`);
        }
      }
    }
  });
});
