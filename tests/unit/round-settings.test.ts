import { describe, expect, it } from 'vitest';
import { issueCode } from '../../shared/kernel/i18n.js';
import { kroner } from '../../shared/kernel/money.js';
import {
  assertRoundSettings, roundSettingsSchema, RoundSettingsRejectedError, ruleSetFor, validateRoundSettings,
} from '../../shared/index.js';
import { roundSettings } from './builders.js';

function codes(result: ReturnType<typeof validateRoundSettings>): string[] {
  return result.ok ? [] : result.error.map((v) => v.code);
}

describe('roundSettingsSchema', () => {
  it('accepts a complete round with extra questions, criteria, priorities and defaults', () => {
    // Prepare
    const input = {
      grantYear: 2024, opensAt: '2024-01-02T08:00:00.000Z', deadline: '2024-02-15T11:00:00.000Z', subGoals: ['A', 'B'],
      minAmount: 10_000, maxAmount: 1_000_000, reportingDeadline: '2025-03-01T22:59:59.000Z',
      extraQuestions: [{ id: 'volunteers', label: { nb: 'Frivillige?', nn: 'Frivillige?', en: 'Volunteers?' }, required: true, maxLength: 500 }],
      criteria: [{ id: 'reach', label: { nb: 'Rekkevidde', nn: 'Rekkevidd', en: 'Reach' } }],
    };
    // Act
    const parsed = roundSettingsSchema.parse(input);
    // Assess
    expect(parsed.criteria[0]?.weight).toBe(1);
    expect(parsed.pots).toEqual([]);
    expect(parsed.priorities).toEqual([]);
    expect(parsed.minAmount).toBe(10_000);
  });

  it('refuses a deadline with an offset instead of UTC', () => {
    const result = roundSettingsSchema.safeParse({ ...roundSettings(), deadline: '2024-02-15T12:00:00+01:00' });
    expect(result.success).toBe(false);
  });

  it.each([
    ['round.opens_after_deadline', { opensAt: '2024-05-01T00:00:00.000Z' }],
    ['round.reporting_before_deadline', { reportingDeadline: '2024-04-01T00:00:00.000Z' }],
    ['round.min_above_max', { minAmount: 20_000, maxAmount: 10_000 }],
    ['round.duplicate', { subGoals: ['A', 'A'] }],
  ] as const)('reports %s for inconsistent settings', (code, overrides) => {
    // Prepare
    const input = { ...roundSettings(), ...overrides };
    // Act
    const result = roundSettingsSchema.safeParse(input);
    // Assess
    expect(result.error?.issues.map((i) => issueCode(i))).toContain(code);
  });

  it('refuses duplicate extra-question ids and non-integer amounts', () => {
    const question = { id: 'q', label: { nb: 'a', nn: 'a', en: 'a' }, required: false, maxLength: 10 };
    expect(roundSettingsSchema.safeParse({ ...roundSettings(), extraQuestions: [question, question] }).success).toBe(false);
    expect(roundSettingsSchema.safeParse({ ...roundSettings(), maxAmount: 1000.5 }).success).toBe(false);
  });
});

describe('validateRoundSettings', () => {
  it('accepts local settings that narrow the national rules', () => {
    // Prepare: Oslo and Gjøvik use 10 000 – 1 000 000
    const settings = roundSettings({ subGoals: ['A', 'B'], minAmount: 10_000, maxAmount: 1_000_000 });
    // Act
    const result = validateRoundSettings(ruleSetFor(2024), settings);
    // Assess
    expect(result).toEqual({ ok: true, value: settings });
  });

  it('refuses a maximum above the national maximum and names the rule', () => {
    // Prepare
    const settings = roundSettings({ maxAmount: 5_000_000 });
    // Act
    const result = validateRoundSettings(ruleSetFor(2024), settings);
    // Assess
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toHaveLength(1);
      expect(result.error[0]).toMatchObject({ code: 'round.max_amount_above_national', rule: 'amounts.maxPerApplication', field: 'maxAmount' });
      expect(result.error[0]?.messages.nb).toContain('2\u00a0000\u00a0000\u00a0kr');
      expect(result.error[0]?.messages.en).toContain('NOK 2,000,000');
    }
  });

  it('refuses a minimum below the national minimum', () => {
    const result = validateRoundSettings(ruleSetFor(2024), roundSettings({ minAmount: 500 }));
    expect(codes(result)).toEqual(['round.min_amount_below_national']);
  });

  it('refuses a round for another year than the rule set', () => {
    const result = validateRoundSettings(ruleSetFor(2023), roundSettings());
    expect(codes(result)).toContain('round.grant_year_mismatch');
  });

  it('refuses a pot the rule set does not have', () => {
    const result = validateRoundSettings(ruleSetFor(2024), roundSettings({ pots: [{ id: 'small-new-organisations' }] }));
    expect(codes(result)).toEqual(['round.pot_not_in_rule_set']);
  });

  it('accepts a pot the rule set has, with an amount set aside', () => {
    const settings = roundSettings({ pots: [{ id: 'small-new-organisations', setAside: kroner(220_000) }] }, 2025);
    expect(validateRoundSettings(ruleSetFor(2025), settings).ok).toBe(true);
  });

  it('refuses a sub-goal that the year does not have', () => {
    // Prepare
    const rules = { ...ruleSetFor(2024), subGoals: ruleSetFor(2024).subGoals.filter((g) => g.code !== 'D') };
    // Act
    const result = validateRoundSettings(rules, roundSettings({ subGoals: ['A', 'D'] }));
    // Assess
    expect(codes(result)).toEqual(['round.sub_goal_not_in_rule_set']);
  });

  it('refuses a deadline outside the grant year and a reporting deadline inside it', () => {
    // Prepare
    const settings = roundSettings({ opensAt: '2023-12-01T00:00:00.000Z', deadline: '2023-12-31T10:00:00.000Z', reportingDeadline: '2024-06-01T00:00:00.000Z' });
    // Act
    const result = validateRoundSettings(ruleSetFor(2024), settings);
    // Assess
    expect(codes(result)).toEqual(['round.deadline_outside_grant_year', 'round.reporting_deadline_inside_grant_year']);
  });

  it('reports every violation at once and throws them as one error on assert', () => {
    // Prepare
    const settings = roundSettings({ minAmount: 1, maxAmount: 9_000_000 });
    // Act
    let error: RoundSettingsRejectedError | undefined;
    try { assertRoundSettings(ruleSetFor(2024), settings); } catch (e) { error = e as RoundSettingsRejectedError; }
    // Assess
    expect(error?.code).toBe('round.settings_break_national_rules');
    expect(error?.violations.map((v) => v.rule)).toEqual(['amounts.minPerApplication', 'amounts.maxPerApplication']);
    expect(error?.fields.map((f) => f.field)).toEqual(['minAmount', 'maxAmount']);
  });
});
