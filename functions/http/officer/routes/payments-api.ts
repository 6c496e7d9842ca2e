import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Clock } from '../../../../shared/kernel/ports';
import { MAX_CONDITIONS_NOTE_LENGTH, type Payment } from '../../../../shared/payments/payment';
import { paymentFileText } from '../../../../shared/payments/payment-file';
import { principalOf } from '../../common/authentication';
import { notFound } from '../../common/error-handling';
import { problemResponse } from '../../common/openapi-problem';
import { validationProblem } from '../../common/validation-problem';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { applicationIdSchema, findCase } from './case-data';
import { exportIdPattern, exportWaitingPayments, payInstalment, paymentFileName, planOf } from './payments-data';

const security = [{ bearerAuth: [] }];
const unauthorized = problemResponse('No valid token.');
const forbidden = problemResponse('The token has no role that may record payments or export payment files.');
const applicationParams = z.object({ applicationId: applicationIdSchema });

const paymentSchema = z
  .object({
    applicationId: z.string(),
    instalment: z.number().int(),
    instalments: z.number().int(),
    amount: z.number().int().meta({ description: 'Whole kroner.' }),
    orgnr: z.string(),
    organisationName: z.string(),
    accountNumber: z.string(),
    reference: z.string().meta({ description: 'What the organisation sees on its statement: the application reference and the instalment.', example: 'OSL-2027-0042 1/2' }),
    decisionDate: z.string().meta({ description: 'The decision’s date in Oslo, YYYY-MM-DD.' }),
    recordedAt: z.string(),
    recordedBy: z.string(),
    conditionsNote: z.string().optional(),
    exportedAt: z.string().optional(),
    exportId: z.string().optional(),
  })
  .meta({ id: 'Payment' });

const planSchema = z
  .object({
    applicationId: z.string(),
    status: z.string(),
    version: z.number().int(),
    awarded: z.number().int(),
    amountPaid: z.number().int(),
    instalments: z.array(z.object({
      number: z.number().int(),
      amount: z.number().int(),
      condition: z.enum(['acceptance', 'report_approved', 'conditions_confirmed']),
      state: z.enum(['paid', 'ready', 'held', 'void']),
      waitsFor: z.enum(['acceptance', 'report_approved']).optional(),
      needsConfirmation: z.boolean().optional(),
      payment: paymentSchema.optional(),
    })),
  })
  .meta({ id: 'PaymentPlan' });

const exportSummarySchema = z
  .object({ exportId: z.string(), createdAt: z.string(), createdBy: z.string(), count: z.number().int(), total: z.number().int() })
  .meta({ id: 'PaymentExport' });

const planRoute = createRoute({
  method: 'get',
  path: '/officer/api/applications/{applicationId}/payments',
  summary: 'Show a grant’s payment plan: each instalment with its condition and whether it is paid, ready, held or void.',
  security,
  middleware: [requirePermission('cases.read')] as const,
  request: { params: applicationParams },
  responses: {
    200: { description: 'The plan.', content: { 'application/json': { schema: planSchema } } },
    401: unauthorized,
    403: problemResponse('The token has no role that may read the municipality’s cases.'),
    404: problemResponse('No such application in the municipality.'),
  },
});

const payRoute = createRoute({
  method: 'post',
  path: '/officer/api/applications/{applicationId}/payments',
  summary: 'Record one instalment of an accepted grant. Enhetsregisteret is checked again first; the payment then waits for the next payment file.',
  security,
  middleware: [requirePermission('payments.manage')] as const,
  request: {
    params: applicationParams,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({
        instalment: z.number().int().min(1).max(99).meta({ description: 'The instalment’s number in the plan.', example: 1 }),
        expectedVersion: z.number().int().min(1).optional().meta({ description: 'The application version the request is based on; a later change answers 409.' }),
        conditionsNote: z.string().max(MAX_CONDITIONS_NOTE_LENGTH).optional().meta({ description: 'What was checked; required for an instalment held until its conditions are confirmed.' }),
      }) } },
    },
  },
  responses: {
    201: { description: 'The payment as recorded, with the application’s new status and version.', content: { 'application/json': { schema: z.object({ payment: paymentSchema, status: z.string(), version: z.number().int() }) } } },
    400: problemResponse('The body is not valid.'),
    401: unauthorized,
    403: problemResponse('No permission, or the officer has declared a conflict of interest in the case.'),
    404: problemResponse('No such application in the municipality, or no such instalment in its plan.'),
    409: problemResponse('Not accepted, already paid, held until the report is approved, stopped by the registry’s finding (deleted, bankrupt, being wound up), the registry did not answer, the year is closed, or the case changed meanwhile.'),
    422: problemResponse('The conditions note is missing for an instalment held until its conditions are confirmed, or the application has no account number.'),
  },
});

