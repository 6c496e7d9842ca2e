import { Hono } from 'hono';
import { applicationSession, noStore } from './application-session';
import type { ApplicationJourneyDependencies, JourneyEnv } from './journey';
import { attachmentRoutes } from './routes/attachments';
import { decisionLetterRoutes } from './routes/decision-letter';
import { followRoutes } from './routes/follow';
import { reportRoutes } from './routes/report';
import { appealRoutes } from './routes/appeal';
import { resumeRoutes } from './routes/resume';
import { sectionRoutes } from './routes/sections';
import { startRoutes } from './routes/start';
import { submitRoutes } from './routes/submit';

/**
 * The applicant's journey: start, the form's steps, review and submit, receipt, status, withdraw,
 * the grant's final report, and the emailed links that bring the applicant back. Every page after the start needs the
 * session of that application, opened here once for all of them.
 */
export function journeyRoutes(deps: ApplicationJourneyDependencies) {
  const app = new Hono<JourneyEnv>();
  // Covers the status page `/applications/:applicationId` as well: a `/*` path matches its base.
  app.use('/applications/:applicationId/*', applicationSession(deps));
  for (const path of ['/calls/:tenantId/:roundId/apply', '/resume', '/link/*']) app.use(path, noStore);
  for (const routes of [startRoutes, sectionRoutes, attachmentRoutes, submitRoutes, followRoutes, appealRoutes, reportRoutes, resumeRoutes, decisionLetterRoutes]) app.route('/', routes(deps));
  return app;
}
