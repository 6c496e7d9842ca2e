/**
 * The scoring rules: a score per criterion on the round's scale, an assessment's weighted score
 * (Σ weightᵢ·scoreᵢ / Σ weightᵢ) and the application's score, the mean of its submitted
 * assessments' weighted scores, rounded half-up to two decimals. Computed exactly on fractions, so
 * the order of assessments or criteria and a common factor of the weights never change the result.
 */
import { fraction, roundFraction, type Fraction } from '../kernel/fraction';
import type { FieldError } from '../kernel/errors';
import type { RoundAssessment } from '../rounds/call';
import type { Assessment, AssessmentSummary, CriterionScore } from './assessment';
import { IncompleteScoresError } from './errors';

/** The longest note per criterion. */
export const MAX_NOTE_LENGTH = 2000;

/** A criterion's weight and one score on it. */
export interface WeightedScore {
  readonly weight: number;
  readonly score: number;
}

function add(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

/** One assessment's weighted score, exactly: Σ weightᵢ·scoreᵢ / Σ weightᵢ. */
export function weightedScore(scores: readonly WeightedScore[]): Fraction {
  const weights = scores.reduce((sum, { weight }) => sum + BigInt(weight), 0n);
  if (weights === 0n) throw new RangeError('an assessment needs at least one weighted criterion');
  const total = scores.reduce((sum, { weight, score }) => sum + BigInt(weight) * BigInt(score), 0n);
  return fraction(total, weights);
}

/** The mean of several assessments' weighted scores, exactly; undefined for none. */
export function meanScore(assessments: readonly (readonly WeightedScore[])[]): Fraction | undefined {
  if (assessments.length === 0) return undefined;
  const sum = assessments.map(weightedScore).reduce(add, fraction(0));
  return fraction(sum.numerator, sum.denominator * BigInt(assessments.length));
}

/** A non-negative exact value rounded half-up to two decimals, as a number (e.g. 4.67). */
export function toTwoDecimals(value: Fraction): number {
  const hundredths = roundFraction(fraction(value.numerator * 100n, value.denominator), 'half-up');
  return Number(hundredths) / 100;
}

/** An assessment's scores with the round's weights, in the round's order; missing scores left out. */
export function weightedScoresOf(round: RoundAssessment, scores: readonly CriterionScore[]): WeightedScore[] {
  return round.criteria.flatMap((criterion) => {
    const score = scores.find((each) => each.criterionId === criterion.id)?.score;
    return score === undefined ? [] : [{ weight: criterion.weight, score }];
  });
}

/** The application's assessments in figures, from every assessment stored beside it. */
export function assessmentSummaryOf(round: RoundAssessment, assessments: readonly Assessment[]): AssessmentSummary {
  const submitted = assessments.filter((each) => each.submittedAt && each.declaration.kind === 'impartial');
  const recused = assessments.filter((each) => each.declaration.kind === 'recused').length;
  const mean = meanScore(submitted.map((each) => weightedScoresOf(round, each.scores)));
  return {
    required: round.assessorsPerApplication,
    submitted: submitted.length,
    recused,
    ...(mean ? { score: toTwoDecimals(mean) } : {}),
  };
}

/** A draft's scores as posted: a score may be missing, but one that is given is on the scale. */
export interface ScoreInput {
  readonly criterionId: string;
  readonly score?: number;
  readonly note: string;
}

const messages = {
  outOfScale: (min: number, max: number) => ({
    nb: `Velg en hel poengsum fra ${min} til ${max}.`,
    nn: `Vel ein heil poengsum frå ${min} til ${max}.`,
    en: `Choose a whole score from ${min} to ${max}.`,
  }),
  missing: {
    nb: 'Gi en poengsum før du sender inn.',
    nn: 'Gi ein poengsum før du sender inn.',
    en: 'Give a score before you submit.',
  },
  noteMissing: {
    nb: 'Skriv en kort begrunnelse for poengsummen før du sender inn.',
    nn: 'Skriv ei kort grunngiving for poengsummen før du sender inn.',
    en: 'Write a short reason for the score before you submit.',
  },
  noteTooLong: {
    nb: `Begrunnelsen kan være opptil ${MAX_NOTE_LENGTH} tegn.`,
    nn: `Grunngivinga kan vere opptil ${MAX_NOTE_LENGTH} teikn.`,
    en: `The reason can be up to ${MAX_NOTE_LENGTH} characters.`,
  },
};

/**
 * Checks posted scores against the round: every criterion of the round (and no other), scores
 * whole and on the scale, notes within bounds; `complete` (for submitting) also wants every score
 * and every note. Returns the scores in the round's order, or throws with an error per field
 * (`scores.<criterionId>.score` / `.note`).
 */
export function checkScores(round: RoundAssessment, input: readonly ScoreInput[], complete: boolean): CriterionScore[] {
  const fields: FieldError[] = [];
  const { min, max } = round.scale;
  const scores = round.criteria.map((criterion): CriterionScore => {
    const given = input.find((each) => each.criterionId === criterion.id);
    const score = given?.score;
    const note = (given?.note ?? '').trim();
    const at = `scores.${criterion.id}`;
    if (score !== undefined && (!Number.isInteger(score) || score < min || score > max)) {
      fields.push({ field: `${at}.score`, code: 'assessment.score_out_of_scale', messages: messages.outOfScale(min, max) });
    } else if (score === undefined && complete) {
      fields.push({ field: `${at}.score`, code: 'assessment.score_missing', messages: messages.missing });
    }
    if (note.length > MAX_NOTE_LENGTH) fields.push({ field: `${at}.note`, code: 'assessment.note_too_long', messages: messages.noteTooLong });
    else if (complete && note.length === 0) fields.push({ field: `${at}.note`, code: 'assessment.note_missing', messages: messages.noteMissing });
    return { criterionId: criterion.id, ...(score !== undefined ? { score } : {}), note };
  });
  if (fields.length > 0) throw new IncompleteScoresError(fields);
  return scores;
}
