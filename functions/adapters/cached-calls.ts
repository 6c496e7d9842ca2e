import type { TenantId } from '../../shared/kernel/tenants';
import type { Call } from '../../shared/rounds/call';
import type { CallRepository } from '../../shared/rounds/ports';

/**
 * How long a container keeps a call it has read. A call changes a handful of times in its life
 * (published, corrected, closed), and what must be exact is checked again where it matters: the
 * submit reads its call afresh, so a closed round or a passed deadline refuses it at once.
 */
export const CALL_CACHE_SECONDS = 30;

/**
 * `calls.get` with the calls this container has read kept for {@link CALL_CACHE_SECONDS}, so the
 * pages of a journey cost no read of their call. Requests for the same call at the same moment
 * share one read; a failed read is not kept.
 */
export function withCachedCalls(calls: Pick<CallRepository, 'get'>, options: { ttlMs?: number; now?: () => number } = {}): Pick<CallRepository, 'get'> {
  const ttlMs = options.ttlMs ?? CALL_CACHE_SECONDS * 1000;
  const now = options.now ?? Date.now;
  const read = new Map<string, { at: number; call: Promise<Call | undefined> }>();
  return {
    get(tenantId: TenantId, roundId: string) {
      const key = `${tenantId}#${roundId}`;
      const kept = read.get(key);
      if (kept && now() - kept.at < ttlMs) return kept.call;
      const call = calls.get(tenantId, roundId);
      read.set(key, { at: now(), call });
      call.catch(() => read.delete(key));
      return call;
    },
  };
}
