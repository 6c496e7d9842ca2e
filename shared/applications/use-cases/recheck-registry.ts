import type { Application, RegistryCheck } from '../application';
import type { ApplicationRepository, OrganisationRegistry } from '../ports';
import { screenOrganisation } from '../screening';
import type { Call } from '../../rounds/call';
import type { RuleSet } from '../../rules/rule-set';
import type { Clock, IdGenerator } from '../../kernel/ports';

/** What {@link recheckRegistry} needs. */
export interface RecheckRegistryDeps {
  applications: Pick<ApplicationRepository, 'change'>;
  registry: OrganisationRegistry;
  clock: Clock;
  newId: IdGenerator;
}

/**
 * Re-run the registry check on demand (screening).
 *
 * Primary course: Enhetsregisteret is asked again about the organisation; the new check and its
 * findings (by the round's rules) replace the stored ones in one transaction guarded by the version
 * read, with the audit event `registry_recheck` (from the old check's status to the new one's).
 * A registry that does not answer is stored as such (`not_verified`), since that is what is known now.
 *
 * Alternatives: someone changed the case between the read and the write: `ConcurrentChangeError`,
 * nothing written, and the officer runs it again.
 */
export async function recheckRegistry(
  deps: RecheckRegistryDeps,
  input: { application: Application; call: Call; rules: RuleSet; actor: string },
): Promise<Application> {
  const { application, call, rules } = input;
  const lookup = await deps.registry.lookup(application.orgnr);
  const now = deps.clock();
  const checkedAt = now.toISOString();
  const registryCheck: RegistryCheck =
    lookup.status === 'found'
      ? { status: 'verified', checkedAt, record: lookup.record, findings: screenOrganisation(call, rules, lookup.record, now) }
      : lookup.status === 'unavailable'
        ? { status: 'not_verified', checkedAt, reason: lookup.reason }
        : { status: 'not_in_register', checkedAt, removed: lookup.status === 'removed' };
  const next: Application = { ...application, registryCheck, version: application.version + 1, updatedAt: checkedAt };
  await deps.applications.change({
    next,
    expectedStatus: application.status,
    audit: { eventId: deps.newId(), at: checkedAt, actor: input.actor, action: 'registry_recheck', from: application.registryCheck.status, to: registryCheck.status },
  });
  return next;
}
