import type { MiddlewareHandler } from 'hono';
import { AccessProblemPage } from '../../../web/pages/apply/follow-pages';
import { rulesOfRound } from '../../../shared/rounds/round-rules';
import { notFound } from '../common/error-handling';
import { pageContextOf } from '../common/page-context';
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
    if (!session) return c.html(<AccessProblemPage page={pageContextOf(c)} kind="session" sessionHours={SESSION_LIFETIME_HOURS} />, 401);
    if (session.applicationId !== c.req.param('applicationId')) return notFound(c);
    const data = deps.forApplication(session.tenantId, session.applicationId);
    // A page that only shows may use the draft as this container just wrote or read it; a form
    // that changes it reads it, as its write is guarded by the version it was read at.
    const recent = c.req.method === 'GET' ? deps.recentDrafts?.recall(session.tenantId, session.applicationId) : undefined;
    const application = recent ?? (await data.applications.get(session.tenantId, session.applicationId));
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

/** Pages whose forms show what the applicant typed: kept by no cache either. */
export const noStore: MiddlewareHandler = async (c, next) => {
  c.header('cache-control', 'private, no-store');
  await next();
};
