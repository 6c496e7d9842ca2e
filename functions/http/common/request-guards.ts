import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { matchedRoutes } from 'hono/route';
import { sharedContext, type AppEnv } from './app-env';
import { refusal } from './error-handling';

/**
 * What every state-changing request must pass before a handler reads it: it comes from one of
 * our own pages, and its body is no larger than its route needs.
 */

/** The most a form of text fields may send: generous for the longest free-text section. */
export const FORM_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Refuses a body over `maxBytes` with 413 before it is read whole, as a page or a problem. A body
 * without a length is counted as it streams, so a missing `content-length` is no way around it.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      const shared = sharedContext(c);
      shared.get('logger').log('warn', 'request refused', { status: 413, method: c.req.method, path: c.req.path, maxBytes });
      return refusal(shared, 413);
    },
  });
}

/**
 * Refuses a form posted from another site, or with neither `Origin` nor `Sec-Fetch-Site`, with 403:
 * the browser sends them on every form post, so only a forged request lacks both. A path no route
 * answers is left to the 404 answer, which changes nothing either way. A request with a bearer
 * token is an API client's, not a form's: no site can make a browser add that header to a
 * cross-site request without a CORS preflight, which no app allows, so it is left to the token check.
 */
export function sameOriginForms(baseUrl: string): MiddlewareHandler<AppEnv> {
  const guard = csrf({ origin: new URL(baseUrl).origin });
  // Middleware is registered for every method ('ALL'); a route that answers has a method of its own.
  const answered = (c: Context) => matchedRoutes(c).some((route) => route.method !== 'ALL');
  const bearer = (c: Context) => /^Bearer\s/i.test(c.req.header('authorization') ?? '');
  return async (c, next) => (answered(c) && !bearer(c) ? guard(c, next) : next());
}


/**
 * The guard of an API operation that a session cookie authorises (the applicant's): the body must
 * be JSON, which no site can make a browser send across origins without a CORS preflight (none is
 * allowed), and a request a browser marks as from another origin or site is refused outright — the
 * same protection `sameOriginForms` gives the forms, for a body no form can send.
 */
export function sameOriginJson(baseUrl: string): MiddlewareHandler<AppEnv> {
  const own = new URL(baseUrl).origin;
  return async (c, next) => {
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    if ((origin && origin !== own) || site === 'cross-site' || site === 'same-site') return refusal(c, 403);
    if (!/^\s*application\/json\b/i.test(c.req.header('content-type') ?? '')) return refusal(c, 400);
    await next();
  };
}
