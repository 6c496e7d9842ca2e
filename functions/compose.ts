import type { Adapters } from './adapters';
import type { Config } from './config';
import { createApplicantApp } from './http/applicant/app';
import type { Logger } from './http/common/logger';
import { ulid } from 'ulid';

/**
 * Wires the applicant app from the adapters, the same way in Lambda and on the local server, so
 * the two runtimes differ only in where the adapters point.
 */
export function applicantApp(config: Config, adapters: Adapters, logger: Logger, signingSecret: string, clock: () => Date = () => new Date()) {
  return createApplicantApp({
    calls: adapters.calls,
    health: adapters.health,
    logger,
    baseUrl: config.APP_BASE_URL,
    clock,
    journey: {
      calls: adapters.calls,
      applications: adapters.applications,
      magicLinks: adapters.magicLinks,
      registry: adapters.registry,
      attachments: adapters.attachments,
      clock,
      newId: () => ulid(),
      signingSecret,
      baseUrl: config.APP_BASE_URL,
    },
  });
}
