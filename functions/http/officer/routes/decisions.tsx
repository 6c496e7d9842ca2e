import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { applicationIdSchema } from './case-data';
import type { Context } from 'hono';
import { ulid } from 'ulid';
import type { Application } from '../../../../shared/applications/application';
import { NotFoundError } from '../../../../shared/applications/errors';
import { ActorRecusedError } from '../../../../shared/applications/errors';
import { awaitsDecision, hasBlockingFindings } from '../../../../shared/decisions/signing';
import { signDecision } from '../../../../shared/decisions/use-cases/sign-decision';
import { signDecisions, type BatchItemResult } from '../../../../shared/decisions/use-cases/sign-decisions';
import { DomainError } from '../../../../shared/kernel/errors';
import type { Clock, IdGenerator } from '../../../../shared/kernel/ports';
import { rulesOfRound } from '../../../../shared/rounds/round-rules';
import type { Call } from '../../../../shared/rounds/call';
import { decisionLetterEmail } from '../../../../web/emails/decision-letter';
import { textTranslator } from '../../../../web/i18n';
import { decisionText } from '../../../../web/messages/decision';
import { OfficerBatchDecisionPage, OfficerDecisionPage, letterPath, type DecisionFormState } from '../../../../web/pages/officer-decision-page';
import { sharedContext } from '../../common/app-env';
import { principalOf } from '../../common/authentication';
import { notFound, refusal } from '../../common/error-handling';
import { FormRejection, formRoute, many, single, type FormStatus } from '../../common/form-cycle';
import { problemResponse } from '../../common/openapi-problem';
import { signedInPage } from '../../common/signed-in-app';
import { validationProblem } from '../../common/validation-problem';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { roundIdSchema } from './rounds-api';

/** Application ids are ULIDs; anything else is simply not found. */

const security = [{ bearerAuth: [] }];
const mayDecide = requirePermission('cases.decide');

/** The domain errors a decision form shows with the form; a recused approver is refused (403) instead. */
function shows(error: DomainError): 409 | 422 | undefined {
  switch (error.code) {
    case 'application.actor_recused':
    case 'application.not_found':
      return undefined;
    case 'decision.no_recommendation':
      return 422;
    default:
      return 409;
  }
}

/** The page context of an officer page. */
const pageFor = (c: Context<OfficerEnv>) => signedInPage(c, 'officer', async (tenantId) => (await c.var.data.tenants.getProfile(tenantId))?.name);

/** The application and its round, both of the signed-in tenant; undefined for anything else. */
async function caseOf(c: Context<OfficerEnv>, applicationId: string | undefined): Promise<{ application: Application; call: Call } | undefined> {
  const id = applicationIdSchema.safeParse(applicationId);
  if (!id.success) return undefined;
  const { tenantId } = principalOf(c);
  const application = await c.var.data.decisions.get(tenantId, id.data);
  if (!application || application.status === 'draft') return undefined;
  const call = await c.var.data.calls.get(tenantId, application.roundId);
  return call ? { application, call } : undefined;
}

/** The round of the signed-in tenant; undefined for anything else. */
async function roundOf(c: Context<OfficerEnv>, roundId: string | undefined): Promise<Call | undefined> {
  const id = roundIdSchema.safeParse(roundId);
  return id.success ? c.var.data.calls.get(principalOf(c).tenantId, id.data) : undefined;
}

/** The round's recommended applications that wait for a decision, by reference. */
async function waitingIn(c: Context<OfficerEnv>, call: Call): Promise<Application[]> {
  const all = await c.var.data.decisions.listByRound(call.tenantId, call.roundId);
  return all.filter(awaitsDecision).sort((a, b) => a.reference.localeCompare(b.reference));
}

const signer = (c: Context<OfficerEnv>) => {
  const principal = principalOf(c);
  return { userId: principal.userId, ...(principal.name ? { name: principal.name } : {}) };
};

/** The result of one application of a batch, for a program: the message in the caller's language. */
const batchResultSchema = z
  .object({
    applicationId: z.string(),
    reference: z.string().optional(),
    result: z.enum(['decided', 'refused']),
    outcome: z.enum(['grant', 'grant_partly', 'reject']).optional(),
    amount: z.number().int().optional().meta({ description: 'Whole kroner awarded.' }),
    code: z.string().optional().meta({ description: 'Why it was refused, e.g. `decision.insufficient_funds`.' }),
    message: z.string().optional(),
  })
  .meta({ id: 'BatchDecisionResult' });

function batchResultJson(result: BatchItemResult, lang: 'nb' | 'nn' | 'en') {
  return result.result === 'decided'
    ? { applicationId: result.applicationId, reference: result.reference, result: result.result, outcome: result.outcome, amount: result.amount }
    : { applicationId: result.applicationId, reference: result.reference, result: result.result, code: result.code, message: result.messages[lang] };
}

