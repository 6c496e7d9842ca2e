import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Application } from '../../../../shared/applications/application';
import { acceptanceStateOf, mayAnswerGrant } from '../../../../shared/decisions/acceptance';
import { recheckRegistry } from '../../../../shared/applications/use-cases/recheck-registry';
import type { Clock, IdGenerator } from '../../../../shared/kernel/ports';
import { assignAssessors } from '../../../../shared/officers/use-cases/assign-assessors';
import { assignCaseworker } from '../../../../shared/officers/use-cases/assign-caseworker';
import { rulesOfRound } from '../../../../shared/rounds/round-rules';
import { principalOf } from '../../common/authentication';
import { problemResponse } from '../../common/openapi-problem';
import { problem } from '../../common/problem';
import { validationProblem } from '../../common/validation-problem';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { applicationIdSchema, caseView, findCase, caseEventIds } from './case-data';


const security = [{ bearerAuth: [] }];

/** The grant's acceptance state for the API, when there is a grant. */
function acceptanceOf(application: Application, now: Date) {
  const state = acceptanceStateOf(application);
  if (!state) return {};
  return { acceptance: { ...state, overdue: state.kind === 'awaiting' && !mayAnswerGrant(application, now) } };
}
const params = z.object({ applicationId: applicationIdSchema });
const unauthorized = problemResponse('No valid token.');
const notFound = problemResponse('No such application for this municipality.');

const timelineEntrySchema = z
  .object({
    eventId: z.string(),
    at: z.string().meta({ description: 'ISO-8601 UTC.' }),
    atOslo: z.string().meta({ description: 'Oslo time, YYYY-MM-DD HH:MM.' }),
    actor: z.string().meta({ description: 'A user id, `applicant:<applicationId>` or `system:<job>`.' }),
    who: z.string().meta({ description: "The actor's name from the staff directory, else the id; applicant and system labelled." }),
    action: z.string(),
    what: z.string().meta({ description: "The action in the reader's language." }),
    change: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
  })
  .meta({ id: 'CaseTimelineEntry' });

const fundingEntrySchema = z
  .object({
    tenantId: z.string(),
    tenantName: z.string(),
    roundId: z.string(),
    applicationId: z.string(),
    reference: z.string(),
    grantYear: z.number().int(),
    status: z.string(),
    amountApplied: z.number().int(),
    amountAwarded: z.number().int().optional().meta({ description: 'Whole kroner granted, once decided (0 for a rejection).' }),
    subGoals: z.array(z.string()),
    isOperatingGrant: z.boolean(),
  })
  .meta({ id: 'FundingEntry' });

const caseSchema = z
  .object({
    application: z.record(z.string(), z.unknown()).meta({ description: 'The application as stored: reference, organisation, status, round, project, budget, answers, attachments, registry check, caseworker, assessors, assessment summary, recommendation, decision.' }),
    round: z.object({ roundId: z.string(), title: z.record(z.string(), z.string()), grantYear: z.number().int() }),
    findings: z.array(z.object({ code: z.string(), severity: z.enum(['blocking', 'warning']), rule: z.string(), legalBasis: z.string(), messages: z.record(z.string(), z.string()) })),
    attachments: z.array(z.object({ kind: z.string(), filename: z.string(), size: z.number(), downloadUrl: z.string() })),
    assessors: z.array(z.object({ userId: z.string(), name: z.string() })),
    staff: z.array(z.object({ userId: z.string(), name: z.string().optional(), roles: z.array(z.string()), lastSeenAt: z.string() })),
    earlierApplications: z.array(z.object({ applicationId: z.string(), reference: z.string(), grantYear: z.number().int(), status: z.string(), amountApplied: z.number().int().optional() })),
    overdueReports: z.array(z.object({ applicationId: z.string(), reference: z.string(), grantYear: z.number().int(), reportingDeadline: z.string() })),
    possibleDoubleFunding: z.array(fundingEntrySchema),
    timeline: z.array(timelineEntrySchema),
    links: z.array(z.object({ kind: z.string(), href: z.string() })),
    acceptance: z
      .object({
        kind: z.enum(['awaiting', 'accepted', 'declined', 'lapsed']),
        at: z.string().optional().meta({ description: 'When it was accepted, declined or lapsed (ISO-8601 UTC).' }),
        deadline: z.string().optional().meta({ description: 'The deadline to accept (ISO-8601 UTC, end of an Oslo day).' }),
        overdue: z.boolean().meta({ description: 'Awaiting, but the deadline has passed: the nightly job will lapse it.' }),
      })
      .optional()
      .meta({ description: "The organisation's answer to a grant; absent when there is no grant." }),
  })
  .meta({ id: 'Case' });

