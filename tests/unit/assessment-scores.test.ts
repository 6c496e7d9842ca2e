/** The scoring rules: weighted scores, the mean of submitted assessments, its rounding, and the blind rule. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayAssess, visibleTo } from '../../shared/assessments/access';
import type { Assessment } from '../../shared/assessments/assessment';
import { IncompleteScoresError } from '../../shared/assessments/errors';
import { assessmentSummaryOf, checkScores, meanScore, toTwoDecimals, weightedScore } from '../../shared/assessments/scores';
import { fraction } from '../../shared/kernel/fraction';
import type { TenantId } from '../../shared/kernel/tenants';
import { draftAssessment, submittedApplication, testAssessment } from '../support/assessment-cases';

const scale = fc.record({ min: fc.integer({ min: 0, max: 10 }), span: fc.integer({ min: 1, max: 90 }) }).map(({ min, span }) => ({ min, max: min + span }));
/** Assessments of one round: the same weights, scores on the scale. */
const roundWithAssessments = scale.chain(({ min, max }) =>
  fc.integer({ min: 1, max: 6 }).chain((criteria) =>
    fc.record({
      min: fc.constant(min),
      max: fc.constant(max),
      weights: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: criteria, maxLength: criteria }),
      assessments: fc.array(fc.array(fc.integer({ min, max }), { minLength: criteria, maxLength: criteria }), { minLength: 1, maxLength: 10 }),
    }),
  ),
);
const weighted = (weights: number[], scores: number[]) => scores.map((score, i) => ({ weight: weights[i]!, score }));

describe('the weighted score of an assessment and the mean over submitted assessments', () => {
  it('computes Σ weight·score / Σ weight, and the mean, rounded half-up to two decimals', () => {
    // Act
    const one = weightedScore([{ weight: 2, score: 5 }, { weight: 1, score: 4 }]); // 14/3
    const mean = meanScore([[{ weight: 2, score: 5 }, { weight: 1, score: 4 }], [{ weight: 2, score: 4 }, { weight: 1, score: 3 }]]); // (14/3 + 11/3)/2 = 25/6

    // Assess
    expect(one).toEqual(fraction(14, 3));
    expect(toTwoDecimals(one)).toBe(4.67);
    expect(toTwoDecimals(mean!)).toBe(4.17);
    expect(toTwoDecimals(fraction(4125, 1000))).toBe(4.13); // 4.125 → half-up
    expect(toTwoDecimals(fraction(41249, 10000))).toBe(4.12);
    expect(meanScore([])).toBeUndefined();
  });

  it('keeps the score within the scale', () => {
    fc.assert(
      fc.property(roundWithAssessments, ({ min, max, weights, assessments }) => {
        const score = toTwoDecimals(meanScore(assessments.map((scores) => weighted(weights, scores)))!);
        return score >= min && score <= max;
      }),
    );
  });

  it('does not depend on the order of the assessments or of the criteria', () => {
    fc.assert(
      fc.property(roundWithAssessments, fc.integer(), ({ weights, assessments }, seed) => {
        const rotate = <T,>(items: T[], by: number) => items.map((_, i) => items[(i + Math.abs(by)) % items.length]!);
        const original = meanScore(assessments.map((scores) => weighted(weights, scores)))!;
        const reordered = meanScore(rotate(assessments, seed).map((scores) => rotate(weighted(weights, scores), seed + 1)).reverse())!;
        expect(reordered).toEqual(original);
      }),
    );
  });

  it('does not change when every weight is multiplied by the same factor', () => {
    fc.assert(
      fc.property(roundWithAssessments, fc.integer({ min: 2, max: 50 }), ({ weights, assessments }, factor) => {
        const original = meanScore(assessments.map((scores) => weighted(weights, scores)))!;
        const scaled = meanScore(assessments.map((scores) => weighted(weights.map((weight) => weight * factor), scores)))!;
        expect(scaled).toEqual(original);
      }),
    );
  });
});

describe('the summary and the score checks', () => {
  const tenantId = 'unit-assess' as TenantId;
  const application = submittedApplication(tenantId, '2027-1', 'app-1');
  const submitted = (userId: string, fit: number, plan: number): Assessment =>
    draftAssessment(application, userId, { submittedAt: '2027-03-03T10:00:00.000Z', scores: [{ criterionId: 'fit', score: fit, note: 'a' }, { criterionId: 'plan', score: plan, note: 'b' }] });
  const recused = draftAssessment(application, 'c', { declaration: { kind: 'recused', reason: 'Styremedlem', declaredAt: '2027-03-02T10:00:00.000Z' }, scores: [] });

  it('counts submitted and recused assessments and leaves drafts out of the score', () => {
    // Act
    const summary = assessmentSummaryOf(testAssessment, [submitted('a', 5, 4), submitted('b', 4, 3), recused, draftAssessment(application, 'd')]);

    // Assess
    expect(summary).toEqual({ required: 2, submitted: 2, recused: 1, score: 4.17 });
    expect(assessmentSummaryOf(testAssessment, [recused])).toEqual({ required: 2, submitted: 0, recused: 1 });
  });

  it('refuses scores off the scale, and on submission missing scores and notes, by field', () => {
    // Act
    const offScale = () => checkScores(testAssessment, [{ criterionId: 'fit', score: 7, note: '' }], false);
    const incomplete = () => checkScores(testAssessment, [{ criterionId: 'fit', score: 3, note: '' }], true);

    // Assess
    expect(offScale).toThrow(IncompleteScoresError);
    expect(catchFields(offScale)).toEqual(['scores.fit.score']);
    expect(catchFields(incomplete)).toEqual(['scores.fit.note', 'scores.plan.score', 'scores.plan.note']);
    expect(checkScores(testAssessment, [{ criterionId: 'plan', score: 2, note: ' ok ' }], false)).toEqual([
      { criterionId: 'fit', note: '' },
      { criterionId: 'plan', score: 2, note: 'ok' },
    ]);
  });

  it('lets an external assessor reach only the applications assigned to them, and keeps them blind until they submit', () => {
    // Prepare
    const assigned = { ...application, assessorIds: ['aud'] };
    const all = [submitted('a', 5, 4), draftAssessment(application, 'aud'), recused];

    // Act
    const before = visibleTo('aud', all);
    const after = visibleTo('a', all);

    // Assess
    expect(mayAssess({ userId: 'aud', roles: ['assessor'] }, assigned)).toBe(true);
    expect(mayAssess({ userId: 'aud', roles: ['assessor'] }, application)).toBe(false);
    expect(mayAssess({ userId: 'kari', roles: ['officer'] }, application)).toBe(true);
    expect(mayAssess({ userId: 'admin', roles: ['municipal-admin'] }, application)).toBe(false);
    expect(before.othersVisible).toBe(false);
    expect(before.submitted).toEqual([]);
    expect(before.own?.userId).toBe('aud');
    expect(before.recusals.map((each) => each.userId)).toEqual(['c']);
    expect(after.othersVisible).toBe(true);
    expect(after.submitted.map((each) => each.userId)).toEqual(['a']);
  });
});

function catchFields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    return (error as IncompleteScoresError).fields.map((field) => field.field);
  }
  return [];
}
