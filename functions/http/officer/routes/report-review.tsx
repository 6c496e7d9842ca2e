import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ulid } from 'ulid';
import type { Application } from '../../../../shared/applications/application';
import { ConcurrentChangeError } from '../../../../shared/applications/errors';
import type { Clock } from '../../../../shared/kernel/ports';
import { DomainError } from '../../../../shared/kernel/errors';
import { addLocalizedIssue, issueCode, issueMessage } from '../../../../shared/kernel/i18n';
import { IllegalTransitionError } from '../../../../shared/kernel/state-machine';
import { can } from '../../../../shared/officers/permissions';
import { rulesOfRound } from '../../../../shared/rounds/round-rules';
import { amountAwardedOf, reportOf } from '../../../../shared/reports/report';
import { approveReport, MAX_REPORT_RETURN_MESSAGE, returnReport, type ReviewInput } from '../../../../shared/reports/use-cases/review-report';
import { reportEmail } from '../../../../web/emails/report';
import { textTranslator } from '../../../../web/i18n';
import { reportText } from '../../../../web/messages/report';
import { OfficerReportPage, type ReportReviewForm } from '../../../../web/pages/officer-report-page';
import { principalOf } from '../../common/authentication';
import { notFound, statusOfDomainError } from '../../common/error-handling';
import { formRoute, single, versionField, type FormStatus } from '../../common/form-cycle';
import { problemResponse } from '../../common/openapi-problem';
import { problem } from '../../common/problem';
import { signedInPage } from '../../common/signed-in-app';
import { validationProblem } from '../../common/validation-problem';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { applicationIdSchema, casePath, findCase } from './case-data';

/** How long the auditor's confirmation's download link works. */
const DOWNLOAD_SECONDS = 300;

/** The message returning a report carries: required, at most {@link MAX_REPORT_RETURN_MESSAGE} characters once trimmed. */
const returnMessageSchema = z.string().transform((value, ctx) => {
  const text = value.trim();
  if (text === '') addLocalizedIssue(ctx, { code: 'report.message_missing', messages: reportText['officer.message.missing'] });
  else if (text.length > MAX_REPORT_RETURN_MESSAGE) addLocalizedIssue(ctx, { code: 'report.message_too_long', messages: reportText['officer.message.tooLong'] });
  return text;
});

const security = [{ bearerAuth: [] }];
const params = z.object({ applicationId: applicationIdSchema.meta({ description: 'The application id.' }) });

const reportSchema = z
  .object({
    applicationId: z.string(),
    applicationStatus: z.string().meta({ description: 'The application status: `reported` while the report is handled, `approved` once the report is approved.' }),
    version: z.number().int().meta({ description: 'The application version; send it back as `expectedVersion`.' }),
    amountAwarded: z.number().int(),
    report: z.record(z.string(), z.unknown()).optional().meta({ description: 'The report: `status` (due, submitted, returned_for_changes, approved), `content` (as submitted), `auditorConfirmation`, `returned` and `returnHistory`, `submittedAt`, `approvedAt`.' }),
  })
  .meta({ id: 'GrantReport' });

const refusals = {
  401: problemResponse('No valid token.'),
  403: problemResponse('No permission to review reports, or the officer has declared a conflict of interest in the case.'),
  404: problemResponse('No such application in the municipality.'),
  409: problemResponse('No submitted report to review: already approved or returned (also by another officer at the same moment), or the application changed meanwhile; or approval needs the auditor\'s confirmation.'),
};

const getRoute = createRoute({
  method: 'get', path: '/officer/api/applications/{applicationId}/report', summary: "The grant's final report and where it stands.", security,
  request: { params },
  responses: { 200: { description: 'The report.', content: { 'application/json': { schema: reportSchema } } }, 401: refusals[401], 403: refusals[403], 404: refusals[404] },
});

const approveRoute = createRoute({
  method: 'post', path: '/officer/api/applications/{applicationId}/report/approve',
  summary: 'Approve the submitted final report; its figures are added to the round\'s results and the organisation is emailed.', security,
  request: { params, body: { required: false, content: { 'application/json': { schema: z.object({ expectedVersion: z.number().int().min(1).optional().meta({ description: 'The version the decision is based on; a later change answers 409.' }) }) } } } },
  responses: { 200: { description: 'Approved.', content: { 'application/json': { schema: reportSchema } } }, ...refusals },
});

const returnRoute = createRoute({
  method: 'post', path: '/officer/api/applications/{applicationId}/report/return',
  summary: 'Return the submitted final report to the organisation with a message saying what to correct; the message is emailed.', security,
  request: {
    params,
    body: { required: true, content: { 'application/json': { schema: z.object({
      message: z.string().max(MAX_REPORT_RETURN_MESSAGE + 100).meta({ description: 'What to correct, at most 4,000 characters after trimming.' }),
      expectedVersion: z.number().int().min(1).optional(),
    }) } } },
  },
  responses: { 200: { description: 'Returned for changes.', content: { 'application/json': { schema: reportSchema } } }, ...refusals, 422: problemResponse('The message is missing or too long.') },
});

function reportBody(application: Application) {
  // The organisation's unsent draft is its own until it sends it.
  const { draft: _unsent, ...report } = reportOf(application) ?? {};
  const hasReport = reportOf(application) !== undefined;
  return {
    applicationId: application.applicationId, applicationStatus: application.status, version: application.version, amountAwarded: amountAwardedOf(application),
    ...(hasReport ? { report: report as Record<string, unknown> } : {}),
  };
}

