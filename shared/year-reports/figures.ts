/**
 * The figures of a municipality's year report to IMDi, computed from the data and never typed:
 * the budget position of the grant year and the applications of every round of that year. The
 * same function gives the live figures of a draft and the figures frozen into a submitted report,
 * so what IMDi reads is exactly what the municipality reviewed.
 */
import type { Application } from '../applications/application';
import type { Orgnr } from '../kernel/orgnr';
import { kroner, sum, type Kroner } from '../kernel/money';
import type { StoredBudgetPosition } from '../national/budget-position';
import { approvedReportCounters } from '../reports/report';
import { subGoalCodes, type SubGoalCode } from '../rules/sub-goals';

/** A grant's count and kroner under one sub-goal. */
export interface SubGoalFigures {
  readonly subGoal: SubGoalCode;
  readonly grants: number;
  readonly awarded: Kroner;
}

/**
 * Where the organisations' final reports stand, and the results of the approved ones summed: whom
 * the measures reached and what of the grants was used. Only approved reports count, as in the
 * round's results (`approvedReportCounters`).
 */
export interface ReportFigures {
  readonly approved: number;
  readonly outstanding: number;
  readonly participantsReached: number;
  readonly firstTimeParticipants: number;
  readonly volunteerHours: number;
  readonly amountSpent: Kroner;
  readonly amountUnspent: Kroner;
}

/** Everything the report states in numbers; kroner are whole and exact. */
export interface YearReportFigures {
  readonly grantYear: number;
  readonly frame: Kroner;
  readonly carriedOver: Kroner;
  readonly adminCap: Kroner;
  /** The admin reservation: what the municipality used of the frame for administration. */
  readonly adminCostUsed: Kroner;
  readonly adminWithinCap: boolean;
  readonly applicationsReceived: number;
  readonly decisions: number;
  /** Decisions granting money (in full or in part), whatever the organisation answered. */
  readonly grants: number;
  readonly awarded: Kroner;
  readonly organisationsGranted: number;
  /** Organisations granted this year with no received application in an earlier year's round. */
  readonly firstTimeOrganisationsGranted: number;
  /** A grant naming two sub-goals counts (with its whole amount) under both. */
  readonly bySubGoal: readonly SubGoalFigures[];
  readonly plannedParticipants: number;
  readonly plannedVolunteerHours: number;
  readonly paid: Kroner;
  readonly returned: Kroner;
  readonly carriedForward: Kroner;
  readonly returnedToImdi: Kroner;
  readonly grantsAccepted: number;
  readonly grantsDeclined: number;
  readonly grantsLapsed: number;
  readonly reports: ReportFigures;
}

/** One granted measure as the report lists it: no personal data, only the organisation's public name and number. */
export interface MeasureLine {
  readonly reference: string;
  readonly orgnr: Orgnr;
  readonly organisationName: string;
  readonly title: string;
  readonly subGoals: readonly SubGoalCode[];
  readonly awarded: Kroner;
  readonly status: Application['status'];
}

/** What the figures are computed from. */
export interface YearReportSource {
  readonly grantYear: number;
  /** The position of the year; an empty one (all zero) before the first frame. */
  readonly position: StoredBudgetPosition;
  /** The received applications of every round of the grant year. */
  readonly applications: readonly Application[];
  /** Organisations with a received application in a round of an earlier grant year. */
  readonly earlierOrganisations: ReadonlySet<Orgnr>;
}

/** Where a grant's final report stands, by the application's status; undefined before it is due (not accepted). */
export function reportStateOf(status: Application['status']): 'approved' | 'outstanding' | undefined {
  if (status === 'approved' || status === 'closed') return 'approved';
  if (status === 'accepted' || status === 'paid' || status === 'reported') return 'outstanding';
  return undefined;
}

/** Whether the application was decided as a grant (in full or in part). */
export function isGrant(application: Application): boolean {
  return application.decision !== undefined && application.decision.outcome !== 'reject';
}

/** The figures of the report and its list of measures, by reference. */
export function yearReportFigures(source: YearReportSource): { figures: YearReportFigures; measures: MeasureLine[] } {
  const { position, applications } = source;
  const grants = applications.filter(isGrant);
  const awardedOf = (application: Application) => application.decision!.amount;
  const subGoalsOf = (application: Application): readonly SubGoalCode[] => application.project?.subGoals ?? [];
  const organisations = new Set(grants.map((grant) => grant.orgnr));
  const answered = (outcome: 'accepted' | 'declined' | 'lapsed') => grants.filter((grant) => grant.acceptance?.outcome === outcome).length;
  const reportsIn = (state: 'approved' | 'outstanding') => grants.filter((grant) => reportStateOf(grant.status) === state).length;
  const results = grants
    .filter((grant) => grant.report?.status === 'approved' && grant.report.content)
    .map((grant) => approvedReportCounters(grant.report!.content!, awardedOf(grant)));
  const total = (name: 'participantsReached' | 'firstTimeParticipants' | 'volunteerHours' | 'amountSpent' | 'amountUnspent') =>
    results.reduce((sum, each) => sum + (each[name] ?? 0), 0);

  const figures: YearReportFigures = {
    grantYear: source.grantYear,
    frame: position.frame,
    carriedOver: position.carriedOver,
    adminCap: position.adminCap,
    adminCostUsed: position.adminReserved,
    adminWithinCap: position.adminReserved <= position.adminCap,
    applicationsReceived: applications.length,
    decisions: applications.filter((application) => application.decision !== undefined).length,
    grants: grants.length,
    awarded: sum(grants.map(awardedOf)),
    organisationsGranted: organisations.size,
    firstTimeOrganisationsGranted: [...organisations].filter((orgnr) => !source.earlierOrganisations.has(orgnr)).length,
    bySubGoal: subGoalCodes.map((subGoal) => {
      const naming = grants.filter((grant) => subGoalsOf(grant).includes(subGoal));
      return { subGoal, grants: naming.length, awarded: sum(naming.map(awardedOf)) };
    }),
    plannedParticipants: grants.reduce((total, grant) => total + (grant.project?.expectedParticipants ?? 0), 0),
    plannedVolunteerHours: grants.reduce((total, grant) => total + (grant.project?.volunteerHours ?? 0), 0),
    paid: position.paid,
    returned: position.returned,
    carriedForward: position.carriedForward,
    returnedToImdi: position.returnedToImdi,
    grantsAccepted: answered('accepted'),
    grantsDeclined: answered('declined'),
    grantsLapsed: answered('lapsed'),
    reports: {
      approved: reportsIn('approved'),
      outstanding: reportsIn('outstanding'),
      participantsReached: total('participantsReached'),
      firstTimeParticipants: total('firstTimeParticipants'),
      volunteerHours: total('volunteerHours'),
      amountSpent: kroner(total('amountSpent')),
      amountUnspent: kroner(total('amountUnspent')),
    },
  };
  const measures = grants
    .map((grant) => ({
      reference: grant.reference,
      orgnr: grant.orgnr,
      organisationName: grant.organisationName,
      title: grant.project?.title ?? '',
      subGoals: [...subGoalsOf(grant)],
      awarded: kroner(awardedOf(grant)),
      status: grant.status,
    }))
    .sort((a, b) => a.reference.localeCompare(b.reference));
  return { figures, measures };
}
