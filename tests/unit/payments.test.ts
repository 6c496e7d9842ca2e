import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Application } from '../../shared/applications/application';
import type { RegistryLookup } from '../../shared/applications/ports';
import { kroner, type Kroner } from '../../shared/kernel/money';
import type { TenantId } from '../../shared/kernel/tenants';
import { instalmentStatesOf, preparePayment, type Payment } from '../../shared/payments/payment';
import { paymentFileText } from '../../shared/payments/payment-file';
import { paymentPlanOf, type PaymentRule } from '../../shared/payments/payment-plan';
import { submittedApplication } from '../support/assessment-cases';
import { registryRecord } from './builders';

const tenantId = 'oslo' as TenantId;
const found: RegistryLookup = { status: 'found', record: registryRecord() };
const now = new Date('2027-06-01T08:00:00.000Z');
let ids = 0;
const newId = () => `id-${++ids}`;

const rule = fc.record({
  instalmentsFrom: fc.integer({ min: 0, max: 1_000_000 }).map(kroner),
  firstInstalmentPercent: fc.integer({ min: 1, max: 99 }),
  secondInstalmentAfter: fc.constantFrom('report_approved' as const, 'conditions_confirmed' as const),
});

/** An accepted grant of `amount`, paid by `plan`. */
function acceptedGrant(amount: number, paymentRule?: PaymentRule, overrides: Partial<Application> = {}): Application {
  return submittedApplication(tenantId, '2027-1', 'app-pay', {
    status: 'accepted',
    version: 7,
    decision: {
      decisionId: 'd-1', outcome: 'grant', amount: kroner(amount), reasons: 'Godt tiltak', conditions: '', decidedBy: 'approver', decidedAt: '2027-04-30T22:30:00.000Z',
      language: 'nb', appealDeadlineWeeks: 3, appealBody: 'imdi', ruleSetVersion: 1, paymentPlan: paymentPlanOf(kroner(amount), paymentRule),
    },
    acceptance: { outcome: 'accepted', at: '2027-05-10T10:00:00.000Z', by: 'applicant:app-pay' },
    ...overrides,
  });
}

const pay = (application: Application, instalment: number, extra: { conditionsNote?: string; registry?: RegistryLookup; actor?: string } = {}) =>
  preparePayment({ application, instalment, expectedVersion: application.version, actor: extra.actor ?? 'caseworker', registry: extra.registry ?? found, now, newId, ...(extra.conditionsNote ? { conditionsNote: extra.conditionsNote } : {}) });

describe('the payment plan', () => {
  it('adds up to the grant exactly, in whole kroner, with no instalment of nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.option(rule, { nil: undefined }), (amount, paymentRule) => {
        const plan = paymentPlanOf(kroner(amount), paymentRule);
        expect(plan.reduce((sum, i) => sum + i.amount, 0)).toBe(amount);
        for (const instalment of plan) {
          expect(Number.isInteger(instalment.amount)).toBe(true);
          expect(instalment.amount).toBeGreaterThan(0);
        }
        expect(plan.map((i) => i.number)).toEqual(plan.map((_, index) => index + 1));
        expect(plan[0]!.condition).toBe('acceptance');
      }),
    );
  });

  it('splits only grants at or above the threshold, the first share rounded down', () => {
    const split = { instalmentsFrom: kroner(100_000), firstInstalmentPercent: 75, secondInstalmentAfter: 'report_approved' as const };
    expect(paymentPlanOf(kroner(99_999), split)).toEqual([{ number: 1, amount: 99_999, condition: 'acceptance' }]);
    expect(paymentPlanOf(kroner(100_001), split)).toEqual([
      { number: 1, amount: 75_000, condition: 'acceptance' },
      { number: 2, amount: 25_001, condition: 'report_approved' },
    ]);
  });
});

