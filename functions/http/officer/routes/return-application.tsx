import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { applicationIdSchema } from './case-data';
import type { Context } from 'hono';
import { ulid } from 'ulid';
import type { Application } from '../../../../shared/applications/application';
import { sectionNames } from '../../../../shared/applications/section-schemas';
import { ConcurrentChangeError } from '../../../../shared/applications/errors';
import { MAX_RETURN_MESSAGE_LENGTH, returnRequestInputSchema, returnToApplicant } from '../../../../shared/applications/use-cases/return-to-applicant';
import type { Clock } from '../../../../shared/kernel/ports';
import { IllegalTransitionError } from '../../../../shared/kernel/state-machine';
import type { Call } from '../../../../shared/rounds/call';
import { textTranslator } from '../../../../web/i18n';
import { returnText, type ReturnTextKey } from '../../../../web/messages/return';
import { OfficerReturnPage, officerCasePath, type ReturnFormState } from '../../../../web/pages/officer-return-page';
import { composeReturnedEmail, type LinkSigning } from '../../../common/signed-tokens';
import { principalOf } from '../../common/authentication';
import { notFound, refusal } from '../../common/error-handling';
import { formRoute, many, single, versionField, type FormState, type FormStatus } from '../../common/form-cycle';
import { problemResponse } from '../../common/openapi-problem';
import { fieldProblems, problem } from '../../common/problem';
import { sharedContext } from '../../common/app-env';
import { signedInPage } from '../../common/signed-in-app';
import { validationProblem } from '../../common/validation-problem';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';

/** What returning an application needs besides the tenant's data. */
export interface ReturnRouteOptions {
  /** Signs the applicant's single-use link to continue; the keys are read when first needed. */
  readonly applicantLinks: () => Promise<Omit<LinkSigning, 'clock' | 'newId'>>;
  readonly clock?: Clock;
}


/** The application and its round, of the signed-in tenant only: another municipality's is not found. */
async function caseOf(c: Context<OfficerEnv>): Promise<{ application: Application; call: Call } | undefined> {
  const { tenantId } = principalOf(c);
  const id = applicationIdSchema.safeParse(c.req.param('applicationId'));
  const application = id.success ? await c.var.data.applications.get(tenantId, id.data) : undefined;
  const call = application ? await c.var.data.calls.get(tenantId, application.roundId) : undefined;
  return application && call ? { application, call } : undefined;
}

/** The officer who declared a conflict of interest is refused before anything is read from the body. */
function isRecused(c: Context<OfficerEnv>, application: Application): boolean {
  return application.recusedUserIds?.includes(principalOf(c).userId) ?? false;
}

const security = [{ bearerAuth: [] }];

const returnBodySchema = z.object({
  message: z.string().max(MAX_RETURN_MESSAGE_LENGTH + 100).meta({ description: 'What the applicant is to answer or correct, at most 4,000 characters after trimming.' }),
  sections: z.array(z.enum(sectionNames)).meta({ description: 'The sections of the applicant form the applicant may change.', example: ['budget', 'attachments'] }),
  expectedVersion: z.number().int().min(1).optional().meta({ description: 'The version the request is based on; a later change answers 409.' }),
});

const returnedSchema = z
  .object({
    applicationId: z.string(),
    status: z.string(),
    version: z.number().int(),
    returnRequest: z.object({ requestedAt: z.string(), requestedBy: z.string(), message: z.string(), sections: z.array(z.string()) }),
  })
  .meta({ id: 'ReturnedApplication' });

const returnApiRoute = createRoute({
  method: 'post',
  path: '/officer/api/applications/{applicationId}/return',
  summary: 'Return an application to the applicant for more information or a correction, naming the sections the applicant may change; the applicant is emailed the message with a link to continue.',
  security,
  request: {
    params: z.object({ applicationId: applicationIdSchema.meta({ description: 'The application id.' }) }),
    body: { content: { 'application/json': { schema: returnBodySchema } }, required: true },
  },
  responses: {
    200: { description: 'The application, now returned, with its request.', content: { 'application/json': { schema: returnedSchema } } },
    400: problemResponse('The body is not valid.'),
    401: problemResponse('No valid token.'),
    403: problemResponse('No permission to return applications, or the officer has declared a conflict of interest in the case.'),
    404: problemResponse('No such application in the municipality.'),
    409: problemResponse('The application cannot be returned in its status, or it changed meanwhile (withdrawn, returned by someone else).'),
    422: problemResponse('The message is missing or too long, or no section is chosen.'),
  },
});

