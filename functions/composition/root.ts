import { createLogger, type Logger } from '../common/logger';
import { loadSigningSecret } from '../adapters/signing-secret';
import type { OfficerData } from '../http/officer/app';
import type { Clock } from '../../shared/kernel/ports';
import type { TenantId } from '../../shared/kernel/tenants';
import { createAdapters } from './adapters';
import { loadConfig, type Config } from './config';

/** The repositories the officer app reads for one tenant. */
export type TenantRepositories = OfficerData;

/** What a composition root may be given instead of its defaults; tests fix the clock and quiet the log. */
export interface CompositionOptions {
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
  return {
    config,
    adapters,
    logger: options.logger ?? createLogger(config.LOG_LEVEL),
    clock: options.clock ?? (() => new Date()),
    /**
     * The repositories for one tenant's request. In this runtime every tenant shares the process's
     * adapters; tenant-scoped credentials will be created here, per request, without the apps changing.
     */
    forTenant: (_tenantId: TenantId): TenantRepositories => ({
      calls: adapters.calls,
      applications: adapters.applications,
      tenants: adapters.tenants,
      budget: adapters.budget,
    }),
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
