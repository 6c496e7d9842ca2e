import { ulid } from 'ulid';
import type { Logger } from '../common/logger';
import { createApplicantApp } from '../http/applicant/app';
import { authSettingsFrom, createAuthentication, type Authentication } from '../http/common/authentication';
import { createNationalApp } from '../http/national/app';
import { createOfficerApp, type OfficerDependencies } from '../http/officer/app';
import type { Clock } from '../../shared/kernel/ports';
import type { TenantId } from '../../shared/kernel/tenants';
import type { Adapters } from './adapters';
import type { Config } from './config';

/** The repositories the officer app reads for one tenant. */
export type TenantRepositories = Pick<OfficerDependencies, 'calls' | 'applications' | 'tenants'>;

/** What the apps are built from: one process's configuration, adapters, logger and clock. */
export interface AppParts {
  readonly config: Config;
  readonly adapters: Adapters;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly forTenant: (tenantId: TenantId) => TenantRepositories;
}

/**
 * The three audience apps, each built on demand: a Lambda builds only its own, and the applicant
 * app needs a signing secret the others must not be able to read. Officer and national share the
 * issuer's settings, so one {@link Authentication} may serve both.
 */
export function createApps(parts: AppParts) {
  const { config, adapters, logger, clock } = parts;
  const authentication = () => createAuthentication(authSettingsFrom(config));

  return {
    applicant: (signingSecret: string) =>
      createApplicantApp({
        calls: adapters.calls,
        health: adapters.health,
        logger: logger.child({ app: 'applicant' }),
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
      }),

    officer(auth: Authentication = authentication()) {
      // `forTenant` is the seam where a request's repositories come from; the process-wide ones
      // stay beside it for the routes that take them directly.
      const dependencies = {
        calls: adapters.calls,
        applications: adapters.applications,
        tenants: adapters.tenants,
        forTenant: parts.forTenant,
        auth,
        logger: logger.child({ app: 'officer' }),
        baseUrl: config.APP_BASE_URL,
      };
      return createOfficerApp(dependencies);
    },

    national: (auth: Authentication = authentication()) =>
      createNationalApp({
        calls: adapters.calls,
        tenants: adapters.tenants,
        auth,
        logger: logger.child({ app: 'national' }),
        baseUrl: config.APP_BASE_URL,
      }),
  };
}
