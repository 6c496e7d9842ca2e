// `npm test` on a fresh clone: installs what is missing, says whether browser tests can run,
// type-checks, then runs every test project (unit, infra, integration, bundle, browser) in one vitest
// run, and the unit project once more in a second time zone.
// With REQUIRE_BROWSER=1 (as in CI) a missing Chromium fails the run instead of skipping.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || (existsSync('package-lock.json') && statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs);
if (stale) {
  console.log('fordel: installing dependencies…');
  const install = spawnSync('npm', [existsSync('package-lock.json') ? 'ci' : 'install', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  if (process.env.REQUIRE_BROWSER === '1') {
    console.error(`fordel: browser tests are required (REQUIRE_BROWSER=1) but Chromium is missing at ${chromium}; install it: sudo apt-get install chromium`);
    process.exit(1);
  }
  console.warn(`fordel: Chromium not found at ${chromium}: browser tests will be SKIPPED (install it with: sudo apt-get install chromium).`);
}

// Types first: a type error fails fast, before the slower projects start.
if (process.argv.length <= 2) {
  console.log('fordel: type-checking…');
  const typecheck = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit'], { stdio: 'inherit' });
  if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);
}

// The main run keeps the caller's zone; the unit project then runs again in the other of UTC and
// Europe/Oslo, so a computation that leans on the host's zone (the repeated October hour, a date
// read as local midnight) fails on every machine, not only on a developer's laptop in Norway.
// Arguments narrow the main run, so the second run is skipped.
const hostZone = process.env.TZ ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
const otherZone = hostZone === 'Europe/Oslo' ? 'UTC' : 'Europe/Oslo';
const runs = [{ name: 'main', tz: hostZone, args: process.argv.slice(2) }];
if (process.argv.length <= 2) runs.push({ name: `unit-${otherZone.toLowerCase().replace('/', '-')}`, tz: otherZone, args: ['--project', 'unit'] });

const totals = { passed: 0, failed: 0, skipped: 0 };
let status = 0;
for (const run of runs) {
  const resultsFile = `.test-artifacts/results-${run.name}.json`;
  rmSync(resultsFile, { force: true });
  if (run.name !== 'main') console.log(`\nfordel: unit tests again with TZ=${run.tz}…`);
  const result = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...run.args],
    { stdio: 'inherit', env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...process.env, TZ: run.tz } },
  );
  if (status === 0) status = result.status ?? 1;
  if (existsSync(resultsFile)) {
    const summary = JSON.parse(readFileSync(resultsFile, 'utf8'));
    totals.passed += summary.numPassedTests;
    totals.failed += summary.numFailedTests;
    totals.skipped += summary.numPendingTests + summary.numTodoTests;
  }
}

// One plain closing line that any reader of the log understands, counting both runs.
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(status);
