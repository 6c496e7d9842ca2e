/**
 * Who may assess which application, and what an assessor may see of the others' assessments.
 *
 * - An employee with `assessment.score` (caseworker, approver) may assess any application of the
 *   municipality; an external `assessor` only those whose `assessorIds` name them: for anything
 *   else the application does not exist (404), so nothing is confirmed.
 * - Blind until submitted: an assessor sees only their own assessment until they have submitted
 *   it; then every submitted assessment (who, scores, notes). Recusals (who and why) are open to all
 *   assessors, since they decide who may take part.
 */
import type { Application } from '../applications/application';
import { can, isExternalAssessor, type Role } from '../officers/permissions';
import type { Assessment } from './assessment';

/** The signed-in user as the rules need them. */
export interface Assessor {
  readonly userId: string;
  readonly roles: readonly Role[];
  readonly name?: string;
}

/** Whether the user may see and assess the application at all. */
export function mayAssess(user: Assessor, application: Pick<Application, 'assessorIds'>): boolean {
  if (isExternalAssessor(user.roles)) return (application.assessorIds ?? []).includes(user.userId);
  return can(user.roles, 'assessment.score');
}

/** Whether the user has declared a conflict of interest in the case. */
export function isRecused(userId: string, application: Pick<Application, 'recusedUserIds'>): boolean {
  return (application.recusedUserIds ?? []).includes(userId);
}

/** What one assessor may see of an application's assessments. */
export interface VisibleAssessments {
  /** Their own assessment, whatever its state. */
  readonly own?: Assessment;
  /** Whether the others' scores are open to them (they have submitted their own). */
  readonly othersVisible: boolean;
  /** Every submitted assessment, the viewer's own included; empty while blind. */
  readonly submitted: readonly Assessment[];
  /** Who recused themselves and why. */
  readonly recusals: readonly Assessment[];
}

/** The blind rule applied to one viewer. */
export function visibleTo(userId: string, assessments: readonly Assessment[]): VisibleAssessments {
  const own = assessments.find((each) => each.userId === userId);
  const othersVisible = Boolean(own?.submittedAt) && own?.declaration.kind === 'impartial';
  return {
    ...(own ? { own } : {}),
    othersVisible,
    submitted: othersVisible ? assessments.filter((each) => each.submittedAt && each.declaration.kind === 'impartial') : [],
    recusals: assessments.filter((each) => each.declaration.kind === 'recused'),
  };
}
