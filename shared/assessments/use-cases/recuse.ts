/**
 * An assessor declares a conflict of interest (inhabilitet, forvaltningsloven § 6) with the
 * reason. From then on they may neither score nor decide the case: their id is added to the
 * application's `recusedUserIds` and the summary counts the recusal, in the same transaction as
 * the assessment and its audit event. A draft's scores are dropped; a submitted assessment stands.
 */
import type { Clock, IdGenerator } from '../../kernel/ports';
import { isRecused } from '../access';
import { applicationAfter, loadAssessmentCase, retryingConflicts, type AssessmentTarget } from '../assessment-case';
import type { Assessment } from '../assessment';
import { AlreadyDeclaredError, AlreadySubmittedError, NotUnderAssessmentError, RecusalReasonError } from '../errors';
import { assessmentSummaryOf } from '../scores';
import type { AssessmentPorts } from '../ports';

/** The longest reason. */
export const MAX_REASON_LENGTH = 1000;

export async function recuse(ports: AssessmentPorts, deps: { clock: Clock; ids: IdGenerator }, target: AssessmentTarget & { reason: string }): Promise<Assessment> {
  const reason = target.reason.trim();
  if (reason.length === 0 || reason.length > MAX_REASON_LENGTH) throw new RecusalReasonError();
  return retryingConflicts(async () => {
    const { application, round, own } = await loadAssessmentCase(ports, target);
    const { userId } = target.user;
    if (own?.declaration.kind === 'recused' || isRecused(userId, application)) throw new AlreadyDeclaredError();
    if (own?.submittedAt) throw new AlreadySubmittedError();
    if (!['submitted', 'under_assessment', 'returned'].includes(application.status)) throw new NotUnderAssessmentError();
    const at = deps.clock().toISOString();
    const next: Assessment = {
      tenantId: target.tenantId,
      applicationId: application.applicationId,
      roundId: application.roundId,
      userId,
      ...(target.user.name ? { name: target.user.name } : {}),
      declaration: { kind: 'recused', reason, declaredAt: at },
      scores: [],
      createdAt: own?.createdAt ?? at,
      updatedAt: at,
      version: (own?.version ?? 0) + 1,
    };
    const others = (await ports.assessments.listByApplication(target.tenantId, application.applicationId)).filter((each) => each.userId !== userId);
    const assessmentSummary = assessmentSummaryOf(round, [...others, next]);
    const recusedUserIds = [...(application.recusedUserIds ?? []), userId];
    await ports.assessments.record({
      next,
      application: { next: applicationAfter(application, { recusedUserIds, assessmentSummary }, at), expectedStatus: application.status },
      audit: [{ machine: 'assessment', eventId: deps.ids(), at, actor: `officer:${userId}`, action: 'recuse', ...(own ? { from: 'impartial' } : {}), to: 'recused' }],
    });
    return next;
  });
}
