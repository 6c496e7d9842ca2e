import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { ulid } from 'ulid';
import { asLanguage, chooseLanguage, translator } from '../../../web/i18n';
import type { AppEnv } from './app-env';
import type { Logger } from './logger';

/** The request id API Gateway gave the request, when running in Lambda. */
function lambdaRequestId(env: unknown): string | undefined {
  const candidate = (env as { event?: { requestContext?: { requestId?: unknown } } } | undefined)?.event?.requestContext
    ?.requestId;
  return typeof candidate === 'string' ? candidate : undefined;
}

/**
 * Gives every request an id (echoed in `x-request-id`), a language and a logger bound to the id,
 * and logs one line when the response is done. The language choice from `?lang=` is kept in a
 * cookie so that it follows the user from page to page without JavaScript.
 */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId =
      (incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : undefined) ?? lambdaRequestId(c.env) ?? ulid();
    const queryLanguage = asLanguage(c.req.query('lang'));
    const lang = chooseLanguage({
      query: queryLanguage,
      cookie: getCookie(c, 'lang'),
      acceptLanguage: c.req.header('accept-language'),
    });
    if (queryLanguage) {
      // Secure wherever the request came over https; only plain-http localhost goes without.
      const secure = new URL(c.req.url).protocol === 'https:';
      setCookie(c, 'lang', queryLanguage, { path: '/', sameSite: 'Lax', httpOnly: true, secure, maxAge: 60 * 60 * 24 * 365 });
    }
    const requestLogger = logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('lang', lang);
    c.set('t', translator(lang));
    c.set('logger', requestLogger);
    await next();
    c.header('x-request-id', requestId);
    c.header('content-language', lang);
    requestLogger.log('info', 'request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round(performance.now() - started),
    });
  };
}
