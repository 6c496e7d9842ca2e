/**
 * What the case's application item keeps of its assessments, so that lists, the ranking and the
 * decision guard read one item per application. The assessments themselves (declaration, scores
 * and notes per assessor) are items of their own beside the application.
 */

/** The assessments of one application in figures. */
export interface AssessmentSummary {
  /** Assessments the round requires per application. */
  readonly required: number;
  /** Assessors who have submitted their scores. */
  readonly submitted: number;
  /** Assessors who recused themselves. */
  readonly recused: number;
  /**
   * The mean of the submitted assessments' weighted scores, on the round's scale, rounded to two
   * decimals; absent until one is submitted.
   */
  readonly score?: number;
}

/**
 * An assessor's declaration about one application (habilitet, forvaltningsloven § 6): impartial, so
 * they may score it, or recused with the reason, so they may neither score nor decide it.
 */
export type Declaration =
  | { readonly kind: 'impartial'; readonly declaredAt: string }
  | { readonly kind: 'recused'; readonly reason: string; readonly declaredAt: string };

/** One criterion's score and the assessor's note on it; a draft may lack the score. */
export interface CriterionScore {
  readonly criterionId: string;
  readonly score?: number;
  readonly note: string;
}

/**
 * One assessor's assessment of one application, stored beside it. Drafts change by version; once
 * `submittedAt` is set it never changes again.
 */
export interface Assessment {
  readonly tenantId: string;
  readonly applicationId: string;
  readonly roundId: string;
  /** The assessor (the token's subject). */
  readonly userId: string;
  /** The assessor's display name, when the token gave one. */
  readonly name?: string;
  readonly declaration: Declaration;
  /** In the order of the round's criteria. */
  readonly scores: readonly CriterionScore[];
  readonly submittedAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** Where an assessor stands with one application, for their list. */
export type AssessmentState = 'to_declare' | 'draft' | 'submitted' | 'recused';

/** The state of an assessor's assessment (or its absence). */
export function assessmentStateOf(assessment: Assessment | undefined): AssessmentState {
  if (!assessment) return 'to_declare';
  if (assessment.declaration.kind === 'recused') return 'recused';
  return assessment.submittedAt ? 'submitted' : 'draft';
}