/**
 * Returning an application for more information: the page with its form (`cases.return`), and
 * the same action in the JSON API. The email to the applicant and its single-use link are written
 * in the same transaction as the status.
 */
export function returnRoutes(options: ReturnRouteOptions) {
  const clock = options.clock ?? (() => new Date());
  const app = new OpenAPIHono<OfficerEnv>({ defaultHook: validationProblem() });
  const path = '/officer/applications/:applicationId/return';
  const mayReturn = requirePermission('cases.return');

  const emailFor = (call: Call) => async (returned: Application) => composeReturnedEmail({ ...(await options.applicantLinks()), clock, newId: ulid }, returned, call);

  async function render(c: Context<OfficerEnv>, form: ReturnFormState, status: 200 | FormStatus = 200) {
    const found = await caseOf(c);
    if (!found) return notFound(c);
    const tx = textTranslator(returnText, c.var.lang);
    const page = await signedInPage(c, 'officer', async (tenantId) => (await c.var.data.tenants.getProfile(tenantId))?.name);
    const { application, call } = found;
    return c.html(
      <OfficerReturnPage page={page} call={call} application={application} form={form} applicationStatus={tx(`state.${application.status}` as ReturnTextKey)} />,
      status,
    );
  }

  /** Loads the case once for the guards: not found (404), or recused (403), before the form is read. */
  const caseGuard = async (c: Context<OfficerEnv>, next: () => Promise<void>) => {
    const found = await caseOf(c);
    if (!found) return notFound(c);
    if (isRecused(c, found.application)) return refusal(sharedContext(c), 403);
    await next();
  };

  app.get(path, mayReturn, caseGuard, (c) => {
    const notice = c.req.query('returned') === '1' ? textTranslator(returnText, c.var.lang)('officer.done') : undefined;
    return render(c, { message: '', sections: [], errors: {}, ...(notice ? { formError: notice } : {}) });
  });

  app.post(
    path,
    mayReturn,
    caseGuard,
    ...formRoute<OfficerEnv, z.infer<typeof returnRequestInputSchema>>({
      schema: () => returnRequestInputSchema,
      read: ({ values }) => ({ message: single(values.message), sections: many(values.sections) }),
      render: (c, state: FormState, status) => {
        const tx = textTranslator(returnText, c.var.lang);
        const changed = state.error instanceof ConcurrentChangeError || state.error instanceof IllegalTransitionError;
        return render(
          c,
          {
            message: single(state.values.message),
            sections: many(state.values.sections),
            errors: state.errors,
            ...(changed ? { formError: tx('officer.changedMeanwhile') } : state.formError ? { formError: state.formError } : {}),
          },
          status,
        );
      },
      shows: (error) => (error instanceof ConcurrentChangeError || error instanceof IllegalTransitionError ? 409 : undefined),
      act: async (c, request, { values }) => {
        const found = await caseOf(c);
        if (!found) return notFound(c);
        const { application, call } = found;
        const expectedVersion = versionField(values.version) ?? application.version;
        await returnToApplicant(
          { applications: c.var.data.applications, clock, newId: ulid },
          { application, actor: principalOf(c).userId, request, expectedVersion },
          emailFor(call),
        );
        c.var.logger.log('info', 'application returned', { tenantId: application.tenantId, roundId: application.roundId, applicationId: application.applicationId });
        return `${officerCasePath(application.applicationId)}/return?returned=1`;
      },
    }),
  );

  app.use('/officer/api/applications/:applicationId/return', mayReturn);
  app.openapi(returnApiRoute, async (c) => {
    const found = await caseOf(c);
    if (!found) return notFound(c) as never;
    const { application, call } = found;
    const body = c.req.valid('json');
    const request = returnRequestInputSchema.safeParse({ message: body.message, sections: body.sections });
    if (!request.success) return problem(c, 422, { errors: fieldProblems(c, request.error.issues) }) as never;
    const expectedVersion = body.expectedVersion ?? application.version;
    const returned = await returnToApplicant(
      { applications: c.var.data.applications, clock, newId: ulid },
      { application, actor: principalOf(c).userId, request: request.data, expectedVersion },
      emailFor(call),
    );
    return c.json({ applicationId: returned.applicationId, status: returned.status, version: returned.version, returnRequest: returned.returnRequest! }, 200);
  });

  return app;
}
