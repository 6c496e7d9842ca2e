import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe } from 'vitest';

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
