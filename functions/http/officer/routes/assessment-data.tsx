import type { Context } from 'hono';
import { applicationIdSchema } from './case-data';
import { ulid } from 'ulid';
import { z } from 'zod';
import { NotFoundError } from '../../../../shared/applications/errors';
import { mayAssess, visibleTo, type Assessor } from '../../../../shared/assessments/access';
import { assessmentStateOf } from '../../../../shared/assessments/assessment';
import type { AssessmentTarget } from '../../../../shared/assessments/assessment-case';
import { NoAssessmentSetUpError } from '../../../../shared/assessments/errors';
import type { AssessmentPorts } from '../../../../shared/assessments/ports';
import type { ScoreInput } from '../../../../shared/assessments/scores';
import type { Clock, IdGenerator } from '../../../../shared/kernel/ports';
import type { Call, RoundAssessment } from '../../../../shared/rounds/call';
import type { AssignedAssessment } from '../../../../web/pages/officer-assessments-page';
import { principalOf } from '../../common/authentication';
import type { OfficerEnv } from '../officer-data';


/** What the assessment routes are made with; tests fix the clock. */
export interface AssessmentRouteOptions {
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
}

/** The clock and ids of the routes. */
export function assessmentDeps(options: AssessmentRouteOptions) {
  return { clock: options.clock ?? (() => new Date()), ids: options.ids ?? (() => ulid()) };
}

/** The stores the assessment use cases use, from the signed-in tenant's seam only. */
export function assessmentPorts(c: Context<OfficerEnv>): AssessmentPorts {
  return { applications: c.var.data.applications, calls: c.var.data.calls, assessments: c.var.data.assessments };
}

/** The signed-in user as an assessor. */
export function assessorOf(c: Context<OfficerEnv>): Assessor {
  const { userId, roles, name } = principalOf(c);
  return { userId, roles, ...(name ? { name } : {}) };
}

/** The use cases' target: the token's tenant, the application in the path and the signed-in user. */
export function targetOf(c: Context<OfficerEnv>, applicationId: string): AssessmentTarget {
  return { tenantId: principalOf(c).tenantId, applicationId, user: assessorOf(c) };
}

/**
 * The application with its round and its assessments cut to what the viewer may see (blind until
 * they have submitted). Not found for a draft, another tenant's id, or an external assessor not
 * assigned to it.
 */
export async function assessmentView(c: Context<OfficerEnv>, applicationId: string) {
  const parsed = applicationIdSchema.safeParse(applicationId);
  if (!parsed.success) throw new NotFoundError();
  const { tenantId } = principalOf(c);
  const user = assessorOf(c);
  const application = await c.var.data.applications.get(tenantId, parsed.data);
  if (!application || application.status === 'draft' || !mayAssess(user, application)) throw new NotFoundError();
  const [round, assessments] = await Promise.all([c.var.data.calls.get(tenantId, application.roundId), c.var.data.assessments.listByApplication(tenantId, parsed.data)]);
  if (!round?.assessment) throw new NoAssessmentSetUpError();
  const visible = visibleTo(user.userId, assessments);
  return {
    application,
    round: round as Call & { assessment: RoundAssessment },
    visible,
    // The mean includes the others' scores: shown only to those who may see them.
    ...(visible.othersVisible && application.assessmentSummary ? { summary: application.assessmentSummary } : {}),
  };
}

/**
 * The applications the signed-in user is assigned to assess, across the municipality's rounds:
 * each round's `byList` list filtered on `assessorIds` (no scan), with where the user stands.
 */
export async function assignedAssessments(c: Context<OfficerEnv>): Promise<AssignedAssessment[]> {
  const { tenantId, userId } = principalOf(c);
  const rounds = await c.var.data.calls.listByTenant(tenantId);
  const lists = await Promise.all(rounds.map(async (round) => ({ round, applications: await c.var.data.applications.listSubmittedByRound(tenantId, round.roundId) })));
  const assigned = lists.flatMap(({ round, applications }) =>
    applications.filter((application) => application.status !== 'withdrawn' && (application.assessorIds ?? []).includes(userId)).map((application) => ({ round, application })),
  );
  return Promise.all(
    assigned.map(async ({ round, application }) => ({
      applicationId: application.applicationId,
      reference: application.reference,
      projectTitle: application.project?.title ?? application.organisationName,
      roundTitle: round.title[c.var.lang],
      roundId: round.roundId,
      state: assessmentStateOf(await c.var.data.assessments.get(tenantId, application.applicationId, userId)),
    })),
  );
}

/** Posted form fields `scores.<criterionId>.score` / `.note` as the use case's input. */
export function scoresFromForm(values: Record<string, string>): ScoreInput[] {
  const byCriterion = new Map<string, { score?: number; note: string }>();
  for (const [name, value] of Object.entries(values)) {
    const match = /^scores\.([a-z0-9][a-z0-9-]{0,62})\.(score|note)$/.exec(name);
    if (!match) continue;
    const entry = byCriterion.get(match[1]!) ?? { note: '' };
    if (match[2] === 'note') entry.note = value;
    else if (value.trim() !== '') entry.score = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    byCriterion.set(match[1]!, entry);
  }
  return [...byCriterion].map(([criterionId, entry]) => ({ criterionId, ...entry }));
}

