import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { callSchema } from '../../../../shared/rounds/call';
import { principalOf } from '../../common/authentication';
import { problemResponse } from '../../common/openapi-problem';
import { problem } from '../../common/problem';
import { validationProblem } from '../../common/validation-problem';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import type { Context } from 'hono';
import { ulid } from 'ulid';
import { issueMessage, localizedTextSchema } from '../../../../shared/kernel/i18n';
import { roundInputSchema } from '../../../../shared/rounds/round-input';
import { createRound } from '../../../../shared/rounds/use-cases/create-round';
import { editRound } from '../../../../shared/rounds/use-cases/edit-round';
import { publishRound } from '../../../../shared/rounds/use-cases/publish-round';
import { cancelRound } from '../../../../shared/rounds/use-cases/cancel-round';
import { correctRound } from '../../../../shared/rounds/use-cases/correct-round';
import { ruleSetsFrom } from '../../../../shared/rules/rule-sets';

/** A round id as the URL carries it. */
export const roundIdSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[\w-]+$/)
  .meta({ description: 'The round id.', example: '2027-1' });

const roundSchema = callSchema.meta({ id: 'Round' });
const unauthorized = problemResponse('No valid token.');
const forbidden = problemResponse('The token has no role that may read the municipality’s cases (an external assessor sees only their assigned applications).');
/** Reading rounds needs `cases.read`, which an external assessor does not have. */
const readsCases = requirePermission('cases.read');
const security = [{ bearerAuth: [] }];

const listRoundsRoute = createRoute({
  method: 'get',
  path: '/officer/api/rounds',
  summary: "The signed-in officer's municipality's rounds, newest first. The tenant comes from the token only.",
  security,
  middleware: [readsCases] as const,
  responses: {
    200: {
      description: 'The rounds.',
      content: { 'application/json': { schema: z.object({ tenantId: z.string(), rounds: z.array(roundSchema) }) } },
    },
    401: unauthorized,
    403: forbidden,
  },
});

const getRoundRoute = createRoute({
  method: 'get',
  path: '/officer/api/rounds/{roundId}',
  summary: "One round of the signed-in officer's municipality; another municipality's round is not found.",
  security,
  middleware: [readsCases] as const,
  request: { params: z.object({ roundId: roundIdSchema }) },
  responses: {
    200: { description: 'The round.', content: { 'application/json': { schema: roundSchema } } },
    400: problemResponse('The round id is not valid.'),
    401: unauthorized,
    403: forbidden,
    404: problemResponse('No such round for this municipality.'),
  },
});

const roundBody = z.looseObject({}).meta({
  id: 'RoundInput',
  description: 'A round as the form takes it: title, summary and appealBodyName as {nb, nn?, en?}; opensAt, deadline and reportingDeadline as Oslo local date and time (2027-02-01T09:00); amounts in kroner; criteria [{label, weight}]; for an edit, `version`.',
});
const changeResponses = {
  401: unauthorized,
  403: problemResponse('The token lacks rounds.manage.'),
  404: problemResponse('No such round for this municipality.'),
  409: problemResponse('The round changed meanwhile, or is not in a status that allows this.'),
  422: problemResponse('The round breaks a rule; every violation by its field.'),
};

const createRoundRoute = createRoute({
  method: 'post', path: '/officer/api/rounds', summary: 'Create a round (a draft) under the year’s current rules', security,
  request: { body: { content: { 'application/json': { schema: roundBody } } } },
  responses: { 201: { description: 'The round.', content: { 'application/json': { schema: roundSchema } } }, ...changeResponses },
});
const updateRoundRoute = createRoute({
  method: 'put', path: '/officer/api/rounds/{roundId}', summary: 'Edit a round before it opens', security,
  request: { params: z.object({ roundId: roundIdSchema }), body: { content: { 'application/json': { schema: roundBody } } } },
  responses: { 200: { description: 'The round.', content: { 'application/json': { schema: roundSchema } } }, ...changeResponses },
});
const publishRoundRoute = createRoute({
  method: 'post', path: '/officer/api/rounds/{roundId}/publication', summary: 'Publish a draft round; it opens by itself at its opening time', security,
  request: { params: z.object({ roundId: roundIdSchema }) },
  responses: { 200: { description: 'The round.', content: { 'application/json': { schema: roundSchema } } }, ...changeResponses },
});
const cancelRoundRoute = createRoute({
  method: 'post', path: '/officer/api/rounds/{roundId}/cancellation', summary: 'Cancel a round with a reason shown to applicants', security,
  request: { params: z.object({ roundId: roundIdSchema }), body: { content: { 'application/json': { schema: z.object({ reason: z.string().min(1).max(2000), version: z.int().min(1).optional() }) } } } },
  responses: { 200: { description: 'The round.', content: { 'application/json': { schema: roundSchema } } }, ...changeResponses },
});

const correctRoundRoute = createRoute({
  method: 'post', path: '/officer/api/rounds/{roundId}/corrections',
  summary: 'Correct an open round: a logged correction shown to applicants, optionally moving the deadline later', security,
  request: {
    params: z.object({ roundId: roundIdSchema }),
    body: {
      content: {
        'application/json': {
          schema: z.object({
            text: z.union([z.string().trim().min(1).max(2000), localizedTextSchema]).meta({ description: 'The correction as applicants will read it: one text, or one per language (nb, nn, en).' }),
            deadline: z.iso.datetime().optional().meta({ description: 'A later deadline (ISO-8601 UTC), never earlier than the current one or now.' }),
            version: z.int().min(1).optional().meta({ description: 'The round version the correction was written against; a newer one answers 409.' }),
          }),
        },
      },
    },
  },
  responses: { 200: { description: 'The round.', content: { 'application/json': { schema: roundSchema } } }, ...changeResponses },
});

