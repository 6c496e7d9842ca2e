import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import type { AppEnv } from './app-env';
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
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c: Context<AppEnv>) => {
      c.get('logger').log('warn', 'request refused', { status: 413, method: c.req.method, path: c.req.path, maxBytes });
      return refusal(c, 413);
    },
  });
}

/**
 * Refuses a form posted from another site, or with neither `Origin` nor `Sec-Fetch-Site`, with 403:
 * the browser sends them on every form post, so only a forged request lacks both.
 */
export function sameOriginForms(baseUrl: string): MiddlewareHandler<AppEnv> {
  return csrf({ origin: new URL(baseUrl).origin });
}

/** The methods that change state, and so must pass both guards. */
export const stateChangingMethods = ['POST', 'PUT', 'PATCH', 'DELETE'];
