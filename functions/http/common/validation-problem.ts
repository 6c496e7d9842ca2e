import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';

/**
 * Answers a request whose parameters fail their schema with problem+json listing each field,
 * instead of the library's default body, so API clients get one error format everywhere.
 */
export const validationProblem: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  return c.body(
    JSON.stringify({
      type: 'about:blank',
      title: c.get('t')('error.badRequest.title'),
      status: 400,
      instance: c.req.path,
      requestId: c.get('requestId'),
      errors: result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    }),
    400,
    { 'content-type': 'application/problem+json' },
  );
};
