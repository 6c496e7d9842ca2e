/**
 * The ranking of a round (order, running total against the budget, filters), the amount rules of a
 * recommendation, and the standard texts that begin its reasons: pure rules, with property-based
 * tests for every money figure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Application } from '../../shared/applications/application';
import type { DecisionOutcome } from '../../shared/decisions/decision';
import { compareForRanking, rankApplications } from '../../shared/decisions/ranking';
import { defaultStandardTexts, prefillReasons, standardTextListSchema, standardTextsOrDefaults, textsFor } from '../../shared/decisions/standard-texts';
import { amountProblem, assessmentsOutstanding } from '../../shared/decisions/use-cases/recommend';
import { kroner, type Kroner } from '../../shared/kernel/money';
import type { Orgnr } from '../../shared/kernel/orgnr';
import type { TenantId } from '../../shared/kernel/tenants';
import type { SubGoalCode } from '../../shared/rules/sub-goals';

const tenantId = 'k3240' as TenantId;

function application(reference: string, options: {
  score?: number; applied?: number; status?: Application['status']; recommendation?: { outcome: DecisionOutcome; amount: number };
  subGoals?: SubGoalCode[]; findings?: ('blocking' | 'warning')[]; orgnr?: string;
} = {}): Application {
  return {
    tenantId, roundId: 'r1', applicationId: `id-${reference}`, reference, grantYear: 2027, orgnr: (options.orgnr ?? '910000000') as Orgnr,
    organisationName: `Org ${reference}`, email: 'x@example.org', status: options.status ?? 'under_assessment', version: 3,
    createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', language: 'nb',
    registryCheck: {
      status: 'verified', checkedAt: '2026-11-01T00:00:00.000Z', record: {} as never,
      findings: (options.findings ?? []).map((severity) => ({ code: `c.${severity}`, severity, rule: 'r', legalBasis: 'l', messages: { nb: 'x', nn: 'x', en: 'x' } })),
    },
    attachments: [],
    project: { subGoals: options.subGoals ?? ['A'] } as never,
    budget: { amountApplied: kroner(options.applied ?? 50_000) } as never,
    ...(options.score !== undefined ? { assessmentSummary: { required: 2, submitted: 2, recused: 0, score: options.score } } : {}),
    ...(options.recommendation ? { recommendation: { ...options.recommendation, amount: kroner(options.recommendation.amount), reasons: 'r', conditions: '', recommendedBy: 'u', recommendedAt: '2026-12-01T00:00:00.000Z' } } : {}),
  };
}

const arbitraryApplication = fc
  .record({
    reference: fc.stringMatching(/^[A-Z0-9]{6}$/),
    score: fc.option(fc.integer({ min: 100, max: 600 }).map((n) => n / 100), { nil: undefined }),
    applied: fc.integer({ min: 1, max: 500_000 }),
    outcome: fc.option(fc.constantFrom<DecisionOutcome>('grant', 'grant_partly', 'reject'), { nil: undefined }),
    share: fc.integer({ min: 1, max: 99 }),
    withdrawn: fc.boolean(),
  })
  .map(({ reference, score, applied, outcome, share, withdrawn }) =>
    application(reference, {
      ...(score !== undefined ? { score } : {}),
      applied,
      status: withdrawn ? 'withdrawn' : 'under_assessment',
      ...(outcome && !withdrawn ? { recommendation: { outcome, amount: outcome === 'grant' ? applied : outcome === 'reject' ? 0 : Math.max(1, Math.floor((applied * share) / 100)) } } : {}),
    }),
  );
const arbitraryRound = fc.uniqueArray(arbitraryApplication, { selector: (each) => each.reference, maxLength: 40 });

describe('the ranking of a round', () => {
  it('orders by score, highest first, unscored last, ties by amount applied and then reference', () => {
    // Prepare
    const applications = [
      application('E', { applied: 10_000 }),
      application('D', { score: 4, applied: 30_000 }),
      application('C', { score: 5.5, applied: 80_000 }),
      application('B', { score: 4, applied: 20_000 }),
      application('A', { score: 4, applied: 20_000 }),
    ];

    // Act
    const ranking = rankApplications(applications);

    // Assess
    expect(ranking.rows.map((row) => [row.rank, row.application.reference])).toEqual([[1, 'C'], [2, 'A'], [3, 'B'], [4, 'D'], [5, 'E']]);
  });

  it('adds grants and lower grants in rank order and marks the first row that passes what is available', () => {
    // Prepare
    const applications = [
      application('A', { score: 6, applied: 100_000, recommendation: { outcome: 'grant', amount: 100_000 } }),
      application('B', { score: 5, applied: 80_000, recommendation: { outcome: 'reject', amount: 0 } }),
      application('C', { score: 4, applied: 90_000, recommendation: { outcome: 'grant_partly', amount: 60_000 } }),
      application('D', { score: 3, applied: 50_000, recommendation: { outcome: 'grant', amount: 50_000 } }),
    ];

    // Act
    const ranking = rankApplications(applications, { available: kroner(150_000) });

    // Assess
    expect(ranking.rows.map((row) => row.runningTotal)).toEqual([100_000, 100_000, 160_000, 210_000]);
    expect(ranking.rows.map((row) => row.crossesBudget)).toEqual([false, false, true, false]);
    expect(ranking.rows.map((row) => row.overBudget)).toEqual([false, false, true, true]);
    expect(ranking.recommendedTotal).toBe(210_000);
    expect(ranking.remaining).toBe(-60_000);
    expect(ranking.shown).toEqual({ count: 4, amountApplied: 320_000, recommended: 210_000 });
  });

  it('filters by sub-goal, findings, first-time organisation, recommendation and status, keeping rank and running total', () => {
    // Prepare
    const applications = [
      application('A', { score: 6, subGoals: ['A', 'B'], findings: ['warning'], orgnr: '910000001', recommendation: { outcome: 'grant', amount: 50_000 } }),
      application('B', { score: 5, subGoals: ['C'], findings: ['blocking', 'warning'], orgnr: '910000002' }),
      application('C', { score: 4, subGoals: ['B'], orgnr: '910000003', recommendation: { outcome: 'grant', amount: 50_000 } }),
      application('W', { score: 6, status: 'withdrawn', orgnr: '910000004' }),
    ];
    const earlier = new Set(['910000001' as Orgnr]);
    const refs = (filter: Parameters<typeof rankApplications>[1]) => rankApplications(applications, filter).rows.map((row) => row.application.reference);

    // Act + Assess
    expect(refs({ filter: { subGoal: 'B' } })).toEqual(['A', 'C']);
    expect(refs({ filter: { findings: 'none' } })).toEqual(['C']);
    expect(refs({ filter: { findings: 'warnings' } })).toEqual(['A']);
    expect(refs({ filter: { findings: 'blocking' } })).toEqual(['B']);
    expect(refs({ filter: { firstTime: true }, earlierOrganisations: earlier })).toEqual(['B', 'C']);
    expect(refs({ filter: { firstTime: false }, earlierOrganisations: earlier })).toEqual(['A']);
    expect(refs({ filter: { recommendation: 'none' } })).toEqual(['B']);
    expect(refs({ filter: { recommendation: 'grant' } })).toEqual(['A', 'C']);
    expect(refs({ filter: { status: 'withdrawn' } })).toEqual(['W']);
    expect(refs({})).toEqual(['A', 'B', 'C']);
    const filtered = rankApplications(applications, { filter: { subGoal: 'B' } });
    expect(filtered.rows.map((row) => [row.rank, row.runningTotal])).toEqual([[1, 50_000], [3, 100_000]]);
    expect(filtered.total).toBe(3);
  });

  it('keeps the running total the sum of the granted amounts above and including each row (property)', () => {
    fc.assert(
      fc.property(arbitraryRound, fc.integer({ min: 0, max: 5_000_000 }), (applications, budget) => {
        const ranking = rankApplications(applications, { available: kroner(budget) });
        const ranked = ranking.rows.filter((row) => row.rank !== undefined);
        let expected = 0;
        ranked.forEach((row, index) => {
          const rec = row.application.recommendation;
          expected += rec && rec.outcome !== 'reject' ? rec.amount : 0;
          expect(row.rank).toBe(index + 1);
          expect(row.runningTotal).toBe(expected);
          expect(Number.isSafeInteger(row.runningTotal)).toBe(true);
          expect(row.overBudget).toBe(expected > budget);
        });
        expect(ranking.recommendedTotal).toBe(expected);
        expect(ranked.filter((row) => row.crossesBudget).length).toBe(expected > budget ? 1 : 0);
        expect(ranking.remaining).toBe(budget - expected);
      }),
    );
  });

  it('orders any round the same way whatever order it is read in, scored before unscored (property)', () => {
    fc.assert(
      fc.property(arbitraryRound, fc.infiniteStream(fc.integer()), (applications, seeds) => {
        const shuffled = [...applications].map((each) => ({ each, key: seeds.next().value as number })).sort((a, b) => a.key - b.key).map(({ each }) => each);
        const once = rankApplications(applications).rows.map((row) => row.application.reference);
        const again = rankApplications(shuffled).rows.map((row) => row.application.reference);
        expect(again).toEqual(once);
        const ranked = rankApplications(applications).rows.filter((row) => row.rank !== undefined).map((row) => row.application);
        for (let index = 1; index < ranked.length; index++) expect(compareForRanking(ranked[index - 1]!, ranked[index]!)).toBeLessThanOrEqual(0);
        const firstUnscored = ranked.findIndex((each) => each.assessmentSummary?.score === undefined);
        if (firstUnscored >= 0) expect(ranked.slice(firstUnscored).every((each) => each.assessmentSummary?.score === undefined)).toBe(true);
      }),
    );
  });
});

describe('the amount of a recommendation', () => {
  const round = { minAmount: kroner(5_000), maxAmount: kroner(200_000) };

  it('is the amount applied for a grant, 0 for a rejection, and within the limits and below the amount applied for a lower grant', () => {
    // Act + Assess
    expect(amountProblem('grant', 80_000, kroner(80_000), round)).toBeUndefined();
    expect(amountProblem('grant', 79_999, kroner(80_000), round)?.field).toBe('amount');
    expect(amountProblem('reject', 0, kroner(80_000), round)).toBeUndefined();
    expect(amountProblem('reject', 1, kroner(80_000), round)?.messages.nb).toBe('Et avslag har beløpet 0 kr.');
    expect(amountProblem('grant_partly', 40_000, kroner(80_000), round)).toBeUndefined();
    expect(amountProblem('grant_partly', 80_000, kroner(80_000), round)?.messages.en).toBe('A lower amount must be between NOK 5,000 and NOK 79,999.');
    expect(amountProblem('grant_partly', 4_999, kroner(80_000), round)).toBeDefined();
    expect(amountProblem('grant_partly', 0, kroner(80_000), round)).toBeDefined();
    expect(amountProblem('grant_partly', 10.5, kroner(80_000), round)?.messages.en).toBe('The amount must be whole kroner.');
  });

  it('accepts a lower grant exactly when 0 < amount < applied and min ≤ amount ≤ max (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 1_000_000 }), (amount, applied, min, max) => {
        const limits = { minAmount: kroner(min), maxAmount: kroner(max) };
        const fits = amount > 0 && amount < applied && amount >= min && amount <= max;
        expect(amountProblem('grant_partly', amount, kroner(applied) as Kroner, limits) === undefined).toBe(fits);
        expect(amountProblem('grant', amount, kroner(applied) as Kroner, limits) === undefined).toBe(amount === applied);
        expect(amountProblem('reject', amount, kroner(applied) as Kroner, limits) === undefined).toBe(amount === 0);
      }),
    );
  });

  it('needs every assessment the summary (or else the round) requires', () => {
    // Act + Assess
    expect(assessmentsOutstanding(application('A', { score: 4 }), { assessment: undefined })).toEqual({ required: 2, submitted: 2 });
    expect(assessmentsOutstanding(application('A'), { assessment: { assessorsPerApplication: 3 } as never })).toEqual({ required: 3, submitted: 0 });
    expect(assessmentsOutstanding(application('A'), { assessment: undefined })).toEqual({ required: 0, submitted: 0 });
  });
});

describe('the standard reason texts', () => {
  it('ship defaults for every outcome in all three languages that pass the list’s own rules', () => {
    // Act
    const parsed = standardTextListSchema.safeParse(defaultStandardTexts);

    // Assess
    expect(parsed.success).toBe(true);
    for (const outcome of ['grant', 'grant_partly', 'reject'] as const) expect(textsFor(defaultStandardTexts, outcome).length).toBeGreaterThanOrEqual(2);
    expect(textsFor(defaultStandardTexts, 'reject').map((text) => text.text.nb)).toContain(
      'Søknaden nådde ikke opp i konkurransen om midlene. Det kom inn flere søknader enn det er midler til, og andre søknader ble vurdert høyere etter kriteriene i utlysningen.',
    );
    expect(standardTextsOrDefaults(tenantId, undefined).version).toBe(0);
  });

  it('refuses a list with an outcome left without text or a repeated id', () => {
    // Prepare
    const withoutReject = defaultStandardTexts.filter((text) => text.outcome !== 'reject');
    const repeated = [...defaultStandardTexts, defaultStandardTexts[0]!];

    // Act + Assess
    expect(standardTextListSchema.safeParse(withoutReject).success).toBe(false);
    expect(standardTextListSchema.safeParse(repeated).success).toBe(false);
  });

  it('prefills the reasons with the chosen texts in the applicant’s language after what was written, once each', () => {
    // Act
    const once = prefillReasons(defaultStandardTexts, ['reject-competition', 'reject-purpose'], 'nn', 'Eigen innleiing.');
    const twice = prefillReasons(defaultStandardTexts, ['reject-purpose'], 'nn', once);

    // Assess
    const purpose = textsFor(defaultStandardTexts, 'reject').find((text) => text.id === 'reject-purpose')!.text.nn;
    const competition = textsFor(defaultStandardTexts, 'reject').find((text) => text.id === 'reject-competition')!.text.nn;
    expect(once).toBe(`Eigen innleiing.\n\n${purpose}\n\n${competition}`);
    expect(twice).toBe(once);
  });
});
