import type { Application } from '../application';
import { submissionProblems } from '../application';
import { IncompleteApplicationError, NotFoundError } from '../errors';
import type { ApplicationRepository } from '../ports';
import type { Call } from '../../rounds/call';
import type { RuleSet } from '../../rules/rule-set';
import { transitionApplication } from '../lifecycle';
import type { OutgoingMessage } from '../../outbox/outbox';
import type { Clock, IdGenerator } from '../../kernel/ports';
import type { OrganisationRegistry } from '../ports';
import { recheckedRegistry } from '../registry-check';
import { fundingEntryOf } from '../funding-index';

/** What {@link submitApplication} needs. */
export interface SubmitApplicationDeps {
  applications: ApplicationRepository;
  registry: OrganisationRegistry;
  clock: Clock;
  newId: IdGenerator;
}

/**
 * Submit an application.
 *
 * Primary course: the draft is complete and the deadline has not passed to the second (Oslo time is
 * only for display; the instant is what counts); one transaction sets it `submitted`, writes the
 * audit event and the receipt email (made by `composeReceipt` from the submitted application) and
 * adds it to the tenant-year counters, and puts its entry (no personal data) in the cross-tenant
 * funding index, so possible double funding shows on every municipality's case page.
 *
 * Alternatives:
 * - Something is missing: `IncompleteApplicationError`; nothing changes.
 * - The deadline has passed, or the call is closed: `IllegalTransitionError` from the lifecycle,
 *   with the reason `application.deadline_passed` or `application.round_not_open`.
 * - It is already submitted (a double click, a retry, a second tab): the stored application is
 *   returned as it is, with `alreadySubmitted`, so the applicant sees the receipt once more and
 *   exactly one application and one receipt exist.
 * - Two submissions race: the store's condition lets one through; the other gets
 *   `ConcurrentChangeError`, and its caller reads the result of the first.
 * - The registry was not reached before: it is asked again; if it still does not answer, the
 *   application is submitted as not verified, which the officer sees.
 */
export async function submitApplication(
  deps: SubmitApplicationDeps,
  input: { call: Call; rules: RuleSet; application: Application | undefined; expectedVersion: number },
  composeReceipt: (submitted: Application) => OutgoingMessage,
): Promise<{ application: Application; alreadySubmitted: boolean }> {
  const { application, call, rules } = input;
  if (!application) throw new NotFoundError();
  if (application.status !== 'draft' && application.submittedAt) return { application, alreadySubmitted: true };
  const now = deps.clock();
  const status = transitionApplication(application.status, 'submit', {
    now,
    deadline: call.deadline,
    roundOpen: call.status === 'open',
  });
  if (submissionProblems(application, call, rules).length > 0) throw new IncompleteApplicationError();

  const at = now.toISOString();
  const submitted: Application = {
    ...application,
    status,
    registryCheck: await recheckedRegistry(deps, call, rules, application, now),
    version: input.expectedVersion + 1,
    updatedAt: at,
    submittedAt: at,
  };
  await deps.applications.change({
    next: submitted,
    expectedStatus: 'draft',
    audit: { eventId: deps.newId(), at, actor: `applicant:${application.applicationId}`, action: 'submit', from: 'draft', to: status },
    outbox: [composeReceipt(submitted)],
    aggregate: { applicationsSubmitted: 1, amountApplied: submitted.budget?.amountApplied ?? 0 },
    // In the same transaction: other municipalities and IMDi see at once that the organisation applied here.
    funding: fundingEntryOf(submitted, call),
  });
  return { application: submitted, alreadySubmitted: false };
}
