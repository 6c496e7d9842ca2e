import { Hono } from 'hono';
import { z } from 'zod';
import { ConcurrentChangeError } from '../../../../shared/applications/errors';
import { withdrawApplication } from '../../../../shared/applications/use-cases/withdraw-application';
import { addLocalizedIssue } from '../../../../shared/kernel/i18n';
import { IllegalTransitionError } from '../../../../shared/kernel/state-machine';
import { applicationText } from '../../../../web/messages/application-form';
import { textTranslator } from '../../../../web/i18n';
import { returnText } from '../../../../web/messages/return';
import { StatusPage } from '../../../../web/pages/apply/follow-pages';
import { grantAnswerEmail } from '../../../../web/emails/grant-answer';
import { acceptanceText } from '../../../../web/messages/acceptance';
import { reportText } from '../../../../web/messages/report';
import { appealText } from '../../../../web/messages/appeal';
import type { AnswerGrantDeps } from '../../../../shared/decisions/acceptance';
import { acceptGrant } from '../../../../shared/decisions/use-cases/accept-grant';
import { declineGrant } from '../../../../shared/decisions/use-cases/decline-grant';
import { composeLinkEmail } from '../../../common/signed-tokens';
import { formRoute, single, type FormState, type FormStatus } from '../../common/form-cycle';
import { pageContextOf } from '../../common/page-context';
import { journeyText, sessionCsrf, sessionDeps, sessionTokenCheck, versionOf, type ApplicationJourneyDependencies, type JourneyContext, type JourneyEnv } from '../journey';

/** Withdrawing is for good, so the applicant must tick the box that says so. */
const withdrawSchema = z.object({ confirm: z.string() }).superRefine(({ confirm }, ctx) => {
  if (confirm !== 'yes') addLocalizedIssue(ctx, { code: 'withdraw.unconfirmed', messages: applicationText['status.withdraw.mustConfirm'] }, ['confirm']);
});

/** Declining is for good, so the applicant must tick the box that says so; accepting needs nothing more than the button. */
const declineSchema = z.object({ confirmDecline: z.string() }).superRefine(({ confirmDecline }, ctx) => {
  if (confirmDecline !== 'yes') addLocalizedIssue(ctx, { code: 'decline.unconfirmed', messages: acceptanceText['decline.mustConfirm'] }, ['confirmDecline']);
});

/** What answering the grant needs, from the journey's dependencies and the session's repositories. */
export function grantAnswerDeps(deps: ApplicationJourneyDependencies, c: JourneyContext): AnswerGrantDeps {
  return { grants: c.var.data.grants, clock: deps.clock, newId: deps.newId, composeGrantAnswer: grantAnswerEmail };
}

/** After submitting: where the case is, withdrawing it, answering a grant, and a new link by email. */
export function followRoutes(deps: ApplicationJourneyDependencies) {
  const app = new Hono<JourneyEnv>();
  const statusPath = (c: JourneyContext) => `/applications/${c.var.application.applicationId}`;

  /**
   * The page has one form at a time: the withdrawal while the case is open, the answer while a
   * grant waits for it. A complaint about the whole form is shown at that form (`formErrorAt`).
   */
  const renderStatusAt = (formErrorAt: 'confirm' | 'answer') => (c: JourneyContext, { errors, formError }: Pick<FormState, 'errors' | 'formError'>, status: 200 | FormStatus = 200, notice?: string) => {
    const { call, application } = c.var;
    const shown = formError ? { [formErrorAt]: formError } : errors;
    return c.html(<StatusPage page={pageContextOf(c)} call={call} application={application} csrf={sessionCsrf(deps, c)} notice={notice} errors={shown} now={deps.clock()} />, status);
  };
  const renderStatus = renderStatusAt('confirm');

  /** Shows the answer form again with its complaint; the application is read afresh, so a second tab sees the answer that won. */
  const renderAnswer = async (c: JourneyContext, state: Pick<FormState, 'errors' | 'formError'>, status: FormStatus) => {
    const current = await c.var.data.applications.get(c.var.application.tenantId, c.var.application.applicationId);
    if (current) c.set('application', current);
    return renderStatusAt('answer')(c, state, status);
  };

  app.get('/applications/:applicationId', (c) => {
    const tx = journeyText(c);
    const notices = {
      link: () => tx('status.linkSent', { email: c.var.application.email }),
      withdrawn: () => tx('status.withdrawn.done'),
      resubmitted: () => textTranslator(returnText, c.var.lang)('resubmit.done'),
      accepted: () => textTranslator(acceptanceText, c.var.lang)('done.accepted'),
      declined: () => textTranslator(acceptanceText, c.var.lang)('done.declined'),
      report: () => textTranslator(reportText, c.var.lang)('done.submitted'),
      appealed: () => textTranslator(appealText, c.var.lang)('done'),
    };
    const notice = notices[c.req.query('notice') as keyof typeof notices]?.();
    return renderStatus(c, { errors: {} }, 200, notice);
  });

  app.post(
    '/applications/:applicationId/withdraw',
    ...formRoute<JourneyEnv, z.infer<typeof withdrawSchema>>({
      ...sessionTokenCheck(deps),
      schema: () => withdrawSchema,
      read: ({ values }) => ({ confirm: single(values.confirm) }),
      render: renderStatus,
      shows: (error) => (error instanceof ConcurrentChangeError || error instanceof IllegalTransitionError ? 409 : undefined),
      act: async (c, _input, { values }) => {
        await withdrawApplication(sessionDeps(deps, c), { application: c.var.application, expectedVersion: versionOf(values), call: c.var.call });
        return `${statusPath(c)}?notice=withdrawn`;
      },
    }),
  );

  app.post(
    '/applications/:applicationId/accept',
    ...formRoute<JourneyEnv, object>({
      ...sessionTokenCheck(deps),
      schema: () => z.object({}),
      read: () => ({}),
      render: renderAnswer,
      act: async (c) => {
        await acceptGrant(grantAnswerDeps(deps, c), { application: c.var.application });
        return `${statusPath(c)}?notice=accepted`;
      },
    }),
  );

  app.post(
    '/applications/:applicationId/decline',
    ...formRoute<JourneyEnv, z.infer<typeof declineSchema>>({
      ...sessionTokenCheck(deps),
      schema: () => declineSchema,
      read: ({ values }) => ({ confirmDecline: single(values.confirmDecline) }),
      render: renderAnswer,
      act: async (c) => {
        await declineGrant(grantAnswerDeps(deps, c), { application: c.var.application });
        return `${statusPath(c)}?notice=declined`;
      },
    }),
  );

  app.post(
    '/applications/:applicationId/send-link',
    ...formRoute<JourneyEnv, object>({
      ...sessionTokenCheck(deps),
      schema: () => z.object({}),
      read: () => ({}),
      // The button carries nothing to correct: a refused token just goes back to the status page.
      render: (c) => c.redirect(statusPath(c), 303),
      act: async (c) => {
        await c.var.data.magicLinks.issue(composeLinkEmail(deps, c.var.application, c.var.call));
        return `${statusPath(c)}?notice=link`;
      },
    }),
  );

  return app;
}
