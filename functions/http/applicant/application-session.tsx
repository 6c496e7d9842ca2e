import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Application } from '../../../shared/applications/application';
import { ConcurrentChangeError } from '../../../shared/applications/errors';
import { AccessProblemPage } from '../../../web/pages/apply/follow-pages';
import { rulesOfRound } from '../../../shared/rounds/round-rules';
import { notFound } from '../common/error-handling';
import { problem, wantsProblem } from '../common/problem';
import { pageContextOf } from '../common/page-context';
import { versionField } from '../common/form-cycle';
import type { ApplicationJourneyDependencies, JourneyEnv } from './journey';
import { readSession, SESSION_LIFETIME_HOURS } from './session';

/**
 * Opens the application of `/applications/:applicationId…` for the session that may see it, and
 * puts session, application, call and that application's repositories on the request. Anything
 * else answers as if the application did not exist: no session is 401 (with the way back in),
 * another application's id is 404.
 */
export function applicationSession(deps: ApplicationJourneyDependencies): MiddlewareHandler<JourneyEnv> {
  return async (c, next) => {
    // These pages show contact details and bank accounts: no cache may keep them, not even the browser's history.
    c.header('cache-control', 'private, no-store');
    const session = readSession(c, deps.signingSecret, deps.clock());
    // The applicant API's operations use the same session cookie; a program gets a problem, not a page.
    if (!session && wantsProblem(c)) return problem(c, 401);
    if (!session) return c.html(<AccessProblemPage page={pageContextOf(c)} kind="session" sessionHours={SESSION_LIFETIME_HOURS} />, 401);
    if (session.applicationId !== c.req.param('applicationId')) return notFound(c);
    const stored = deps.forApplication(session.tenantId, session.applicationId);
    // The draft as this container last wrote or read it, if that is the version this browser last
    // wrote: then it is what is stored, unless another device changed it since, which the version
    // guard of any write refuses (and the page is then shown with the draft read afresh).
    const known = draftVersionOf(c, session.applicationId);
    const recalled = known === undefined ? undefined : deps.recentDrafts?.recall(session.tenantId, session.applicationId);
    const fromMemory = recalled !== undefined && recalled.version === known;
    const application = fromMemory ? recalled : await stored.applications.get(session.tenantId, session.applicationId);
    const data: typeof stored = {
      ...stored,
      applications: {
        ...stored.applications,
        async change(change) {
          try {
            await stored.applications.change(change);
          } catch (error) {
            if (error instanceof ConcurrentChangeError && fromMemory) {
              const current = await stored.applications.get(session.tenantId, session.applicationId);
              if (current) c.set('application', current);
            }
            throw error;
          }
          noteDraftVersion(c, change.next);
        },
      },
    };
    // The call as the container keeps it: the submit reads it afresh, where its status and deadline decide.
    const call = application ? await deps.calls.get(application.tenantId, application.roundId) : undefined;
    if (!application || !call) return notFound(c);
    c.set('session', session);
    c.set('data', data);
    c.set('application', application);
    c.set('call', call);
    c.set('rules', (await rulesOfRound(deps.ruleSets, call)).ruleSet);
    await next();
  };
}

const DRAFT_VERSION_COOKIE = 'fordel_utkast';

/**
 * Tells this browser's next request which version of its draft it wrote last, so that request
 * may use the draft the container kept instead of reading it (see `recentDrafts`). It says nothing
 * secret: a wrong value only makes the app read the draft.
 */
export function noteDraftVersion(c: Context, application: Pick<Application, 'applicationId' | 'version' | 'status'>): void {
  if (application.status !== 'draft') {
    deleteCookie(c, DRAFT_VERSION_COOKIE, { path: '/applications' });
    return;
  }
  setCookie(c, DRAFT_VERSION_COOKIE, `${application.applicationId}.${application.version}`, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    path: '/applications',
  });
}

/** The version of the draft `applicationId` this browser wrote last, if it says. */
function draftVersionOf(c: Context, applicationId: string): number | undefined {
  const [id, version] = (getCookie(c, DRAFT_VERSION_COOKIE) ?? '').split('.');
  return id === applicationId ? versionField(version) : undefined;
}

/** Pages whose forms show what the applicant typed: kept by no cache either. */
export const noStore: MiddlewareHandler = async (c, next) => {
  c.header('cache-control', 'private, no-store');
  await next();
};
