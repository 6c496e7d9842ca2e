/**
 * The cross-tenant funding index: one entry per submitted application, under the organisation's
 * orgnr and the grant year, so that a municipality can see that the same organisation applies in
 * another municipality's round or at IMDi the same year (possible double funding), and IMDi can
 * report on it. An entry holds no personal data: the tenant's name, the round, the reference, the
 * status, the amount applied, the sub-goals and whether it is an operating grant.
 */
import type { Kroner } from '../kernel/money';
import type { Orgnr } from '../kernel/orgnr';
import type { TenantId } from '../kernel/tenants';
import type { Call } from '../rounds/call';
import { OPERATING_GRANT_SUB_GOAL, type SubGoalCode } from '../rules/sub-goals';
import type { Application } from './application';
import type { ApplicationStatus } from './lifecycle';

/** One application as the funding index shows it to every municipality. */
export interface FundingEntry {
  readonly orgnr: Orgnr;
  readonly grantYear: number;
  readonly tenantId: TenantId;
  readonly applicationId: string;
  /** The municipality's (or IMDi's) name, as the round names its administrator. */
  readonly tenantName: string;
  readonly roundId: string;
  readonly reference: string;
  readonly status: ApplicationStatus;
  readonly amountApplied: Kroner;
  /** Whole kroner granted, once the application is decided (0 for a rejection). */
  readonly amountAwarded?: Kroner;
  readonly subGoals: readonly SubGoalCode[];
  readonly isOperatingGrant: boolean;
}

/**
 * The index entry of an application in its round. It is written again at each step the other
 * municipalities must see (submission, decision), so the warning shows what was granted, not only applied.
 */
export function fundingEntryOf(application: Application, call: Pick<Call, 'administratorName'>): FundingEntry {
  const subGoals = application.project?.subGoals ?? [];
  return {
    orgnr: application.orgnr,
    grantYear: application.grantYear,
    tenantId: application.tenantId,
    applicationId: application.applicationId,
    tenantName: call.administratorName,
    roundId: application.roundId,
    reference: application.reference,
    status: application.status,
    amountApplied: (application.budget?.amountApplied ?? 0) as Kroner,
    subGoals: [...subGoals],
    isOperatingGrant: subGoals.includes(OPERATING_GRANT_SUB_GOAL),
    ...(application.decision ? { amountAwarded: application.decision.amount } : {}),
  };
}

/** The same organisation's applications elsewhere the same year: what the case page warns about. */
export function possibleDoubleFunding(application: Pick<Application, 'tenantId' | 'grantYear'>, entries: readonly FundingEntry[]): FundingEntry[] {
  return entries.filter((entry) => entry.tenantId !== application.tenantId && entry.grantYear === application.grantYear && entry.status !== 'withdrawn' && entry.status !== 'draft');
}

/** Reads the funding index (the officer may read every tenant's entries of one organisation and year). */
export interface FundingIndex {
  listFor(orgnr: Orgnr, grantYear: number): Promise<FundingEntry[]>;
}
