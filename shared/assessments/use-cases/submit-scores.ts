/**
 * An assessor submits their scores, once; the assessment is read-only from then on. The
 * application's `assessmentSummary` (submitted count, recusals, mean weighted score) is recomputed
 * from every assessment stored beside it and written in the same transaction, guarded by the
 * application's version: when another assessor submitted at the same moment the whole step is read
 * and tried again, so both are counted.
 */
import { ConcurrentChangeError } from '../../applications/errors';
import type { Clock, IdGenerator } from '../../kernel/ports';
import { isRecused } from '../access';
import { applicationAfter, loadAssessmentCase, retryingConflicts, type AssessmentTarget } from '../assessment-case';
import type { Assessment } from '../assessment';
import { ActorRecusedError } from '../../applications/errors';
import { AlreadySubmittedError, NotDeclaredError, NotUnderAssessmentError } from '../errors';
import { assessmentSummaryOf, checkScores, type ScoreInput } from '../scores';
import type { AssessmentPorts } from '../ports';

export async function submitScores(
  ports: AssessmentPorts,
  deps: { clock: Clock; ids: IdGenerator },
  target: AssessmentTarget & { readonly scores: readonly ScoreInput[]; readonly expectedVersion: number },
): Promise<Assessment> {
  return retryingConflicts(async () => {
    const { application, round, own } = await loadAssessmentCase(ports, target);
    const { userId } = target.user;
    if (isRecused(userId, application) || own?.declaration.kind === 'recused') throw new ActorRecusedError('assess');
    if (!own) throw new NotDeclaredError();
    if (own.submittedAt) throw new AlreadySubmittedError();
    if (application.status !== 'under_assessment') throw new NotUnderAssessmentError();
    if (own.version !== target.expectedVersion) throw new ConcurrentChangeError();
    const scores = checkScores(round, target.scores, true);
    const at = deps.clock().toISOString();
    const next: Assessment = { ...own, scores, submittedAt: at, updatedAt: at, version: own.version + 1 };
    const others = (await ports.assessments.listByApplication(target.tenantId, application.applicationId)).filter((each) => each.userId !== userId);
    const assessmentSummary = assessmentSummaryOf(round, [...others, next]);
    await ports.assessments.record({
      next,
      application: { next: applicationAfter(application, { assessmentSummary }, at), expectedStatus: application.status },
      audit: [{ machine: 'assessment', eventId: deps.ids(), at, actor: `officer:${userId}`, action: 'submit_scores', from: 'draft', to: 'submitted' }],
    });
    return next;
  });
}
