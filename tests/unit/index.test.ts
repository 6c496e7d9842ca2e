import { describe, expect, it } from 'vitest';
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

  it('makes every named domain error a DomainError with a stable code', () => {
    // Act
    const errors = [
      new shared.InvalidAmountError(1.5), new shared.UnknownGrantYearError(1999), new shared.FloorsExceedPoolError(shared.kroner(2), shared.kroner(1)),
      new shared.InsufficientFundsError(shared.kroner(2), shared.kroner(1)), new shared.IllegalTransitionError('round', 'draft', 'close'),
      new shared.RoundSettingsRejectedError([]),
    ];
    // Assess
    for (const error of errors) {
      expect(error).toBeInstanceOf(shared.DomainError);
      expect(error.code).toMatch(/^[a-z_]+\.[a-z_.]+$/);
      expect(error.name).toBe(error.constructor.name);
    }
  });
});