const getCaseRoute = createRoute({
  method: 'get',
  path: '/officer/api/applications/{applicationId}',
  summary: "Show one case of the signed-in officer's municipality: the application, screening findings with their rules, earlier applications, possible double funding, people, outcome and timeline.",
  security,
  request: { params },
  responses: {
    200: { description: 'The case.', content: { 'application/json': { schema: caseSchema } } },
    401: unauthorized,
    403: problemResponse('The token has no permission to read cases.'),
    404: notFound,
  },
});

const eventsRoute = createRoute({
  method: 'get',
  path: '/officer/api/applications/{applicationId}/events',
  summary: "List the case timeline: every audit event about the application, oldest first, in the reader's language.",
  security,
  request: { params },
  responses: {
    200: { description: 'The events.', content: { 'application/json': { schema: z.object({ events: z.array(timelineEntrySchema) }) } } },
    401: unauthorized,
    403: problemResponse('The token has no permission to read cases.'),
    404: notFound,
  },
});

const assignmentResponses = {
  401: unauthorized,
  403: problemResponse('The token has no permission to assign cases.'),
  404: notFound,
  409: problemResponse('Someone else changed the case first (`case.changed_meanwhile`), or it takes no assignment now.'),
  422: problemResponse('The person is not in the staff directory or may not take that part (`case.staff_not_assignable`).'),
};

const assignCaseworkerRoute = createRoute({
  method: 'put',
  path: '/officer/api/applications/{applicationId}/caseworker',
  summary: 'Assign (or reassign) the caseworker of a case; a received application moves to assessment.',
  security,
  request: {
    params,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ caseworkerId: z.string().min(1).max(128), expectedVersion: z.number().int().min(1).meta({ description: 'The application version the choice was made at.' }) }) } },
    },
  },
  responses: { 200: { description: 'The case after the change.', content: { 'application/json': { schema: z.object({ status: z.string(), version: z.number().int(), caseworker: z.object({ userId: z.string(), name: z.string().optional(), assignedAt: z.string() }) }) } } }, 400: problemResponse('The body is not valid.'), ...assignmentResponses },
});

const assignAssessorsRoute = createRoute({
  method: 'put',
  path: '/officer/api/applications/{applicationId}/assessors',
  summary: 'Assign the assessors of a case, employees or external assessors from the staff directory.',
  security,
  request: {
    params,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ assessorIds: z.array(z.string().min(1).max(128)).max(20), expectedVersion: z.number().int().min(1) }) } },
    },
  },
  responses: { 200: { description: 'The case after the change.', content: { 'application/json': { schema: z.object({ version: z.number().int(), assessorIds: z.array(z.string()) }) } } }, 400: problemResponse('The body is not valid.'), ...assignmentResponses },
});

const recheckRoute = createRoute({
  method: 'post',
  path: '/officer/api/applications/{applicationId}/registry-check',
  summary: 'Re-run the registry check: ask Enhetsregisteret again and store the new check and its findings.',
  security,
  request: { params },
  responses: {
    200: { description: 'The new registry check.', content: { 'application/json': { schema: z.object({ version: z.number().int(), registryCheck: z.record(z.string(), z.unknown()) }) } } },
    401: unauthorized,
    403: problemResponse('The token has no permission to screen cases.'),
    404: notFound,
    409: problemResponse('Someone else changed the case at the same moment; run it again.'),
  },
});

