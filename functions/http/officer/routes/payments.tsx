import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ConcurrentChangeError, NotFoundError } from '../../../../shared/applications/errors';
import { formatKroner, kroner } from '../../../../shared/kernel/money';
import type { Clock } from '../../../../shared/kernel/ports';
import { can } from '../../../../shared/officers/permissions';
import { NothingToExportError } from '../../../../shared/payments/errors';
import { MAX_CONDITIONS_NOTE_LENGTH } from '../../../../shared/payments/payment';
import { paymentFileText } from '../../../../shared/payments/payment-file';
import { textTranslator } from '../../../../web/i18n';
import { paymentText } from '../../../../web/messages/payments';
import { OfficerCasePaymentsPage, type PaymentFormState } from '../../../../web/pages/officer-case-payments-page';
import { OfficerPaymentsPage, officerPaymentsPath } from '../../../../web/pages/officer-payments-page';
import { principalOf } from '../../common/authentication';
import { notFound } from '../../common/error-handling';
import { formRoute, single, versionField, type FormStatus } from '../../common/form-cycle';
import { signedInPage } from '../../common/signed-in-app';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { casePath, findCase } from './case-data';
import { exportIdPattern, exportWaitingPayments, payInstalment, paymentFileName, planOf } from './payments-data';

/** The payment form as posted: which instalment, the version seen, and what was checked. */
const paymentForm = z.object({
  instalment: z.coerce.number().int().min(1).max(99),
  conditionsNote: z.string().trim().max(MAX_CONDITIONS_NOTE_LENGTH),
});

const tenantName = (c: Context<OfficerEnv>) => signedInPage(c, 'officer', async (tenantId) => (await c.var.data.tenants.getProfile(tenantId))?.name);

/**
 * Paying grants out, as pages: a case's payment plan with the form for its next instalment
 * (`payments.manage`; readers see the plan), and the municipality's payment files.
 */
export function paymentRoutes(options: { clock?: Clock } = {}) {
  const clock = options.clock ?? (() => new Date());
  const app = new Hono<OfficerEnv>();
  const mayPay = requirePermission('payments.manage');
  const path = '/officer/applications/:applicationId/payments';

  async function renderCase(c: Context<OfficerEnv>, form: PaymentFormState, status: 200 | FormStatus = 200, notice?: string) {
    const found = await findCase(c);
    if (!found) return notFound(c);
    const { application, round } = found;
    const { rows } = await planOf(c, application);
    const page = await tenantName(c);
    return c.html(
      <OfficerCasePaymentsPage
        page={page}
        application={application}
        roundTitle={round.title[page.lang]}
        plan={rows}
        mayPay={can(principalOf(c).roles, 'payments.manage')}
        form={form}
        {...(notice ? { notice } : {})}
      />,
      status,
    );
  }

  app.get(path, requirePermission('cases.read'), (c) => {
    // The instalment just recorded, as the redirect after the form names it.
    const recorded = versionField(c.req.query('recorded'));
    const notice = recorded ? textTranslator(paymentText, c.var.lang)('form.recorded', { number: recorded }) : undefined;
    return renderCase(c, { conditionsNote: '', errors: {} }, 200, notice);
  });

  app.post(
    path,
    mayPay,
    ...formRoute<OfficerEnv, z.infer<typeof paymentForm>>({
      schema: () => paymentForm,
      read: ({ values }) => ({ instalment: single(values.instalment), conditionsNote: single(values.conditionsNote) }),
      render: (c, state, status) => {
        const changed = state.error instanceof ConcurrentChangeError;
        const formError = changed ? textTranslator(paymentText, c.var.lang)('form.changedMeanwhile') : state.formError;
        return renderCase(c, { conditionsNote: single(state.values.conditionsNote), errors: state.errors, ...(formError ? { formError } : {}) }, status);
      },
      act: async (c, input, { values }) => {
        const found = await findCase(c);
        if (!found) throw new NotFoundError();
        const { application } = found;
        await payInstalment(c, clock, {
          application,
          instalment: input.instalment,
          expectedVersion: versionField(values.version) ?? application.version,
          conditionsNote: input.conditionsNote,
        });
        c.var.logger.log('info', 'payment recorded', { tenantId: application.tenantId, applicationId: application.applicationId, instalment: input.instalment });
        return `${casePath(application.applicationId, 'payments')}?recorded=${input.instalment}`;
      },
    }),
  );

  async function renderFiles(c: Context<OfficerEnv>, extra: { notice?: string; formError?: string } = {}, status: 200 | 409 = 200) {
    const { tenantId } = principalOf(c);
    const [waiting, exports, page] = await Promise.all([c.var.data.payments.listUnexported(tenantId), c.var.data.payments.listExports(tenantId), tenantName(c)]);
    return c.html(<OfficerPaymentsPage page={page} waiting={waiting} exports={exports} mayExport {...extra} />, status);
  }

  app.get(officerPaymentsPath, mayPay, async (c) => {
    const tx = textTranslator(paymentText, c.var.lang);
    const exportId = c.req.query('exported');
    if (!exportId || !exportIdPattern.test(exportId)) return renderFiles(c);
    const file = await c.var.data.payments.getExport(principalOf(c).tenantId, exportId);
    if (!file) return renderFiles(c);
    const remaining = versionField(c.req.query('remaining')) ?? 0;
    const notice = [
      tx('file.exported', { count: file.payments.length, total: formatKroner(kroner(file.total), c.var.lang) }),
      ...(remaining > 0 ? [tx('file.remaining', { count: remaining })] : []),
    ].join(' ');
    return renderFiles(c, { notice });
  });

  app.post(`${officerPaymentsPath}/exports`, mayPay, async (c) => {
    try {
      const { export: file, remaining } = await exportWaitingPayments(c, clock);
      c.var.logger.log('info', 'payment file exported', { tenantId: file.tenantId, exportId: file.exportId, count: file.payments.length });
      return c.redirect(`${officerPaymentsPath}?exported=${file.exportId}&remaining=${remaining}`, 303);
    } catch (error) {
      // Someone else exported the last waiting payments a moment ago: the page shows their file.
      if (error instanceof NothingToExportError) return renderFiles(c, { formError: error.messages[c.var.lang] }, 409);
      throw error;
    }
  });

  app.get(`${officerPaymentsPath}/exports/:exportId`, mayPay, async (c) => {
    const exportId = c.req.param('exportId');
    const file = exportIdPattern.test(exportId) ? await c.var.data.payments.getExport(principalOf(c).tenantId, exportId) : undefined;
    if (!file) return notFound(c);
    return c.body(paymentFileText(file.payments), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${paymentFileName(file.createdAt)}"`,
    });
  });

  return app;
}
