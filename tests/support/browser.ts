import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Tenant } from '../../shared/kernel/tenants';
import { startSignInServer } from './sign-in';
import { ownTableConfig } from './test-environment';

/** Debian's Chromium; browser tests never download a browser of their own. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const available = existsSync(chromiumPath);
if (!available && process.env.REQUIRE_BROWSER === '1') {
  throw new Error(`Browser tests are required (REQUIRE_BROWSER=1) but Chromium is missing at ${chromiumPath}: apt-get install chromium`);
}

/** `describe` for browser tests: skipped, and reported as skipped, when Chromium is absent. */
export const describeInBrowser = available ? describe : describe.skip;

/** Starts headless Chromium with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** WCAG 2.1 A and AA violations axe finds on the page, as readable lines (empty when none). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** The local server with the sign-in routes, as {@link startSignInServer} starts it. */
export type SignInServer = Awaited<ReturnType<typeof startSignInServer>>;

/**
 * For one file's browser tests: the local server on a table of the file's own with `tenants` in its
 * register (the register decides who manages a year, so files must not share one), `prepare` for
 * whatever else the file needs stored, and Chromium; both are closed after the file.
 */
export function serverAndBrowserWith(tenants: readonly Tenant[], prepare?: (server: SignInServer) => Promise<void>) {
  const harness = {} as { server: SignInServer; browser: Browser };
  beforeAll(async () => {
    harness.server = await startSignInServer({ TABLE_NAME: (await ownTableConfig()).TABLE_NAME });
    for (const tenant of tenants) await harness.server.adapters.tenants.put(tenant);
    await prepare?.(harness.server);
    harness.browser = await launchChromium();
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.server?.close();
  });
  return harness;
}
