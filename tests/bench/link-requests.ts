import { applicantApp, type CompositionRoot } from '../../functions/composition';
import type { TenantId } from '../../shared/kernel/tenants';

/** A demo organisation in the local registry. */
const organisation = '311100386';

function percentileOf(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * The time of a link request (`POST /resume`) for an address that has an application and for one
 * that has none: they must not tell an attacker which is which. In-process, so the per-client
 * limit (which would stop one bench machine) does not apply; every address is asked once, so the
 * per-address limit never does either.
 */
export async function linkRequestTiming(root: CompositionRoot, secret: string, tenantId: TenantId, rounds = 100) {
  const app = applicantApp(root, secret);
  const post = (path: string, fields: Record<string, string>) =>
    app.request(`${root.config.APP_BASE_URL}${path}`, {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: root.config.APP_BASE_URL },
    });
  const run = Date.now().toString(36);
  for (let index = 0; index < rounds; index++) {
    const started = await post(`/calls/${tenantId}/2027-1/apply`, { orgnr: organisation, email: `known-${run}-${index}@example.org` });
    if (started.status !== 303) throw new Error(`Starting an application answered ${started.status}`);
  }
  const times = { known: [] as number[], unknown: [] as number[] };
  // Interleaved, so a slow moment of the machine falls on both paths alike.
  for (let index = 0; index < rounds; index++) {
    for (const kind of ['known', 'unknown'] as const) {
      const started = performance.now();
      const response = await post('/resume', { orgnr: organisation, email: `${kind}-${run}-${index}@example.org` });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`A link request answered ${response.status}`);
      times[kind].push(performance.now() - started);
    }
  }
  return (['known', 'unknown'] as const).map((kind) => {
    const sorted = times[kind].sort((a, b) => a - b);
    return { email: kind, requests: sorted.length, p50Ms: Number(percentileOf(sorted, 50).toFixed(2)), p95Ms: Number(percentileOf(sorted, 95).toFixed(2)) };
  });
}
