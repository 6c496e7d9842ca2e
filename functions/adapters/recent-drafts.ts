import type { Application } from '../../shared/applications/application';
import type { ApplicationRepository } from '../../shared/applications/ports';
import type { TenantId } from '../../shared/kernel/tenants';

/**
 * How long a draft this container has just written or read may answer the next request of the
 * same browser. A form is posted and its next page asked for at once (post, redirect, get), and
 * the next form follows within moments; only the applicant writes a draft.
 */
export const RECENT_DRAFT_SECONDS = 10;

/**
 * The drafts this container has just written or read. Only a draft is kept: a submitted
 * application is changed by officers too, so its pages always read it. The journey uses a kept
 * draft only when it is the version the browser says it wrote last (the `fordel_utkast` cookie),
 * so a change made through another container or device is read, never shown stale; and every
 * write is guarded by the version, so a kept copy can never overwrite a newer one.
 */
export function recentDrafts(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {
  const ttlMs = options.ttlMs ?? RECENT_DRAFT_SECONDS * 1000;
  const maxEntries = options.maxEntries ?? 2000;
  const now = options.now ?? Date.now;
  const kept = new Map<string, { at: number; application: Application }>();
  const keyOf = (tenantId: TenantId, applicationId: string) => `${tenantId}#${applicationId}`;

  function remember(application: Application) {
    const key = keyOf(application.tenantId, application.applicationId);
    kept.delete(key);
    if (application.status !== 'draft') return;
    kept.set(key, { at: now(), application });
    // Oldest first: a Map keeps insertion order.
    if (kept.size > maxEntries) kept.delete(kept.keys().next().value!);
  }

  return {
    /** The draft as this container last wrote or read it, if that was less than the time kept ago. */
    recall(tenantId: TenantId, applicationId: string): Application | undefined {
      const key = keyOf(tenantId, applicationId);
      const entry = kept.get(key);
      if (!entry) return undefined;
      if (now() - entry.at >= ttlMs) {
        kept.delete(key);
        return undefined;
      }
      return entry.application;
    },

    /** The repository with every read and successful write remembered, and a failed change forgotten. */
    writingThrough(applications: ApplicationRepository): ApplicationRepository {
      return {
        ...applications,
        async get(tenantId, applicationId) {
          const application = await applications.get(tenantId, applicationId);
          if (application) remember(application);
          else kept.delete(keyOf(tenantId, applicationId));
          return application;
        },
        async create(application, audit, outbox, links) {
          await applications.create(application, audit, outbox, links);
          remember(application);
        },
        async change(change) {
          try {
            await applications.change(change);
          } catch (error) {
            kept.delete(keyOf(change.next.tenantId, change.next.applicationId));
            throw error;
          }
          remember(change.next);
        },
      };
    },
  };
}
