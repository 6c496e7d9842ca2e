import type { Context } from 'hono';
import { z } from 'zod';
import type { Application } from '../../../../shared/applications/application';
import { actorOf, type CaseEvent } from '../../../../shared/applications/case-events';
import { possibleDoubleFunding, type FundingEntry } from '../../../../shared/applications/funding-index';
import { applicationStatuses } from '../../../../shared/applications/lifecycle';
import { earlierApplications, overdueReports } from '../../../../shared/applications/organisation-history';
import { screenDraft } from '../../../../shared/applications/screening';
import { utcToOsloLocal } from '../../../../shared/kernel/deadlines';
import { can, type OfficerPermission } from '../../../../shared/officers/permissions';
import { nameOf, type StaffMember } from '../../../../shared/officers/staff';
import type { Call } from '../../../../shared/rounds/call';
import { rulesOfRound } from '../../../../shared/rounds/round-rules';
import type { EligibilityFinding } from '../../../../shared/rules/eligibility';
import { textTranslator, type Language } from '../../../../web/i18n';
import { caseText, type CaseTextKey } from '../../../../web/messages/case';
import { principalOf } from '../../common/authentication';
import type { OfficerEnv } from '../officer-data';
import { monotonicFactory } from 'ulid';

/** An application id as the URL carries it. */
export const applicationIdSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[\w-]+$/)
  .meta({ description: 'The application id.', example: '01JH8Y3Z6Q2W5E8R1T4Y7U0I3O' });

/** Where a case's pages are. */
export const casePath = (applicationId: string, sub?: 'return' | 'assessment' | 'recommendation' | 'decision' | 'letter' | 'payments' | 'caseworker' | 'assessors' | 'registry-check' | 'report') =>
  `/officer/applications/${applicationId}${sub ? `/${sub}` : ''}`;

/** One line of the case timeline, in the reader's language. */
export interface TimelineEntry {
  readonly eventId: string;
  readonly at: string;
  /** Oslo time, `YYYY-MM-DD HH:MM`. */
  readonly atOslo: string;
  readonly actor: string;
  /** The actor as people read it: a name, the id, "the applicant" or the job. */
  readonly who: string;
  readonly action: string;
  /** The action in the reader's language; an unknown action still reads. */
  readonly what: string;
  /** What changed, in the reader's language (statuses translated, user ids as names); absent when nothing is said. */
  readonly change?: string;
  readonly from?: string;
  readonly to?: string;
}

/** A sub-page of the case the signed-in user may open now. */
export interface CaseLink {
  readonly kind: 'return' | 'assessment' | 'recommendation' | 'decision' | 'letter' | 'payments' | 'report';
  readonly href: string;
}

/** Everything the case page and its API show. */
export interface CaseView {
  readonly application: Application;
  readonly round: Call;
  readonly findings: EligibilityFinding[];
  readonly staff: StaffMember[];
  readonly assessors: { userId: string; name: string }[];
  readonly earlier: Application[];
  readonly overdue: Application[];
  readonly doubleFunding: FundingEntry[];
  readonly timeline: TimelineEntry[];
  readonly links: CaseLink[];
  readonly may: { assign: boolean; screen: boolean };
}

/** The reader's Oslo time of an instant, `YYYY-MM-DD HH:MM`. */
export function osloTime(instant: string): string {
  const { date, time } = utcToOsloLocal(instant);
  return `${date} ${time.slice(0, 5)}`;
}

/** The case of the signed-in tenant, or undefined (another tenant's id is simply not found). */
export async function findCase(c: Context<OfficerEnv>): Promise<{ application: Application; round: Call } | undefined> {
  const id = applicationIdSchema.safeParse(c.req.param('applicationId'));
  if (!id.success) return undefined;
  const { tenantId } = principalOf(c);
  const application = await c.var.data.applications.get(tenantId, id.data);
  // Drafts are the applicant's own until submitted.
  if (!application || application.tenantId !== tenantId || application.status === 'draft') return undefined;
  const round = await c.var.data.calls.get(tenantId, application.roundId);
  if (!round) return undefined;
  return { application, round };
}

const statusNames = new Set<string>(applicationStatuses);

