import { createLogger, type Logger } from '../common/logger';
import { loadSigningSecret } from '../adapters/signing-secret';
import type { Clock } from '../../shared/kernel/ports';
import { createAdapters } from './adapters';
import { loadConfig, type Config } from './config';
import { createTenantScopes, type TenantScopeOptions } from './tenant-scopes';

/** What a composition root may be given instead of its defaults; tests fix the clock and quiet the log. */
export interface CompositionOptions extends TenantScopeOptions {
  readonly clock?: Clock;
  readonly logger?: Logger;
}

/**
 * What every app and job of one process is built from: configuration, adapters, logger and clock.
 * The apps and jobs are built from it by their own modules in this folder, so a Lambda bundles
 * only the app or job it runs.
 */
export function createCompositionRoot(config: Config, options: CompositionOptions = {}) {
  const adapters = createAdapters(config);
  const scopes = createTenantScopes(config, adapters, options);
  return {
    config,
    adapters,
    logger: options.logger ?? createLogger(config.LOG_LEVEL),
    clock: options.clock ?? (() => new Date()),
    /**
     * The repositories for one officer request's tenant: in AWS, clients signing as the officer
     * session role tagged with that tenant; off AWS, the process's adapters.
     */
    forTenant: scopes.forTenant,
    /**
     * The repositories for one applicant request once its signed session is verified: in AWS,
     * clients signing as the applicant session role tagged with the tenant and the application.
     */
    forApplication: scopes.forApplication,
    /** The key that signs applicants' links and sessions: from Secrets Manager in AWS, the environment locally. */
    signingSecret: () => loadSigningSecret(config),
  };
}

/** A built composition root. */
export type CompositionRoot = ReturnType<typeof createCompositionRoot>;

let processRoot: CompositionRoot | undefined;

/**
 * The composition root of this process, built from its environment on first use and kept, so a
 * Lambda container reuses its SDK clients across invocations.
 */
export function compositionRootOfProcess(): CompositionRoot {
  processRoot ??= createCompositionRoot(loadConfig(process.env));
  return processRoot;
}
