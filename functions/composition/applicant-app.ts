import { ulid } from 'ulid';
import { createApplicantApp } from '../http/applicant/app';
import { signingKeys, type SigningKeys } from '../common/signed-tokens';
import type { CompositionRoot } from './root';

/** The public applicant app; it alone is given the key that signs applicants' links and sessions. */
export function applicantApp({ config, adapters, logger, clock, forApplication }: CompositionRoot, signingSecret: SigningKeys | string) {
  return createApplicantApp({
    calls: adapters.calls,
    health: adapters.health,
    logger: logger.child({ app: 'applicant' }),
    baseUrl: config.APP_BASE_URL,
    clock,
    journey: {
      calls: adapters.calls,
      applications: adapters.applications,
      magicLinks: adapters.magicLinks,
      linkRequests: adapters.linkRequests,
      rateCounter: adapters.rateCounter,
      forApplication,
      registry: adapters.registry,
      clock,
      newId: () => ulid(),
      signingSecret: signingKeys(signingSecret),
      baseUrl: config.APP_BASE_URL,
    },
  });
}
