import { describe, expect, it } from 'vitest';
import type { Application } from '../../shared/applications/application';
import type { LinkRequest, LinkRequestQueue } from '../../shared/applications/link-requests';
import type { LinkEmail } from '../../shared/applications/ports';
import { resolveLinkRequests } from '../../shared/applications/use-cases/resolve-link-requests';
import type { Orgnr } from '../../shared/kernel/orgnr';
import type { TenantId } from '../../shared/kernel/tenants';
import type { Call } from '../../shared/rounds/call';

const NOW = new Date('2027-01-15T10:00:00.000Z');
const ORGNR = '311100386' as Orgnr;

/** Only what resolving reads of an application. */
function application(applicationId: string, email: string, status: Application['status'] = 'draft'): Application {
  return { applicationId, tenantId: 'k3240' as TenantId, roundId: '2027-1', orgnr: ORGNR, email, status } as unknown as Application;
}

function request(requestId: string, email: string, requestedAt = NOW.toISOString()): LinkRequest {
  return { requestId, orgnr: ORGNR, email, requestedAt };
}

/** An in-memory queue; `takenElsewhere` are taken by another run between list and take. */
function queue(requests: LinkRequest[], takenElsewhere: string[] = []): LinkRequestQueue & { waiting: LinkRequest[] } {
  const waiting = [...requests];
  return {
    waiting,
    record: async (r) => void waiting.push(r),
    listWaiting: async (limit) => waiting.slice(0, limit),
    take: async (r) => {
      const index = waiting.findIndex((w) => w.requestId === r.requestId);
      if (index >= 0) waiting.splice(index, 1);
      return index >= 0 && !takenElsewhere.includes(r.requestId);
    },
  };
}

function harness(requests: LinkRequest[], applications: Application[], takenElsewhere: string[] = []) {
  const issued: string[] = [];
  const linkRequests = queue(requests, takenElsewhere);
  const deps = {
    linkRequests,
    applications: { listByOrganisation: async () => applications },
    calls: { get: async () => ({ roundId: '2027-1' }) as unknown as Call },
    magicLinks: { issue: async (email: LinkEmail) => void issued.push(email.link.applicationId) },
    linkEmail: async (a: Application) => ({ link: { applicationId: a.applicationId } }) as unknown as LinkEmail,
    clock: () => NOW,
  };
  return { deps, issued, linkRequests };
}

describe('resolving link requests', () => {
  it('issues a link for each application with the address, and takes the request off the queue', async () => {
    // Prepare
    const { deps, issued, linkRequests } = harness([request('r1', 'kari@example.org')], [application('a1', 'kari@example.org'), application('a2', 'ola@example.org')]);

    // Act
    const result = await resolveLinkRequests(deps);

    // Assess
    expect(issued).toEqual(['a1']);
    expect(result).toEqual({ resolved: 1, linksIssued: 1, expired: 0 });
    expect(linkRequests.waiting).toEqual([]);
  });

  it('drops a request that matches nothing, or only withdrawn applications, without issuing anything', async () => {
    const { deps, issued, linkRequests } = harness(
      [request('r1', 'ukjent@example.org'), request('r2', 'kari@example.org')],
      [application('a1', 'kari@example.org', 'withdrawn')],
    );

    const result = await resolveLinkRequests(deps);

    expect(issued).toEqual([]);
    expect(result).toEqual({ resolved: 2, linksIssued: 0, expired: 0 });
    expect(linkRequests.waiting).toEqual([]);
  });

  it('issues at most three links for one request', async () => {
    const apps = ['a1', 'a2', 'a3', 'a4'].map((id) => application(id, 'kari@example.org'));
    const { deps, issued } = harness([request('r1', 'kari@example.org')], apps);

    await resolveLinkRequests(deps);

    expect(issued).toEqual(['a1', 'a2', 'a3']);
  });

  it('drops a request older than its lifetime, and leaves one another run took to that run', async () => {
    const { deps, issued } = harness(
      [request('old', 'kari@example.org', '2027-01-15T08:59:00.000Z'), request('other', 'kari@example.org')],
      [application('a1', 'kari@example.org')],
      ['other'],
    );

    const result = await resolveLinkRequests(deps);

    expect(issued).toEqual([]);
    expect(result).toEqual({ resolved: 1, linksIssued: 0, expired: 1 });
  });
});
