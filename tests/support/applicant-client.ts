import { createLogger } from '../../functions/common/logger';
import { applicantApp, createCompositionRoot, type Adapters, type Config } from '../../functions/composition';
import { ulid } from 'ulid';
import { composeLinkEmail, signingKeys } from '../../functions/common/signed-tokens';
import { resolveLinkRequests } from '../../shared/applications/use-cases/resolve-link-requests';
import { sendPendingMail } from '../../shared/outbox/use-cases/send-pending-mail';
import type { StoredEmail } from './mail-inbox';

/** The applicant app in-process, with a clock the test controls. */
export function testApplicantApp(config: Config, clock: () => Date = () => new Date()) {
  const root = createCompositionRoot(config, { clock, logger: createLogger('error') });
  return { app: applicantApp(root, config.MAGIC_LINK_SECRET!), adapters: root.adapters };
}

/** The key every test configuration signs with (tests/support/test-environment.ts). */
const TEST_SIGNING_SECRET = 'test-signing-secret-of-at-least-32-characters';

/**
 * Resolves waiting link requests, then sends what is due in the outbox through the SES stand-in,
 * as a run of the scheduled send-outbox job does.
 */
export async function flushOutbox(adapters: Adapters, clock: () => Date = () => new Date(), baseUrl = 'http://localhost:3000') {
  const signing = { signingSecret: signingKeys(TEST_SIGNING_SECRET), baseUrl, clock, newId: ulid };
  await resolveLinkRequests({
    linkRequests: adapters.linkRequests,
    applications: adapters.applications,
    calls: adapters.calls,
    magicLinks: adapters.magicLinks,
    linkEmail: async (application, call) => composeLinkEmail(signing, application, call),
    clock,
  });
  return sendPendingMail({ outbox: adapters.outbox, mailer: adapters.mailer, clock });
}

/** The first link to the app in an email's text. */
export function linkIn(email: StoredEmail): string {
  const match = /http:\/\/[^\s]+\/link\/[\w.-]+/.exec(email.body.text ?? '');
  if (!match) throw new Error(`No link in email: ${email.subject}`);
  return match[0];
}

/**
 * A browser-like client: keeps cookies, follows nothing by itself, and reads the CSRF token and
 * version from the last page, so tests can post forms as a person would.
 */
export class ApplicantClient {
  private cookies = new Map<string, string>();
  lastPage = '';

  constructor(private readonly app: { request: (input: string, init?: RequestInit) => Response | Promise<Response> }) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    headers.set('accept-language', headers.get('accept-language') ?? 'nb-NO');
    // A browser names the page's origin on every form it posts; the app refuses forms without it.
    if (init.method && init.method !== 'GET' && !headers.has('origin')) headers.set('origin', 'http://localhost:3000');
    const response = await this.app.request(`http://localhost:3000${path}`, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      if (/Max-Age=0/i.test(cookie)) this.cookies.delete(name!);
      else this.cookies.set(name!, value.join('='));
    }
    if ((response.headers.get('content-type') ?? '').includes('text/html')) this.lastPage = await response.clone().text();
    return response;
  }

  get(path: string) {
    return this.request(path);
  }

  /** Posts a form with this page's CSRF token and version unless the fields say otherwise. */
  post(path: string, fields: Record<string, string | string[]>, options: { guards?: boolean } = {}) {
    const body = new URLSearchParams();
    if (options.guards !== false) {
      const csrf = /name="csrf" value="([^"]+)"/.exec(this.lastPage)?.[1];
      const version = /name="version" value="([^"]+)"/.exec(this.lastPage)?.[1];
      if (csrf && !('csrf' in fields)) body.append('csrf', csrf);
      if (version && !('version' in fields)) body.append('version', version);
    }
    for (const [name, value] of Object.entries(fields)) for (const each of Array.isArray(value) ? value : [value]) body.append(name, each);
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
}
