/**
 * An assessor saves their scores and notes as a draft. Guarded by the version the form was loaded
 * at, so a save from another tab in between is refused (409) instead of silently overwritten.
 */
import { ConcurrentChangeError } from '../../applications/errors';
import type { Clock, IdGenerator } from '../../kernel/ports';
import { isRecused } from '../access';
import { loadAssessmentCase, type AssessmentTarget } from '../assessment-case';
import type { Assessment } from '../assessment';
import { ActorRecusedError } from '../../applications/errors';
import { AlreadySubmittedError, NotDeclaredError, NotUnderAssessmentError } from '../errors';
import { checkScores, type ScoreInput } from '../scores';
import type { AssessmentPorts } from '../ports';

/** The scores as posted and the version of the assessment they were typed over. */
export interface ScoresInput {
  readonly scores: readonly ScoreInput[];
  readonly expectedVersion: number;
}

export async function saveScores(ports: AssessmentPorts, deps: { clock: Clock; ids: IdGenerator }, target: AssessmentTarget & ScoresInput): Promise<Assessment> {
  const { application, round, own } = await loadAssessmentCase(ports, target);
  const { userId } = target.user;
  if (isRecused(userId, application) || own?.declaration.kind === 'recused') throw new ActorRecusedError('assess');
  if (!own) throw new NotDeclaredError();
  if (own.submittedAt) throw new AlreadySubmittedError();
  if (application.status !== 'under_assessment') throw new NotUnderAssessmentError();
  if (own.version !== target.expectedVersion) throw new ConcurrentChangeError();
  const scores = checkScores(round, target.scores, false);
  const at = deps.clock().toISOString();
  const next: Assessment = { ...own, scores, updatedAt: at, version: own.version + 1 };
  await ports.assessments.record({ next, audit: [{ machine: 'assessment', eventId: deps.ids(), at, actor: `officer:${userId}`, action: 'save_scores', to: 'draft' }] });
  return next;
}