/** The officer's JSON API: the same rounds as the pages, keyed by the token's tenant. */
export function roundsApiRoutes() {
  const app = new OpenAPIHono<OfficerEnv>({ defaultHook: validationProblem() });

  app.openapi(listRoundsRoute, async (c) => {
    const { tenantId } = principalOf(c);
    return c.json({ tenantId, rounds: await c.var.data.calls.listByTenant(tenantId) }, 200);
  });

  app.openapi(getRoundRoute, async (c) => {
    const round = await c.var.data.calls.get(principalOf(c).tenantId, c.req.valid('param').roundId);
    if (!round) return problem(c, 404) as never;
    return c.json(round, 200);
  });

  const audit = (c: Context<OfficerEnv>) => ({ eventId: ulid(), at: new Date().toISOString(), actor: principalOf(c).userId });
  const manage = requirePermission('rounds.manage');
  app.use('/officer/api/rounds', async (c, next) => (c.req.method === 'POST' ? manage(c, next) : next()));
  app.use('/officer/api/rounds/:roundId', async (c, next) => (c.req.method === 'PUT' ? manage(c, next) : next()));
  app.use('/officer/api/rounds/:roundId/publication', manage);
  app.use('/officer/api/rounds/:roundId/cancellation', manage);
  app.use('/officer/api/rounds/:roundId/corrections', manage);

  /** The body as round input, or the 422 problem naming each broken field. */
  const inputOf = (c: Context<OfficerEnv>, body: unknown) => {
    const parsed = roundInputSchema.safeParse(body);
    if (parsed.success) return parsed.data;
    const lang = c.get('lang') ?? 'nb';
    return problem(c, 422, { errors: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), code: issue.code, message: issueMessage(issue, lang) })) });
  };

  app.openapi(createRoundRoute, async (c) => {
    const input = inputOf(c as unknown as Context<OfficerEnv>, c.req.valid('json'));
    if (input instanceof Response) return input as never;
    const { tenantId } = principalOf(c);
    const profile = await c.var.data.tenants.getProfile(tenantId);
    const round = await createRound(
      { calls: c.var.data.calls, ruleSets: ruleSetsFrom(c.var.data.ruleSets) },
      { tenantId, administratorName: profile?.name ?? tenantId, ...(profile?.kommunenummer ? { kommunenummer: profile.kommunenummer } : {}), grantYear: input.grantYear, status: 'draft', ...input.content },
      audit(c as unknown as Context<OfficerEnv>),
    );
    return c.json(round, 201);
  });

  app.openapi(updateRoundRoute, async (c) => {
    // Another municipality's round is not found, whatever the body says.
    if (!(await c.var.data.calls.get(principalOf(c).tenantId, c.req.valid('param').roundId))) return problem(c, 404) as never;
    const body = c.req.valid('json') as Record<string, unknown>;
    const input = inputOf(c as unknown as Context<OfficerEnv>, body);
    if (input instanceof Response) return input as never;
    const round = await editRound(
      { calls: c.var.data.calls, ruleSets: ruleSetsFrom(c.var.data.ruleSets) },
      { tenantId: principalOf(c).tenantId, roundId: c.req.valid('param').roundId, expectedVersion: Number(body.version), content: input.content, audit: audit(c as unknown as Context<OfficerEnv>) },
    );
    if (!round) return problem(c, 404) as never;
    return c.json(round, 200);
  });

  app.openapi(publishRoundRoute, async (c) => {
    const round = await publishRound(
      { calls: c.var.data.calls, ruleSets: ruleSetsFrom(c.var.data.ruleSets), clock: () => new Date() },
      { tenantId: principalOf(c).tenantId, roundId: c.req.valid('param').roundId, audit: audit(c as unknown as Context<OfficerEnv>) },
    );
    if (!round) return problem(c, 404) as never;
    return c.json(round, 200);
  });

  app.openapi(cancelRoundRoute, async (c) => {
    const body = c.req.valid('json');
    const round = await cancelRound(
      { calls: c.var.data.calls, clock: () => new Date() },
      { tenantId: principalOf(c).tenantId, roundId: c.req.valid('param').roundId, reason: body.reason, ...(body.version ? { expectedVersion: body.version } : {}), audit: audit(c as unknown as Context<OfficerEnv>) },
    );
    if (!round) return problem(c, 404) as never;
    return c.json(round, 200);
  });

  app.openapi(correctRoundRoute, async (c) => {
    const body = c.req.valid('json');
    const text = typeof body.text === 'string' ? { nb: body.text, nn: body.text, en: body.text } : body.text;
    const round = await correctRound(
      { calls: c.var.data.calls, ruleSets: ruleSetsFrom(c.var.data.ruleSets), clock: () => new Date() },
      {
        tenantId: principalOf(c).tenantId, roundId: c.req.valid('param').roundId, text,
        ...(body.deadline ? { deadline: new Date(body.deadline).toISOString() } : {}),
        ...(body.version ? { expectedVersion: body.version } : {}),
        audit: audit(c as unknown as Context<OfficerEnv>),
      },
    );
    if (!round) return problem(c, 404) as never;
    return c.json(round, 200);
  });

  return app;
}
