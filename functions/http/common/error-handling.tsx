import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError } from '../../../shared/kernel/errors';
import { ErrorPage, type ErrorKind, type RetryForm } from '../../../web/pages/error-page';
import { sharedContext, type AppEnv } from './app-env';
import { problem, wantsProblem, type ProblemStatus } from './problem';
import { isServiceUnavailable, RETRY_AFTER_SECONDS } from './unavailable';

/**
 * HTTP status of a domain error, chosen by its stable `code` once here so that use cases never
 * think in HTTP. Not by class name: the Lambda bundles are minified, which renames classes.
 * Unknown domain errors are rule violations the user can correct: 422.
 */
const statusByErrorCode: Record<string, 403 | 404 | 409 | 422> = {
  'application.not_found': 404,
  // IAM refused what the request's own credentials may not reach: as if it did not exist.
  'access.refused': 404,
  'lifecycle.illegal_transition': 409,
  'application.concurrent_change': 409,
  'application.not_editable': 409,
  'allocation.published_meanwhile': 409,
  'rule_set.changed_meanwhile': 409,
  'allocation.not_found': 404,
  'budget.not_open': 404,
  'register.not_found': 404,
  'register.already_managing': 409,
  'register.not_managing': 409,
  'budget.year_closed': 409,
  'budget.year_not_ended': 409,
  'case.changed_meanwhile': 409,
  // A grant is answered once, only while it is a grant and before its deadline.
  'acceptance.not_granted': 409,
  'appeal.no_decision': 409,
  'appeal.already_lodged': 409,
  'appeal.not_found': 404,
  'appeal.changed_meanwhile': 409,
  'appeal.award_below_held': 409,
  'acceptance.already_answered': 409,
  'acceptance.deadline_passed': 409,
  'case.not_assignable_now': 409,
  'case.staff_not_assignable': 422,
  // A user who declared a conflict of interest (fvl. § 6) may not score, recommend or decide the case.
  'application.actor_recused': 403,
  'assessment.not_declared': 409,
  'assessment.already_declared': 409,
  'assessment.already_submitted': 409,
  'assessment.not_open': 409,
  'assessment.not_set_up': 409,
  'recommendation.not_under_assessment': 409,
  'recommendation.assessments_missing': 409,
  'standard_texts.changed_meanwhile': 409,
  'round.changed_meanwhile': 409,
  'round.not_editable': 409,
  'round.not_correctable': 409,
  'round.id_taken': 409,
  'application.section_not_returned': 409,
  'budget.changed_meanwhile': 409,
  'decision.insufficient_funds': 409,
  'decision.recommendation_changed': 409,
  'decision.already_decided': 409,
  // Paying: the case or the registry says not now; the conditions note and the account are the user's to give (422).
  'payment.not_accepted': 409,
  'payment.no_such_instalment': 404,
  'payment.already_paid': 409,
  'payment.beyond_award': 409,
  'payment.held_report_approved': 409,
  'payment.registry_removed': 409,
  'payment.registry_not_found': 409,
  'payment.registry_bankrupt': 409,
  'payment.registry_winding_up': 409,
  'payment.registry_unavailable': 409,
  'payment.nothing_to_export': 409,
  // A report is sent once per round of changes, and reviewed once per submission.
  'report.not_open': 409,
  'report.already_submitted': 409,
  'report.not_awaiting_review': 409,
  // The year report: sent once; a draft saved by someone else meanwhile; a text empty or too long is 422.
  'year_report.already_submitted': 409,
  'year_report.changed_meanwhile': 409,
};

/** Domain errors that refuse the user rather than the request: 403 (a recused official, fvl. § 6). */
const forbiddenErrorCodes: ReadonlySet<string> = new Set(['application.actor_recused']);

/** The HTTP status of a domain error, for the form cycle and the error handler alike. */
export function statusOfDomainError(error: DomainError): 403 | 404 | 409 | 422 {
  return statusByErrorCode[error.code] ?? 422;
}

/** What the page says for each refused request's status; anything else a person did wrong is a bad request. */
const kindByStatus: Partial<Record<number, ErrorKind>> = { 403: 'forbidden', 404: 'notFound', 413: 'tooLarge', 500: 'server' };

/** Renders the error page in the user's language. */
export function errorPage(c: Context<AppEnv>, status: 400 | 403 | 404 | 409 | 413 | 422 | 500, kind: ErrorKind = kindByStatus[status] ?? 'badRequest') {
  const page = { lang: c.get('lang'), t: c.get('t'), currentPath: '/' };
  return c.html(<ErrorPage page={page} kind={kind} requestId={c.get('requestId')} />, status);
}

