import { Hono } from 'hono';
import { appealInputSchema, type AppealInput } from '../../../../shared/appeals/appeal';
import { appealOptionOf } from '../../../../shared/appeals/lodging';
import { lodgeAppeal, type LodgeAppealDeps } from '../../../../shared/appeals/use-cases/lodge-appeal';
import { appealReceiptEmail } from '../../../../web/emails/appeal-emails';
import { StatusPage } from '../../../../web/pages/apply/follow-pages';
import { formRoute, single, type FormState, type FormStatus } from '../../common/form-cycle';
import { pageContextOf } from '../../common/page-context';
import { sessionCsrf, sessionTokenCheck, type ApplicationJourneyDependencies, type JourneyContext, type JourneyEnv } from '../journey';

/** What lodging an appeal needs, from the journey's dependencies and the session's repositories. */
export function appealDeps(deps: ApplicationJourneyDependencies, c: JourneyContext): LodgeAppealDeps {
  return { appeals: c.var.data.appeals, clock: deps.clock, newId: deps.newId, composeReceipt: appealReceiptEmail };
}

/** Whether an appeal posted now comes after the decision's appeal deadline: then the form asks why. */
export function isLateNow(deps: ApplicationJourneyDependencies, c: JourneyContext): boolean {
  const option = appealOptionOf(c.var.application, deps.clock());
  return option.kind === 'may_appeal' && option.late;
}

/**
 * The appeal form on the status page: the organisation appeals the decision, in the same
 * magic-link session. A complaint about the whole form (already appealed, no decision) is shown at
 * the form, what was typed kept; the application is read afresh, so a second tab sees the appeal
 * that won.
 */
export function appealRoutes(deps: ApplicationJourneyDependencies) {
  const app = new Hono<JourneyEnv>();

  const render = async (c: JourneyContext, state: FormState, status: FormStatus) => {
    const current = await c.var.data.applications.get(c.var.application.tenantId, c.var.application.applicationId);
    if (current) c.set('application', current);
    const { call, application } = c.var;
    const errors = state.formError ? { ...state.errors, appeal: state.formError } : state.errors;
    const appealValues = { reasons: single(state.values.reasons), latenessReason: single(state.values.latenessReason) };
    return c.html(
      <StatusPage page={pageContextOf(c)} call={call} application={application} csrf={sessionCsrf(deps, c)} errors={errors} now={deps.clock()} appealValues={appealValues} />,
      status,
    );
  };

  app.post(
    '/applications/:applicationId/appeal',
    ...formRoute<JourneyEnv, AppealInput>({
      ...sessionTokenCheck(deps),
      schema: (c) => appealInputSchema(isLateNow(deps, c)),
      read: ({ values }) => ({ reasons: single(values.reasons), latenessReason: single(values.latenessReason) }),
      render,
      act: async (c, input) => {
        await lodgeAppeal(appealDeps(deps, c), { application: c.var.application, input });
        return `/applications/${c.var.application.applicationId}?notice=appealed`;
      },
    }),
  );

  return app;
}
