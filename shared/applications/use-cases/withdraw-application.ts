import type { Application } from '../application';
import { NotFoundError } from '../errors';
import type { ApplicationRepository } from '../ports';
import { transitionApplication } from '../lifecycle';
import type { Clock, IdGenerator } from '../../kernel/ports';
import type { Call } from '../../rounds/call';
import { fundingEntryOf } from '../funding-index';

/**
 * Withdraw a submitted application, before assessment starts, or one returned for more information.
 *
 * Primary course: the application is `submitted` or `returned`; one transaction sets it `withdrawn`, writes the
 * audit event, moves it from the submitted to the withdrawn counters of the tenant-year and marks
 * its funding index entry withdrawn.
 *
 * Alternatives:
 * - Assessment has started, or it is decided: `IllegalTransitionError`; the status page no longer
 *   offers withdrawal, so only a stale page or a crafted request gets here.
 * - Withdrawn already (double click): the stored application is returned unchanged.
 * - An officer started assessment at the same moment: `ConcurrentChangeError`; nothing changes.
 */
export async function withdrawApplication(
  deps: { applications: ApplicationRepository; clock: Clock; newId: IdGenerator },
  input: { application: Application | undefined; expectedVersion: number; call: Pick<Call, 'administratorName'> },
): Promise<Application> {
  const { application } = input;
  if (!application) throw new NotFoundError();
  if (application.status === 'withdrawn') return application;
  const now = deps.clock();
  const status = transitionApplication(application.status, 'withdraw', { now });
  const at = now.toISOString();
  const withdrawn: Application = { ...application, status, version: input.expectedVersion + 1, updatedAt: at, withdrawnAt: at };
  await deps.applications.change({
    next: withdrawn,
    expectedStatus: application.status,
    audit: { eventId: deps.newId(), at, actor: `applicant:${application.applicationId}`, action: 'withdraw', from: application.status, to: status },
    aggregate: {
      applicationsSubmitted: -1,
      applicationsWithdrawn: 1,
      amountApplied: -(application.budget?.amountApplied ?? 0),
    },
    // Other municipalities no longer see a withdrawn application as possible double funding.
    funding: fundingEntryOf(withdrawn, input.call),
  });
  return withdrawn;
}
