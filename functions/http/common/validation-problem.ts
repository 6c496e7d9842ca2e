import type { Hook } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { fieldProblems, problem } from './problem';

/**
 * Answers a request whose parameters fail their schema with problem+json listing each field in
 * the caller's language, instead of the library's default body. A function, so that each app
 * gets it typed for its own environment.
 */
export function validationProblem<E extends Env>(): Hook<unknown, E, string, unknown> {
  return (result, c) => {
    if (result.success) return;
    return problem(c, 400, { errors: fieldProblems(c, result.error.issues) });
  };
}