const waitingRoute = createRoute({
  method: 'get',
  path: '/officer/api/payments/unexported',
  summary: 'List the recorded payments that are in no payment file yet, oldest first.',
  security,
  middleware: [requirePermission('payments.manage')] as const,
  responses: { 200: { description: 'The payments.', content: { 'application/json': { schema: z.object({ payments: z.array(paymentSchema) }) } } }, 401: unauthorized, 403: forbidden },
});

const exportRoute = createRoute({
  method: 'post',
  path: '/officer/api/payment-exports',
  summary: 'Make the next payment file of the waiting payments (at most 98; the rest wait for the next). Each payment goes into exactly one file.',
  security,
  middleware: [requirePermission('payments.manage')] as const,
  responses: {
    201: { description: 'The file, and how many payments still wait.', content: { 'application/json': { schema: z.object({ export: exportSummarySchema, remaining: z.number().int() }) } } },
    401: unauthorized,
    403: forbidden,
    409: problemResponse('No payment waits to be exported.'),
  },
});

const exportsRoute = createRoute({
  method: 'get',
  path: '/officer/api/payment-exports',
  summary: 'List the municipality’s payment files, newest first.',
  security,
  middleware: [requirePermission('payments.manage')] as const,
  responses: { 200: { description: 'The files.', content: { 'application/json': { schema: z.object({ exports: z.array(exportSummarySchema) }) } } }, 401: unauthorized, 403: forbidden },
});

const fileRoute = createRoute({
  method: 'get',
  path: '/officer/api/payment-exports/{exportId}/file',
  summary: 'Fetch a payment file again, unchanged: semicolon-separated UTF-8 with the columns orgnr;kontonummer;belop;referanse;vedtaksdato;mottaker.',
  security,
  middleware: [requirePermission('payments.manage')] as const,
  request: { params: z.object({ exportId: z.string().regex(exportIdPattern).meta({ description: 'The file’s id.' }) }) },
  responses: {
    200: { description: 'The file.', content: { 'text/csv': { schema: z.string() } } },
    401: unauthorized,
    403: forbidden,
    404: problemResponse('No such payment file in the municipality.'),
  },
});

/** A payment as the API shows it: the stored record without its placement. */
const paymentJson = (payment: Payment) => paymentSchema.parse(payment);

/** The payments API: a case's plan and its payments, the waiting list and the payment files. */
export function paymentApiRoutes(options: { clock?: Clock } = {}) {
  const clock = options.clock ?? (() => new Date());
  const app = new OpenAPIHono<OfficerEnv>({ defaultHook: validationProblem() });

  app.openapi(planRoute, async (c) => {
    const found = await findCase(c);
    if (!found) return notFound(c) as never;
    const { application } = found;
    const { rows } = await planOf(c, application);
    return c.json({
      applicationId: application.applicationId,
      status: application.status,
      version: application.version,
      awarded: application.decision?.outcome === 'reject' ? 0 : (application.decision?.amount ?? 0),
      amountPaid: application.payout?.amountPaid ?? 0,
      instalments: rows.map(({ instalment, state }) => ({
        ...instalment,
        state: state.kind,
        ...(state.kind === 'held' ? { waitsFor: state.waitsFor } : {}),
        ...(state.kind === 'ready' ? { needsConfirmation: state.needsConfirmation } : {}),
        ...(state.kind === 'paid' && state.payment ? { payment: paymentJson(state.payment) } : {}),
      })),
    }, 200);
  });

  app.openapi(payRoute, async (c) => {
    const found = await findCase(c);
    if (!found) return notFound(c) as never;
    const { application } = found;
    const body = c.req.valid('json');
    const paid = await payInstalment(c, clock, {
      application,
      instalment: body.instalment,
      expectedVersion: body.expectedVersion ?? application.version,
      ...(body.conditionsNote === undefined ? {} : { conditionsNote: body.conditionsNote }),
    });
    const payments = await c.var.data.payments.listOfApplication(application.tenantId, application.applicationId);
    const payment = payments.find((p) => p.instalment === body.instalment)!;
    return c.json({ payment: paymentJson(payment), status: paid.status, version: paid.version }, 201);
  });

  app.openapi(waitingRoute, async (c) => c.json({ payments: (await c.var.data.payments.listUnexported(principalOf(c).tenantId)).map(paymentJson) }, 200));

  app.openapi(exportRoute, async (c) => {
    const { export: file, remaining } = await exportWaitingPayments(c, clock);
    const { payments, tenantId: _tenantId, ...summary } = file;
    return c.json({ export: { ...summary, count: payments.length }, remaining }, 201);
  });

  app.openapi(exportsRoute, async (c) => {
    const exports = await c.var.data.payments.listExports(principalOf(c).tenantId);
    return c.json({ exports: exports.map(({ tenantId: _tenantId, ...summary }) => summary) }, 200);
  });

  app.openapi(fileRoute, async (c) => {
    const file = await c.var.data.payments.getExport(principalOf(c).tenantId, c.req.valid('param').exportId);
    if (!file) return notFound(c) as never;
    return c.body(paymentFileText(file.payments), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${paymentFileName(file.createdAt)}"`,
    }) as never;
  });

  return app;
}
