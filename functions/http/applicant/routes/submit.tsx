import { Hono } from 'hono';
import { z } from 'zod';
import { submissionProblems } from '../../../../shared/applications/application';
import { ConcurrentChangeError } from '../../../../shared/applications/errors';
import { screenDraft } from '../../../../shared/applications/screening';
import { resubmitApplication } from '../../../../shared/applications/use-cases/resubmit-application';
import { submitApplication } from '../../../../shared/applications/use-cases/submit-application';
import { resubmittedMessage } from '../../../../web/emails/application-returned';
import { isBeforeDeadline } from '../../../../shared/kernel/deadlines';
import { IllegalTransitionError } from '../../../../shared/kernel/state-machine';
import { receiptMessage } from '../../../../web/emails/application-messages';
import { stepPath } from '../../../../web/pages/apply/application-frame';
import { ReceiptPage } from '../../../../web/pages/apply/follow-pages';
import { ReviewPage } from '../../../../web/pages/apply/review-page';
import { formRoute, type FormState, type FormStatus } from '../../common/form-cycle';
import { pageContextOf } from '../../common/page-context';
import { reviewable, sessionCsrf, sessionDeps, sessionTokenCheck, versionOf, type ApplicationJourneyDependencies, type JourneyContext, type JourneyEnv } from '../journey';

/** Review, submit and the receipt: the one step that sends the application to the administrator. */
export function submitRoutes(deps: ApplicationJourneyDependencies) {
  const app = new Hono<JourneyEnv>();

  function renderReview(c: JourneyContext, { formError }: Pick<FormState, 'formError'>, status: 200 | FormStatus = 200) {
    const { call, rules, application } = c.var;
    const now = deps.clock();
    return c.html(
      <ReviewPage
        page={pageContextOf(c)}
        call={call}
        rules={rules}
        application={application}
        problems={submissionProblems(application, call, rules)}
        findings={screenDraft(call, rules, application, now)}
        deadlinePassed={!isBeforeDeadline(now, call.deadline) || call.status !== 'open'}
        csrf={sessionCsrf(deps, c)}
        formError={formError}
      />,
      status,
    );
  }

  app.get('/applications/:applicationId/review', reviewable, (c) => renderReview(c, {}));

  // Sending a returned application back: no deadline, only the status; a second send is refused.
  app.post(
    '/applications/:applicationId/resubmit',
    ...formRoute<JourneyEnv, object>({
      ...sessionTokenCheck(deps),
      schema: () => z.object({}),
      read: () => ({}),
      render: renderReview,
      shows: (error) =>
        error instanceof ConcurrentChangeError || error instanceof IllegalTransitionError ? 409 : error.code === 'application.incomplete' ? 422 : undefined,
      act: async (c, _input, { values }) => {
        const { call, rules, application } = c.var;
        const statusUrl = `${deps.baseUrl}/applications/${application.applicationId}`;
        try {
          await resubmitApplication(sessionDeps(deps, c), { call, rules, application, expectedVersion: versionOf(values) }, (resubmitted) =>
            resubmittedMessage(resubmitted, call, statusUrl, { messageId: deps.newId(), createdAt: deps.clock().toISOString() }),
          );
        } catch (error) {
          // Shown with the page as it now stands (sent back by another tab, or withdrawn).
          if (error instanceof ConcurrentChangeError) {
            const current = await c.var.data.applications.get(application.tenantId, application.applicationId);
            if (current) c.set('application', current);
          }
          throw error;
        }
        c.var.logger.log('info', 'application resubmitted', { tenantId: call.tenantId, roundId: call.roundId, applicationId: application.applicationId });
        return `/applications/${application.applicationId}?notice=resubmitted`;
      },
    }),
  );

  app.post(
    '/applications/:applicationId/submit',
    ...formRoute<JourneyEnv, object>({
      ...sessionTokenCheck(deps),
      schema: () => z.object({}),
      read: () => ({}),
      render: renderReview,
      shows: (error) =>
        error instanceof ConcurrentChangeError ? 409 : error instanceof IllegalTransitionError || error.code === 'application.incomplete' ? 422 : undefined,
      act: async (c, _input, { values }) => {
        // The call as stored now, not as the container keeps it: a round closed or a deadline
        // moved a moment ago decides this submit. Shown again with it if the submit is refused.
        const call = (await c.var.data.calls.get(c.var.call.tenantId, c.var.call.roundId)) ?? c.var.call;
        c.set('call', call);
        const { rules, application } = c.var;
        const receiptPath = `/applications/${application.applicationId}/receipt`;
        const statusUrl = `${deps.baseUrl}/applications/${application.applicationId}`;
        try {
          await submitApplication(sessionDeps(deps, c), { call, rules, application, expectedVersion: versionOf(values) }, (submitted) =>
            receiptMessage(submitted, call, statusUrl, { messageId: deps.newId(), createdAt: deps.clock().toISOString() }),
          );
        } catch (error) {
          if (!(error instanceof ConcurrentChangeError)) throw error;
          // A second click or tab raced this one: if the other submitted, show the same receipt.
          const current = await c.var.data.applications.get(application.tenantId, application.applicationId);
          if (current?.submittedAt) return receiptPath;
          if (current) c.set('application', current);
          throw error;
        }
        c.var.logger.log('info', 'application submitted', { tenantId: call.tenantId, roundId: call.roundId, applicationId: application.applicationId });
        return receiptPath;
      },
    }),
  );

  app.get('/applications/:applicationId/receipt', (c) => {
    const { call, application } = c.var;
    if (!application.submittedAt) return c.redirect(stepPath(application.applicationId, 'review'), 303);
    return c.html(<ReceiptPage page={pageContextOf(c)} call={call} application={application} />);
  });

  return app;
}