const decisionSchema = z
  .object({
    applicationId: z.string(),
    status: z.string(),
    decision: z.object({
      decisionId: z.string(),
      outcome: z.enum(['grant', 'grant_partly', 'reject']),
      amount: z.number().int(),
      decidedBy: z.string(),
      decidedAt: z.string(),
      language: z.enum(['nb', 'nn', 'en']),
      appealDeadlineWeeks: z.number().int(),
      reportingDeadline: z.string().optional(),
      ruleSetVersion: z.number().int(),
    }).passthrough(),
  })
  .meta({ id: 'SignedDecision' });

const signRoute = createRoute({
  method: 'post',
  path: '/officer/api/applications/{applicationId}/decision',
  summary: "Sign an application's recommendation as the decision (vedtak): commits the award against the budget and sends the letter.",
  security,
  middleware: [mayDecide] as const,
  request: {
    params: z.object({ applicationId: applicationIdSchema.meta({ example: '01JDZ7Q2V9X8K3M4N5P6R7S8T9' }) }),
    body: {
      content: {
        'application/json': {
          schema: z.object({
            recommendationSeen: z.iso.datetime().optional().meta({ description: "The recommendation's `recommendedAt` as you read it; a newer recommendation is refused with 409." }),
          }),
        },
      },
      required: false,
    },
  },
  responses: {
    200: { description: 'The decision as signed.', content: { 'application/json': { schema: decisionSchema } } },
    400: problemResponse('The body is not valid.'),
    401: problemResponse('No valid token.'),
    403: problemResponse('The token has no approver role, or the approver has declared a conflict of interest in the case.'),
    404: problemResponse('No such application in the municipality.'),
    409: problemResponse('Already decided, the recommendation changed, the application moved on, or not enough funds are left (the problem says how much).'),
    422: problemResponse('There is no recommendation to sign.'),
  },
});

