import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../../../shared/kernel/ports';
import { auditFilterSchema, type AuditTrailRepository } from '../../../../shared/national/audit-trail';
import type { TenantRepository } from '../../../../shared/national/ports';
import { listAuditEvents } from '../../../../shared/national/use-cases/list-audit-events';
import type { FieldErrors } from '../../../../web/components/form-fields';
import { textTranslator, type Language } from '../../../../web/i18n';
import { nationalBudgetText } from '../../../../web/messages/national-budget';
import { NationalAuditPage } from '../../../../web/pages/national-audit-page';
import type { AppEnv } from '../../common/app-env';
import { problemResponse } from '../../common/openapi-problem';
import { signedInPage } from '../../common/signed-in-app';
import { validationProblem } from '../../common/validation-problem';

/** What the audit trail reads. */
export interface AuditData {
  tenants: Pick<TenantRepository, 'list' | 'getProfile'>;
  auditTrail: AuditTrailRepository;
  clock: Clock;
}

const querySchema = auditFilterSchema.extend({
  year: auditFilterSchema.shape.year.meta({ description: 'Calendar year of the events (Oslo time); this year without any filter of time.' }),
  from: auditFilterSchema.shape.from.meta({ description: 'First day (YYYY-MM-DD, Oslo time), included; wins over `year`.' }),
  to: auditFilterSchema.shape.to.meta({ description: 'Last day (YYYY-MM-DD, Oslo time), included; wins over `year`.' }),
  tenantId: auditFilterSchema.shape.tenantId.meta({ description: 'One municipality (or `imdi`); every tenant without it.' }),
  kind: auditFilterSchema.shape.kind.meta({ description: 'What the events are about: `budget`, `allocation`, `register`, `round`, `application`.' }),
});

const figures = z.record(z.string(), z.number());
const eventSchema = z
  .object({
    tenantId: z.string().meta({ description: 'Whose audit partition the event is in.' }),
    at: z.string(),
    eventId: z.string(),
    actor: z.string().meta({ description: 'Who: the subject of the token that made the change, or the job.' }),
    kind: z.string(),
    action: z.string().meta({ description: 'The operation, e.g. `award`, `reserve_admin`, `close`.' }),
    grantYear: z.number().int().optional(),
    amount: z.number().int().optional(),
    before: figures.optional().meta({ description: 'A budget position’s figures before the change.' }),
    after: figures.optional().meta({ description: 'A budget position’s figures after the change.' }),
    from: z.string().optional(),
    to: z.string().optional(),
    details: z.record(z.string(), z.string()),
  })
  .meta({ id: 'AuditEvent' });

const listRoute = createRoute({
  method: 'get',
  path: '/national/api/audit-events',
  summary: 'List the audit trail of IMDi and the municipalities (budget changes, allocations, rounds), newest first, filtered by year or dates, municipality and kind.',
  security: [{ bearerAuth: [] }],
  request: { query: querySchema },
  responses: {
    200: {
      description: 'The events.',
      content: {
        'application/json': {
          schema: z.object({
            range: z.object({ from: z.string(), to: z.string().meta({ description: 'Exclusive.' }) }),
            events: z.array(eventSchema).readonly(),
            truncated: z.boolean().meta({ description: 'More events matched than are listed; narrow the filter.' }),
          }),
        },
      },
    },
    400: problemResponse('A filter is not valid.'),
    401: problemResponse('No valid token.'),
    403: problemResponse('The token has no national-admin role.'),
  },
});

/** Empty fields of the GET form mean no filter. */
function queryOf(c: Context<AppEnv>) {
  return Object.fromEntries(Object.entries(c.req.query()).filter(([name, value]) => name !== 'lang' && value !== ''));
}

/** Each refused filter field's message, in the user's language. */
function filterErrors(issues: readonly { path: readonly PropertyKey[] }[], lang: Language): FieldErrors {
  const tx = textTranslator(nationalBudgetText, lang);
  const messageOf = (field: string) =>
    field === 'year' ? tx('audit.filter.invalid.year') : field === 'from' || field === 'to' ? tx('audit.filter.invalid.date') : tx('audit.filter.invalid.choice');
  return Object.fromEntries(issues.map((issue) => String(issue.path[0])).map((field) => [field, messageOf(field)]));
}

/** IMDi's audit trail, as a page and in the API. */
export function auditRoutes(data: AuditData) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem() });

  app.get('/national/audit', async (c) => {
    const typed = queryOf(c);
    const filter = auditFilterSchema.safeParse(typed);
    const [listing, tenants, page] = await Promise.all([
      filter.success ? listAuditEvents(data, filter.data) : { range: { from: '', to: '' }, events: [], truncated: false },
      data.tenants.list(),
      signedInPage(c, 'national', async (id) => (await data.tenants.getProfile(id))?.name),
    ]);
    const register = [...tenants].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
    // A filter that cannot be used is shown again as typed, each field with what is wrong, and nothing is listed.
    const refused = filter.success ? undefined : { errors: filterErrors(filter.error.issues, c.get('lang')), typed };
    return c.html(<NationalAuditPage page={page} filter={filter.data ?? {}} tenants={register} refused={refused} {...listing} />, refused ? 400 : 200);
  });

  app.openapi(listRoute, async (c) => c.json(await listAuditEvents(data, c.req.valid('query')), 200));

  return app;
}
