import { createAdapters } from '../../adapters';
import { loadConfig } from '../../config';
import { createLogger } from '../../common/logger';
import { createReconcileAggregatesHandler } from './handler';

// Built once per Lambda container and reused by every invocation it serves.
const config = loadConfig(process.env);
const adapters = createAdapters(config);

/** EventBridge Scheduler entry point of the reconcile-aggregates job; invoke with `{"repair": true}` to repair. */
export const handler = createReconcileAggregatesHandler({
  tenants: adapters.tenants,
  calls: adapters.calls,
  applications: adapters.applications,
  aggregates: adapters.aggregates,
  clock: () => new Date(),
  logger: createLogger(config.LOG_LEVEL),
});
