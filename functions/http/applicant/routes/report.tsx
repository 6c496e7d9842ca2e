import { Hono } from 'hono';
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES, type AttachmentRef } from '../../../../shared/applications/application';
import { attachmentKey } from '../../../../shared/applications/attachment-keys';
import { validateAttachment } from '../../../../shared/applications/attachments';
import { ConcurrentChangeError } from '../../../../shared/applications/errors';
import { DomainError } from '../../../../shared/kernel/errors';
import { IllegalTransitionError } from '../../../../shared/kernel/state-machine';
import type { ReportDeps } from '../../../../shared/reports/ports';
import { mayWriteReport } from '../../../../shared/reports/report';
import { reportContentValues, reportFormInput, reportFormSchema, reportFrameOf, type ReportFormInput } from '../../../../shared/reports/report-form';
import type { ReportContent } from '../../../../shared/reports/report';
import { attachAuditorConfirmation } from '../../../../shared/reports/use-cases/attach-auditor-confirmation';
import { saveReportDraft } from '../../../../shared/reports/use-cases/save-report-draft';
import { submitReport } from '../../../../shared/reports/use-cases/submit-report';
import { reportEmail } from '../../../../web/emails/report';
import { textTranslator } from '../../../../web/i18n';
import { reportText } from '../../../../web/messages/report';
import { ReportPage } from '../../../../web/pages/apply/report-page';
import { FormRejection, formRoute, single, type FormState, type FormStatus, type FormValues } from '../../common/form-cycle';
import { statusOfDomainError } from '../../common/error-handling';
import { pageContextOf } from '../../common/page-context';
import { sessionCsrf, sessionTokenCheck, versionOf, type ApplicationJourneyDependencies, type JourneyContext, type JourneyEnv } from '../journey';

/** Room for the form's other fields and the multipart framing around the largest file. */
const UPLOAD_OVERHEAD_BYTES = 64 * 1024;

const uploadSchema = z.object({ file: z.instanceof(File) });

/** What the report use cases need, from the journey's dependencies and the session's repositories. */
export function reportDeps(deps: ApplicationJourneyDependencies, c: JourneyContext): ReportDeps & { composeReportMessage: typeof reportEmail } {
  return { applications: c.var.data.applications, clock: deps.clock, newId: deps.newId, composeReportMessage: reportEmail };
}

/** A posted form's values as single strings, for showing them again. */
function shownValues(values: FormValues): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, single(value)]));
}

/**
 * The final report in the status page's session: the form (filled from the draft, or from the
 * report as last submitted when it came back for changes), saving a draft, attaching the auditor's
 * confirmation, and sending it. A report that may not be written now sends the browser to the
 * status page, which says why.
 */
