import type { Application } from '../application';
import { submissionProblems } from '../application';
import { IncompleteApplicationError, NotFoundError } from '../errors';
import type { ApplicationRepository, OrganisationRegistry } from '../ports';
import { screenOrganisation } from '../screening';
import type { Call } from '../../rounds/call';
import type { RuleSet } from '../../rules/rule-set';
import { transitionApplication } from '../lifecycle';
import type { OutgoingMessage } from '../../outbox/outbox';
import type { Clock, IdGenerator } from '../../kernel/ports';

/** What {@link resubmitApplication} needs. */
export interface ResubmitApplicationDeps {
  applications: Pick<ApplicationRepository, 'change'>;
  registry: OrganisationRegistry;
  clock: Clock;
  newId: IdGenerator;
}

/**
 * Send a returned application back to the municipality.
 *
 * Primary course: the application is `returned` and complete; Enhetsregisteret is asked again so
 * the screening findings are those of today; one transaction sets it `under_assessment`, moves the
 * request to `returnHistory` with `resubmittedAt`, writes the audit event `resubmit` and the
 * receipt email (made by `composeReceipt` from the resubmitted application).
 *
 * The round's deadline does not apply: the applicant answers the municipality's request, which
 * may come after the deadline, so only the status decides.
 *
 * Alternatives:
 * - Something is missing (the applicant removed what the submission needs): `IncompleteApplicationError`.
 * - Not returned (sent back already, withdrawn, or never returned): `IllegalTransitionError`.
 * - Two resubmissions race (a double click, a second tab): the store lets one through; the other
 *   gets `ConcurrentChangeError`, and exactly one receipt is sent.
 * - The registry does not answer: the previous check is kept, so a verified organisation is not
 *   made unverified by a timeout.
 */
export async function resubmitApplication(
  deps: ResubmitApplicationDeps,
  input: { call: Call; rules: RuleSet; application: Application | undefined; expectedVersion: number },
  composeReceipt: (resubmitted: Application) => OutgoingMessage,
): Promise<Application> {
  const { application, call, rules } = input;
  if (!application) throw new NotFoundError();
  const now = deps.clock();
  const status = transitionApplication(application.status, 'resubmit', { now });
  if (submissionProblems(application, call, rules).length > 0) throw new IncompleteApplicationError();

  const at = now.toISOString();
  const answered = application.returnRequest ? [{ ...application.returnRequest, resubmittedAt: at }] : [];
  const { returnRequest: _answered, ...rest } = application;
  const resubmitted: Application = {
    ...rest,
    status,
    registryCheck: await registryCheckAgain(deps, call, rules, application, now),
    returnHistory: [...(application.returnHistory ?? []), ...answered],
    version: input.expectedVersion + 1,
    updatedAt: at,
  };
  await deps.applications.change({
    next: resubmitted,
    expectedStatus: 'returned',
    audit: { eventId: deps.newId(), at, actor: `applicant:${application.applicationId}`, action: 'resubmit', from: application.status, to: status },
    outbox: [composeReceipt(resubmitted)],
  });
  return resubmitted;
}

/** The registry asked again, with today's screening; a registry that does not answer leaves the last check. */
async function registryCheckAgain(deps: { registry: OrganisationRegistry }, call: Call, rules: RuleSet, application: Application, now: Date): Promise<Application['registryCheck']> {
  const lookup = await deps.registry.lookup(application.orgnr);
  const checkedAt = now.toISOString();
  if (lookup.status === 'found') return { status: 'verified', checkedAt, record: lookup.record, findings: screenOrganisation(call, rules, lookup.record, now) };
  if (lookup.status === 'unavailable') return application.registryCheck;
  return { status: 'not_in_register', checkedAt, removed: lookup.status === 'removed' };
}