describe('recording a payment', () => {
  it('pays every instalment once, in any order the conditions allow, to exactly the award', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5_000_000 }), rule, fc.boolean(), (amount, paymentRule, reversed) => {
        let application = acceptedGrant(amount, { ...paymentRule, secondInstalmentAfter: 'conditions_confirmed' });
        const numbers = application.decision!.paymentPlan!.map((i) => i.number);
        for (const number of reversed ? [...numbers].reverse() : numbers) {
          const commitment = pay(application, number, { conditionsNote: 'Aktivitetsplan mottatt' });
          expect(commitment.payment.amount).toBe(application.decision!.paymentPlan![number - 1]!.amount);
          expect(() => pay(commitment.next, number, { conditionsNote: 'igjen' })).toThrow(expect.objectContaining({ code: 'payment.already_paid' }));
          application = commitment.next;
        }
        expect(application.payout!.amountPaid).toBe(amount);
        expect(application.status).toBe('paid');
      }),
    );
  });

  it('holds the second instalment until the report is approved, and asks for what was checked before a confirmed one', () => {
    const afterReport = acceptedGrant(200_000, { instalmentsFrom: kroner(100_000), firstInstalmentPercent: 50, secondInstalmentAfter: 'report_approved' });
    expect(() => pay(afterReport, 2)).toThrow(expect.objectContaining({ code: 'payment.held_report_approved' }));
    expect(pay({ ...afterReport, status: 'approved' }, 2).payment.amount).toBe(100_000);

    const confirmed = acceptedGrant(200_000, { instalmentsFrom: kroner(100_000), firstInstalmentPercent: 50, secondInstalmentAfter: 'conditions_confirmed' });
    expect(() => pay(confirmed, 2, { conditionsNote: '   ' })).toThrow(expect.objectContaining({ code: 'payment.held_conditions_confirmed', fields: [expect.objectContaining({ field: 'conditionsNote' })] }));
    expect(pay(confirmed, 2, { conditionsNote: 'Politiattest sett' }).payment.conditionsNote).toBe('Politiattest sett');
  });

  it('refuses a grant that is not accepted, declined, a stale version, a recused caseworker and a missing account', () => {
    const accepted = acceptedGrant(50_000);
    const { acceptance: _answer, ...unanswered } = accepted;
    expect(() => pay({ ...unanswered, status: 'granted' }, 1)).toThrow(expect.objectContaining({ code: 'payment.not_accepted' }));
    expect(() => pay({ ...accepted, status: 'declined', acceptance: { outcome: 'declined', at: now.toISOString(), by: 'applicant:x' } }, 1)).toThrow(expect.objectContaining({ code: 'payment.not_accepted' }));
    expect(() => preparePayment({ application: accepted, instalment: 1, expectedVersion: 6, actor: 'caseworker', registry: found, now, newId })).toThrow(expect.objectContaining({ code: 'application.concurrent_change' }));
    expect(() => pay({ ...accepted, recusedUserIds: ['caseworker'] }, 1)).toThrow(expect.objectContaining({ code: 'application.actor_recused' }));
    expect(() => pay({ ...accepted, contact: { ...accepted.contact!, accountNumber: '' } as Application['contact'] }, 1)).toThrow(expect.objectContaining({ code: 'payment.no_account_number' }));
    expect(() => pay(accepted, 2)).toThrow(expect.objectContaining({ code: 'payment.no_such_instalment' }));
  });

  it('is stopped by what Enhetsregisteret says now, and waits when it does not answer', () => {
    const accepted = acceptedGrant(50_000);
    const cases: [RegistryLookup, string][] = [
      [{ status: 'removed' }, 'payment.registry_removed'],
      [{ status: 'not_found' }, 'payment.registry_not_found'],
      [{ status: 'found', record: registryRecord({ slettedato: '2027-05-20' }) }, 'payment.registry_removed'],
      [{ status: 'found', record: registryRecord({ konkurs: true }) }, 'payment.registry_bankrupt'],
      [{ status: 'found', record: registryRecord({ underAvvikling: true }) }, 'payment.registry_winding_up'],
      [{ status: 'unavailable', reason: 'timeout' }, 'payment.registry_unavailable'],
    ];
    for (const [registry, code] of cases) expect(() => pay(accepted, 1, { registry })).toThrow(expect.objectContaining({ code }));
  });

  it('records the payment with its reference, the Oslo decision date, and an audit entry of the amount', () => {
    const commitment = pay(acceptedGrant(50_000), 1);
    expect(commitment.payment).toMatchObject({ amount: 50_000, reference: 'K-PP-PAY 1/1', decisionDate: '2027-05-01', accountNumber: '12345678903', instalments: 1 });
    expect(commitment.audit).toMatchObject({ machine: 'payment', action: 'pay', from: 'accepted', to: 'paid', amount: 50_000 });
    expect(commitment.next.version).toBe(8);
  });
});

describe('where each instalment stands', () => {
  it('shows held, ready, paid and void as the case moves', () => {
    const plan = { instalmentsFrom: kroner(100_000), firstInstalmentPercent: 50, secondInstalmentAfter: 'report_approved' as const };
    const { acceptance: _answer, ...granted } = acceptedGrant(200_000, plan);
    expect(instalmentStatesOf({ ...granted, status: 'granted' }, []).map((s) => s.state)).toEqual([{ kind: 'held', waitsFor: 'acceptance' }, { kind: 'held', waitsFor: 'acceptance' }]);
    const accepted = acceptedGrant(200_000, plan);
    expect(instalmentStatesOf(accepted, []).map((s) => s.state.kind)).toEqual(['ready', 'held']);
    const first = pay(accepted, 1);
    expect(instalmentStatesOf(first.next, [first.payment]).map((s) => s.state.kind)).toEqual(['paid', 'held']);
    expect(instalmentStatesOf({ ...accepted, status: 'lapsed', acceptance: { outcome: 'lapsed', at: now.toISOString(), by: 'system:lapse' } }, []).map((s) => s.state.kind)).toEqual(['void', 'void']);
  });
});

describe('the payment file', () => {
  const payment = (overrides: Partial<Payment>): Payment => ({
    tenantId, applicationId: 'a', roundId: '2027-1', grantYear: 2027, instalment: 1, instalments: 2, amount: kroner(75_000) as Kroner, orgnr: '974760673' as Payment['orgnr'],
    organisationName: 'Frivillig Forening', accountNumber: '12345678903', reference: 'K-1 1/2', decisionDate: '2027-05-01', recordedAt: now.toISOString(),
    recordedBy: 'caseworker', registryCheckedAt: now.toISOString(), ...overrides,
  });

  it('has a header, one CRLF row per payment, and quotes what a spreadsheet would misread', () => {
    const text = paymentFileText([payment({}), payment({ organisationName: '=HYPERLINK("x");Lag', amount: kroner(1) })]);
    expect(text.split('\r\n')).toEqual([
      'orgnr;kontonummer;belop;referanse;vedtaksdato;mottaker',
      '974760673;12345678903;75000;K-1 1/2;2027-05-01;Frivillig Forening',
      `974760673;12345678903;1;K-1 1/2;2027-05-01;"'=HYPERLINK(""x"");Lag"`,
      '',
    ]);
  });
});
