import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError } from '../../../shared/kernel/errors';
import { ErrorPage } from '../../../web/pages/error-page';
import type { AppEnv } from './app-env';

/**
 * HTTP status of a domain error, chosen by its stable `code` once here so that use cases never
 * think in HTTP. Not by class name: the Lambda bundles are minified, which renames classes.
 * Unknown domain errors are rule violations the user can correct: 422.
 */
const statusByErrorCode: Record<string, 404 | 409 | 422> = {
  'application.not_found': 404,
  'lifecycle.illegal_transition': 409,
  'application.concurrent_change': 409,
  'application.not_editable': 409,
};

function wantsJson(c: Context<AppEnv>): boolean {
  return c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').includes('application/json');
}

function problem(c: Context<AppEnv>, status: number, title: string, extra: Record<string, unknown> = {}) {
  return c.body(
    JSON.stringify({ type: 'about:blank', title, status, instance: c.req.path, requestId: c.get('requestId'), ...extra }),
    status as 400,
    { 'content-type': 'application/problem+json' },
  );
}

/** Renders the error page in the user's language. */
export function errorPage(c: Context<AppEnv>, status: 400 | 404 | 500, kind: 'notFound' | 'badRequest' | 'server') {
  const page = { lang: c.get('lang'), t: c.get('t'), currentPath: '/' };
  return c.html(<ErrorPage page={page} kind={kind} requestId={c.get('requestId')} />, status);
}

/** Maps every error to a response: problem+json for the API, a page for people; 5xx hide internals. */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  const logger = c.get('logger');
  if (error instanceof DomainError) {
    const status = statusByErrorCode[error.code] ?? 422;
    logger?.log('warn', 'domain error', { code: error.code, status });
    if (wantsJson(c)) {
      return problem(c, status, error.messages[c.get('lang') ?? 'nb'], {
        code: error.code,
        errors: error.fields.map((field) => ({ field: field.field, code: field.code, message: field.messages[c.get('lang')] })),
      });
    }
    return errorPage(c, status === 404 ? 404 : 400, status === 404 ? 'notFound' : 'badRequest');
  }
  if (error instanceof HTTPException && error.status < 500) {
    if (wantsJson(c)) return problem(c, error.status, error.message || 'Bad request');
    return errorPage(c, error.status === 404 ? 404 : 400, error.status === 404 ? 'notFound' : 'badRequest');
  }
  logger?.log('error', 'unhandled error', { errorName: error.name, stack: error.stack?.split('\n').slice(0, 5).join(' | ') });
  if (wantsJson(c)) return problem(c, 500, 'Internal Server Error');
  return errorPage(c, 500, 'server');
};

/** Unknown paths: a page in the user's language, or problem+json under `/api/`. */
export const handleNotFound: NotFoundHandler<AppEnv> = (c) => {
  if (wantsJson(c)) return problem(c, 404, 'Not Found');
  return errorPage(c, 404, 'notFound');
};
