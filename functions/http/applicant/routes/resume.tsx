import { Hono } from 'hono';
import type { TenantId } from '../../../../shared/kernel/tenants';
import { z } from 'zod';
import { emailField, orgnrField } from '../../../../shared/applications/form-fields';
import { AccessProblemPage, OpenLinkPage, ResumePage } from '../../../../web/pages/apply/follow-pages';
import { composeLinkEmail, readLinkToken } from '../../../common/signed-tokens';
import { formRoute, single } from '../../common/form-cycle';
import { pageContextOf } from '../../common/page-context';
import { clientAddress, emailSubject, enforceRates, RESUME_EMAILS_PER_ADDRESS, RESUMES_PER_CLIENT } from '../../common/rate-limits';
import { limitBody, FORM_BODY_LIMIT_BYTES } from '../../common/request-guards';
import type { ApplicationJourneyDependencies, JourneyContext, JourneyEnv } from '../journey';
import { SESSION_LIFETIME_HOURS, startSession } from '../session';

const resumeSchema = z.object({ orgnr: orgnrField, email: emailField });

/** How long a call read for a link email is reused. */
const CALL_MEMORY_MS = 60_000;

/** Remembers each answer of `read` for `ms`; a failed read is not remembered. */
function recentlyRead<A extends unknown[], T>(read: (...args: A) => Promise<T>, ms: number, clock: () => Date) {
  const memory = new Map<string, { at: number; value: Promise<T> }>();
  return (...args: A): Promise<T> => {
    const key = JSON.stringify(args);
    const now = clock().getTime();
    const kept = memory.get(key);
    if (kept && now - kept.at < ms) return kept.value;
    const value = read(...args);
    memory.set(key, { at: now, value });
    value.catch(() => memory.delete(key));
    return value;
  };
}

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

  // A call's title and administrator are all a link email needs of it. Kept for a minute, so a
  // found address costs no read more than an unknown one and the answer's timing tells less.
  const callOf = recentlyRead((tenantId: TenantId, roundId: string) => deps.calls.get(tenantId, roundId), CALL_MEMORY_MS, deps.clock);

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
        const candidates = (await deps.applications.listByOrganisation(orgnr)).filter(
          (application) => application.email === email && application.status !== 'withdrawn',
        );
        for (const application of candidates.slice(0, 3)) {
          // The link record and its e-mail are written as the application's own session.
          const data = deps.forApplication(application.tenantId, application.applicationId);
          const call = await callOf(application.tenantId, application.roundId);
          if (call) await data.magicLinks.issue(composeLinkEmail(deps, application, call));
        }
        // The same answer whether or not anything was found, so the form reveals nothing.
        return c.html(<ResumePage page={pageContextOf(c)} values={{}} errors={{}} sent />);
      },
    }),
  );

  return app;
}