/** A refused request (bad body, foreign origin, too large), as a page or a problem. */
export function refusal(c: Context<AppEnv>, status: 400 | 403 | 404 | 413) {
  if (wantsProblem(c)) return problem(c, status, status === 403 ? { title: c.get('t')('error.forbidden.title') } : {});
  return errorPage(c, status);
}

function clientStatus(status: number): 400 | 403 | 404 | 413 {
  return status === 403 || status === 404 || status === 413 ? status : 400;
}

/**
 * What a person posted, to be offered back on the "unavailable" page: every text field as it came
 * (its CSRF token and version included, so posting it again is the same request). A body that
 * cannot be read again gives no form, only the page.
 */
async function retryFormOf(c: Context<AppEnv>): Promise<RetryForm | undefined> {
  if (c.req.method !== 'POST') return undefined;
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return undefined;
  try {
    const body = await c.req.parseBody({ all: true });
    const values: Record<string, string | string[]> = {};
    let hadFiles = false;
    for (const [name, value] of Object.entries(body)) {
      const texts = (Array.isArray(value) ? value : [value]).filter((each): each is string => typeof each === 'string');
      hadFiles ||= (Array.isArray(value) ? value : [value]).some((each) => typeof each !== 'string');
      if (texts.length > 0) values[name] = texts.length === 1 ? texts[0]! : texts;
    }
    return { action: c.req.path, values, hadFiles };
  } catch {
    return undefined;
  }
}

/**
 * A service Fordel depends on is down or overloaded: 503 with `Retry-After`, as a problem for a
 * program or, for a person, a page in their language that offers what they posted back to send again.
 */
export async function unavailable(c: Context<AppEnv>): Promise<Response> {
  const headers = { 'retry-after': String(RETRY_AFTER_SECONDS) };
  if (wantsProblem(c)) return problem(c, 503, { headers });
  const page = { lang: c.get('lang'), t: c.get('t'), currentPath: '/' };
  const retry = await retryFormOf(c);
  return c.html(<ErrorPage page={page} kind="unavailable" requestId={c.get('requestId')} retry={retry} />, 503, headers);
}

/** Maps every error to a response: problem+json for the API, a page for people; 5xx hide internals. */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  const logger = c.get('logger');
  if (error instanceof DomainError && forbiddenErrorCodes.has(error.code)) {
    logger?.log('warn', 'domain error', { code: error.code, status: 403 });
    const lang = c.get('lang') ?? 'nb';
    if (wantsProblem(c)) return problem(c, 403, { title: error.messages[lang], code: error.code });
    return errorPage(c, 403);
  }
  // A key longer than DynamoDB allows (a hostile path parameter) names nothing that can exist.
  if (error.name === 'ValidationException' && /primary key values must be under/i.test(error.message)) {
    logger?.log('warn', 'request refused', { status: 404, reason: 'key too long', method: c.req.method, path: c.req.path.slice(0, 200) });
    return notFound(c);
  }
  if (isServiceUnavailable(error)) {
    logger?.log('warn', 'service unavailable', { errorName: error.name, code: (error as { code?: string }).code, method: c.req.method, path: c.req.path });
    return unavailable(c);
  }
  if (error instanceof DomainError) {
    const status = statusOfDomainError(error);
    logger?.log('warn', 'domain error', { code: error.code, status });
    if (wantsProblem(c)) {
      const lang = c.get('lang') ?? 'nb';
      return problem(c, status, {
        title: error.messages[lang],
        code: error.code,
        errors: error.fields.map((field) => ({ field: field.field, code: field.code, message: field.messages[lang] })),
      });
    }
    if (status === 403) return errorPage(c, 403, 'forbidden');
    return errorPage(c, status === 404 ? 404 : 400, status === 404 ? 'notFound' : 'badRequest');
  }
  if (error instanceof HTTPException && error.status < 500) {
    // A client's mistake or a refused request (cut-off body, foreign origin, too large): worth a warning, not an alarm.
    logger?.log('warn', 'request refused', { status: error.status, reason: error.message || undefined, method: c.req.method, path: c.req.path });
    return refusal(c, clientStatus(error.status));
  }
  logger?.log('error', 'unhandled error', { errorName: error.name, stack: error.stack?.split('\n').slice(0, 5).join(' | ') });
  if (wantsProblem(c)) return problem(c, 500 satisfies ProblemStatus);
  return errorPage(c, 500, 'server');
};

/** Unknown paths: a page in the user's language, or problem+json under any app's `api/`. */
export const handleNotFound: NotFoundHandler<AppEnv> = (c) => notFound(c);

/** The 404 answer, for a route that finds nothing under a path that exists. */
export function notFound<E extends AppEnv>(c: Context<E>): Response | Promise<Response> {
  if (wantsProblem(c)) return problem(c, 404);
  return errorPage(sharedContext(c), 404, 'notFound');
}
