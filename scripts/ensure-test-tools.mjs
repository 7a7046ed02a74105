#!/usr/bin/env node
// `npm test`'s pretest: the system programs some tests drive, installed from Debian's packages when
// they are missing, so that a machine with only Node and npm runs the whole suite with two commands.
//   chromium         the browser tests (src/test/browser) drive /usr/bin/chromium; nothing downloads a browser
//   fonts-noto-cjk   Mermaid and Chromium measure Chinese labels as a reader sees them
//   time             GNU time gives the benchmark test (src/test/bench) each process's peak memory
//   libreoffice-writer-nogui  lays out the exported Word plan as an office would (src/test/office)
// As root with apt-get it installs what is missing; otherwise it stops at once with the command to
// run. TASKMATRIX_SKIP_TEST_TOOLS=1 runs the tests without them (the tests that need them fail).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TOOLS = [
  { pkg: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  { pkg: 'fonts-noto-cjk', present: hasCjkFont },
  { pkg: 'time', present: () => existsSync('/usr/bin/time') },
  { pkg: 'libreoffice-writer-nogui', present: () => existsSync('/usr/bin/soffice') },
];

function hasCjkFont() {
  try {
    return /Noto Sans CJK/i.test(execFileSync('fc-list', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return false;
  }
}

function hasAptGet() {
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

const missing = TOOLS.filter((tool) => !tool.present()).map((tool) => tool.pkg);
if (missing.length === 0) process.exit(0);

const say = (line) => process.stderr.write(`ensure-test-tools: ${line}\n`);
const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...missing];
if (process.env.TASKMATRIX_SKIP_TEST_TOOLS) {
  say(`missing ${missing.join(', ')}; TASKMATRIX_SKIP_TEST_TOOLS is set, so the tests that need them will fail`);
  process.exit(0);
}
if (process.getuid?.() !== 0 || !hasAptGet()) {
  say(`the tests need ${missing.join(', ')}, which this machine lacks. Install them with:`);
  say(`  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive ${install.join(' ')}`);
  say('(or set TASKMATRIX_SKIP_TEST_TOOLS=1 to run the tests without them)');
  process.exit(1);
}

const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const command of [['apt-get', 'update'], install]) {
  say(`running: ${command.join(' ')}`);
  // The package manager's own output on standard error: npm test's standard output stays the tests'.
  const result = spawnSync(command[0], command.slice(1), { stdio: ['ignore', 2, 2], env });
  if (result.status !== 0) {
    say(`${command.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}
const still = TOOLS.filter((tool) => !tool.present()).map((tool) => tool.pkg);
if (still.length > 0) {
  say(`installed, but still missing: ${still.join(', ')}`);
  process.exit(1);
}
say(`installed ${missing.join(', ')}`);
