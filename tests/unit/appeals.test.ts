import { describe, expect, it } from 'vitest';
import type { Application } from '../../shared/applications/application';
import { ActorRecusedError, ConcurrentChangeError } from '../../shared/applications/errors';
import { appealInputSchema } from '../../shared/appeals/appeal';
import { AppealAlreadyLodgedError, AppealChangedError, ForwardingDateError, NothingToAppealError } from '../../shared/appeals/errors';
import { takeAppealStep } from '../../shared/appeals/handling';
import { appealOptionOf, lodgeAppeal as appealOf, type AppealCommitment } from '../../shared/appeals/lodging';
import { lodgeAppeal } from '../../shared/appeals/use-cases/lodge-appeal';
import type { Decision } from '../../shared/decisions/decision';
import { kroner } from '../../shared/kernel/money';
import type { Orgnr } from '../../shared/kernel/orgnr';
import { IllegalTransitionError } from '../../shared/kernel/state-machine';
import type { TenantId } from '../../shared/kernel/tenants';

// 22:30 UTC on 10 May is 00:30 on 11 May in Oslo: the letter reached the party on the 11th, so
// three weeks run to Tuesday 1 June, end of the day in Oslo (21:59:59 UTC in summer time).
const decidedAt = '2027-05-10T22:30:00.000Z';
const lastSecond = new Date('2027-06-01T21:59:59.000Z');
const firstLateSecond = new Date('2027-06-01T22:00:00.000Z');

const decision = (overrides: Partial<Decision> = {}): Decision => ({
  decisionId: 'D1', outcome: 'grant_partly', amount: kroner(30_000), reasons: 'R', conditions: '', decidedBy: 'u-approver', decidedAt,
  language: 'nb', appealDeadlineWeeks: 3, appealBody: 'imdi', ruleSetVersion: 1, ...overrides,
});

function application(overrides: Partial<Application> = {}): Application {
  return {
    tenantId: 'k3240' as TenantId, roundId: '2027-1', applicationId: 'A1', reference: 'K3240-2027-A1', grantYear: 2027, orgnr: '311100386' as Orgnr,
    organisationName: 'Lag', email: 'lag@example.org', status: 'partly_granted', version: 7, createdAt: decidedAt, updatedAt: decidedAt, language: 'nb',
    registryCheck: { status: 'not_verified', checkedAt: decidedAt, reason: 'timeout' }, attachments: [],
    budget: { costs: [{ label: 'Leie', amount: 50_000 }], otherIncome: [], ownContribution: 0, amountApplied: 50_000 },
    decision: decision(), ...overrides,
  } as Application;
}

let ids = 0;
const newId = () => `01J0000000000000000000${String(++ids).padStart(4, '0')}`;
const compose = () => ({ subject: 'Kvittering', text: 'Klagen er mottatt.' });
const lodged = (now: Date, input = { reasons: 'Vi trenger hele beløpet.' }) => appealOf({ application: application(), input, now, newId, compose });

describe('lodging an appeal', () => {
  it('counts the deadline from the Oslo day the letter was sent, to the end of its last Oslo day', () => {
    expect(appealOptionOf(application(), lastSecond)).toMatchObject({ kind: 'may_appeal', late: false, deadline: { lastDay: '2027-06-01' } });
    expect(appealOptionOf(application(), firstLateSecond)).toMatchObject({ kind: 'may_appeal', late: true });
    expect(lodged(lastSecond).next.appeal).toMatchObject({ status: 'lodged', late: false, deadline: '2027-06-01T21:59:59.000Z' });
  });

  it('records an appeal after the deadline as late, with the reason for the lateness', () => {
    const { next, audit, message } = appealOf({ application: application(), input: { reasons: 'R', latenessReason: 'Brevet kom bort.' }, now: firstLateSecond, newId, compose });
    expect(next.appeal).toMatchObject({ late: true, latenessReason: 'Brevet kom bort.' });
    expect(next.version).toBe(8);
    expect(audit).toMatchObject({ machine: 'appeal', action: 'lodge_late', to: 'lodged', actor: 'applicant:A1' });
    expect(message).toMatchObject({ kind: 'appeal-receipt', to: 'lag@example.org' });
  });

  it('requires reasons, and a lateness reason only when late, within their lengths', () => {
    const issues = (late: boolean, input: object) => appealInputSchema(late).safeParse(input).error?.issues.map((issue) => issue.path.join('.')) ?? [];
    expect(issues(false, { reasons: '  ' })).toEqual(['reasons']);
    expect(issues(false, { reasons: 'R' })).toEqual([]);
    expect(issues(true, { reasons: 'R' })).toEqual(['latenessReason']);
    expect(issues(false, { reasons: 'x'.repeat(4001) })).toEqual(['reasons']);
    expect(appealInputSchema(false).parse({ reasons: 'R', latenessReason: 'ignored in time' })).toEqual({ reasons: 'R' });
  });

  it('refuses an application without a decision, and a second appeal against the same decision', () => {
    expect(() => appealOf({ application: application({ decision: undefined, status: 'under_assessment' }), input: { reasons: 'R' }, now: lastSecond, newId, compose })).toThrow(NothingToAppealError);
    const once = lodged(lastSecond).next;
    expect(() => appealOf({ application: once, input: { reasons: 'R' }, now: lastSecond, newId, compose })).toThrow(AppealAlreadyLodgedError);
  });

  it('tells the loser of two submits at once that the appeal is in', async () => {
    const winner = lodged(lastSecond).next;
    const appeals = { get: async () => winner, record: async () => Promise.reject(new ConcurrentChangeError()) };
    await expect(lodgeAppeal({ appeals, clock: () => lastSecond, newId, composeReceipt: compose }, { application: application(), input: { reasons: 'R' } }))
      .rejects.toBeInstanceOf(AppealAlreadyLodgedError);
  });
});

