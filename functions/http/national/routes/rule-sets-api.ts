import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Clock, IdGenerator } from '../../../../shared/kernel/ports';
import type { RuleSetRepository, RuleSets } from '../../../../shared/rules/ports';
import { ruleSetSchema } from '../../../../shared/rules/rule-set';
import { UnknownGrantYearError } from '../../../../shared/rules/rule-set-for';
import { NATIONAL_TENANT_ID } from '../../../../shared/kernel/tenants';
import type { RuleSetVersion } from '../../../../shared/rules/rule-set-version';
import { saveRuleSet } from '../../../../shared/rules/use-cases/save-rule-set';
import type { AppEnv } from '../../common/app-env';
import { principalOf } from '../../common/authentication';
import { grantYearParam } from '../../common/budget-schemas';
import { problemResponse } from '../../common/openapi-problem';
import { fieldProblems, problem } from '../../common/problem';
import { validationProblem } from '../../common/validation-problem';

/** What the rule-set pages and API read and write. */
export interface RuleSetsData {
  /** The stored versions, which saving writes to. */
  ruleSetRepository: Pick<RuleSetRepository, 'list' | 'create'>;
  /** The year's rules as the rest of the product reads them. */
  ruleSets: RuleSets;
  clock: Clock;
  newId: IdGenerator;
}

const security = [{ bearerAuth: [] }];
const signedIn = { 401: problemResponse('No valid token.'), 403: problemResponse('The token has no national-admin role.') };

/** A version as the API shows it: the rules, their number, and whether a round uses them. */
export const ruleSetVersionSchema = z
  .object({
    grantYear: z.number().int(),
    version: z.number().int().meta({ description: 'Numbered from 1 in the order of saving; the current version is the highest.' }),
    locked: z.boolean().meta({ description: 'A round uses this version; saving creates a new version that only new rounds use.' }),
    stored: z.boolean().meta({ description: 'False while version 1 is the code default, not yet saved or used by a round.' }),
    savedAt: z.string().optional(),
    savedBy: z.string().meta({ description: 'The user id of whoever saved it, or `code-default`.' }),
    basedOnVersion: z.number().int().optional(),
    changedFields: z.array(z.string()).readonly().meta({ description: 'Dotted paths of the fields changed from `basedOnVersion`.' }),
    ruleSet: ruleSetSchema,
  })
  .meta({ id: 'RuleSetVersion' });

/** A version in the JSON the API answers with. */
export function ruleSetVersionJson(version: RuleSetVersion) {
  return { ...version, changedFields: [...version.changedFields] };
}

/** A save: the rule set and the version it was edited from; the API body and the form's schema. */
export const ruleSetEditSchema = ruleSetSchema
  .safeExtend({
    basedOnVersion: z.number().int().min(0).meta({ description: 'The version the edit was made from (0 for a year without rules); a stale number is refused with 409.' }),
  })
  .meta({ id: 'RuleSetEdit' });

const getRoute = createRoute({
  method: 'get',
  path: '/national/api/years/{year}/rule-set',
  summary: 'Show the year’s current national rule set, with its version number and whether a round has locked it.',
  security,
  request: { params: grantYearParam },
  responses: {
    200: { description: 'The current version.', content: { 'application/json': { schema: ruleSetVersionSchema } } },
    ...signedIn,
    404: problemResponse('The year has no rules.'),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/national/api/years/{year}/rule-set/versions',
  summary: 'List every version of the year’s rule set, oldest first: who saved it, when, what changed and whether it is locked.',
  security,
  request: { params: grantYearParam },
  responses: {
    200: { description: 'The versions.', content: { 'application/json': { schema: z.object({ versions: z.array(ruleSetVersionSchema) }) } } },
    ...signedIn,
  },
});

const saveRoute = createRoute({
  method: 'put',
  path: '/national/api/years/{year}/rule-set',
  summary: 'Save the year’s rule set as a new version; rounds already created keep the version they locked.',
  security,
  request: { params: grantYearParam, body: { content: { 'application/json': { schema: ruleSetEditSchema } }, required: true } },
  responses: {
    201: { description: 'The new version.', content: { 'application/json': { schema: ruleSetVersionSchema } } },
    ...signedIn,
    409: problemResponse('`basedOnVersion` is not the current version: someone saved in between.'),
    422: problemResponse('The rule set breaks a rule (each field named, in the caller’s language) or names another year.'),
  },
});

/** A rule set that fails its schema is a rule broken (422), each field in the caller's language; a bad path is 400. */
const invalidRuleSet = validationProblem<AppEnv>();
const ruleSetHook: typeof invalidRuleSet = (result, c) => {
  if (result.success) return;
  if ((result as { target?: string }).target !== 'json') return invalidRuleSet(result, c);
  return problem(c, 422, { code: 'rule_set.invalid', errors: fieldProblems(c, result.error.issues) });
};

/** IMDi's API for the year's national rules: read the current version and its history, save a new one. */
export function ruleSetsApiRoutes(data: RuleSetsData) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem() });

  app.openapi(getRoute, async (c) => {
    try {
      return c.json(ruleSetVersionJson(await data.ruleSets.current(c.req.valid('param').year)), 200);
    } catch (error) {
      if (!(error instanceof UnknownGrantYearError)) throw error;
      return problem(c, 404, { title: error.messages[c.var.lang], code: error.code }) as never;
    }
  });

  app.openapi(listRoute, async (c) => {
    const versions = await data.ruleSets.versions(c.req.valid('param').year);
    return c.json({ versions: versions.map(ruleSetVersionJson) }, 200);
  });

  app.openapi(saveRoute, async (c) => {
    const { year } = c.req.valid('param');
    const { basedOnVersion, ...ruleSet } = c.req.valid('json');
    // A national event: it goes in IMDi's own trail, the one national partition of a tenant the national role may write.
    const { userId } = principalOf(c);
    const saved = await saveRuleSet(
      { ruleSets: data.ruleSetRepository, clock: data.clock, newId: data.newId },
      { grantYear: year, ruleSet, basedOnVersion, by: { userId, tenantId: NATIONAL_TENANT_ID } },
    );
    return c.json(ruleSetVersionJson(saved), 201);
  }, ruleSetHook as never);

  return app;
}