export function reportRoutes(deps: ApplicationJourneyDependencies) {
  const app = new Hono<JourneyEnv>();
  const path = '/applications/:applicationId/report';
  const statusPath = (c: JourneyContext) => `/applications/${c.var.application.applicationId}`;
  const reportPath = (c: JourneyContext) => `${statusPath(c)}/report`;

  const render = (c: JourneyContext, state: Pick<FormState, 'errors' | 'formError'> & { values?: Record<string, string> }, status: 200 | FormStatus = 200, notice?: string) => {
    const { application, call, rules } = c.var;
    const report = application.report;
    const values = state.values ?? report?.draft ?? (report?.content ? reportContentValues(report.content) : {});
    return c.html(
      <ReportPage page={pageContextOf(c)} call={call} application={application} auditThreshold={rules.auditThreshold} csrf={sessionCsrf(deps, c)} values={values} errors={state.errors} formError={state.formError} notice={notice} />,
      status,
    );
  };

  /** A refused change is shown on the application as it is now, with what was typed; a second tab sees what won. */
  const renderAgain = async (c: JourneyContext, state: FormState, status: FormStatus) => {
    const current = await c.var.data.applications.get(c.var.application.tenantId, c.var.application.applicationId);
    if (current) c.set('application', current);
    return render(c, { values: shownValues(state.values), errors: state.errors, formError: state.formError }, status);
  };

  // A lost race or a refused transition is a conflict; other rules keep their own status, shown with the form.
  const shows = (error: DomainError) => {
    if (error instanceof ConcurrentChangeError || error instanceof IllegalTransitionError) return 409;
    const status = statusOfDomainError(error);
    return status === 404 || status === 403 ? undefined : status;
  };
  const notices = { saved: 'saved', attached: 'attached' } as const;

  app.get(path, (c) => {
    if (!mayWriteReport(c.var.application)) return c.redirect(statusPath(c), 303);
    const key = notices[c.req.query('notice') as keyof typeof notices];
    return render(c, { errors: {} }, 200, key ? textTranslator(reportText, c.var.lang)(key) : undefined);
  });

  app.post(
    `${path}/draft`,
    ...formRoute<JourneyEnv, ReportFormInput>({
      ...sessionTokenCheck(deps),
      schema: () => z.record(z.string(), z.string()),
      read: ({ values }, c) => reportFormInput(reportFrameOf(c.var.application), values),
      render: renderAgain,
      shows,
      act: async (c, values, form) => {
        await saveReportDraft(reportDeps(deps, c), { application: c.var.application, values, expectedVersion: versionOf(form.values) });
        return `${reportPath(c)}?notice=saved`;
      },
    }),
  );

  app.post(
    `${path}/submit`,
    ...formRoute<JourneyEnv, ReportContent>({
      ...sessionTokenCheck(deps),
      schema: (c) => reportFormSchema(reportFrameOf(c.var.application)),
      read: ({ values }, c) => reportFormInput(reportFrameOf(c.var.application), values),
      render: renderAgain,
      shows,
      act: async (c, content, form) => {
        await submitReport(reportDeps(deps, c), { application: c.var.application, content, auditThreshold: c.var.rules.auditThreshold, expectedVersion: versionOf(form.values) });
        return `${statusPath(c)}?notice=report`;
      },
    }),
  );

  app.post(
    `${path}/auditor-confirmation`,
    ...formRoute<JourneyEnv, z.infer<typeof uploadSchema>>({
      ...sessionTokenCheck(deps),
      maxBytes: MAX_ATTACHMENT_BYTES + UPLOAD_OVERHEAD_BYTES,
      schema: () => uploadSchema,
      read: ({ files }) => ({ file: files.file?.size ? files.file : undefined }),
      // Only the file field can be wrong here; the report's typed fields are in its draft.
      render: (c, state, status) =>
        renderAgain(c, { ...state, values: {}, errors: state.errors.file ? { auditorConfirmation: textTranslator(reportText, c.var.lang)('auditor.pickFile') } : state.errors }, status),
      shows,
      act: async (c, { file }, { values }) => {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const checked = validateAttachment({ filename: file.name, bytes, declaredType: file.type }, { maxBytes: MAX_ATTACHMENT_BYTES });
        if (!checked.ok) throw new FormRejection({ auditorConfirmation: checked.error.messages[c.var.lang] });
        const { application } = c.var;
        const key = attachmentKey(application, deps.newId(), checked.value.filename);
        await c.var.data.attachments.put(key, bytes, checked.value.mediaType, checked.value.filename);
        const added: AttachmentRef = { kind: 'auditor-confirmation', key, filename: checked.value.filename, contentType: checked.value.mediaType, size: checked.value.size, uploadedAt: deps.clock().toISOString() };
        let replaced: AttachmentRef | undefined;
        try {
          ({ replaced } = await attachAuditorConfirmation(reportDeps(deps, c), { application, file: added, expectedVersion: versionOf(values) }));
        } catch (error) {
          // The report does not refer to the file, so it must not stay in the store.
          await c.var.data.attachments.delete(key);
          throw error;
        }
        if (replaced) await c.var.data.attachments.delete(replaced.key);
        return `${reportPath(c)}?notice=attached`;
      },
    }),
  );

  return app;
}
