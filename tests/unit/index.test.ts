import { describe, expect, it } from 'vitest';
import {
  CallNotOpenError, ConcurrentChangeError, IncompleteApplicationError, NotEditableError, NotEligibleError, NotFoundError,
  OrganisationNotFoundError, OrganisationRemovedError,
} from '../../shared/applications/errors.js';
import * as shared from '../../shared/index.js';

describe('shared entry point', () => {
  it('exposes every module from one import', () => {
    // Prepare
    const expected = [
      'DomainError', 'kroner', 'parseKroner', 'formatKroner', 'percentage', 'parseOrgnr', 'orgnrSchema', 'parseKommunenummer', 'sameKommune',
      'ruleSetFor', 'ruleSetSchema', 'roundSettingsSchema', 'validateRoundSettings', 'splitNationalFrame', 'allocateFrames',
      'reallocateReturnedFunds', 'openBudget', 'award', 'awardGuard', 'assessEligibility', 'registryRecordSchema', 'transition',
      'allowedActions', 'IllegalTransitionError', 'roundMachine', 'applicationMachine', 'appealMachine', 'reportMachine',
      'isBeforeDeadline', 'appealDeadline', 'osloLocalToUtc', 'formatDateTime',
    ];
    // Act
    const missing = expected.filter((name) => !(name in shared));
    // Assess
    expect(missing).toEqual([]);
  });

  it('gives every named domain error a code of its own that stays the same', () => {
    // Prepare: codes are API (problem+json `code`, the HTTP status table); class names are not, as
    // minified bundles rename classes. So the codes are pinned here, and each must be unique.
    const { kroner } = shared;
    const expected: [shared.DomainError, string][] = [
      [new shared.InvalidAmountError(1.5), 'money.invalid_amount'],
      [new shared.NegativeAmountError(kroner(1)), 'money.negative'],
      [new shared.UnknownGrantYearError(1999), 'rules.unknown_grant_year'],
      [new shared.RuleSetChangedMeanwhileError(2027, 1, 2), 'rule_set.changed_meanwhile'],
      [new shared.RuleSetYearMismatchError(2027, 2026), 'rule_set.year_mismatch'],
      [new shared.FloorsExceedPoolError(kroner(2), kroner(1)), 'allocation.floors_exceed_pool'],
      [new shared.InvalidBudgetAmountError(1.5), 'budget.invalid_amount'],
      [new shared.InsufficientFundsError(kroner(2), kroner(1)), 'budget.insufficient_funds'],
      [new shared.AdminCapExceededError(kroner(3), kroner(2), kroner(1)), 'budget.admin_cap_exceeded'],
      [new shared.ReturnExceedsAwardedError(kroner(2), kroner(1)), 'budget.return_exceeds_awarded'],
      [new shared.ReleaseExceedsReservedError(kroner(2), kroner(1)), 'budget.release_exceeds_reserved'],
      [new shared.IllegalTransitionError('round', 'draft', 'close'), 'lifecycle.illegal_transition'],
      [new shared.RoundSettingsRejectedError([]), 'round.settings_break_national_rules'],
      [new ConcurrentChangeError(), 'application.concurrent_change'],
      [new NotFoundError(), 'application.not_found'],
      [new CallNotOpenError(), 'application.call_not_open'],
      [new OrganisationNotFoundError(), 'organisation.not_found'],
      [new OrganisationRemovedError(), 'organisation.removed'],
      [new NotEligibleError([]), 'organisation.not_eligible'],
      [new IncompleteApplicationError(), 'application.incomplete'],
      [new NotEditableError(), 'application.not_editable'],
    ];

    // Act
    const codes = expected.map(([error]) => error.code);

    // Assess
    for (const [error] of expected) expect(error).toBeInstanceOf(shared.DomainError);
    expect(codes).toEqual(expected.map(([, code]) => code));
    expect(codes.every((code) => /^[a-z_]+\.[a-z_.]+$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
