import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/kernel/errors.js';
import {
  allowedActions, allowedApplicationActions, allowedAppealActions, allowedReportActions, allowedRoundActions, applicationMachine, appealMachine,
  definedActions, IllegalTransitionError, reportMachine, roundMachine, transition, transitionApplication, transitionAppeal, transitionReport,
  transitionRound, type ApplicationContext, type ApplicationStatus, type RoundContext,
} from '../../shared/index.js';

const round = (overrides: Partial<RoundContext> = {}): RoundContext => ({
  now: '2024-03-01T12:00:00.000Z', opensAt: '2024-01-15T08:00:00.000Z', deadline: '2024-04-15T10:00:00.000Z',
  settingsValid: true, undecidedApplications: 0, unsettledReports: 0, ...overrides,
});

function caught(fn: () => unknown): IllegalTransitionError | undefined {
  try { fn(); } catch (e) { return e as IllegalTransitionError; }
  return undefined;
}

describe('round lifecycle', () => {
  it('walks from draft to archived', () => {
    // Prepare
    const steps = [
      ['publish', round({ now: '2024-01-01T00:00:00.000Z' })], ['open', round()], ['close', round({ now: '2024-04-15T10:00:01.000Z' })],
      ['decide', round()], ['start_reporting', round()], ['archive', round()],
    ] as const;
    // Act
    const visited = steps.reduce<string[]>((path, [action, ctx]) => [...path, transitionRound(path.at(-1) as never, action, ctx)], ['draft']);
    // Assess
    expect(visited).toEqual(['draft', 'published', 'open', 'closed', 'decided', 'reporting', 'archived']);
  });

  it('refuses to close before the deadline has passed, including at the deadline second', () => {
    // Act
    const error = caught(() => transitionRound('open', 'close', round({ now: '2024-04-15T10:00:00.500Z' })));
    // Assess
    expect(error).toBeInstanceOf(IllegalTransitionError);
    expect(error).toBeInstanceOf(DomainError);
    expect(error?.code).toBe('lifecycle.illegal_transition');
    expect(error?.reason).toBe('round.deadline_not_passed');
  });

  it('refuses to open before the opening time and to publish invalid settings', () => {
    expect(caught(() => transitionRound('published', 'open', round({ now: '2024-01-15T07:59:59.000Z' })))?.reason).toBe('round.not_yet_open');
    expect(transitionRound('published', 'open', round({ now: '2024-01-15T08:00:00.000Z' }))).toBe('open');
    expect(caught(() => transitionRound('draft', 'publish', round({ settingsValid: false })))?.reason).toBe('round.settings_invalid');
  });

  it('refuses to mark a round decided while applications lack a decision', () => {
    const error = caught(() => transitionRound('closed', 'decide', round({ undecidedApplications: 3 })));
    expect(error?.reason).toBe('round.undecided_applications');
    expect(error?.messages.nb).toBe('3 søknader mangler vedtak.');
  });

  it('refuses an action that does not exist from the state, without a reason', () => {
    const error = caught(() => transitionRound('archived', 'open', round()));
    expect(error).toMatchObject({ code: 'lifecycle.illegal_transition', machine: 'round', from: 'archived', action: 'open', reason: undefined });
  });

  it('lists only the actions allowed now', () => {
    expect(allowedRoundActions('published', round())).toEqual(['unpublish', 'open', 'cancel']);
    expect(allowedRoundActions('published', round({ now: '2024-01-01T00:00:00.000Z' }))).toEqual(['unpublish', 'cancel']);
    expect(allowedRoundActions('archived', round())).toEqual([]);
    expect(definedActions(roundMachine, 'published')).toEqual(['unpublish', 'open', 'cancel']);
  });
});

