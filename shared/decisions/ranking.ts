/**
 * The ranking of one round: its applications in order of their assessment score, with a running
 * total of the amounts recommended against what is available of the year's budget, so the
 * caseworker sees where the money runs out before anything is decided. Pure: the round's
 * applications (one `byList` query), the budget's available figure and, when asked for, the
 * organisations that applied in earlier years come in; rows, totals and filters go out.
 *
 * Order (deterministic, the same for the page, the API and every test):
 * 1. score, highest first; an application without a score comes after every scored one;
 * 2. equal scores: the smaller amount applied first (more applications can be funded);
 * 3. then the reference, in code-point order (references are unique in a round).
 *
 * The running total adds, in rank order over the whole round (withdrawn applications left out),
 * the amount of every recommendation to grant or to grant a lower amount. A filter narrows the
 * rows shown, not the rank or the running total, so "where the money runs out" means the same
 * whatever is shown.
 */
import { z } from 'zod';
import type { Application } from '../applications/application';
import { applicationStatuses, type ApplicationStatus } from '../applications/lifecycle';
import { add, subtract, sum, ZERO, type Kroner } from '../kernel/money';
import type { Orgnr } from '../kernel/orgnr';
import { subGoalCodeSchema, type SubGoalCode } from '../rules/sub-goals';
import { decisionOutcomes, type DecisionOutcome } from './decision';

/** How the screening findings of an application can be filtered. */
export const findingsFilters = ['none', 'warnings', 'blocking'] as const;

/** The recommendation states a ranking can be filtered by: none yet, or one of the outcomes. */
export const recommendationFilters = ['none', 'any', ...decisionOutcomes] as const;

/** What the ranking can be narrowed by; every field optional, all given must hold. */
export const rankingFilterSchema = z.object({
  subGoal: subGoalCodeSchema.optional(),
  /** `withdrawn` shows the withdrawn applications, which are otherwise left out. */
  status: z.enum(applicationStatuses).exclude(['draft']).optional(),
  findings: z.enum(findingsFilters).optional(),
  /** Only organisations with no application to the municipality in an earlier grant year. */
  firstTime: z.boolean().optional(),
  recommendation: z.enum(recommendationFilters).optional(),
});

/** One of the ranking's filters. */
export type RankingFilter = z.infer<typeof rankingFilterSchema>;

/** Whether the filter needs the organisations of earlier years (the only filter that reads more than the round). */
export function needsEarlierOrganisations(filter: RankingFilter): boolean {
  return filter.firstTime !== undefined;
}

/** The screening findings of an application, counted by severity. */
export interface FindingCounts {
  readonly blocking: number;
  readonly warning: number;
}

/** One row of the ranking. */
export interface RankedApplication {
  /** 1 for the highest score; withdrawn applications have none. */
  readonly rank?: number;
  readonly application: Application;
  readonly amountApplied: Kroner;
  readonly findings: FindingCounts;
  /** Known only when the earlier years' organisations were read. */
  readonly firstTime?: boolean;
  /** The recommended amount that counts towards the total: granted or granted lower; 0 otherwise. */
  readonly recommendedAmount: Kroner;
  /** The sum of `recommendedAmount` of this row and every row ranked above it. */
  readonly runningTotal: Kroner;
  /** The running total is above what is available. */
  readonly overBudget: boolean;
  /** This is the first row whose running total passes what is available (the line is drawn here). */
  readonly crossesBudget: boolean;
}

/** The ranking as shown: the rows that pass the filter and the figures of the whole round. */
export interface Ranking {
  readonly rows: RankedApplication[];
  /** What is available of the round's grant year; absent when the year has no budget yet. */
  readonly available?: Kroner;
  /** Sum of every recommendation to grant (fully or lower) in the round. */
  readonly recommendedTotal: Kroner;
  /** What is left of the available budget after the recommendations (negative when overspent). */
  readonly remaining?: number;
  /** Sums of the rows shown. */
  readonly shown: { readonly count: number; readonly amountApplied: Kroner; readonly recommended: Kroner };
  /** Applications in the round (withdrawn left out), whatever the filter. */
  readonly total: number;
}

/** The amount an application asks for; 0 when its budget section is missing. */
export function amountAppliedOf(application: Application): Kroner {
  return application.budget?.amountApplied ?? ZERO;
}

/** The screening findings of the registry check, counted. */
export function findingCountsOf(application: Application): FindingCounts {
  const check = application.registryCheck;
  const findings = check.status === 'verified' ? check.findings : [];
  return {
    blocking: findings.filter((finding) => finding.severity === 'blocking').length,
    warning: findings.filter((finding) => finding.severity === 'warning').length,
  };
}

/** The sub-goals the application names. */
export function subGoalsOf(application: Application): readonly SubGoalCode[] {
  return application.project?.subGoals ?? [];
}

