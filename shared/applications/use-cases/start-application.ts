import type { Application, ProjectSection } from '../application';
import { CallNotOpenError, NotEligibleError, OrganisationNotFoundError, OrganisationRemovedError } from '../errors';
import type { ApplicationRepository, LinkEmail } from '../ports';
import { screenOrganisation } from '../screening';
import type { Call } from '../../rounds/call';
import type { RuleSet } from '../../rules/rule-set';
import { isBeforeDeadline } from '../../kernel/deadlines';
import type { Locale } from '../../kernel/i18n';
import type { Orgnr } from '../../kernel/orgnr';
import type { Clock, IdGenerator } from '../../kernel/ports';
import type { OrganisationRegistry } from '../ports';

/** What {@link startApplication} needs. */
export interface StartApplicationDeps {
  applications: Pick<ApplicationRepository, 'listByOrganisation' | 'create'>;
  registry: OrganisationRegistry;
  clock: Clock;
  newId: IdGenerator;
}

/** What the applicant typed on the first page. */
export interface StartApplicationInput {
  call: Call;
  /** The round's rules (`rulesOfRound`): the version the call was created under. */
  rules: RuleSet;
  /** Chosen by the caller, so it can open the new application's own session before the draft is written. */
  applicationId: string;
  orgnr: Orgnr;
  email: string;
  language: Locale;
  /** Start from the organisation's application of an earlier year, when it has one with this email. */
  prefillFromPrevious: boolean;
}

/** A short reference to read out on the phone: administrator, year and the end of the id. */
export function applicationReference(call: Pick<Call, 'tenantId' | 'grantYear'>, applicationId: string): string {
  return `${call.tenantId.toUpperCase()}-${call.grantYear}-${applicationId.slice(-6)}`;
}

/**
 * Start an application (the first page of the form).
 *
 * Primary course: the call is open; Enhetsregisteret knows the organisation and nothing about it
 * blocks this call; a draft is stored with the registry's name and findings, together with the
 * email that brings the applicant back to it (made by `composeLinkEmail`, with its single-use link).
 *
 * Alternatives:
 * - The call is closed or its deadline has passed: `CallNotOpenError`.
 * - The number is unknown (404): `OrganisationNotFoundError`; deleted (410): `OrganisationRemovedError`.
 * - The registry blocks the organisation (not in Frivillighetsregisteret, bankrupt, outside the
 *   municipality, wrong organisation form): `NotEligibleError` with the findings; nothing is stored.
 * - The registry does not answer in time or fails: the draft is stored as not verified, and the
 *   check is repeated when the applicant saves or submits.
 * - The applicant asked to start from an earlier year: the project and budget of the newest
 *   earlier application with the same email are copied; dates are left for the new year.
 */
export async function startApplication(
  deps: StartApplicationDeps,
  input: StartApplicationInput,
  composeLinkEmail: (application: Application) => LinkEmail,
): Promise<Application> {
  const now = deps.clock();
  const { call } = input;
  if (call.status !== 'open' || !isBeforeDeadline(now, call.deadline)) throw new CallNotOpenError();

  const lookup = await deps.registry.lookup(input.orgnr);
  if (lookup.status === 'not_found') throw new OrganisationNotFoundError();
  if (lookup.status === 'removed') throw new OrganisationRemovedError();
  const at = now.toISOString();
  let registryCheck: Application['registryCheck'];
  let organisationName = '';
  if (lookup.status === 'found') {
    const findings = screenOrganisation(call, input.rules, lookup.record, now);
    if (findings.some((finding) => finding.severity === 'blocking')) throw new NotEligibleError(findings);
    registryCheck = { status: 'verified', checkedAt: at, record: lookup.record, findings };
    organisationName = lookup.record.navn;
  } else {
    registryCheck = { status: 'not_verified', checkedAt: at, reason: lookup.reason };
  }

  const previous = input.prefillFromPrevious
    ? (await deps.applications.listByOrganisation(input.orgnr)).find(
        (earlier) => earlier.grantYear < call.grantYear && earlier.email === input.email && earlier.project,
      )
    : undefined;

  const { applicationId } = input;
  const application: Application = {
    tenantId: call.tenantId,
    roundId: call.roundId,
    applicationId,
    reference: applicationReference(call, applicationId),
    grantYear: call.grantYear,
    orgnr: input.orgnr,
    organisationName: organisationName || previous?.organisationName || input.orgnr,
    email: input.email,
    status: 'draft',
    version: 1,
    createdAt: at,
    updatedAt: at,
    language: input.language,
    registryCheck,
    attachments: [],
    ...(previous
      ? {
          prefilledFrom: previous.applicationId,
          project: previous.project ? withoutDates(previous.project) : undefined,
          budget: previous.budget,
        }
      : {}),
  };
  const linkEmail = composeLinkEmail(application);
  await deps.applications.create(
    application,
    { eventId: deps.newId(), at, actor: `applicant:${applicationId}`, action: 'start', to: 'draft' },
    [linkEmail.message],
    [linkEmail.link],
  );
  return application;
}

/** Last year's dates cannot be this year's; the applicant sets them again. */
function withoutDates(project: ProjectSection): ProjectSection {
  return { ...project, startDate: '', endDate: '' };
}
