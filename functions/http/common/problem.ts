import type { Context } from 'hono';
import { issueCode, issueMessage } from '../../../shared/kernel/i18n';
import { translator, type Language, type MessageKey } from '../../../web/i18n';
import type { AppEnv } from './app-env';

/**
 * The one way every app answers an error to a program: RFC 9457 `application/problem+json`, with
 * the title and each field's message in the caller's language (as the request context chose it
 * from the lang cookie or `Accept-Language`), so API clients see one error format everywhere.
 */

/** The statuses a problem is answered with. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;

/** One field's complaint. */
export interface FieldProblem {
  readonly field: string;
  readonly code?: string;
  readonly message: string;
}

/** What a problem may say beyond its status. */
export interface ProblemDetails {
  /** Overrides the status's own title, e.g. with a domain error's message. */
  readonly title?: string;
  /** The stable code of the domain error. */
  readonly code?: string;
  readonly errors?: readonly FieldProblem[];
  readonly headers?: Record<string, string>;
}

const titleByStatus: Record<ProblemStatus, MessageKey> = {
  400: 'error.badRequest.title',
  401: 'auth.unauthorized.title',
  403: 'auth.forbidden.title',
  404: 'error.notFound.title',
  409: 'error.badRequest.title',
  413: 'error.tooLarge.title',
  422: 'error.badRequest.title',
  429: 'error.tooMany.title',
  500: 'error.server.title',
  503: 'error.unavailable.title',
};

/** Whether the caller is a program: any app's API paths, or a client that asks for JSON. */
export function wantsProblem(c: Context): boolean {
  return /(^|\/)api(\/|$)/.test(c.req.path) || (c.req.header('accept') ?? '').includes('application/json');
}

function languageOf(c: Context): Language {
  return (c as unknown as Context<AppEnv>).get('lang') ?? 'nb';
}

/** The problem response; a 5xx says nothing about its cause. */
export function problem(c: Context, status: ProblemStatus, details: ProblemDetails = {}): Response {
  const t = translator(languageOf(c));
  const body = {
    type: 'about:blank',
    title: details.title ?? t(titleByStatus[status]),
    status,
    instance: c.req.path,
    requestId: (c as unknown as Context<AppEnv>).get('requestId'),
    ...(details.code ? { code: details.code } : {}),
    ...(details.errors ? { errors: details.errors } : {}),
  };
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json', ...details.headers });
}

/**
 * A zod issue's message in the language: the domain's own messages where the schema gave them,
 * else a plain "not valid" rather than the library's English.
 */
export function issueText(issue: { readonly message: string }, lang: Language): string {
  return issueCode(issue) ? issueMessage(issue, lang) : translator(lang)('error.field.invalid');
}

/** Each field's complaints from zod issues, in the caller's language. */
export function fieldProblems(c: Context, issues: readonly { readonly message: string; readonly path: readonly PropertyKey[] }[]): FieldProblem[] {
  const lang = languageOf(c);
  return issues.map((issue) => ({ field: issue.path.map(String).join('.'), code: issueCode(issue), message: issueText(issue, lang) }));
}
