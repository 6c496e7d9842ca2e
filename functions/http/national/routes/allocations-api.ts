import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { kroner } from '../../../../shared/kernel/money';
import type { Clock, IdGenerator } from '../../../../shared/kernel/ports';
import { frameChanges } from '../../../../shared/national/allocation-version';
import { keyFileOf, matchToRegister, proposalFromReport } from '../../../../shared/national/managing-municipalities';
import type { AllocationRepository, BudgetRepository, TenantRepository } from '../../../../shared/national/ports';
import { importDistributionKey } from '../../../../shared/national/use-cases/import-distribution-key';
import { publishAllocation } from '../../../../shared/national/use-cases/publish-allocation';
import { available } from '../../../../shared/rules/budget';
import type { RuleSets } from '../../../../shared/rules/ports';
import { assignmentLetterEmail } from '../../../../web/emails/assignment-letter';
import type { AppEnv } from '../../common/app-env';
import { principalOf } from '../../common/authentication';
import { allocationProposalSchema, allocationVersionSchema, budgetPositionSchema, grantYearParam } from '../../common/budget-schemas';
import { problemResponse } from '../../common/openapi-problem';
import { problem } from '../../common/problem';
import { validationProblem } from '../../common/validation-problem';
import { budgetPositionsOf } from './budget-positions-data';

/** What IMDi's allocation API reads and writes. */
export interface AllocationsData {
  tenants: Pick<TenantRepository, 'list'>;
  budget: Pick<BudgetRepository, 'get' | 'setFrame'>;
  allocations: AllocationRepository;
  /** The year's rules as IMDi last saved them. */
  ruleSets: Pick<RuleSets, 'current'>;
  clock: Clock;
  newId: IdGenerator;
}

const security = [{ bearerAuth: [] }];
const signedIn = { 401: problemResponse('No valid token.'), 403: problemResponse('The token has no national-admin role.') };

const keyRowSchema = z.object({ line: z.number().int(), kommunenummer: z.string(), name: z.string().optional(), count: z.number().int() });
const reportSchema = z
  .object({
    grantYear: z.number().int(),
    fileYear: z.number().int(),
    matched: z.array(z.object({ tenantId: z.string(), name: z.string(), kommunenummer: z.string(), key: z.number().int(), line: z.number().int(), fileKommunenummer: z.string() })).readonly(),
    notManaging: z.array(keyRowSchema).readonly(),
    missing: z.array(z.object({ tenantId: z.string(), name: z.string(), kommunenummer: z.object({ kommunenummer: z.string(), validFrom: z.number().int() }) })).readonly(),
    ignored: z.array(z.object({ line: z.number().int(), text: z.string() })).readonly(),
  })
  .meta({ id: 'KeyImportReport' });

const importKeyRoute = createRoute({
  method: 'post',
  path: '/national/api/years/{year}/distribution-key',
  summary: 'Read an uploaded distribution key (SSB CSV or kommunenummer;count), match it to the year’s managing municipalities and propose the allocation of a national frame. Nothing is stored.',
  security,
  request: {
    params: grantYearParam,
    query: z.object({
      frame: z.coerce.number().int().min(0).optional().meta({ description: 'The national frame in kroner; without it only the report comes back.' }),
      statisticsYear: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: 'The year column to read from an SSB file with several.' }),
    }),
    body: { content: { 'text/csv': { schema: z.string().meta({ description: 'The file as downloaded, UTF-8 or Latin-1.' }) } }, required: true },
  },
  responses: {
    200: { description: 'The report, and the proposal when the key covers every managing municipality.', content: { 'application/json': { schema: z.object({ report: reportSchema, proposal: allocationProposalSchema.optional() }) } } },
    ...signedIn,
    422: problemResponse('The file cannot be read; the problem names the line.'),
  },
});

const publishBodySchema = z.object({
  nationalFrame: z.number().int().min(0).meta({ description: 'The national frame in kroner.', example: 132_500_000 }),
  keys: z
    .array(z.object({ kommunenummer: z.string().regex(/^\d{4}$/), key: z.number().int().min(0) }))
    .min(1)
    .refine((keys) => new Set(keys.map((entry) => entry.kommunenummer)).size === keys.length, 'Each kommunenummer once.'),
  statisticsYear: z.number().int().min(2000).max(2100).optional().meta({ description: 'The numbering year of the keys’ kommunenummer; the grant year without it.' }),
  reason: z.string().max(1000).optional().meta({ description: 'Why a correction is made.' }),
});