describe('application lifecycle', () => {
  const ctx = (overrides: Partial<ApplicationContext> = {}): ApplicationContext => ({
    now: '2024-04-15T10:00:00.000Z', deadline: '2024-04-15T10:00:00.000Z', roundOpen: true, amountAppliedFor: 100_000, amountAwarded: 100_000, ...overrides,
  });

  it('accepts a submission at the deadline second and refuses one a second later', () => {
    expect(transitionApplication('draft', 'submit', ctx())).toBe('submitted');
    expect(transitionApplication('draft', 'submit', ctx({ now: '2024-04-15T10:00:00.999Z' }))).toBe('submitted');
    expect(caught(() => transitionApplication('draft', 'submit', ctx({ now: '2024-04-15T10:00:01.000Z' })))?.reason).toBe('application.deadline_passed');
  });

  it('refuses a submission to a round that is not open', () => {
    expect(caught(() => transitionApplication('draft', 'submit', ctx({ roundOpen: false })))?.reason).toBe('application.round_not_open');
  });

  it('walks a granted application to closed', () => {
    // Prepare
    const path: [string, ApplicationStatus][] = [
      ['submit', 'submitted'], ['start_assessment', 'under_assessment'], ['grant', 'granted'], ['accept', 'accepted'], ['pay', 'paid'],
      ['report', 'reported'], ['approve_report', 'approved'], ['close', 'closed'],
    ];
    let state: ApplicationStatus = 'draft';
    // Act / Assess
    for (const [action, expected] of path) {
      state = transitionApplication(state, action as never, ctx());
      expect(state).toBe(expected);
    }
  });

  it('distinguishes full from partial grants by the amount', () => {
    expect(caught(() => transitionApplication('under_assessment', 'grant', ctx({ amountAwarded: 60_000 })))?.reason).toBe('application.grant_amount_differs');
    expect(transitionApplication('under_assessment', 'grant_partly', ctx({ amountAwarded: 60_000 }))).toBe('partly_granted');
    expect(caught(() => transitionApplication('under_assessment', 'grant_partly', ctx({ amountAwarded: 100_000 })))?.reason).toBe('application.partial_amount_out_of_range');
    expect(allowedApplicationActions('under_assessment', ctx({ amountAwarded: 60_000 }))).toEqual(['return_to_applicant', 'grant_partly', 'reject']);
  });

  it('refuses a decision by a recused officer and a grant with blocking findings', () => {
    expect(caught(() => transitionApplication('under_assessment', 'reject', ctx({ actorRecused: true })))?.reason).toBe('application.actor_recused');
    expect(caught(() => transitionApplication('under_assessment', 'grant', ctx({ hasBlockingFindings: true })))?.reason).toBe('application.not_eligible');
    expect(allowedApplicationActions('under_assessment', ctx({ actorRecused: true }))).toEqual([]);
  });

  it('lets a submitted application be withdrawn but not a granted one', () => {
    expect(transitionApplication('submitted', 'withdraw', ctx())).toBe('withdrawn');
    expect(caught(() => transitionApplication('granted', 'withdraw', ctx()))?.reason).toBeUndefined();
  });

  it('reopens a rejected application only after a reversed appeal', () => {
    expect(caught(() => transitionApplication('rejected', 'reopen', ctx()))?.reason).toBe('application.no_reversed_appeal');
    expect(transitionApplication('rejected', 'reopen', ctx({ appealReversed: true }))).toBe('under_assessment');
  });

  it('closes a repayment claim only when settled', () => {
    expect(transitionApplication('reported', 'claim_repayment', ctx())).toBe('repayment_claimed');
    expect(caught(() => transitionApplication('repayment_claimed', 'close', ctx()))?.reason).toBe('application.repayment_unsettled');
    expect(transitionApplication('repayment_claimed', 'close', ctx({ repaymentSettled: true }))).toBe('closed');
  });

  it('offers accept, decline and lapse from both granted and partly granted', () => {
    expect(allowedActions(applicationMachine, 'granted', ctx())).toEqual(['accept', 'decline', 'lapse']);
    expect(allowedActions(applicationMachine, 'partly_granted', ctx())).toEqual(['accept', 'decline', 'lapse']);
    expect(allowedActions(applicationMachine, 'partly_granted', ctx({ appealReversed: true }))).toEqual(['reopen', 'accept', 'decline', 'lapse']);
  });

  it('ends the case when a grant is declined or lapses', () => {
    expect(transitionApplication('granted', 'decline', ctx())).toBe('declined');
    expect(transitionApplication('partly_granted', 'lapse', ctx())).toBe('lapsed');
    expect(allowedActions(applicationMachine, 'declined', ctx())).toEqual([]);
    expect(allowedActions(applicationMachine, 'lapsed', ctx())).toEqual([]);
  });
});