/** The case API: the same case, timeline and actions as the case page, keyed by the token's tenant. */
export function caseApiRoutes(options: { clock?: Clock; newId?: IdGenerator } = {}) {
  const clock = options.clock ?? (() => new Date());
  const newId = options.newId ?? caseEventIds;
  const app = new OpenAPIHono<OfficerEnv>({ defaultHook: validationProblem() });
  const path = (route: string) => route.replace('{applicationId}', ':applicationId');

  app.use(path(getCaseRoute.path), requirePermission('cases.read'));
  app.use(path(eventsRoute.path), requirePermission('cases.read'));
  app.use(path(assignCaseworkerRoute.path), requirePermission('cases.assign'));
  app.use(path(assignAssessorsRoute.path), requirePermission('cases.assign'));
  app.use(path(recheckRoute.path), requirePermission('cases.screen'));

  app.openapi(getCaseRoute, async (c) => {
    const found = await findCase(c);
    if (!found) return problem(c, 404) as never;
    const view = await caseView(c, found, clock());
    const { application } = view;
    const attachments = await Promise.all(
      application.attachments.map(async (attachment) => ({
        kind: attachment.kind,
        filename: attachment.filename,
        size: attachment.size,
        downloadUrl: await c.var.data.attachments.getDownloadUrl(attachment.key, attachment.filename, 300),
      })),
    );
    return c.json(
      {
        application: application as unknown as Record<string, unknown>,
        round: { roundId: view.round.roundId, title: view.round.title, grantYear: view.round.grantYear },
        findings: view.findings.map((finding) => ({ ...finding, messages: { ...finding.messages } })),
        attachments,
        assessors: view.assessors,
        staff: view.staff.map((member) => ({ ...member, roles: [...member.roles] })),
        earlierApplications: view.earlier.map((each) => ({
          applicationId: each.applicationId, reference: each.reference, grantYear: each.grantYear, status: each.status,
          ...(each.budget ? { amountApplied: each.budget.amountApplied } : {}),
        })),
        overdueReports: view.overdue.map((each) => ({ applicationId: each.applicationId, reference: each.reference, grantYear: each.grantYear, reportingDeadline: each.decision!.reportingDeadline! })),
        possibleDoubleFunding: view.doubleFunding.map((entry) => ({ ...entry, subGoals: [...entry.subGoals] })),
        timeline: view.timeline,
        links: view.links,
        ...acceptanceOf(application, clock()),
      },
      200,
    );
  });

  app.openapi(eventsRoute, async (c) => {
    const found = await findCase(c);
    if (!found) return problem(c, 404) as never;
    const view = await caseView(c, found, clock());
    return c.json({ events: view.timeline }, 200);
  });

  app.openapi(assignCaseworkerRoute, async (c) => {
    const found = await findCase(c);
    if (!found) return problem(c, 404) as never;
    const { tenantId, userId } = principalOf(c);
    const body = c.req.valid('json');
    const next = await assignCaseworker(
      { applications: c.var.data.applications, clock, newId },
      { application: found.application, expectedVersion: body.expectedVersion, caseworkerId: body.caseworkerId, staff: await c.var.data.staff.list(tenantId), actor: userId },
    );
    return c.json({ status: next.status, version: next.version, caseworker: next.caseworker! }, 200);
  });

  app.openapi(assignAssessorsRoute, async (c) => {
    const found = await findCase(c);
    if (!found) return problem(c, 404) as never;
    const { tenantId, userId } = principalOf(c);
    const body = c.req.valid('json');
    const next = await assignAssessors(
      { applications: c.var.data.applications, clock, newId },
      { application: found.application, expectedVersion: body.expectedVersion, assessorIds: body.assessorIds, staff: await c.var.data.staff.list(tenantId), actor: userId },
    );
    return c.json({ version: next.version, assessorIds: next.assessorIds ?? [] }, 200);
  });

  app.openapi(recheckRoute, async (c) => {
    const found = await findCase(c);
    if (!found) return problem(c, 404) as never;
    const rules = await rulesOfRound(c.var.data.roundRules, found.round);
    const next = await recheckRegistry(
      { applications: c.var.data.applications, registry: c.var.data.registry, clock, newId },
      { application: found.application, call: found.round, rules: rules.ruleSet, actor: principalOf(c).userId },
    );
    return c.json({ version: next.version, registryCheck: next.registryCheck as unknown as Record<string, unknown> }, 200);
  });

  return app;
}