const publishRoute = createRoute({
  method: 'post',
  path: '/national/api/years/{year}/allocations',
  summary: 'Publish the year’s allocation of a national frame by key: the next version, every municipality’s frame and admin cap, and their assignment letters.',
  security,
  request: { params: grantYearParam, body: { content: { 'application/json': { schema: publishBodySchema } }, required: true } },
  responses: {
    201: { description: 'The published version.', content: { 'application/json': { schema: allocationVersionSchema } } },
    400: problemResponse('The body is not valid.'),
    ...signedIn,
    409: problemResponse('Another administrator published a version at the same moment.'),
    422: problemResponse('The key leaves out a managing municipality, or a correction would take a municipality below what it has committed.'),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/national/api/years/{year}/allocations',
  summary: 'List the year’s published allocation versions, oldest first, each with how the frames moved from the version before.',
  security,
  request: { params: grantYearParam },
  responses: { 200: { description: 'The versions.', content: { 'application/json': { schema: z.object({ versions: z.array(allocationVersionSchema) }) } } }, ...signedIn },
});

const positionsRoute = createRoute({
  method: 'get',
  path: '/national/api/years/{year}/budget-positions',
  summary: 'Show every managing municipality’s budget position for the year: frame, admin cap, reserved, awarded, paid, returned and what is left.',
  security,
  request: { params: grantYearParam },
  responses: {
    200: {
      description: 'One entry per managing municipality; `position` is null before its first frame.',
      content: { 'application/json': { schema: z.object({ positions: z.array(z.object({ tenantId: z.string(), name: z.string(), position: budgetPositionSchema.nullable() })) }) } },
    },
    ...signedIn,
  },
});

/** IMDi's API for setting up a year: read the key, publish the allocation, follow the positions. */
export function allocationsApiRoutes(data: AllocationsData) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem() });

  app.openapi(importKeyRoute, async (c) => {
    // The body is the key file itself; anything else (JSON, a form) is not a file to read.
    if (!/^(text\/(csv|plain)|application\/octet-stream)\b/i.test(c.req.header('content-type') ?? '')) {
      return problem(c, 400, { code: 'distribution_key.not_a_file' }) as never;
    }
    const { year } = c.req.valid('param');
    const { frame, statisticsYear } = c.req.valid('query');
    const result = await importDistributionKey(data, {
      grantYear: year,
      bytes: new Uint8Array(await c.req.arrayBuffer()),
      rules: (await data.ruleSets.current(year)).ruleSet,
      ...(frame === undefined ? {} : { nationalFrame: kroner(frame) }),
      ...(statisticsYear === undefined ? {} : { statisticsYear }),
    });
    return c.json(result, 200);
  });

  app.openapi(publishRoute, async (c) => {
    const { year } = c.req.valid('param');
    const body = c.req.valid('json');
    const rules = (await data.ruleSets.current(year)).ruleSet;
    const report = matchToRegister(keyFileOf(body.keys, body.statisticsYear), await data.tenants.list(), year);
    const proposal = proposalFromReport(report, kroner(body.nationalFrame), rules);
    const { userId, tenantId } = principalOf(c);
    const published = await publishAllocation(
      {
        ...data,
        composeLetter: (version, frame, previousFrame) =>
          assignmentLetterEmail({ grantYear: year, version: version.version, frame, previousFrame, reason: version.reason, rules }),
      },
      { proposal, publisher: { userId, tenantId }, ...(body.reason ? { reason: body.reason } : {}) },
    );
    return c.json({ ...published.version, changes: published.changes }, 201);
  });

  app.openapi(listRoute, async (c) => {
    const versions = await data.allocations.list(c.req.valid('param').year);
    return c.json({ versions: versions.map((version, i) => ({ ...version, changes: frameChanges(versions[i - 1], version) })) }, 200);
  });

  app.openapi(positionsRoute, async (c) => {
    const { year } = c.req.valid('param');
    const positions = (await budgetPositionsOf(data, year)).map(({ tenantId, name, position }) => ({
      tenantId, name, position: position ? { ...position, available: available(position) } : null,
    }));
    return c.json({ positions }, 200);
  });

  return app;
}