describe('appeal lifecycle', () => {
  it('is reversed by the deciding body or forwarded and decided by the appeal body', () => {
    expect(transitionAppeal('lodged', 'reverse', { hasReasons: true })).toBe('reversed');
    expect(transitionAppeal('lodged', 'uphold_and_forward', { hasReasons: true })).toBe('upheld_and_forwarded');
    expect(transitionAppeal('upheld_and_forwarded', 'decide', { hasReasons: true, actorIsAppealBody: true })).toBe('decided');
  });

  it('requires reasons and the appeal body', () => {
    expect(caught(() => transitionAppeal('lodged', 'reverse', { hasReasons: false }))?.reason).toBe('appeal.reasons_missing');
    expect(caught(() => transitionAppeal('upheld_and_forwarded', 'decide', { hasReasons: true }))?.reason).toBe('appeal.not_appeal_body');
    expect(allowedAppealActions('reversed', { hasReasons: true })).toEqual([]);
    expect(appealMachine.terminal).toEqual(['reversed', 'decided', 'dismissed']);
  });

  it('dismisses only a late appeal, with reasons', () => {
    expect(transitionAppeal('lodged', 'dismiss', { hasReasons: true, late: true })).toBe('dismissed');
    expect(caught(() => transitionAppeal('lodged', 'dismiss', { hasReasons: true, late: false }))?.reason).toBe('appeal.not_late');
    expect(caught(() => transitionAppeal('lodged', 'dismiss', { hasReasons: false, late: true }))?.reason).toBe('appeal.reasons_missing');
    expect(caught(() => transitionAppeal('lodged', 'dismiss', { hasReasons: true, late: true, actorRecused: true }))?.reason).toBe('appeal.actor_recused');
    expect(allowedAppealActions('upheld_and_forwarded', { hasReasons: true, late: true })).toEqual([]);
  });
});

describe('report lifecycle', () => {
  const ctx = { complete: true, amountAwarded: 50_000, auditThreshold: 100_000, auditedAccountsAttached: false, hasReasons: true };

  it('goes round returned_for_changes and submitted until approved', () => {
    // Act
    const states = [transitionReport('due', 'submit', ctx)];
    states.push(transitionReport('submitted', 'return_for_changes', ctx));
    states.push(transitionReport('returned_for_changes', 'submit', ctx));
    states.push(transitionReport('submitted', 'approve', ctx));
    // Assess
    expect(states).toEqual(['submitted', 'returned_for_changes', 'submitted', 'approved']);
  });

  it('refuses an incomplete report and approval without audited accounts at the threshold', () => {
    expect(caught(() => transitionReport('due', 'submit', { ...ctx, complete: false }))?.reason).toBe('report.incomplete');
    expect(caught(() => transitionReport('submitted', 'approve', { ...ctx, amountAwarded: 100_000 }))?.reason).toBe('report.audited_accounts_missing');
    expect(allowedReportActions('submitted', { ...ctx, amountAwarded: 100_000, auditedAccountsAttached: true })).toEqual(['approve', 'return_for_changes']);
  });

  it('uses the generic transition with any machine', () => {
    expect(transition(reportMachine, 'due', 'submit', ctx)).toBe('submitted');
  });
});