describe('handling an appeal', () => {
  const lodgedApplication = (late = false) => appealOf({ application: application(), input: { reasons: 'R', latenessReason: 'L' }, now: late ? firstLateSecond : lastSecond, newId, compose }).next;
  const step = (app: Application, action: Parameters<typeof takeAppealStep>[0]['action'], input: { reasons: string; forwardedOn?: string } = { reasons: 'Begrunnelse' }, actor = 'u-officer'): AppealCommitment =>
    takeAppealStep({ application: app, action, input, actor, expectedVersion: app.version, now: new Date('2027-06-03T10:00:00.000Z'), newId, compose });

  it('reverses: the case reopens for assessment, the reversed decision kept and its award held in the budget', () => {
    const { next, audit, removesAwaitingAnswer } = step(lodgedApplication(), 'reverse');
    expect(next.status).toBe('under_assessment');
    expect(next.decision).toBeUndefined();
    expect(next.recommendation).toBeUndefined();
    expect(next.reversedDecisions?.map((each) => each.decisionId)).toEqual(['D1']);
    expect(next.heldAward).toBe(30_000);
    expect(next.appeal?.status).toBe('reversed');
    expect(audit).toMatchObject({ machine: 'appeal', action: 'reverse', from: 'lodged', to: 'reversed' });
    expect(removesAwaitingAnswer).toBeUndefined();
  });

  it('upholds and forwards with the forwarding date (today in Oslo when none is given), then records the outcome', () => {
    const forwarded = step(lodgedApplication(), 'uphold_and_forward').next;
    expect(forwarded.status).toBe('partly_granted');
    expect(forwarded.appeal?.steps[0]).toMatchObject({ action: 'uphold_and_forward', forwardedOn: '2027-06-03', by: 'officer:u-officer' });
    const decided = step(forwarded, 'decide').next;
    expect(decided.appeal?.status).toBe('decided');
    expect(() => step(lodgedApplication(), 'uphold_and_forward', { reasons: 'R', forwardedOn: '2027-06-04' })).toThrow(ForwardingDateError);
    expect(() => step(lodgedApplication(), 'uphold_and_forward', { reasons: 'R', forwardedOn: '2027-02-30' })).toThrow(ForwardingDateError);
  });

  it('dismisses only a late appeal', () => {
    expect(step(lodgedApplication(true), 'dismiss').next.appeal?.status).toBe('dismissed');
    expect(() => step(lodgedApplication(false), 'dismiss')).toThrow(IllegalTransitionError);
  });

  it('refuses a recused officer, missing reasons, a stale page and a step the state does not allow', () => {
    const app = { ...lodgedApplication(), recusedUserIds: ['u-recused'] };
    expect(() => step(app, 'reverse', { reasons: 'R' }, 'u-recused')).toThrow(ActorRecusedError);
    expect(() => step(app, 'reverse', { reasons: '' })).toThrow(IllegalTransitionError);
    expect(() => takeAppealStep({ application: app, action: 'reverse', input: { reasons: 'R' }, actor: 'u', expectedVersion: app.version - 1, now: lastSecond, newId, compose })).toThrow(AppealChangedError);
    const reversed = step(app, 'reverse').next;
    expect(() => step(reversed, 'uphold_and_forward')).toThrow(IllegalTransitionError);
  });

  it('lets a grant still awaiting its answer be reversed, removing its lapse entry', () => {
    const awaiting = appealOf({ application: application({ decision: decision({ acceptanceDeadline: '2027-06-10T21:59:59.000Z' }) }), input: { reasons: 'R' }, now: lastSecond, newId, compose }).next;
    expect(step(awaiting, 'reverse').removesAwaitingAnswer).toBe(true);
  });
});
