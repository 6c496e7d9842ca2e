import { Hono } from 'hono';
import { decisionLetter } from '../../../../web/emails/decision-letter';
import { DecisionLetterPage } from '../../../../web/pages/decision-letter-page';
import { notFound } from '../../common/error-handling';
import { pageContextOf } from '../../common/page-context';
import { journeyText, type ApplicationJourneyDependencies, type JourneyEnv } from '../journey';

/** The applicant's own decision letter, printable; the application's session already proves who they are. */
export function decisionLetterRoutes(_deps: ApplicationJourneyDependencies) {
  const app = new Hono<JourneyEnv>();

  app.get('/applications/:applicationId/letter', (c) => {
    const { application, call } = c.var;
    if (!application.decision) return notFound(c);
    const letter = decisionLetter({ decision: application.decision, application, call });
    const back = { href: `/applications/${application.applicationId}`, label: journeyText(c)('status.title') };
    return c.html(<DecisionLetterPage page={pageContextOf(c)} letter={letter} back={back} />);
  });

  return app;
}