/** What a recommendation adds to the running total. */
export function countedAmount(application: Application): Kroner {
  const recommendation = application.recommendation;
  if (!recommendation || recommendation.outcome === 'reject') return ZERO;
  return recommendation.amount;
}

/** Compares two applications in rank order (see the module comment). */
export function compareForRanking(a: Application, b: Application): number {
  const scoreA = a.assessmentSummary?.score;
  const scoreB = b.assessmentSummary?.score;
  if (scoreA !== undefined && scoreB === undefined) return -1;
  if (scoreA === undefined && scoreB !== undefined) return 1;
  if (scoreA !== undefined && scoreB !== undefined && scoreA !== scoreB) return scoreB - scoreA;
  const amountA = amountAppliedOf(a);
  const amountB = amountAppliedOf(b);
  if (amountA !== amountB) return amountA - amountB;
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
}

function matches(row: RankedApplication, filter: RankingFilter): boolean {
  const { application } = row;
  if (filter.status !== undefined ? application.status !== filter.status : application.status === 'withdrawn') return false;
  if (filter.subGoal !== undefined && !subGoalsOf(application).includes(filter.subGoal)) return false;
  if (filter.findings === 'none' && (row.findings.blocking > 0 || row.findings.warning > 0)) return false;
  if (filter.findings === 'warnings' && (row.findings.warning === 0 || row.findings.blocking > 0)) return false;
  if (filter.findings === 'blocking' && row.findings.blocking === 0) return false;
  if (filter.firstTime !== undefined && row.firstTime !== filter.firstTime) return false;
  const outcome: DecisionOutcome | undefined = application.recommendation?.outcome;
  if (filter.recommendation === 'none' && outcome !== undefined) return false;
  if (filter.recommendation === 'any' && outcome === undefined) return false;
  if (filter.recommendation !== undefined && filter.recommendation !== 'none' && filter.recommendation !== 'any' && outcome !== filter.recommendation) return false;
  return true;
}

/**
 * Ranks the round's applications (drafts are never given; they are left out if they are), adds
 * the running total against `available`, and keeps the rows `filter` asks for. `earlierOrganisations`
 * are the organisations with an application to the municipality in an earlier grant year; without
 * it nothing is known about first-timers, and the first-time filter keeps nothing.
 */
export function rankApplications(
  applications: readonly Application[],
  options: { readonly available?: Kroner; readonly filter?: RankingFilter; readonly earlierOrganisations?: ReadonlySet<Orgnr> } = {},
): Ranking {
  const { available, filter = {}, earlierOrganisations } = options;
  const received = applications.filter((application) => application.status !== 'draft');
  const ranked = received.filter((application) => application.status !== 'withdrawn').sort(compareForRanking);
  const withdrawn = received.filter((application) => application.status === 'withdrawn').sort(compareForRanking);

  const rows: RankedApplication[] = [];
  let runningTotal = ZERO;
  let crossed = false;
  ranked.forEach((application, index) => {
    const recommendedAmount = countedAmount(application);
    runningTotal = add(runningTotal, recommendedAmount);
    const overBudget = available !== undefined && runningTotal > available;
    const crossesBudget = overBudget && !crossed;
    if (overBudget) crossed = true;
    rows.push(rowOf(application, { rank: index + 1, recommendedAmount, runningTotal, overBudget, crossesBudget }, earlierOrganisations));
  });
  for (const application of withdrawn) {
    rows.push(rowOf(application, { recommendedAmount: ZERO, runningTotal, overBudget: false, crossesBudget: false }, earlierOrganisations));
  }

  const shown = rows.filter((row) => matches(row, filter));
  return {
    rows: shown,
    ...(available !== undefined ? { available, remaining: available - runningTotal } : {}),
    recommendedTotal: runningTotal,
    shown: {
      count: shown.length,
      amountApplied: sum(shown.map((row) => row.amountApplied)),
      recommended: sum(shown.map((row) => row.recommendedAmount)),
    },
    total: ranked.length,
  };
}

function rowOf(
  application: Application,
  figures: Pick<RankedApplication, 'rank' | 'recommendedAmount' | 'runningTotal' | 'overBudget' | 'crossesBudget'>,
  earlierOrganisations: ReadonlySet<Orgnr> | undefined,
): RankedApplication {
  return {
    ...figures,
    application,
    amountApplied: amountAppliedOf(application),
    findings: findingCountsOf(application),
    ...(earlierOrganisations ? { firstTime: !earlierOrganisations.has(application.orgnr) } : {}),
  };
}

/** What is left after `total` is taken from `available`, never below zero (for "room left" texts). */
export function roomLeft(available: Kroner, total: Kroner): Kroner {
  return total >= available ? ZERO : subtract(available, total);
}

/** The statuses the ranking's status filter offers (drafts are never in it). */
export const rankingStatuses = applicationStatuses.filter((status): status is Exclude<ApplicationStatus, 'draft'> => status !== 'draft');