/**
 * The officer's review of a grant's final report: the page (linked from the case page) with one
 * form to approve or return it, and the same in the JSON API. Reading needs `cases.read`, acting
 * `reports.review`; a case of another municipality is not found.
 */
export function reportReviewRoutes(options: { clock?: Clock } = {}) {
  const clock = options.clock ?? (() => new Date());
  const app = new OpenAPIHono<OfficerEnv>({ defaultHook: validationProblem() });
  const path = '/officer/applications/:applicationId/report';
  const read = requirePermission('cases.read');
  const review = requirePermission('reports.review');
  const deps = (c: Context<OfficerEnv>) => ({ applications: c.var.data.applications, clock, newId: ulid, composeReportMessage: reportEmail });

  /** The case and the threshold its round's rule set sets; undefined for another municipality's id. */
  async function reviewed(c: Context<OfficerEnv>, expectedVersion: number | undefined) {
    const found = await findCase(c);
    if (!found) return undefined;
    const { ruleSet } = await rulesOfRound(c.var.data.roundRules, found.round);
    const input: ReviewInput = { application: found.application, actor: principalOf(c).userId, auditThreshold: ruleSet.auditThreshold, expectedVersion: expectedVersion ?? found.application.version };
    return { ...found, input };
  }

  async function render(c: Context<OfficerEnv>, form: ReportReviewForm, status: 200 | FormStatus = 200) {
    const found = await findCase(c);
    if (!found) return notFound(c);
    const { application, round } = found;
    const page = await signedInPage(c, 'officer', async (tenantId) => (await c.var.data.tenants.getProfile(tenantId))?.name);
    const file = application.report?.auditorConfirmation;
    const auditorHref = file ? await c.var.data.attachments.getDownloadUrl(file.key, file.filename, DOWNLOAD_SECONDS) : undefined;
    const mayReview = can(principalOf(c).roles, 'reports.review');
    return c.html(<OfficerReportPage page={page} call={round} application={application} mayReview={mayReview} form={form} {...(auditorHref ? { auditorHref } : {})} />, status);
  }

  const notices = { approved: 'officer.approved', returned: 'officer.returned' } as const;
  app.get(path, read, (c) => {
    const key = notices[c.req.query('done') as keyof typeof notices];
    return render(c, { message: '', errors: {}, ...(key ? { notice: textTranslator(reportText, c.var.lang)(key) } : {}) });
  });

  /** A change that lost to another officer, or a rule, is shown on the report as it is now, with the message kept. */
  const renderRefused = (c: Context<OfficerEnv>, state: { values: Record<string, string | string[]>; errors: Record<string, string | undefined>; formError?: string }, status: FormStatus) =>
    render(c, { message: single(state.values.message), errors: state.errors, ...(state.formError ? { formError: state.formError } : {}) }, status);
  // A lost race or a refused transition is a conflict; other rules keep their own status, shown with the form.
  const shows = (error: DomainError) => {
    if (error instanceof ConcurrentChangeError || error instanceof IllegalTransitionError) return 409;
    const status = statusOfDomainError(error);
    return status === 404 || status === 403 ? undefined : status;
  };

  app.post(`${path}/approve`, review, ...formRoute<OfficerEnv, object>({
    schema: () => z.object({}),
    read: () => ({}),
    render: renderRefused,
    shows,
    act: async (c, _input, { values }) => {
      const found = await reviewed(c, versionField(values.version));
      if (!found) return notFound(c);
      await approveReport(deps(c), found.input);
      return `${casePath(found.application.applicationId, 'report')}?done=approved`;
    },
  }));

  app.post(`${path}/return`, review, ...formRoute<OfficerEnv, { message: string }>({
    schema: () => z.object({ message: returnMessageSchema }),
    read: ({ values }) => ({ message: single(values.message) }),
    render: renderRefused,
    shows,
    act: async (c, { message }, { values }) => {
      const found = await reviewed(c, versionField(values.version));
      if (!found) return notFound(c);
      await returnReport(deps(c), { ...found.input, message });
      return `${casePath(found.application.applicationId, 'report')}?done=returned`;
    },
  }));

  app.use('/officer/api/applications/:applicationId/report', read);
  app.openapi(getRoute, async (c) => {
    const found = await findCase(c);
    if (!found) return notFound(c) as never;
    return c.json(reportBody(found.application), 200);
  });

  for (const action of ['approve', 'return']) app.use(`/officer/api/applications/:applicationId/report/${action}`, review);
  app.openapi(approveRoute, async (c) => {
    const body = c.req.header('content-type')?.includes('json') ? ((await c.req.json().catch(() => ({}))) as { expectedVersion?: number }) : {};
    const found = await reviewed(c, typeof body.expectedVersion === 'number' ? body.expectedVersion : undefined);
    if (!found) return notFound(c) as never;
    return c.json(reportBody(await approveReport(deps(c), found.input)), 200);
  });

  app.openapi(returnRoute, async (c) => {
    const body = c.req.valid('json');
    const message = returnMessageSchema.safeParse(body.message);
    if (!message.success) {
      const issue = message.error.issues[0]!;
      const text = issueMessage(issue, c.var.lang);
      const code = issueCode(issue) ?? 'report.message_invalid';
      return problem(c, 422, { title: text, code, errors: [{ field: 'message', code, message: text }] }) as never;
    }
    const found = await reviewed(c, body.expectedVersion);
    if (!found) return notFound(c) as never;
    return c.json(reportBody(await returnReport(deps(c), { ...found.input, message: message.data })), 200);
  });

  return app;
}
