/**
 * What tenant-scoped credentials add to an officer request, measured through the officer app:
 * `GET /officer/api/rounds` with a bearer token of an officer of the tenant, once on an app whose
 * `forTenant` hands out the process's shared adapters (no session role, as off AWS), once on an
 * app with the officer session role configured (as in AWS).
 *
 * - cold: the tenant's first request in the container. Nothing is cached: the app builds the STS
 *   client (first tenant only) and the tenant's DynamoDB and S3 clients, and the real AWS SDK STS
 *   client sends `AssumeRole` (signed, over HTTP, parsed) to the local STS stand-in
 *   (tests/support/sts-stand-in.ts) before the DynamoDB reads.
 * - warm: later requests of the same tenant, which reuse the cached credentials and clients.
 *
 * The stand-in answers on 127.0.0.1, so the cold figure EXCLUDES the network round trip to real
 * STS (its regional endpoint) and STS's own processing time. That part can only be measured in the
 * account (docs/operations.md, *Tenant isolation in IAM*); the figure here is a floor.
 */
import { createLogger } from '../../functions/common/logger';
import { createAuthentication, authSettingsFrom } from '../../functions/http/common/authentication';
import { createCompositionRoot, officerApp, type Config } from '../../functions/composition';
import type { LocalIdentityProvider } from '../../infra/local/identity-provider';
import type { TenantId } from '../../shared/kernel/tenants';
import { startStsStandIn } from '../support/sts-stand-in';

const TENANTS = 40;
const WARM_ROUNDS = 10;

/** Said with the figures wherever they are printed, so nobody reads them as AWS's. */
export const STS_STAND_IN_NOTE =
  'STS is a local stand-in on 127.0.0.1: the cold figure excludes the network round trip to real STS and its processing; measure that in the account';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

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

/**
 * Cold and warm officer requests through the officer app against DynamoDB Local and an STS
 * stand-in. `identityProvider` is the bench server's local provider (the apps' `AUTH_ISSUER`),
 * which mints the officers' tokens; the apps verify them against its JWKS, as in AWS against Cognito's.
 */
export async function measureTenantSessions(config: Config, tenantIds: readonly TenantId[], identityProvider: LocalIdentityProvider) {
  const sts = await startStsStandIn();
  const logger = createLogger('error');
  const shared = createCompositionRoot(config, { logger });
  const scoped = createCompositionRoot(
    { ...config, OFFICER_TENANT_ROLE_ARN: 'arn:aws:iam::111122223333:role/OfficerSession', STS_ENDPOINT: sts.endpoint },
    { logger },
  );
  // One verifier for both apps, so discovery and the JWKS are fetched once and weigh on neither.
  const auth = createAuthentication(authSettingsFrom(config), shared.adapters.revokedTokens);
  const apps = { shared: officerApp(shared, auth), scoped: officerApp(scoped, auth) };
  const tenants = tenantIds.slice(0, TENANTS);
  const tokens = new Map<TenantId, string>();
  for (const tenantId of tenants) {
    const user = { sub: `officer-${tenantId}`, tenantId, groups: ['officer'] as const, kind: 'officer' as const, tenantName: tenantId };
    tokens.set(tenantId, (await identityProvider.issueTokens(user, { audience: config.AUTH_CLIENT_ID })).id_token);
  }

  const officerRequest = async (app: keyof typeof apps, tenantId: TenantId): Promise<number> => {
    const started = performance.now();
    const response = await apps[app].request(`${config.APP_BASE_URL}/officer/api/rounds`, { headers: { authorization: `Bearer ${tokens.get(tenantId)}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET /officer/api/rounds answered ${response.status} for ${tenantId}`);
    return performance.now() - started;
  };

  // Discovery, the JWKS and the shared clients' connection first, so the baseline is a warm container's.
  await officerRequest('shared', tenants[0]!);
  const cold: number[] = [];
  for (const tenantId of tenants) cold.push(await officerRequest('scoped', tenantId));
  const assumeRoleCallsWhenCold = sts.calls.length;
  // Baseline and warm requests alternate, so a busy moment of the machine weighs on both alike.
  const baseline: number[] = [];
  const warm: number[] = [];
  for (let round = 0; round < WARM_ROUNDS; round++) {
    for (const tenantId of tenants) {
      baseline.push(await officerRequest('shared', tenantId));
      warm.push(await officerRequest('scoped', tenantId));
    }
  }
  await sts.close();
  if (assumeRoleCallsWhenCold !== tenants.length || sts.calls.length !== tenants.length) {
    throw new Error(`Expected one AssumeRole per tenant, got ${assumeRoleCallsWhenCold} cold and ${sts.calls.length} in all`);
  }

  const base = summary('officer app, shared adapters (no session role)', baseline);
  return {
    route: 'GET /officer/api/rounds',
    note: STS_STAND_IN_NOTE,
    rows: [
      base,
      summary('officer app, tenant session cold (AssumeRole via SDK to stand-in + new clients)', cold, base.p50Ms),
      summary('officer app, tenant session warm (cached credentials and clients)', warm, base.p50Ms),
    ],
    assumeRoleCalls: sts.calls.length,
    officerRequests: cold.length + warm.length,
  };
}
