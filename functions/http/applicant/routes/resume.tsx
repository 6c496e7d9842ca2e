import { Hono } from 'hono';
import { z } from 'zod';
import { emailField, orgnrField } from '../../../../shared/applications/form-fields';
import { AccessProblemPage, OpenLinkPage, ResumePage } from '../../../../web/pages/apply/follow-pages';
import { readLinkToken } from '../../../common/signed-tokens';
import { formRoute, single } from '../../common/form-cycle';
import { pageContextOf } from '../../common/page-context';
import { clientAddress, emailSubject, enforceRates, RESUME_EMAILS_PER_ADDRESS, RESUMES_PER_CLIENT } from '../../common/rate-limits';
import { limitBody, FORM_BODY_LIMIT_BYTES } from '../../common/request-guards';
import type { ApplicationJourneyDependencies, JourneyContext, JourneyEnv } from '../journey';
import { SESSION_LIFETIME_HOURS, startSession } from '../session';

const resumeSchema = z.object({ orgnr: orgnrField, email: emailField });

/** Coming back: the emailed link that opens a session, and asking for a new link. */
export function resumeRoutes(deps: ApplicationJourneyDependencies) {
  const app = new Hono<JourneyEnv>();
  const linkProblem = (c: JourneyContext) => c.html(<AccessProblemPage page={pageContextOf(c)} kind="link" sessionHours={SESSION_LIFETIME_HOURS} />, 410);

  // Opening a link is a button press (POST), so mail scanners that fetch links do not use it up.
  app.get('/link/:token', (c) => {
    if (!readLinkToken(deps.signingSecret, c.req.param('token'), deps.clock())) return linkProblem(c);
    return c.html(<OpenLinkPage page={pageContextOf(c)} token={c.req.param('token')} />);
  });

  app.post('/link/:token', limitBody(FORM_BODY_LIMIT_BYTES), async (c) => {
    const now = deps.clock();
    const link = readLinkToken(deps.signingSecret, c.req.param('token'), now);
    const outcome = link ? await deps.magicLinks.consume(link.tenantId, link.tokenId, now) : 'unknown';
    if (!link || outcome !== 'consumed') return linkProblem(c);
    startSession(c, deps.signingSecret, link, now);
    return c.redirect(`/applications/${link.applicationId}`, 303);
  });

  app.get('/resume', (c) => c.html(<ResumePage page={pageContextOf(c)} values={{}} errors={{}} sent={false} />));

  app.post(
    '/resume',
    ...formRoute<JourneyEnv, z.infer<typeof resumeSchema>>({
      schema: () => resumeSchema,
      read: ({ values }) => ({ orgnr: single(values.orgnr), email: single(values.email) }),
      render: (c, { values, errors, formError }, status) =>
        c.html(
          <ResumePage page={pageContextOf(c)} values={{ orgnr: single(values.orgnr), email: single(values.email) }} errors={errors} sent={false} formError={formError} />,
          status,
        ),
      act: async (c, { orgnr, email }) => {
        const now = deps.clock();
        // Counted whether or not anything is found, so a refusal tells nothing about the address.
        await enforceRates(deps.rateCounter, [[RESUMES_PER_CLIENT, clientAddress(c)], [RESUME_EMAILS_PER_ADDRESS, emailSubject(email)]], now);
        // Only recorded: the send-outbox job finds the applications, issues their links and sends
        // them, or drops the request. So a known and an unknown address cost this page the same
        // one write, and its time tells nothing either.
        await deps.linkRequests.record({ requestId: deps.newId(), orgnr, email, requestedAt: now.toISOString() });
        // The same answer whether or not anything was found, so the form reveals nothing.
        return c.html(<ResumePage page={pageContextOf(c)} values={{}} errors={{}} sent />);
      },
    }),
  );

  return app;
}
