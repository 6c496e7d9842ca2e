import { Hono } from 'hono';
import { z } from 'zod';
import { NotEligibleError, OrganisationNotFoundError, OrganisationRemovedError } from '../../../../shared/applications/errors';
import { emailField, orgnrField } from '../../../../shared/applications/form-fields';
import { startApplication } from '../../../../shared/applications/use-cases/start-application';
import type { Orgnr } from '../../../../shared/kernel/orgnr';
import { stepPath } from '../../../../web/pages/apply/application-frame';
import { StartApplicationPage } from '../../../../web/pages/apply/start-application-page';
import { composeLinkEmail } from '../../../common/signed-tokens';
import { formRoute, single, type FormState, type FormStatus } from '../../common/form-cycle';
import { clientAddress, emailSubject, enforceRates, START_EMAILS_PER_ADDRESS, STARTS_PER_CLIENT } from '../../common/rate-limits';
import { pageContextOf } from '../../common/page-context';
import { publishedCall, type ApplicationJourneyDependencies, type JourneyContext, type JourneyEnv } from '../journey';
import { noteDraftVersion } from '../application-session';
import { startSession } from '../session';

const startSchema = z.object({ orgnr: orgnrField, email: emailField, prefill: z.boolean() });

/** What the start page shows of a refusal: the findings that stop it, or the number the registry does not know. */
function startPage(c: JourneyContext, { values, errors, error, formError }: FormState, status: 200 | FormStatus = 200) {
  const typed = { orgnr: single(values.orgnr), email: single(values.email), prefill: single(values.prefill) === 'yes' };
  const orgnrError = error instanceof OrganisationNotFoundError || error instanceof OrganisationRemovedError ? { orgnr: error.messages[c.var.lang] } : {};
  const findings = error instanceof NotEligibleError ? error.findings : undefined;
  // A refusal the page already explains (findings, the number's own error) is not said twice.
  const shownElsewhere = findings !== undefined || 'orgnr' in orgnrError;
  return c.html(<StartApplicationPage page={pageContextOf(c)} call={c.var.call} values={typed} errors={{ ...errors, ...orgnrError }} findings={findings} formError={shownElsewhere ? undefined : formError} />, status);
}

/** The first page of an application: who applies, checked against the registry at once. */
export function startRoutes(deps: ApplicationJourneyDependencies) {
  const app = new Hono<JourneyEnv>();
  const path = '/calls/:tenantId/:roundId/apply';
  app.use(path, publishedCall(deps));

  app.get(path, (c) => startPage(c, { values: {}, errors: {} }));

  app.post(
    path,
    ...formRoute<JourneyEnv, z.infer<typeof startSchema>>({
      schema: () => startSchema,
      read: ({ values }) => ({ orgnr: single(values.orgnr), email: single(values.email), prefill: single(values.prefill) === 'yes' }),
      render: (c, state, status) => startPage(c, state, status === 429 ? 429 : 422),
      // A refused start shows the findings or the number's problem, never a bare message.
      shows: (error) =>
        error instanceof NotEligibleError || error instanceof OrganisationNotFoundError || error instanceof OrganisationRemovedError ? 422 : undefined,
      act: async (c, input) => {
        const { call, rules } = c.var;
        // Before the registry is asked or an email is queued: those are what the limits protect.
        await enforceRates(deps.rateCounter, [[STARTS_PER_CLIENT, clientAddress(c)], [START_EMAILS_PER_ADDRESS, emailSubject(input.email)]], deps.clock());
        const applicationId = deps.newId();
        const data = deps.forApplication(call.tenantId, applicationId);
        // Earlier years' applications are found by the organisation index, which only the app's
        // own role may query; the draft is written as its own session.
        const applications = { listByOrganisation: deps.applications.listByOrganisation, create: data.applications.create };
        const application = await startApplication(
          { ...deps, applications },
          { call, rules, applicationId, orgnr: input.orgnr as Orgnr, email: input.email, language: c.var.lang, prefillFromPrevious: input.prefill },
          (draft) => composeLinkEmail(deps, draft, call),
        );
        startSession(c, deps.signingSecret, application, deps.clock());
        noteDraftVersion(c, application);
        c.var.logger.log('info', 'application started', { tenantId: call.tenantId, roundId: call.roundId, applicationId: application.applicationId });
        return stepPath(application.applicationId, 'contact');
      },
    }),
  );

  return app;
}
