// `npm test` on a fresh clone: installs what is missing, says whether browser tests can run,
// type-checks, then runs every test project (unit, infra, integration, browser) in one vitest run.
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

const resultsFile = '.test-artifacts/results.json';
rmSync(resultsFile, { force: true });
const result = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...process.argv.slice(2)],
  { stdio: 'inherit', env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...process.env } },
);

// One plain closing line that any reader of the log understands.
if (existsSync(resultsFile)) {
  const summary = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const skipped = summary.numPendingTests + summary.numTodoTests;
  console.log(`\nTests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${skipped} skipped`);
}
process.exit(result.status ?? 1);
