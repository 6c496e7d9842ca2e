import { ulid } from 'ulid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { composeLinkEmail, signingKeys } from '../../functions/common/signed-tokens';
import type { Adapters } from '../../functions/composition';
import { createLocalApp, listen } from '../../infra/local/local-server';
import { freePort } from '../../infra/local/ports';
import type { Application } from '../../shared/applications/application';
import { signRecommendation } from '../../shared/decisions/signing';
import { formatDate } from '../../shared/kernel/deadlines';
import { kroner } from '../../shared/kernel/money';
import type { Call } from '../../shared/rounds/call';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { decisionLetterEmail } from '../../web/emails/decision-letter';
import { acceptanceText } from '../../web/messages/acceptance';
import { accessibilityViolations, describeInBrowser, launchChromium } from '../support/browser';
import { openCall } from '../support/calls';
import { recommendedApplication } from '../support/decisions';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

describeInBrowser('an organisation answers its grant in Chromium', () => {
  const tenantId = freshTenantId('wga');
  const call: Call = openCall(tenantId, { administratorName: 'Eidsvoll kommune' });
  let browser: Browser;
  let baseUrl: string;
  let adapters: Adapters;
  let secret: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const config = await ownTableConfig();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const local = createLocalApp({ ...config, APP_BASE_URL: baseUrl });
    adapters = local.adapters;
    secret = config.MAGIC_LINK_SECRET!;
    await adapters.calls.create(call);
    await adapters.budget.setFrame({ tenantId, name: 'Eidsvoll', grantYear: call.grantYear, frame: kroner(500_000), adminCap: kroner(25_000), allocationVersion: 1 }, undefined);
    const server = await listen(local.app, port);
    close = () => new Promise((resolve) => server.close(() => resolve()));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  /** A grant signed now (so its deadline lies ahead), and a browser page opened on its status page by its emailed link. */
  async function grantedAndOpened(lang: 'nb' | 'en'): Promise<{ page: Page; granted: Application }> {
    const application = { ...recommendedApplication(call, { applied: 100_000, language: lang }), email: `svar-${ulid().toLowerCase()}@example.org` };
    await adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
    const signed = signRecommendation({ application, call, rules: codeDefaultVersion(call.grantYear)!, signer: { userId: 'approver' }, now: new Date(), newId: ulid, composeLetter: decisionLetterEmail });
    await adapters.decisions.commit(signed);
    const email = composeLinkEmail({ signingSecret: signingKeys(secret), baseUrl, clock: () => new Date(), newId: ulid }, signed.next, call);
    await adapters.magicLinks.issue(email);
    const link = /http:\/\/[^\s]+\/link\/[\w.-]+/.exec(email.message.text)![0];
    const context = await browser.newContext({ locale: lang === 'nb' ? 'nb-NO' : 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${link}?lang=${lang}`);
    await page.locator('main form button[type="submit"]').first().click();
    await page.waitForURL(`**/applications/${application.applicationId}**`);
    return { page, granted: signed.next };
  }

  async function expectAccessible(page: Page) {
    expect(await accessibilityViolations(page), page.url()).toEqual([]);
  }

  it('shows the conditions and the deadline, and accepts, with no WCAG 2.1 A/AA violations before or after', { timeout: 120_000 }, async () => {
    // Prepare
    const { page, granted } = await grantedAndOpened('en');
    const tr = (key: keyof typeof acceptanceText) => acceptanceText[key].en;

    // Act
    await page.goto(`${baseUrl}/applications/${granted.applicationId}?lang=en`);
    const before = await page.locator('main').innerText();
    await expectAccessible(page);
    await page.getByRole('button', { name: tr('accept') }).click();
    await page.waitForURL(/notice=accepted/);

    // Assess
    expect(before).toContain('Kommunens logo skal brukes på plakater.');
    expect(before).toContain(formatDate(granted.decision!.acceptanceDeadline!, 'en'));
    expect(await page.locator('main').innerText()).toContain(tr('done.accepted'));
    await expectAccessible(page);
    expect((await adapters.applications.get(tenantId, granted.applicationId))?.status).toBe('accepted');
  });

  it('declines only after the box is ticked, keeping the page accessible, and returns the money', { timeout: 120_000 }, async () => {
    // Prepare
    const { page, granted } = await grantedAndOpened('nb');
    const tr = (key: keyof typeof acceptanceText) => acceptanceText[key].nb;
    await page.goto(`${baseUrl}/applications/${granted.applicationId}?lang=nb`);
    const returnedBefore = (await adapters.budget.get(tenantId, call.grantYear))!.returned;

    // Act
    await page.getByRole('button', { name: tr('decline') }).click();
    const refused = await page.locator('main').innerText();
    await expectAccessible(page);
    await page.getByLabel(tr('decline.confirm')).check();
    await page.getByRole('button', { name: tr('decline') }).click();
    await page.waitForURL(/notice=declined/);

    // Assess
    expect(refused).toContain(tr('decline.mustConfirm'));
    expect(await page.locator('main').innerText()).toContain(tr('done.declined'));
    await expectAccessible(page);
    expect((await adapters.applications.get(tenantId, granted.applicationId))?.status).toBe('declined');
    expect((await adapters.budget.get(tenantId, call.grantYear))!.returned).toBe(returnedBefore + 100_000);
  });
});
