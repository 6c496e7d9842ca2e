import type { Application } from '../application';
import { NotEditableError, NotFoundError, SectionNotReturnedError } from '../errors';
import { isReturnedSection } from '../return-request';
import type { SectionName } from '../section-schemas';
import type { ApplicationRepository } from '../ports';
import { recheckedRegistry } from '../registry-check';
import type { Call } from '../../rounds/call';
import type { RuleSet } from '../../rules/rule-set';
import type { Clock, IdGenerator } from '../../kernel/ports';
import type { OrganisationRegistry } from '../ports';

/** What {@link saveApplicationSection} needs. */
export interface SaveApplicationSectionDeps {
  applications: ApplicationRepository;
  registry: OrganisationRegistry;
  clock: Clock;
  newId: IdGenerator;
}

/** The part of a draft that one form page changes. */
export type SectionChange = Partial<Pick<Application, 'contact' | 'project' | 'budget' | 'answers' | 'attachments' | 'email'>>;

/**
 * Save one section of a draft (each page of the form; "save and continue" and "save draft").
 *
 * Primary course: the draft is stored with the section replaced and its version raised by one,
 * with an audit event. A section is only saved when it passed its schema, so what is stored is
 * always valid on its own.
 *
 * Alternatives:
 * - The application is not a draft any more (submitted or withdrawn in another tab):
 *   `NotEditableError`; nothing is stored.
 * - Someone saved the same draft in between (another tab, a double click): `ConcurrentChangeError`
 *   from the store; nothing is stored, the page asks to reload.
 * - The application was returned for more information: only the sections the request names may be
 *   saved (`section` says which one this is), `SectionNotReturnedError` for any other; a changed
 *   amount applied for moves the tenant-year's counter by the difference, since the application
 *   is counted as submitted all along.
 * - The organisation was not verified at the start: the registry is asked again; a new answer
 *   replaces the old check (a blocking finding is recorded, and shown, but does not stop saving).
 */
export async function saveApplicationSection(
  deps: SaveApplicationSectionDeps,
  input: { call: Call; rules: RuleSet; application: Application | undefined; change: SectionChange; expectedVersion: number; section?: SectionName },
): Promise<Application> {
  const { application } = input;
  if (!application) throw new NotFoundError();
  const now = deps.clock();
  if (application.status === 'returned') {
    if (!input.section || !isReturnedSection(application, input.section)) throw new SectionNotReturnedError();
  } else if (application.status !== 'draft') {
    throw new NotEditableError();
  }
  const at = now.toISOString();
  const next: Application = {
    ...application,
    ...input.change,
    registryCheck: await recheckedRegistry(deps, input.call, input.rules, application, now),
    version: input.expectedVersion + 1,
    updatedAt: at,
  };
  const amountChange = (next.budget?.amountApplied ?? 0) - (application.budget?.amountApplied ?? 0);
  await deps.applications.change({
    next,
    expectedStatus: application.status,
    audit: { eventId: deps.newId(), at, actor: `applicant:${application.applicationId}`, action: 'save' },
    ...(application.status === 'returned' && amountChange !== 0 ? { aggregate: { amountApplied: amountChange } } : {}),
  });
  return next;
}
