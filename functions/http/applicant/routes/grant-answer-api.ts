import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { acceptanceStateOf } from '../../../../shared/decisions/acceptance';
import { acceptGrant } from '../../../../shared/decisions/use-cases/accept-grant';
import { declineGrant } from '../../../../shared/decisions/use-cases/decline-grant';
import type { Application } from '../../../../shared/applications/application';
import { acceptanceText } from '../../../../web/messages/acceptance';
import { problemResponse } from '../../common/openapi-problem';
import { problem } from '../../common/problem';
import { sameOriginJson } from '../../common/request-guards';
import { validationProblem } from '../../common/validation-problem';
import { applicationSession } from '../application-session';
import type { ApplicationJourneyDependencies, JourneyEnv } from '../journey';
import { grantAnswerDeps } from './follow';
import { appealApi } from './appeal-api';

/** The cookie the emailed link opens; the same session the status page uses. */
const security = [{ applicantSession: [] }];

const params = z.object({ applicationId: z.string().min(1).max(40).meta({ description: 'The application id (from the link).' }) });

const answerSchema = z
  .object({
    applicationId: z.string(),
    status: z.string().meta({ description: 'The application status after the answer: `accepted` or `declined`.' }),
    acceptance: z.object({
      kind: z.enum(['awaiting', 'accepted', 'declined', 'lapsed']),
      at: z.string().optional(),
      deadline: z.string().optional().meta({ description: 'The deadline to accept (ISO-8601 UTC, end of an Oslo day).' }),
    }),
  })
  .meta({ id: 'GrantAnswer' });

const refusals = {
  401: problemResponse('No session: open the link from the email first.'),
  403: problemResponse('The request came from another site.'),
  404: problemResponse('No such application in this session.'),
  409: problemResponse('Not granted, already answered (also when another answer won at the same moment), or past the deadline to accept.'),
};

const acceptRoute = createRoute({
  method: 'post',
  path: '/api/applications/{applicationId}/accept',
  summary: 'Accept the grant and its conditions, before the deadline in the decision letter.',
  security,
  request: { params, body: { required: false, content: { 'application/json': { schema: z.object({}) } } } },
  responses: { 200: { description: 'Accepted; a receipt is sent by email.', content: { 'application/json': { schema: answerSchema } } }, ...refusals },
});

const declineRoute = createRoute({
  method: 'post',
  path: '/api/applications/{applicationId}/decline',
  summary: 'Decline the grant; the money goes back to the municipality at once. Needs `confirm: true`.',
  security,
  request: {
    params,
    body: { required: true, content: { 'application/json': { schema: z.object({ confirm: z.boolean().optional().meta({ description: 'Must be true: declining cannot be undone.' }) }) } } },
  },
  responses: {
    200: { description: 'Declined; a receipt is sent by email.', content: { 'application/json': { schema: answerSchema } } },
    ...refusals,
    422: problemResponse('`confirm` is not true.'),
  },
});

function answerOf(application: Application) {
  return { applicationId: application.applicationId, status: application.status, acceptance: acceptanceStateOf(application)! };
}

/**
 * The applicant API's answer to a grant: the same use cases as the status page's form, in the
 * same magic-link session, for a program or a script of the organisation's own.
 */
export function grantAnswerApi(deps: ApplicationJourneyDependencies) {
  const app = new OpenAPIHono<JourneyEnv>({ defaultHook: validationProblem() });
  app.use('/api/applications/:applicationId/*', sameOriginJson(deps.baseUrl), applicationSession(deps));
  app.openAPIRegistry.registerComponent('securitySchemes', 'applicantSession', {
    type: 'apiKey',
    in: 'cookie',
    name: 'fordel_soknad',
    description: 'The session the single-use link in the email opens, for that one application.',
  });

  app.openapi(acceptRoute, async (c) => {
    const stored = await acceptGrant(grantAnswerDeps(deps, c), { application: c.var.application });
    return c.json(answerOf(stored), 200);
  });

  app.openapi(declineRoute, async (c) => {
    if (c.req.valid('json').confirm !== true) {
      const message = acceptanceText['decline.mustConfirm'][c.var.lang];
      return problem(c, 422, { title: message, code: 'decline.unconfirmed', errors: [{ field: 'confirm', code: 'decline.unconfirmed', message }] }) as never;
    }
    const stored = await declineGrant(grantAnswerDeps(deps, c), { application: c.var.application });
    return c.json(answerOf(stored), 200);
  });

  // Mounted here, behind the session middleware above, so the appeal uses the same session.
  app.route('/', appealApi(deps));

  return app;
}
