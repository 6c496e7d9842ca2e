/**
 * What tenant-scoped credentials add to an officer request: the request reads what the workspace
 * page reads (the tenant's profile and rounds) through `forTenant`, once with the process's shared
 * adapters, once with a session role configured. The first request of a tenant in a container
 * (cold) opens the session through the local STS stand-in and makes the tenant's clients; later
 * ones (warm) reuse both. Real STS answers over the network from the Lambda's region, so the cold
 * figure here is a floor, not a measurement of AWS.
 */
import { createLogger } from '../../functions/common/logger';
import { createCompositionRoot, type CompositionRoot, type Config } from '../../functions/composition';
import type { TenantId } from '../../shared/kernel/tenants';
import { startStsStandIn } from '../support/sts-stand-in';

const TENANTS = 40;
const WARM_ROUNDS = 10;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function officerRequest(root: CompositionRoot, tenantId: TenantId): Promise<number> {
  const started = performance.now();
  const data = root.forTenant(tenantId);
  await Promise.all([data.tenants.getProfile(tenantId), data.calls.listByTenant(tenantId)]);
  return performance.now() - started;
}

function summary(kind: string, times: number[], baselineP50?: number) {
  const sorted = [...times].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  return {
    request: kind,
    requests: times.length,
    p50Ms: Number(p50.toFixed(1)),
    p95Ms: Number(percentile(sorted, 95).toFixed(1)),
    addedP50Ms: baselineP50 === undefined ? 0 : Number((p50 - baselineP50).toFixed(1)),
  };
}

/** Cold and warm officer requests through the tenant seam against DynamoDB Local and an STS stand-in. */
export async function measureTenantSessions(config: Config, tenantIds: readonly TenantId[]) {
  const sts = await startStsStandIn();
  const logger = createLogger('error');
  const shared = createCompositionRoot(config, { logger });
  const scoped = createCompositionRoot(
    { ...config, OFFICER_TENANT_ROLE_ARN: 'arn:aws:iam::111122223333:role/OfficerSession', STS_ENDPOINT: sts.endpoint },
    { logger },
  );
  const tenants = tenantIds.slice(0, TENANTS);

  // The shared clients' connection is opened first, so the baseline is a warm container's.
  await officerRequest(shared, tenants[0]!);
  const cold: number[] = [];
  for (const tenantId of tenants) cold.push(await officerRequest(scoped, tenantId));
  // Baseline and warm requests alternate, so a busy moment of the machine weighs on both alike.
  const baseline: number[] = [];
  const warm: number[] = [];
  for (let round = 0; round < WARM_ROUNDS; round++) {
    for (const tenantId of tenants) {
      baseline.push(await officerRequest(shared, tenantId));
      warm.push(await officerRequest(scoped, tenantId));
    }
  }
  await sts.close();

  const base = summary('shared adapters (no session role)', baseline);
  return {
    rows: [base, summary('tenant session, cold (AssumeRole + new clients)', cold, base.p50Ms), summary('tenant session, warm (cached)', warm, base.p50Ms)],
    assumeRoleCalls: sts.calls.length,
    officerRequests: cold.length + warm.length,
  };
}
