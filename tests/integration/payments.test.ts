/**
 * Paying grants out over HTTP against DynamoDB Local, through the real sign-in and the demo
 * Enhetsregisteret: an instalment is refused until the grant is accepted, held by its condition,
 * stopped by a deleted organisation, recorded once when two caseworkers press at once, with the
 * budget's `paid`, the counters and the case timeline in its transaction; payment files taken at
 * the same moment never hold the same payment twice; a decline racing a payment leaves nothing
 * paid; the counters agree with what the reconcile job recomputes; another municipality reaches none of it.
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import type { Application } from '../../shared/applications/application';
import { signRecommendation } from '../../shared/decisions/signing';
import { acceptGrant } from '../../shared/decisions/use-cases/accept-grant';
import { declineGrant } from '../../shared/decisions/use-cases/decline-grant';
import { kroner } from '../../shared/kernel/money';
import type { Orgnr } from '../../shared/kernel/orgnr';
import type { Tenant, TenantId } from '../../shared/kernel/tenants';
import type { PaymentRule } from '../../shared/payments/payment-plan';
import { countersOf, recomputeCounters } from '../../shared/national/aggregates';
import type { Call } from '../../shared/rounds/call';
import { adminCostCap } from '../../shared/rules/budget';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import { decisionLetterEmail } from '../../web/emails/decision-letter';
import { grantAnswerEmail } from '../../web/emails/grant-answer';
import { openCall } from '../support/calls';
import { recommendation, recommendedApplication } from '../support/decisions';
import { signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

const YEAR = 2027;
/** In the demo registry, active. */
const ACTIVE = '311100386' as Orgnr;
/** In the demo registry, deleted in 2025. */
const DELETED = '312340593' as Orgnr;
const halfAfterReport: PaymentRule = { instalmentsFrom: kroner(100_000), firstInstalmentPercent: 60, secondInstalmentAfter: 'report_approved' };
const halfOnConfirmation: PaymentRule = { instalmentsFrom: kroner(100_000), firstInstalmentPercent: 60, secondInstalmentAfter: 'conditions_confirmed' };

