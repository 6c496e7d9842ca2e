import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { kommunenummerIn, type Kommunenummer } from '../../../../shared/kernel/kommunenummer';
import type { Clock, IdGenerator } from '../../../../shared/kernel/ports';
import { tenantIdSchema, type Tenant } from '../../../../shared/kernel/tenants';
import type { TenantRepository } from '../../../../shared/national/ports';
import { LAST_REGISTER_YEAR } from '../../../../shared/national/register-forms';
import { osloYearOf, registerOfYear, type RegisterLine } from '../../../../shared/national/register';
import { addManagingMunicipality } from '../../../../shared/national/use-cases/add-managing-municipality';
import { retireManagingMunicipality } from '../../../../shared/national/use-cases/retire-managing-municipality';
import type { AppEnv } from '../../common/app-env';
import { principalOf } from '../../common/authentication';
import { problemResponse } from '../../common/openapi-problem';
import { validationProblem } from '../../common/validation-problem';

/** What the register's routes read and write. */
export interface RegisterData {
  tenants: Pick<TenantRepository, 'list' | 'read' | 'record' | 'getProfile'>;
  clock: Clock;
  newId: IdGenerator;
}

const security = [{ bearerAuth: [] }];
const signedIn = { 401: problemResponse('No valid token.'), 403: problemResponse('The token has no national-admin role.') };
const year = z.number().int().min(2020).max(LAST_REGISTER_YEAR);

const periodSchema = z.object({
  from: z.number().int().meta({ description: 'The first grant year it manages.' }),
  to: z.number().int().optional().meta({ description: 'The last grant year it manages; absent while it still does.' }),
});

export const registerEntrySchema = z
  .object({
    tenantId: z.string(),
    name: z.string(),
    kommunenummer: z.string().optional().meta({ description: 'The number as stored, valid from `kommunenummerValidFrom`.' }),
    kommunenummerValidFrom: z.number().int().optional(),
    kommunenummerInYear: z.string().optional().meta({ description: 'The municipality’s number in the year asked about.' }),
    contactEmail: z.string().optional(),
    periods: z.array(periodSchema).meta({ description: 'Every period it manages the scheme, oldest first; nothing is ever removed.' }),
    managesInYear: z.boolean(),
  })
  .meta({ id: 'RegisterEntry' });

/** One line of the register as the API answers it. */
export function entryOf(line: RegisterLine, inYear: number): z.infer<typeof registerEntrySchema> {
  const { tenant } = line;
  return {
    tenantId: tenant.tenantId,
    name: tenant.name,
    ...(tenant.kommunenummer ? {
      kommunenummer: tenant.kommunenummer,
      kommunenummerInYear: kommunenummerIn({ kommunenummer: tenant.kommunenummer as Kommunenummer, validFrom: tenant.kommunenummerValidFrom ?? inYear }, inYear),
    } : {}),
    ...(tenant.kommunenummerValidFrom === undefined ? {} : { kommunenummerValidFrom: tenant.kommunenummerValidFrom }),
    ...(tenant.contactEmail ? { contactEmail: tenant.contactEmail } : {}),
    periods: line.periods,
    managesInYear: line.managesInYear,
  };
}

function entryOfTenant(tenant: Tenant, inYear: number) {
  return entryOf(registerOfYear([tenant], inYear)[0]!, inYear);
}

const listRoute = createRoute({
  method: 'get',
  path: '/national/api/register',
  summary: 'List the tenant register for a year: every municipality with its managing periods, those managing that year first.',
  security,
  request: { query: z.object({ year: z.coerce.number().int().min(2020).max(LAST_REGISTER_YEAR).optional().meta({ description: 'The grant year; this year without it.' }) }) },
  responses: {
    200: { description: 'The register.', content: { 'application/json': { schema: z.object({ year: z.number().int(), municipalities: z.array(registerEntrySchema) }) } } },
    400: problemResponse('The year is not valid.'),
    ...signedIn,
  },
});

const addRoute = createRoute({
  method: 'post',
  path: '/national/api/register',
  summary: 'Add a managing municipality from a grant year on, with its kommunenummer valid in that year, its name and its contact address.',
  security,
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            kommunenummer: z.string().regex(/^\d{4}$/).meta({ description: 'The number valid in `fromYear`.', example: '3240' }),
            name: z.string().trim().min(1).max(200),
            contactEmail: z.email().max(254).meta({ description: 'A role address; the assignment letter goes here.' }),
            fromYear: year,
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    201: { description: 'The entry as it now stands.', content: { 'application/json': { schema: registerEntrySchema } } },
    400: problemResponse('The body is not valid.'),
    ...signedIn,
    409: problemResponse('The municipality manages the scheme in that year or later already, or the entry changed meanwhile.'),
    422: problemResponse('The kommunenummer was not in use in that year; the problem names the number of that year where known.'),
  },
});

const retireRoute = createRoute({
  method: 'post',
  path: '/national/api/register/{tenantId}/retirement',
  summary: 'Retire a managing municipality from a grant year on; the years it managed and its rounds are kept.',
  security,
  request: {
    params: z.object({ tenantId: tenantIdSchema }),
    body: { content: { 'application/json': { schema: z.object({ fromYear: year.meta({ description: 'The first year it no longer manages the scheme.' }) }) } }, required: true },
  },
  responses: {
    200: { description: 'The entry as it now stands, as of `fromYear`.', content: { 'application/json': { schema: registerEntrySchema } } },
    400: problemResponse('The body is not valid.'),
    ...signedIn,
    404: problemResponse('No such municipality in the register.'),
    409: problemResponse('It does not manage the scheme in that year (retired already), or the entry changed meanwhile.'),
    422: problemResponse('The year is not after the year it started managing the scheme.'),
  },
});

/** IMDi's API for the tenant register: who manages the scheme in which year. */
export function registerApiRoutes(data: RegisterData) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem() });

  app.openapi(listRoute, async (c) => {
    const inYear = c.req.valid('query').year ?? osloYearOf(data.clock());
    const lines = registerOfYear(await data.tenants.list(), inYear);
    return c.json({ year: inYear, municipalities: lines.map((line) => entryOf(line, inYear)) }, 200);
  });

  app.openapi(addRoute, async (c) => {
    const body = c.req.valid('json');
    const tenant = await addManagingMunicipality(data, { ...body, actor: principalOf(c).userId });
    return c.json(entryOfTenant(tenant, body.fromYear), 201);
  });

  app.openapi(retireRoute, async (c) => {
    const { fromYear } = c.req.valid('json');
    const tenant = await retireManagingMunicipality(data, { tenantId: c.req.valid('param').tenantId, fromYear, actor: principalOf(c).userId });
    return c.json(entryOfTenant(tenant, fromYear), 200);
  });

  return app;
}
