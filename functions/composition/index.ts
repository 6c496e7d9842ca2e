import { createLogger, type Logger } from '../common/logger';
import { loadSigningSecret } from '../adapters/signing-secret';
import type { Clock } from '../../shared/kernel/ports';
import type { TenantId } from '../../shared/kernel/tenants';
import { createAdapters } from './adapters';
import { createApps, type TenantRepositories } from './apps';
import { loadConfig, type Config } from './config';
import { createJobs } from './jobs';

export type { Adapters } from './adapters';
export type { TenantRepositories } from './apps';
export { loadConfig, type Config } from './config';

/** What a composition root may be given instead of its defaults; tests fix the clock and quiet the log. */
export interface CompositionOptions {
  readonly clock?: Clock;
  readonly logger?: Logger;
}

/**
 * The one place that wires adapters into the apps and the jobs, used alike by every Lambda entry
 * point and by the local server and scheduler, so the two runtimes differ only in where the
 * configuration points.
 */
export function createCompositionRoot(config: Config, options: CompositionOptions = {}) {
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const adapters = createAdapters(config);
  /**
   * The repositories for one tenant's request. In this runtime every tenant shares the process's
   * adapters; tenant-scoped credentials will be created here, per request, without the apps changing.
   */
  const forTenant = (_tenantId: TenantId): TenantRepositories => ({
    calls: adapters.calls,
    applications: adapters.applications,
    tenants: adapters.tenants,
  });
  return {
    config,
    adapters,
    logger,
    forTenant,
    /** The key that signs applicants' links and sessions: from Secrets Manager in AWS, the environment locally. */
    signingSecret: () => loadSigningSecret(config),
    apps: createApps({ config, adapters, logger, clock, forTenant }),
    jobs: createJobs({ adapters, logger, clock }),
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
