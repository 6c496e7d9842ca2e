import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { ulid } from 'ulid';
import { decisionOutcomes } from '../../../../shared/decisions/decision';
import { MAX_TEXT_LENGTH, standardTextsOrDefaults } from '../../../../shared/decisions/standard-texts';
import { saveStandardTexts } from '../../../../shared/decisions/use-cases/save-standard-texts';
import type { Clock } from '../../../../shared/kernel/ports';
import { principalOf } from '../../common/authentication';
import { problemResponse } from '../../common/openapi-problem';
import { fieldProblems, problem } from '../../common/problem';
import { validationProblem } from '../../common/validation-problem';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';

const text = z.string().max(MAX_TEXT_LENGTH);
const standardTextSchema = z
  .object({
    id: z.string().meta({ description: 'Lower-case letters, digits and dashes; unique in the list.', example: 'reject-competition' }),
    outcome: z.enum(decisionOutcomes),
    text: z.object({ nb: text, nn: text, en: text }),
  })
  .meta({ id: 'StandardText' });

const listSchema = z
  .object({
    version: z.int().min(0).meta({ description: '0 while the municipality uses the product’s defaults.' }),
    texts: z.array(standardTextSchema),
  })
  .meta({ id: 'StandardTexts' });

const security = [{ bearerAuth: [] }];

const getRoute = createRoute({
  method: 'get',
  path: '/officer/api/standard-texts',
  summary: 'Show the municipality’s standard reason texts per outcome, in nb, nn and en (the product’s defaults until it saves its own).',
  security,
  responses: {
    200: { description: 'The texts and their version.', content: { 'application/json': { schema: listSchema } } },
    401: problemResponse('No valid token.'),
    403: problemResponse('The token does not give cases.read.'),
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/officer/api/standard-texts',
  summary: 'Save the municipality’s standard reason texts, the whole list, guarded by the version read.',
  security,
  request: { body: { required: true, content: { 'application/json': { schema: listSchema } } } },
  responses: {
    200: { description: 'The list as stored, with its new version.', content: { 'application/json': { schema: listSchema } } },
    400: problemResponse('The body is not valid.'),
    401: problemResponse('No valid token.'),
    403: problemResponse('The token does not give texts.manage.'),
    409: problemResponse('Someone saved the list since the version given.'),
    422: problemResponse('A text is empty in a language or too long, an id repeats, or an outcome has no text.'),
  },
});

/** The standard texts in the officer's JSON API. */
export function standardTextsApiRoutes(options: { clock?: Clock } = {}) {
  const clock = options.clock ?? (() => new Date());
  const app = new OpenAPIHono<OfficerEnv>({ defaultHook: validationProblem() });
  app.on('GET', '/officer/api/standard-texts', requirePermission('cases.read'));
  app.on('PUT', '/officer/api/standard-texts', requirePermission('texts.manage'));

  app.openapi(getRoute, async (c) => {
    const { tenantId } = principalOf(c);
    const stored = standardTextsOrDefaults(tenantId, await c.var.data.standardTexts.get(tenantId));
    return c.json({ version: stored.version, texts: stored.texts }, 200);
  });

  app.openapi(putRoute, async (c) => {
    const { tenantId, userId } = principalOf(c);
    const body = c.req.valid('json');
    try {
      const saved = await saveStandardTexts(
        { standardTexts: c.var.data.standardTexts },
        { tenantId, expectedVersion: body.version, texts: body.texts, actor: userId, now: clock(), eventId: ulid() },
      );
      return c.json({ version: saved.version, texts: saved.texts }, 200);
    } catch (error) {
      if (error instanceof z.ZodError) return problem(c, 422, { errors: fieldProblems(c, error.issues) }) as never;
      throw error;
    }
  });

  return app;
}