describe('paying grants out', () => {
  const alfa = freshTenantId('pa');
  const beta = freshTenantId('pb');
  const tenants: Tenant[] = [
    { tenantId: alfa, kind: 'municipality', name: `Alfaby ${alfa}`, kommunenummer: '3201', managingYears: [YEAR] },
    { tenantId: beta, kind: 'municipality', name: `Betaby ${beta}`, kommunenummer: '4601', managingYears: [YEAR] },
  ];
  const users = demoUsersOf(tenants);
  const userOf = (sub: string) => users.find((user) => user.sub === sub) as LocalUser;
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  let caseworker: { cookie: string; idToken: string };
  let admin: { cookie: string; idToken: string };
  let approver: { cookie: string; idToken: string };
  let stranger: { cookie: string; idToken: string };
  let roundNo = 0;
  const roundIds: string[] = [];

  beforeAll(async () => {
    // A table of its own: the export takes every waiting payment of the tenant.
    const own = await ownTableConfig();
    server = await startSignInServer({ TABLE_NAME: own.TABLE_NAME });
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    caseworker = await signIn(server.baseUrl, 'officer', userOf(`officer-${alfa}`).sub);
    admin = await signIn(server.baseUrl, 'officer', userOf(`admin-${alfa}`).sub);
    approver = await signIn(server.baseUrl, 'officer', userOf(`approver-${alfa}`).sub);
    stranger = await signIn(server.baseUrl, 'officer', userOf(`officer-${beta}`).sub);
  });

  afterAll(async () => server?.close());

  /** A round of its own, with its payment rule, in the one budgeted year. */
  async function round(payment?: PaymentRule): Promise<Call> {
    roundNo += 1;
    const call = openCall(alfa, { roundId: `${YEAR}-${roundNo}`, ...(payment ? { payment } : {}) });
    await server.adapters.calls.create(call);
    roundIds.push(call.roundId);
    if (roundNo === 1) {
      await server.adapters.budget.setFrame({ tenantId: alfa, name: 'Alfaby', grantYear: YEAR, frame: kroner(5_000_000), adminCap: adminCostCap(ruleSetFor(YEAR), kroner(5_000_000)), allocationVersion: 1 }, undefined);
    }
    return call;
  }

  /** A grant of `amount` signed as the approver signs it, and (unless `accept` is false) accepted by the organisation. */
  async function grant(call: Call, amount: number, options: { orgnr?: Orgnr; accept?: boolean } = {}): Promise<Application> {
    const application = { ...recommendedApplication(call, { applied: amount, recommend: recommendation('grant', amount) }), orgnr: options.orgnr ?? ACTIVE };
    await server.adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
    const signed = signRecommendation({ application, call, rules: codeDefaultVersion(YEAR)!, signer: { userId: 'approver' }, now: new Date(), newId: ulid, composeLetter: decisionLetterEmail });
    await server.adapters.decisions.commit(signed);
    if (options.accept === false) return signed.next;
    return acceptGrant({ grants: server.adapters.decisions, clock: () => new Date(), newId: ulid, composeGrantAnswer: grantAnswerEmail }, { application: signed.next });
  }

  const paymentsPath = (application: Application) => `/officer/applications/${application.applicationId}/payments`;
  const get = (path: string, cookie: string) => fetch(`${server.baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
  const post = (path: string, form: Record<string, string>, cookie: string) =>
    fetch(`${server.baseUrl}${path}`, { method: 'POST', body: new URLSearchParams(form), headers: { cookie, origin: server.baseUrl }, redirect: 'manual' });
  const api = (path: string, idToken: string, body?: unknown) =>
    fetch(`${server.baseUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${idToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const pay = (application: Application, instalment: number, cookie = caseworker.cookie, extra: Record<string, string> = {}) =>
    post(paymentsPath(application), { instalment: String(instalment), version: String(application.version), ...extra }, cookie);
  const reread = (application: Application) => server.adapters.applications.get(application.tenantId, application.applicationId);
  const paid = async () => (await server.adapters.budget.get(alfa, YEAR))!.paid;

  it('refuses before acceptance, pays the first instalment, holds the second until the report is approved', async () => {
    // Prepare
    const call = await round(halfAfterReport);
    const waiting = await grant(call, 150_000, { accept: false });
    const accepted = await grant(call, 200_000);
    const paidBefore = await paid();

    // Act
    const early = await pay(waiting, 1);
    const first = await pay(accepted, 1);
    const afterFirst = (await reread(accepted))!;
    const held = await pay(afterFirst, 2);
    const page = await (await get(paymentsPath(accepted), caseworker.cookie)).text();
    const plan = (await (await api(`/officer/api/applications/${accepted.applicationId}/payments`, caseworker.idToken)).json()) as { amountPaid: number; instalments: { state: string; waitsFor?: string }[] };

    // Assess
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('Tilskuddet kan ikke utbetales før organisasjonen har tatt imot det.');
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`${paymentsPath(accepted)}?recorded=1`);
    expect(held.status).toBe(409);
    expect(await held.text()).toContain('Denne utbetalingen holdes tilbake til sluttrapporten er godkjent.');
    expect(afterFirst).toMatchObject({ status: 'accepted', payout: { amountPaid: 120_000, paidInstalments: [1] } });
    expect(await paid()).toBe(paidBefore + 120_000);
    expect(plan).toMatchObject({ amountPaid: 120_000, instalments: [{ state: 'paid' }, { state: 'held', waitsFor: 'report_approved' }] });
    expect(page).toContain('Holdes tilbake til sluttrapporten er godkjent');
    expect(page).toContain('120\u00a0000\u00a0kr');
    const events = await server.adapters.caseEvents.listForApplication(alfa, accepted.applicationId);
    expect(events.filter((event) => event.action === 'pay')).toHaveLength(1);
    // The first payment of the tenant-year: the counters hold exactly it.
    expect(await server.adapters.aggregates.get(alfa, YEAR)).toMatchObject({ paymentsRecorded: 1, amountPaid: 120_000 });
  });

  it('asks what was checked before an instalment held for its conditions, keeps what was typed, then pays the grant in full', async () => {
    // Prepare
    const call = await round(halfOnConfirmation);
    const accepted = await grant(call, 100_000);
    expect((await pay(accepted, 1)).status).toBe(303);
    const afterFirst = (await reread(accepted))!;

    // Act
    const missing = await pay(afterFirst, 2, caseworker.cookie, { conditionsNote: '   ' });
    const missingPage = await missing.text();
    const confirmed = await pay(afterFirst, 2, caseworker.cookie, { conditionsNote: 'Politiattester for frivillige er sett.' });

    // Assess
    expect(missing.status).toBe(422);
    expect(missingPage).toContain('Bekreft at vilkårene for denne utbetalingen er oppfylt');
    expect(confirmed.status).toBe(303);
    expect(await reread(accepted)).toMatchObject({ status: 'paid', payout: { amountPaid: 100_000, paidInstalments: [1, 2] } });
    const payments = await server.adapters.payments.listOfApplication(alfa, accepted.applicationId);
    expect(payments.map((p) => [p.amount, p.reference.endsWith(`${p.instalment}/2`), p.conditionsNote])).toEqual([[60_000, true, undefined], [40_000, true, 'Politiattester for frivillige er sett.']]);
  });

  it('stops the payment when Enhetsregisteret says the organisation is deleted, and writes nothing', async () => {
    // Prepare
    const call = await round();
    const accepted = await grant(call, 50_000, { orgnr: DELETED });
    const paidBefore = await paid();

    // Act
    const response = await api(`/officer/api/applications/${accepted.applicationId}/payments`, caseworker.idToken, { instalment: 1 });

    // Assess
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'payment.registry_removed' });
    expect(await paid()).toBe(paidBefore);
    expect((await reread(accepted))?.payout).toBeUndefined();
  });

  it('records an instalment once when two caseworkers press at the same moment, and tells the other it is paid', async () => {
    // Prepare
    const call = await round();
    const accepted = await grant(call, 80_000);
    const paidBefore = await paid();

    // Act
    const responses = await Promise.all([pay(accepted, 1, caseworker.cookie), pay(accepted, 1, admin.cookie)]);

    // Assess
    expect(responses.map((r) => r.status).sort()).toEqual([303, 409]);
    const loser = responses.find((r) => r.status === 409)!;
    expect(await loser.text()).toMatch(/Utbetaling 1 er allerede registrert\.|endret av noen andre/);
    expect(await paid()).toBe(paidBefore + 80_000);
    expect(await server.adapters.payments.listOfApplication(alfa, accepted.applicationId)).toHaveLength(1);
  });

  it('leaves a declined grant unpaid and its money returned once when the decline and a payment race', async () => {
    // Prepare
    const call = await round();
    const granted = await grant(call, 70_000, { accept: false });
    const before = (await server.adapters.budget.get(alfa, YEAR))!;

    // Act: the organisation declines while a caseworker presses pay on the case as it was read
    const [declined, payment] = await Promise.all([
      declineGrant({ grants: server.adapters.decisions, clock: () => new Date(), newId: ulid, composeGrantAnswer: grantAnswerEmail }, { application: granted }),
      pay(granted, 1),
    ]);

    // Assess
    expect(declined.status).toBe('declined');
    expect(payment.status).toBe(409);
    const after = (await server.adapters.budget.get(alfa, YEAR))!;
    expect(after.returned - before.returned).toBe(70_000);
    expect(after.paid).toBe(before.paid);
    expect(await server.adapters.payments.listOfApplication(alfa, granted.applicationId)).toEqual([]);
    expect(await reread(granted)).toMatchObject({ status: 'declined' });
  });

  it('puts each payment in exactly one file when two exports run at once, and fetches a file again unchanged', async () => {
    // Prepare
    const call = await round();
    for (const amount of [10_000, 20_000, 30_000]) {
      const accepted = await grant(call, amount);
      expect((await pay(accepted, 1)).status).toBe(303);
    }
    const waiting = (await (await api('/officer/api/payments/unexported', admin.idToken)).json()) as { payments: { applicationId: string; instalment: number }[] };

    // Act
    const [one, two] = await Promise.all([api('/officer/api/payment-exports', admin.idToken, {}), post('/officer/payments/exports', {}, caseworker.cookie)]);
    const exports = (await (await api('/officer/api/payment-exports', admin.idToken)).json()) as { exports: { exportId: string; count: number; total: number }[] };
    const files = await Promise.all(exports.exports.map(async (file) => (await api(`/officer/api/payment-exports/${file.exportId}/file`, admin.idToken)).text()));
    const again = await (await get(`/officer/payments/exports/${exports.exports[0]!.exportId}`, caseworker.cookie)).text();

    // Assess
    expect([201, 409]).toContain(one.status);
    expect([303, 409]).toContain(two.status);
    const rows = files.flatMap((text) => text.split('\r\n').slice(1).filter(Boolean));
    expect(rows).toHaveLength(waiting.payments.length);
    expect(new Set(rows.map((row) => row.split(';')[3])).size).toBe(rows.length);
    expect(files[0]!.startsWith('orgnr;kontonummer;belop;referanse;vedtaksdato;mottaker\r\n')).toBe(true);
    expect(again).toBe(files[0]);
    expect(exports.exports.reduce((sum, file) => sum + file.count, 0)).toBe(waiting.payments.length);
    expect(((await (await api('/officer/api/payments/unexported', admin.idToken)).json()) as { payments: unknown[] }).payments).toEqual([]);
    const nothing = await post('/officer/payments/exports', {}, caseworker.cookie);
    expect(nothing.status).toBe(409);
    expect(await nothing.text()).toContain('Det er ingen registrerte utbetalinger som ikke allerede er eksportert.');
  });

  it('keeps another municipality and a role without payments out', async () => {
    // Prepare
    const call = await round();
    const accepted = await grant(call, 40_000);
    expect((await pay(accepted, 1)).status).toBe(303);
    const exported = (await (await api('/officer/api/payment-exports', admin.idToken, {})).json()) as { export: { exportId: string } };

    // Act
    const foreignPage = await get(paymentsPath(accepted), stranger.cookie);
    const foreignPay = await api(`/officer/api/applications/${accepted.applicationId}/payments`, stranger.idToken, { instalment: 1 });
    const foreignFile = await api(`/officer/api/payment-exports/${exported.export.exportId}/file`, stranger.idToken);
    const foreignList = (await (await api('/officer/api/payment-exports', stranger.idToken)).json()) as { exports: unknown[] };
    const approverPays = await pay(accepted, 1, approver.cookie);

    // Assess
    expect(foreignPage.status).toBe(404);
    expect(foreignPay.status).toBe(404);
    expect(foreignFile.status).toBe(404);
    expect(foreignList.exports).toEqual([]);
    expect(approverPays.status).toBe(403);
  });

  it('keeps the counters of decisions, answers and payments equal to what the stored cases say', async () => {
    // Act: what the reconcile job recomputes from the applications of every round used above
    const applications = (await Promise.all(roundIds.map((roundId) => server.adapters.applications.listSubmittedByRound(alfa, roundId)))).flat();
    const recomputed = recomputeCounters(applications);
    const stored = countersOf(await server.adapters.aggregates.get(alfa, YEAR));

    // Assess: the fixtures store applications without submitting them, so only the later counters are compared
    const later = ['decisionsMade', 'applicationsGranted', 'amountAwarded', 'grantsAccepted', 'paymentsRecorded', 'amountPaid'] as const;
    const pick = (counters: typeof stored) => Object.fromEntries(later.map((name) => [name, counters[name]]));
    expect(pick(stored)).toEqual(pick(recomputed));
    expect(recomputed.paymentsRecorded).toBeGreaterThanOrEqual(8);
  });
});
