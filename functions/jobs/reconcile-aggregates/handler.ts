import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { counterNames, type AggregateRepository } from '../../../shared/national/aggregates';
import type { ApplicationRepository } from '../../../shared/applications/ports';
import type { CallRepository } from '../../../shared/rounds/ports';
import type { Clock } from '../../../shared/kernel/ports';
import type { TenantRepository } from '../../../shared/national/ports';
import { reconcileAggregates } from '../../../shared/national/use-cases/reconcile-aggregates';
import type { LogFields, Logger } from '../../common/logger';
import { jobLogging, type JobSummary } from '../common/job-logging';

/**
 * What a run may be asked for. The scheduled run sends no such fields (report only, the default
 * grant years); an operator invokes the Lambda with `{"repair": true}` and optionally a `grantYear`.
 * Other fields (the local scheduler names itself) are ignored.
 */
export const reconcileAggregatesEventSchema = z.object({
  grantYear: z.number().int().min(2000).max(2100).optional(),
  repair: z.boolean().optional(),
});

/**
 * How long a repair waits before it reads a drifting tenant-year again: far longer than the
 * application index normally lags behind the table, and short enough for a run that is rarely needed.
 */
export const REPAIR_SETTLE_MS = 5_000;

/** What the reconcile-aggregates job is built from; the composition root passes the real adapters. */
export interface ReconcileAggregatesJobDeps {
  readonly tenants: TenantRepository;
  readonly calls: CallRepository;
  readonly applications: ApplicationRepository;
  readonly aggregates: AggregateRepository;
  readonly clock: Clock;
  readonly logger: Logger;
  /** @default {@link REPAIR_SETTLE_MS} */
  readonly settleMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The reconcile-aggregates job as a middy handler: recomputes the tenant-year counters from the
 * applications, logs a warning for each tenant-year that drifts (ids and numbers only), repairs them
 * when the event asks for it, and returns the counts. EventBridge Scheduler calls it nightly at 02:00
 * Oslo time in AWS; the local scheduler every ten minutes.
 */
export function createReconcileAggregatesHandler(deps: ReconcileAggregatesJobDeps) {
  const logger = deps.logger.child({ job: 'reconcile-aggregates' });
  return middy<unknown, JobSummary, Error, Context>()
    .use(jobLogging(deps.logger, 'reconcile-aggregates'))
    .handler(async (event, context) => {
      const request = reconcileAggregatesEventSchema.parse(event ?? {});
      const result = await reconcileAggregates(
        { ...deps, wait: sleep },
        {
          grantYears: request.grantYear === undefined ? undefined : [request.grantYear],
          repair: request.repair ?? false,
          settleMs: deps.settleMs ?? REPAIR_SETTLE_MS,
        },
      );
      for (const d of result.drifts) {
        const fields: LogFields = { requestId: context.awsRequestId, tenantId: d.tenantId, grantYear: d.grantYear, outcome: d.outcome };
        for (const name of counterNames) {
          fields[`stored_${name}`] = d.stored[name];
          fields[`recomputed_${name}`] = d.recomputed[name];
          fields[`drift_${name}`] = d.drift[name] ?? 0;
        }
        logger.log('warn', 'aggregate drift', fields);
      }
      return {
        repair: request.repair ? 1 : 0,
        checked: result.checked,
        drifting: result.drifting,
        repaired: result.repaired,
        changed: result.changed,
      };
    });
}
