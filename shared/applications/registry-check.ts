/**
 * The registry check an application carries, shared by the use cases that save and submit it.
 */
import type { Application } from './application';
import type { OrganisationRegistry } from './ports';
import { screenOrganisation } from './screening';
import type { Call } from '../rounds/call';
import type { RuleSet } from '../rules/rule-set';

/** Asks the registry again when the first check could not be made; keeps a verified check. */
export async function recheckedRegistry(
  deps: { registry: OrganisationRegistry },
  call: Call,
  rules: RuleSet,
  application: Application,
  now: Date,
): Promise<Application['registryCheck']> {
  if (application.registryCheck.status === 'verified') return application.registryCheck;
  const lookup = await deps.registry.lookup(application.orgnr);
  const checkedAt = now.toISOString();
  if (lookup.status === 'found') {
    return { status: 'verified', checkedAt, record: lookup.record, findings: screenOrganisation(call, rules, lookup.record, now) };
  }
  if (lookup.status === 'unavailable') return { status: 'not_verified', checkedAt, reason: lookup.reason };
  return { status: 'not_in_register', checkedAt, removed: lookup.status === 'removed' };
}
