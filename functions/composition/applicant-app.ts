import { ulid } from 'ulid';
import { withCachedCalls } from '../adapters/cached-calls';
import { recentDrafts } from '../adapters/recent-drafts';
import { createApplicantApp } from '../http/applicant/app';
import { signingKeys, type SigningKeys } from '../common/signed-tokens';
import type { RuleSets } from '../../shared/rules/ports';
import { ruleSetsFrom, withCachedVersions } from '../../shared/rules/rule-sets';
import type { Adapters } from './adapters';
import type { CompositionRoot } from './root';

/**
 * The rule-set versions this container has read, per repository (one per process; tests build
 * several). A stored version is never changed once written — IMDi's change is a new version, and a
 * round names the version it was created under — so a version read once is right for the life of
 * the container, and a page of a round costs no DynamoDB read for its rules after the first.
 */
const versionsRead = new WeakMap<Adapters['ruleSets'], RuleSets>();

function roundRuleSets(repository: Adapters['ruleSets']): RuleSets {
  let ruleSets = versionsRead.get(repository);
  if (!ruleSets) {
    ruleSets = withCachedVersions(ruleSetsFrom(repository));
    versionsRead.set(repository, ruleSets);
  }
  return ruleSets;
}

/** The public applicant app; it alone is given the key that signs applicants' links and sessions. */
export function applicantApp({ config, adapters, logger, clock, forApplication }: CompositionRoot, signingSecret: SigningKeys | string) {
  // Per app, so a Lambda container keeps them for its life and tests building several apps do not share them.
  const drafts = recentDrafts();
  const calls = withCachedCalls(adapters.calls);
  return createApplicantApp({
    calls: adapters.calls,
    health: adapters.health,
    logger: logger.child({ app: 'applicant' }),
    baseUrl: config.APP_BASE_URL,
    clock,
    journey: {
      calls,
      recentDrafts: drafts,
      applications: adapters.applications,
      magicLinks: adapters.magicLinks,
      linkRequests: adapters.linkRequests,
      rateCounter: adapters.rateCounter,
      forApplication: (tenantId, applicationId) => {
        const data = forApplication(tenantId, applicationId);
        return { ...data, applications: drafts.writingThrough(data.applications) };
      },
      ruleSets: roundRuleSets(adapters.ruleSets),
      registry: adapters.registry,
      clock,
      newId: () => ulid(),
      signingSecret: signingKeys(signingSecret),
      baseUrl: config.APP_BASE_URL,
    },
  });
}
