import type { Application } from '../../applications/application';
import { ConcurrentChangeError } from '../../applications/errors';
import type { ApplicationRepository } from '../../applications/ports';
import type { Clock, IdGenerator } from '../../kernel/ports';
import { CaseChangedMeanwhileError, NotAssignableNowError, StaffNotAssignableError } from '../case-errors';
import { canAssess, type StaffMember } from '../staff';
import { isAssignable } from '../case-assignment';

/** What {@link assignAssessors} needs. */
export interface AssignAssessorsDeps {
  applications: Pick<ApplicationRepository, 'change'>;
  clock: Clock;
  newId: IdGenerator;
}

/**
 * Assign the assessors of a case: employees who score and external assessors, from the staff
 * directory. One transaction, guarded by the version the officer saw, stores the list and the
 * audit event `assign_assessors` (from the previous ids to the new ones, comma-separated).
 *
 * Alternatives: someone not in the directory, not an assessor or recused from the case:
 * `StaffNotAssignableError`; a case past assignment: `NotAssignableNowError`; a concurrent change:
 * `CaseChangedMeanwhileError`, nothing written; the same list again: nothing changes.
 */
export async function assignAssessors(
  deps: AssignAssessorsDeps,
  input: { application: Application; expectedVersion: number; assessorIds: readonly string[]; staff: readonly StaffMember[]; actor: string },
): Promise<Application> {
  const { application, actor } = input;
  if (!isAssignable(application)) throw new NotAssignableNowError(application.status);
  const assessorIds = [...new Set(input.assessorIds)];
  for (const userId of assessorIds) {
    const member = input.staff.find((each) => each.userId === userId);
    if (!member || !canAssess(member) || application.recusedUserIds?.includes(userId)) throw new StaffNotAssignableError('assessorIds', userId);
  }
  if (input.expectedVersion !== application.version) throw new CaseChangedMeanwhileError();
  const before = application.assessorIds ?? [];
  if (before.length === assessorIds.length && before.every((id, i) => id === assessorIds[i])) return application;

  const at = deps.clock().toISOString();
  const next: Application = { ...application, assessorIds, version: application.version + 1, updatedAt: at };
  try {
    await deps.applications.change({
      next,
      expectedStatus: application.status,
      audit: { eventId: deps.newId(), at, actor, action: 'assign_assessors', from: before.join(','), to: assessorIds.join(',') },
    });
  } catch (error) {
    if (error instanceof ConcurrentChangeError) throw new CaseChangedMeanwhileError();
    throw error;
  }
  return next;
}
