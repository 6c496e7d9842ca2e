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
