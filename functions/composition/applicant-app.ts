import { ulid } from 'ulid';
import { createApplicantApp } from '../http/applicant/app';
import type { CompositionRoot } from './root';

/** The public applicant app; it alone is given the key that signs applicants' links and sessions. */
export function applicantApp({ config, adapters, logger, clock, forApplication }: CompositionRoot, signingSecret: string) {
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
      forApplication,
      registry: adapters.registry,
      clock,
      newId: () => ulid(),
      signingSecret,
      baseUrl: config.APP_BASE_URL,
    },
  });
}
