/**
 * An assessor declares that they are impartial in the case (forvaltningsloven § 6), which they
 * must do before scoring. The first declaration on a submitted application starts its assessment
 * (`start_assessment`), in the same transaction.
 */
import { transitionApplication } from '../../applications/lifecycle';
import type { Clock, IdGenerator } from '../../kernel/ports';
import { isRecused } from '../access';
import { applicationAfter, loadAssessmentCase, retryingConflicts, type AssessmentTarget } from '../assessment-case';
import type { Assessment } from '../assessment';
import { ActorRecusedError } from '../../applications/errors';
import { AlreadyDeclaredError, NotUnderAssessmentError } from '../errors';
import type { AssessmentAuditEntry, AssessmentChange, AssessmentPorts } from '../ports';

export async function declareImpartiality(ports: AssessmentPorts, deps: { clock: Clock; ids: IdGenerator }, target: AssessmentTarget): Promise<Assessment> {
  return retryingConflicts(async () => {
    const { application, round, own } = await loadAssessmentCase(ports, target);
    const { userId } = target.user;
    if (isRecused(userId, application) || own?.declaration.kind === 'recused') throw new ActorRecusedError('assess');
    if (own) throw new AlreadyDeclaredError();
    if (application.status !== 'submitted' && application.status !== 'under_assessment') throw new NotUnderAssessmentError();
    const at = deps.clock().toISOString();
    const actor = `officer:${userId}`;
    const next: Assessment = {
      tenantId: target.tenantId,
      applicationId: application.applicationId,
      roundId: application.roundId,
      userId,
      ...(target.user.name ? { name: target.user.name } : {}),
      declaration: { kind: 'impartial', declaredAt: at },
      scores: round.criteria.map((criterion) => ({ criterionId: criterion.id, note: '' })),
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    const audit: AssessmentAuditEntry[] = [{ machine: 'assessment', eventId: deps.ids(), at, actor, action: 'declare_impartiality', to: 'impartial' }];
    let change: AssessmentChange = { next, audit };
    if (application.status === 'submitted') {
      const status = transitionApplication(application.status, 'start_assessment', { now: at, actorRecused: false });
      change = {
        next,
        application: { next: applicationAfter(application, { status }, at), expectedStatus: application.status },
        audit: [...audit, { machine: 'application', eventId: deps.ids(), at, actor, action: 'start_assessment', from: application.status, to: status }],
      };
    }
    await ports.assessments.record(change);
    return next;
  });
}
