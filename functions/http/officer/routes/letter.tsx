import { Hono } from 'hono';
import { decisionLetter } from '../../../../web/emails/decision-letter';
import { textTranslator } from '../../../../web/i18n';
import { decisionText } from '../../../../web/messages/decision';
import { DecisionLetterPage } from '../../../../web/pages/decision-letter-page';
import { principalOf } from '../../common/authentication';
import { notFound } from '../../common/error-handling';
import { signedInPage } from '../../common/signed-in-app';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { applicationIdSchema } from './case-data';

/** The printable decision letter on the case, in the applicant's language, as it was signed. */
export function letterRoutes() {
  const app = new Hono<OfficerEnv>();

  app.get('/officer/applications/:applicationId/letter', requirePermission('cases.read'), async (c) => {
    const id = applicationIdSchema.safeParse(c.req.param('applicationId'));
    const { tenantId } = principalOf(c);
    const application = id.success ? await c.var.data.decisions.get(tenantId, id.data) : undefined;
    const call = application?.decision ? await c.var.data.calls.get(tenantId, application.roundId) : undefined;
    if (!application?.decision || !call) return notFound(c);
    const page = await signedInPage(c, 'officer', async (tenant) => (await c.var.data.tenants.getProfile(tenant))?.name);
    const letter = decisionLetter({ decision: application.decision, application, call });
    const back = { href: `/officer/applications/${application.applicationId}`, label: textTranslator(decisionText, c.var.lang)('back.case') };
    return c.html(<DecisionLetterPage page={page} letter={letter} back={back} signed={c.req.query('signed') === '1'} />);
  });

  return app;
}