/** The timeline in the reader's language: names from the staff directory, actions and statuses translated. */
export function timelineOf(events: readonly CaseEvent[], staff: readonly StaffMember[], lang: Language): TimelineEntry[] {
  const tr = textTranslator(caseText, lang);
  const word = (value: string) =>
    statusNames.has(value) ? tr(`status.${value}` as CaseTextKey) : `registry.${value}` in caseText ? tr(`registry.${value}` as CaseTextKey) : value;
  const people = (value: string) => value.split(',').filter(Boolean).map((id) => nameOf(id, staff)).join(', ') || '–';
  return events.map((event) => {
    const actor = actorOf(event.actor);
    const who = actor.kind === 'applicant' ? tr('case.actor.applicant') : actor.kind === 'system' ? tr('case.actor.system', { job: actor.job }) : nameOf(actor.userId, staff);
    const key = `event.${event.action}`;
    const what = key in caseText ? tr(key as CaseTextKey) : tr('event.unknown', { action: event.action.replace(/_/g, ' ') });
    const byPeople = event.action === 'assign_caseworker' || event.action === 'assign_assessors';
    // A report's own statuses (due, returned for changes) are not the application's: named by the report's words.
    const reportWord = (value: string) => (`report.status.${value}` in caseText ? tr(`report.status.${value}` as CaseTextKey) : value);
    const show = byPeople ? people : event.machine === 'report' ? reportWord : word;
    const change =
      event.from !== undefined || event.to !== undefined
        ? `${event.from !== undefined && event.from !== '' ? show(event.from) : '–'} → ${event.to !== undefined ? show(event.to) : '–'}`
        : undefined;
    return {
      eventId: event.eventId,
      at: event.at,
      atOslo: osloTime(event.at),
      actor: event.actor,
      who,
      action: event.action,
      what,
      ...(change === undefined ? {} : { change }),
      ...(event.from === undefined ? {} : { from: event.from }),
      ...(event.to === undefined ? {} : { to: event.to }),
    };
  });
}

/** The sub-pages the status and the user's permissions allow now. */
export function caseLinks(application: Application, may: (permission: OfficerPermission) => boolean): CaseLink[] {
  const links: CaseLink[] = [];
  const { status, applicationId } = application;
  const add = (kind: CaseLink['kind']) => links.push({ kind, href: casePath(applicationId, kind) });
  if (may('cases.return') && (status === 'submitted' || status === 'under_assessment')) add('return');
  if (may('assessment.score') && status === 'under_assessment') add('assessment');
  if (may('cases.recommend') && status === 'under_assessment') add('recommendation');
  if (may('cases.decide') && application.recommendation && !application.decision) add('decision');
  if (application.decision) add('letter');
  if (may('payments.manage') && application.decision && application.decision.outcome !== 'reject') add('payments');
  // The final report's review, once the organisation has sent one.
  if (may('reports.review') && application.report?.submittedAt) add('report');
  return links;
}

/** Reads everything of one case for the page and the API. */
export async function caseView(c: Context<OfficerEnv>, found: { application: Application; round: Call }, now: Date): Promise<CaseView> {
  const { application, round } = found;
  const { tenantId, roles } = principalOf(c);
  const data = c.var.data;
  const [rules, staff, events, organisationApplications, funding] = await Promise.all([
    rulesOfRound(data.roundRules, round),
    data.staff.list(tenantId),
    data.caseEvents.listForApplication(tenantId, application.applicationId),
    data.applications.listOfOrganisationInTenant(tenantId, application.orgnr),
    data.funding.listFor(application.orgnr, application.grantYear),
  ]);
  const earlier = earlierApplications(application, organisationApplications);
  const may = (permission: OfficerPermission) => can(roles, permission);
  return {
    application,
    round,
    findings: screenDraft(round, rules.ruleSet, application, application.submittedAt ?? round.deadline),
    staff,
    assessors: (application.assessorIds ?? []).map((userId) => ({ userId, name: nameOf(userId, staff) })),
    earlier,
    overdue: overdueReports(application, earlier, now),
    doubleFunding: possibleDoubleFunding(application, funding),
    timeline: timelineOf(events, staff, c.var.lang),
    links: caseLinks(application, may),
    may: { assign: may('cases.assign'), screen: may('cases.screen') },
  };
}

/** Ids that sort in the order they were made, so events written in one transaction keep their order on the timeline. */
export const caseEventIds = monotonicFactory();
