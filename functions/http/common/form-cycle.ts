import type { Context, Handler, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { DomainError } from '../../../shared/kernel/errors';
import type { FieldErrors } from '../../../web/components/form-fields';
import { sharedContext, type AppEnv } from './app-env';
import { statusOfDomainError } from './error-handling';
import { isServiceUnavailable, RETRY_AFTER_SECONDS } from './unavailable';
import { issueText, problem, wantsProblem } from './problem';
import { RateLimitedError } from './rate-limits';
import { FORM_BODY_LIMIT_BYTES, limitBody } from './request-guards';

/**
 * The cycle every HTML form repeats, owned here once: read the body (refusing one that cannot be
 * read), check the form's token, parse it with the domain's zod schema, re-render with each
 * field's error and everything that was typed (422), run the use case, turn a domain error into
 * its status with the form shown again, and answer 303 so a reload never posts twice.
 */

/** A posted form's text fields; a field sent more than once is a list. */
export type FormValues = Record<string, string | string[]>;

/** A posted form: its text fields and its files. */
export interface PostedForm {
  readonly values: FormValues;
  readonly files: Record<string, File>;
}

/** What a form page is re-rendered with. */
export interface FormState {
  readonly values: FormValues;
  readonly errors: FieldErrors;
  /** A message about the form as a whole (refused token, concurrent change, a rule). */
  readonly formError?: string;
  /** The domain error the use case refused with, for pages that show more than its message. */
  readonly error?: DomainError;
}

/** The statuses a form is shown again with. */
export type FormStatus = 403 | 409 | 422 | 429 | 503;

/** A refusal the use case step finds itself (a file that is not what it says): shown with the form. */
export class FormRejection extends Error {
  constructor(readonly errors: FieldErrors, readonly status: FormStatus = 422) {
    super('form rejected');
  }
}

/** One form's part in the cycle. */
export interface FormCycle<E extends AppEnv, Input> {
  /** The domain's schema for the form (some depend on the call); `read` shapes the posted fields into its input. */
  readonly schema: (c: Context<E>) => z.ZodType<Input>;
  readonly read: (form: PostedForm, c: Context<E>) => unknown;
  /** Shows the form again. */
  readonly render: (c: Context<E>, state: FormState, status: FormStatus) => Response | Promise<Response>;
  /** Whether the form carries the token of the session it is posted in; forms before a session have none. */
  readonly tokenIsValid?: (c: Context<E>, values: FormValues) => boolean;
  /** The message shown when the token is refused. */
  readonly refusedToken?: (c: Context<E>) => string;
  /**
   * Runs the use case; returns where to go next (answered with 303) or a response of its own.
   * A domain error it throws is shown with the form, unless `shows` says otherwise.
   */
  readonly act: (c: Context<E>, input: Input, form: PostedForm) => Promise<string | Response>;
  /** The domain errors this form shows, with their status; the rest go to the error handler. */
  readonly shows?: (error: DomainError) => 403 | 409 | 422 | undefined;
  /** The largest body the form takes. */
  readonly maxBytes?: number;
}

/** A field's value as one string: the first when it was sent more than once. */
export function single(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

/** A field's values as a list, however many were sent. */
/**
 * The version a form, cookie or body carries back for the optimistic lock, or undefined when it is
 * missing or not a whole number DynamoDB can compare exactly. A hostile `999…9` must end as a stale
 * page (409), never as a fault.
 */
export function versionField(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' && /^\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

export function many(value: string | string[] | undefined): string[] {
  return Array.isArray(value) ? value : value ? [value] : [];
}

/**
 * The posted form. A body the browser could not have sent (multipart without a boundary, or cut
 * short) is the client's fault: 400, answered by the error handler with a page or a problem.
 */
export async function readForm(c: Context): Promise<PostedForm> {
  // A body of another type (JSON, XML, text) is no form a browser sends: refused, not read as empty.
  const type = c.req.header('content-type');
  if (type && !/^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
    throw new HTTPException(400, { message: 'not a form body' });
  }
  let body: Record<string, string | File | (string | File)[]>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch (error) {
    throw new HTTPException(400, { message: 'unreadable form body', cause: error });
  }
  const values: FormValues = {};
  const files: Record<string, File> = {};
  for (const [name, value] of Object.entries(body)) {
    const all = Array.isArray(value) ? value : [value];
    const texts = all.filter((each): each is string => typeof each === 'string');
    const file = all.find((each): each is File => each instanceof File);
    if (file) files[name] = file;
    if (texts.length === 1 && !Array.isArray(value)) values[name] = texts[0]!;
    else if (texts.length > 0) values[name] = texts;
  }
  return { values, files };
}

/** The first error of each field, in the user's language. */
export function fieldErrorsOf(error: z.ZodError, lang: AppEnv['Variables']['lang']): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[issue.path.join('.')] ??= issueText(issue, lang);
  return errors;
}

/** A domain error's messages per field, in the user's language. */
function domainFieldErrors(error: DomainError, lang: AppEnv['Variables']['lang']): FieldErrors {
  return Object.fromEntries(error.fields.map((field) => [field.field, field.messages[lang]]));
}

/** Shows every domain error except a missing resource, which is the error handler's 404. */
function showsByDefault(error: DomainError): 403 | 409 | 422 | undefined {
  const status = statusOfDomainError(error);
  return status === 404 || status === 403 ? undefined : status;
}

/** Over a limit: the form again with everything typed and when to try again, or a problem for a program. */
function tooMany<E extends AppEnv>(c: Context<E>, values: FormValues, error: RateLimitedError, render: FormCycle<E, unknown>['render']) {
  const shared = sharedContext(c);
  const headers = { 'retry-after': String(error.retryAfterSeconds) };
  shared.get('logger').log('warn', 'request refused', { status: 429, method: c.req.method, path: c.req.path });
  if (wantsProblem(c)) return problem(c, 429, { headers });
  c.header('retry-after', headers['retry-after']);
  const formError = shared.get('t')('error.tooMany.text', { minutes: Math.ceil(error.retryAfterSeconds / 60) });
  return render(c, { values, errors: {}, formError }, 429);
}

/**
 * A service was down while the use case ran: nothing was stored (a change is one transaction), so
 * the form again with everything typed, 503 and when to try again. If the page itself cannot be
 * drawn without the service, the error handler's "unavailable" page offers the posted fields back.
 */
async function whileUnavailable<E extends AppEnv>(c: Context<E>, values: FormValues, error: unknown, render: FormCycle<E, unknown>['render']) {
  const shared = sharedContext(c);
  shared.get('logger').log('warn', 'service unavailable', { status: 503, method: c.req.method, path: c.req.path });
  c.header('retry-after', String(RETRY_AFTER_SECONDS));
  try {
    return await render(c, { values, errors: {}, formError: shared.get('t')('error.unavailable.text') }, 503);
  } catch {
    throw error;
  }
}

/** The handlers of a form's POST route: its body limit, then the cycle. */
export function formRoute<E extends AppEnv, Input>(cycle: FormCycle<E, Input>): [MiddlewareHandler<E>, Handler<E>] {
  const handler: Handler<E> = async (c) => {
    const lang = sharedContext(c).get('lang');
    const form = await readForm(c);
    const { values } = form;
    if (cycle.tokenIsValid && !cycle.tokenIsValid(c, values)) {
      return cycle.render(c, { values, errors: {}, formError: cycle.refusedToken?.(c) }, 403);
    }
    const parsed = cycle.schema(c).safeParse(cycle.read(form, c));
    if (!parsed.success) return cycle.render(c, { values, errors: fieldErrorsOf(parsed.error, lang) }, 422);
    try {
      const next = await cycle.act(c, parsed.data, form);
      return typeof next === 'string' ? c.redirect(next, 303) : next;
    } catch (error) {
      if (error instanceof FormRejection) return cycle.render(c, { values, errors: error.errors }, error.status);
      if (error instanceof RateLimitedError) return tooMany(c, values, error, cycle.render);
      if (isServiceUnavailable(error) && !wantsProblem(c)) return whileUnavailable(c, values, error, cycle.render);
      const status = error instanceof DomainError ? (cycle.shows ?? showsByDefault)(error) : undefined;
      if (!(error instanceof DomainError) || !status) throw error;
      sharedContext(c).get('logger').log('info', 'form refused by a rule', { code: error.code, status });
      return cycle.render(c, { values, errors: domainFieldErrors(error, lang), formError: error.messages[lang], error }, status);
    }
  };
  return [limitBody(cycle.maxBytes ?? FORM_BODY_LIMIT_BYTES), handler];
}
