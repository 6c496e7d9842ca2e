import type { Application } from '../../applications/application';
import { ConcurrentChangeError } from '../../applications/errors';
import { transitionApplication } from '../../applications/lifecycle';
import type { ApplicationRepository, AuditEntry } from '../../applications/ports';
import type { Clock, IdGenerator } from '../../kernel/ports';
import { CaseChangedMeanwhileError, NotAssignableNowError, StaffNotAssignableError } from '../case-errors';
import { isAssignable } from '../case-assignment';
import { canBeCaseworker, type StaffMember } from '../staff';

/** What {@link assignCaseworker} needs. */
export interface AssignCaseworkerDeps {
  applications: Pick<ApplicationRepository, 'change'>;
  clock: Clock;
  newId: IdGenerator;
}

/**
 * Assign (or reassign) the caseworker of a case.
 *
 * Primary course: the officer picks an employee from the staff directory; one transaction, guarded
 * by the version the officer saw, stores the caseworker and the audit event `assign_caseworker`
 * (from the previous caseworker's user id to the new one's). A `submitted` application moves to
 * `under_assessment` in the same transaction, with its own audit event `start_assessment`.
 *
 * Alternatives:
 * - The person is not in the directory or is not a caseworker: `StaffNotAssignableError`.
 * - The case is decided, withdrawn or a draft: `NotAssignableNowError`.
 * - The case changed after the form was shown, or two officers assign at once: one wins, the other
 *   gets `CaseChangedMeanwhileError` and nothing of theirs is written.
 * - The same caseworker again: nothing changes.
 */
export async function assignCaseworker(
  deps: AssignCaseworkerDeps,
  input: { application: Application; expectedVersion: number; caseworkerId: string; staff: readonly StaffMember[]; actor: string },
): Promise<Application> {
  const { application, caseworkerId, actor } = input;
  if (!isAssignable(application)) throw new NotAssignableNowError(application.status);
  const member = input.staff.find((each) => each.userId === caseworkerId);
  if (!member || !canBeCaseworker(member)) throw new StaffNotAssignableError('caseworkerId', caseworkerId);
  if (input.expectedVersion !== application.version) throw new CaseChangedMeanwhileError();
  if (application.caseworker?.userId === caseworkerId) return application;

  const now = deps.clock();
  const at = now.toISOString();
  const starts = application.status === 'submitted';
  const status = starts
    ? transitionApplication(application.status, 'start_assessment', { now, actorRecused: application.recusedUserIds?.includes(actor) ?? false })
    : application.status;
  const next: Application = {
    ...application,
    status,
    caseworker: { userId: member.userId, ...(member.name ? { name: member.name } : {}), assignedAt: at },
    version: application.version + 1,
    updatedAt: at,
  };
  const audit: AuditEntry = {
    eventId: deps.newId(), at, actor, action: 'assign_caseworker',
    ...(application.caseworker ? { from: application.caseworker.userId } : {}), to: member.userId,
  };
  try {
    await deps.applications.change({
      next,
      expectedStatus: application.status,
      audit,
      ...(starts ? { alsoAudit: [{ eventId: deps.newId(), at, actor, action: 'start_assessment', from: application.status, to: status }] } : {}),
    });
  } catch (error) {
    if (error instanceof ConcurrentChangeError) throw new CaseChangedMeanwhileError();
    throw error;
  }
  return next;
}
