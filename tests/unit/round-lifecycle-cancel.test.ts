import { describe, expect, it } from 'vitest';
import { IllegalTransitionError } from '../../shared/kernel/state-machine';
import { allowedRoundActions, transitionRound, type RoundStatus } from '../../shared/rounds/lifecycle';
import { roundInputSchema } from '../../shared/rounds/round-input';

const context = { now: '2027-02-01T10:00:00.000Z', opensAt: '2027-02-01T08:00:00.000Z', deadline: '2027-03-01T11:00:00.000Z', settingsValid: true, undecidedApplications: 0, unsettledReports: 0 };

describe('cancelling a round', () => {
  it.each<RoundStatus>(['draft', 'published', 'open'])('cancels a %s round', (status) => {
    expect(transitionRound(status, 'cancel', context)).toBe('cancelled');
  });

  it.each<RoundStatus>(['closed', 'decided', 'reporting', 'archived', 'cancelled'])('refuses to cancel a %s round', (status) => {
    expect(() => transitionRound(status, 'cancel', context)).toThrow(IllegalTransitionError);
  });

  it('leaves a cancelled round with nothing more to do', () => {
    expect(allowedRoundActions('cancelled', context)).toEqual([]);
  });
});

describe('the round input an officer types', () => {
  const input = {
    title: { nb: 'Sommer', nn: '', en: '' },
    summary: { nb: 'Om sommeren.', nn: 'Om sommaren.', en: '' },
    grantYear: '2027',
    opensAt: '2027-02-01T09:00',
    deadline: '2027-03-01T12:00',
    reportingDeadline: '2028-03-01T12:00',
    subGoals: ['A'],
    minAmount: '10 000',
    maxAmount: '100 000',
    scaleMin: '1',
    scaleMax: '6',
    assessorsPerApplication: '1',
    criteria: [{ label: 'Når målgruppen', weight: '2' }],
    appealBodyName: { nb: 'Klagenemnda', nn: '', en: '' },
    preliminaryReplyWithinDays: '',
  };

  it('reads Oslo times as UTC, kroner text as whole kroner, and falls back to Bokmål', () => {
    const parsed = roundInputSchema.parse(input);
    expect(parsed.content.opensAt).toBe('2027-02-01T08:00:00.000Z');
    expect(parsed.content.minAmount).toBe(10_000);
    expect(parsed.content.title).toEqual({ nb: 'Sommer', nn: 'Sommer', en: 'Sommer' });
    expect(parsed.content.summary.nn).toBe('Om sommaren.');
    expect(parsed.content.preliminaryReplyWithinDays).toBe(30);
    expect(parsed.content.assessment?.criteria).toEqual([{ id: 'k1', label: { nb: 'Når målgruppen', nn: 'Når målgruppen', en: 'Når målgruppen' }, weight: 2 }]);
  });

  it('reads the payment rule: none when the threshold is blank, two instalments from it otherwise', () => {
    expect(roundInputSchema.parse({ ...input, instalmentsFrom: '' }).content.payment).toBeUndefined();
    expect(roundInputSchema.parse({ ...input, instalmentsFrom: '100 000', firstInstalmentPercent: '75', secondInstalmentAfter: 'conditions_confirmed' }).content.payment)
      .toEqual({ instalmentsFrom: 100_000, firstInstalmentPercent: 75, secondInstalmentAfter: 'conditions_confirmed' });
    const refused = roundInputSchema.safeParse({ ...input, instalmentsFrom: '100 000', firstInstalmentPercent: '100', secondInstalmentAfter: 'later' });
    expect(refused.error!.issues.map((issue) => issue.path.join('.'))).toEqual(expect.arrayContaining(['firstInstalmentPercent', 'secondInstalmentAfter']));
  });

  it('names each broken field, in every language', () => {
    const result = roundInputSchema.safeParse({ ...input, title: { nb: '' }, deadline: '2027-01-01T12:00', minAmount: '200 000' });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title.nb']));
    const fields = roundInputSchema.safeParse({ ...input, deadline: '2027-01-01T12:00', minAmount: '200 000' }).error!.issues.map((issue) => issue.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['deadline', 'minAmount']));
  });
});
