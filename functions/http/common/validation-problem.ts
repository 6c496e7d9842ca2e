import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import { fieldProblems, problem } from './problem';

/**
 * Answers a request whose parameters fail their schema with problem+json listing each field in
 * the caller's language, instead of the library's default body.
 */
export const validationProblem: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  return problem(c, 400, { errors: fieldProblems(c, result.error.issues) });
};