const batchRoute = createRoute({
  method: 'post',
  path: '/officer/api/rounds/{roundId}/decisions',
  summary: "Sign many of a round's recommendations at once: each application is its own decision, award and letter; the answer says for each what was decided or why not.",
  security,
  middleware: [mayDecide] as const,
  request: {
    params: z.object({ roundId: roundIdSchema }),
    body: {
      content: {
        'application/json': {
          schema: z.object({
            applications: z
              .array(z.object({ applicationId: applicationIdSchema, recommendationSeen: z.iso.datetime().optional() }))
              .min(1)
              .max(1000),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: { description: 'What happened to each application, in the order given.', content: { 'application/json': { schema: z.object({ results: z.array(batchResultSchema) }) } } },
    400: problemResponse('The body is not valid.'),
    401: problemResponse('No valid token.'),
    403: problemResponse('The token has no approver role.'),
    404: problemResponse('No such round in the municipality.'),
  },
});

/**
 * Signing decisions: one case (`/officer/applications/:applicationId/decision`) and a round's
 * recommended cases together (`/officer/rounds/:roundId/decisions`), each as a page and a JSON API
 * operation. Only approvers (`cases.decide`) reach them; a recused approver is refused (403).
 */
export function decisionRoutes(options: { clock?: Clock; newId?: IdGenerator } = {}) {
  const clock = options.clock ?? (() => new Date());
  const newId = options.newId ?? ulid;
  const app = new OpenAPIHono<OfficerEnv>({ defaultHook: validationProblem() });
  const deps = (c: Context<OfficerEnv>) => ({ decisions: c.var.data.decisions, clock, newId, composeLetter: decisionLetterEmail });

  async function renderSignPage(c: Context<OfficerEnv>, state?: DecisionFormState, status: 200 | FormStatus = 200) {
    const found = await caseOf(c, c.req.param('applicationId'));
    if (!found) return notFound(c);
    const { application, call } = found;
    if (application.recusedUserIds?.includes(principalOf(c).userId)) return refusal(sharedContext(c), 403);
    const position = await c.var.data.decisions.budget(application.tenantId, application.grantYear);
    return c.html(
      <OfficerDecisionPage page={await pageFor(c)} call={call} application={application} position={position} blocking={hasBlockingFindings(application)} {...(state ? { state } : {})} />,
      status,
    );
  }

  async function renderBatchPage(c: Context<OfficerEnv>, extra: { state?: DecisionFormState & { selected?: string[] }; results?: BatchItemResult[] } = {}, status: 200 | FormStatus = 200) {
    const call = await roundOf(c, c.req.param('roundId'));
    if (!call) return notFound(c);
    const [waiting, position, page] = await Promise.all([waitingIn(c, call), c.var.data.decisions.budget(call.tenantId, call.grantYear), pageFor(c)]);
    return c.html(<OfficerBatchDecisionPage page={page} call={call} waiting={waiting} position={position} {...extra} />, status);
  }

  app.get('/officer/applications/:applicationId/decision', mayDecide, (c) => renderSignPage(c));

  app.post(
    '/officer/applications/:applicationId/decision',
    mayDecide,
    ...formRoute<OfficerEnv, { recommendationSeen?: string }>({
      schema: () => z.object({ recommendationSeen: z.iso.datetime().optional() }),
      read: (form) => {
        const seen = single(form.values.recommendationSeen);
        return seen ? { recommendationSeen: seen } : {};
      },
      render: (c, state, status) => renderSignPage(c, { errors: state.errors, ...(state.formError ? { formError: state.formError } : {}) }, status),
      shows,
      act: async (c, input) => {
        const found = await caseOf(c, c.req.param('applicationId'));
        if (!found) return notFound(c);
        const { application, call } = found;
        const rules = await rulesOfRound(c.var.data.roundRules, call);
        await signDecision(deps(c), {
          tenantId: application.tenantId, applicationId: application.applicationId, call, rules, signer: signer(c),
          ...(input.recommendationSeen ? { recommendationSeen: input.recommendationSeen } : {}),
        });
        return `${letterPath(application.applicationId)}?signed=1`;
      },
    }),
  );

  app.openapi(signRoute, async (c) => {
    const found = await caseOf(c, c.req.valid('param').applicationId);
    if (!found) throw new NotFoundError();
    const { application, call } = found;
    if (application.recusedUserIds?.includes(principalOf(c).userId)) throw new ActorRecusedError('decide');
    const body: { recommendationSeen?: string } = c.req.valid('json') ?? {};
    const rules = await rulesOfRound(c.var.data.roundRules, call);
    const decision = await signDecision(deps(c), {
      tenantId: application.tenantId, applicationId: application.applicationId, call, rules, signer: signer(c),
      ...(body.recommendationSeen ? { recommendationSeen: body.recommendationSeen } : {}),
    });
    const status = decision.outcome === 'grant' ? 'granted' : decision.outcome === 'grant_partly' ? 'partly_granted' : 'rejected';
    return c.json({ applicationId: application.applicationId, status, decision }, 200);
  });

  app.get('/officer/rounds/:roundId/decisions', mayDecide, (c) => renderBatchPage(c));

  const batchFields = z.object({ all: z.boolean(), applicationIds: z.array(applicationIdSchema).max(1000), seen: z.record(z.string(), z.string()) });
  app.post(
    '/officer/rounds/:roundId/decisions',
    mayDecide,
    ...formRoute<OfficerEnv, z.infer<typeof batchFields>>({
      schema: () => batchFields,
      read: (form) => ({
        all: single(form.values.all) === 'yes',
        applicationIds: many(form.values.applicationId),
        seen: Object.fromEntries(
          Object.entries(form.values)
            .filter(([name]) => name.startsWith('seen.'))
            .map(([name, value]) => [name.slice('seen.'.length), single(value)]),
        ),
      }),
      render: (c, state, status) => {
        const selected = [...many(state.values.applicationId), ...(single(state.values.all) === 'yes' ? ['all'] : [])];
        const formError = state.formError ?? state.errors.applicationIds ?? Object.values(state.errors).find(Boolean);
        return renderBatchPage(c, { state: { selected, ...(formError ? { formError } : {}) } }, status);
      },
      shows,
      act: async (c, input) => {
        const call = await roundOf(c, c.req.param('roundId'));
        if (!call) return notFound(c);
        const tr = textTranslator(decisionText, c.var.lang);
        const chosen = input.all ? (await waitingIn(c, call)).map((application) => application.applicationId) : input.applicationIds;
        if (chosen.length === 0) throw new FormRejection({ applicationId: tr('batch.nothingSelected') }, 422);
        const rules = await rulesOfRound(c.var.data.roundRules, call);
        const results = await signDecisions(deps(c), {
          tenantId: call.tenantId, call, rules, signer: signer(c),
          selected: chosen.map((applicationId) => ({ applicationId, ...(input.seen[applicationId] ? { recommendationSeen: input.seen[applicationId] } : {}) })),
        });
        // The report is the answer: a reload would only be refused again per application ("already decided").
        return renderBatchPage(c, { results });
      },
    }),
  );

  app.openapi(batchRoute, async (c) => {
    const call = await roundOf(c, c.req.valid('param').roundId);
    if (!call) return notFound(c) as never;
    const rules = await rulesOfRound(c.var.data.roundRules, call);
    const results = await signDecisions(deps(c), { tenantId: call.tenantId, call, rules, signer: signer(c), selected: c.req.valid('json').applications });
    return c.json({ results: results.map((result) => batchResultJson(result, c.var.lang)) }, 200);
  });

  return app;
}

