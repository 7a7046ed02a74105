// What the extension costs the host before activate() returns: loading dist/extension.js and
// the synchronous part of activate(), timed in a fresh plain Node process per run (no tsx
// hooks) against a stand-in `vscode` module whose every member is a do-nothing function
// (awaited calls never settle, so only synchronous work counts). Run after a build:
//
//   npx tsx src/bench/activation.ts [--runs 15] [--bundle dist/extension.js]
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Runs in the child: installs the stand-in, loads the bundle, activates, prints the two times. */
const PROBE = String.raw`
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { performance } = require('node:perf_hooks');
const bundle = process.argv[1];
function standIn() {
  return new Proxy(function () {}, {
    get: (_t, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : standIn()),
    set: () => true,
    apply: () => standIn(),
    construct: () => standIn(),
  });
}
// The bundle copies the module's own keys (esbuild's ESM interop), so name the ones it uses.
const keys = new Set([...readFileSync(bundle, 'utf8').matchAll(/\bvscode\d*\.([A-Za-z_]\w*)/g)].map((m) => m[1]));
const vscode = Object.fromEntries([...keys].map((key) => [key, standIn()]));
const load = Module._load;
Module._load = (request, ...rest) => (request === 'vscode' ? vscode : load(request, ...rest));
const t0 = performance.now();
const extension = require(bundle);
const t1 = performance.now();
extension.activate({ subscriptions: [], extensionUri: standIn() });
const t2 = performance.now();
process.stdout.write(JSON.stringify([t1 - t0, t2 - t1]));
`;

function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' }, bundle: { type: 'string' } } });
  const bundle = values.bundle ? resolve(values.bundle) : join(__dirname, '..', '..', 'dist', 'extension.js');
  const loading: number[] = [];
  const activating: number[] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const child = spawnSync(process.execPath, ['-e', PROBE, bundle], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    const [load, activate] = JSON.parse(child.stdout) as [number, number];
    loading.push(load);
    activating.push(activate);
  }
  const median = (times: number[]) => [...times].sort((a, b) => a - b)[times.length >> 1]!;
  const total = loading.map((load, i) => load + activating[i]!);
  process.stdout.write(`${bundle}: median of ${total.length} fresh processes: load ${median(loading).toFixed(1)} ms + activate ${median(activating).toFixed(1)} ms; total ${median(total).toFixed(1)} ms\n`);
}

main();
