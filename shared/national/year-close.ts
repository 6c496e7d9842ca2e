/**
 * A grant year's close as IMDi sees it: per managing municipality, what its position leaves
 * unspent and where that goes by the year's `unspentFunds` rule (`rules/budget-close.ts`), or where
 * it went once closed; and the totals carried over and returned to IMDi.
 */
import { kroner, type Kroner } from '../kernel/money.js';
import type { TenantId } from '../kernel/tenants.js';
import { closeOutcomeOf, unspent, type CloseOutcome } from '../rules/budget-close.js';
import type { UnspentFundsPolicy } from '../rules/rule-set.js';
import type { StoredBudgetPosition } from './budget-position.js';
import { managingMunicipalitiesOf } from './managing-municipalities.js';
import type { BudgetRepository, TenantRepository } from './ports.js';

/** What one municipality's close does or did. */
export interface MunicipalityClose {
  readonly tenantId: TenantId;
  readonly name: string;
  /** `none`: the municipality has no position for the year, so there is nothing to close. */
  readonly status: 'open' | 'closed' | 'none';
  readonly outcome: CloseOutcome;
  /** Unspent now (open), or what was moved when it was closed (closed). */
  readonly amount: Kroner;
  readonly closedAt?: string;
  readonly closedBy?: string;
}

/** Sums of the amounts, by where they go. */
export interface CloseTotals {
  readonly carriedOver: Kroner;
  readonly returnedToImdi: Kroner;
}

/** The year's close: each municipality, and the totals still to close and already closed. */
export interface YearCloseSummary {
  readonly grantYear: number;
  readonly policy: UnspentFundsPolicy;
  readonly municipalities: readonly MunicipalityClose[];
  readonly pending: CloseTotals;
  readonly closed: CloseTotals;
  /** Every position of the year is closed. */
  readonly complete: boolean;
}

/** One municipality's line, from its position as stored. */
export function municipalityClose(
  tenant: { readonly tenantId: TenantId; readonly name: string },
  position: StoredBudgetPosition | undefined,
  policy: UnspentFundsPolicy,
): MunicipalityClose {
  if (!position) return { ...tenant, status: 'none', outcome: closeOutcomeOf(policy), amount: kroner(0) };
  if (position.closed) {
    const { at, by, outcome, amount } = position.closed;
    return { ...tenant, status: 'closed', outcome, amount, closedAt: at, closedBy: by };
  }
  return { ...tenant, status: 'open', outcome: closeOutcomeOf(policy), amount: unspent(position) };
}

function totalsOf(lines: readonly MunicipalityClose[]): CloseTotals {
  const sum = (outcome: CloseOutcome) => kroner(lines.filter((line) => line.outcome === outcome).reduce((total, line) => total + line.amount, 0));
  return { carriedOver: sum('carried_over'), returnedToImdi: sum('returned_to_imdi') };
}

/** The summary of the lines. */
export function summarise(grantYear: number, policy: UnspentFundsPolicy, lines: readonly MunicipalityClose[]): YearCloseSummary {
  return {
    grantYear,
    policy,
    municipalities: lines,
    pending: totalsOf(lines.filter((line) => line.status === 'open')),
    closed: totalsOf(lines.filter((line) => line.status === 'closed')),
    complete: lines.every((line) => line.status !== 'open'),
  };
}

/** What reading a year's close needs. */
export interface YearCloseReadDeps {
  readonly tenants: Pick<TenantRepository, 'list'>;
  readonly budget: Pick<BudgetRepository, 'get'>;
}

/** The year's close as stored now: one read per managing municipality's position, by name. */
export async function readYearClose(deps: YearCloseReadDeps, grantYear: number, policy: UnspentFundsPolicy): Promise<YearCloseSummary> {
  const managing = managingMunicipalitiesOf(await deps.tenants.list(), grantYear).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const lines = await Promise.all(
    managing.map(async ({ tenantId, name }) => municipalityClose({ tenantId, name }, await deps.budget.get(tenantId, grantYear), policy)),
  );
  return summarise(grantYear, policy, lines);
}

/** One municipality's close, as the store carries it out. */
export interface YearCloseOrder {
  readonly tenantId: TenantId;
  readonly grantYear: number;
  readonly policy: UnspentFundsPolicy;
  /** Who closes (the token's subject) and when. */
  readonly actor: string;
  readonly at: string;
}

/**
 * Closes positions. `close` is one transaction: the year's position closed under a guard (still
 * open, unchanged since read), next year's position credited under `carry_over` (created if
 * absent), and the audit events. A position already closed is left alone (`already_closed`), so a
 * close that stopped half-way is completed by running it again; `none` when there is no position.
 */
export interface YearCloseRepository {
  close(order: YearCloseOrder): Promise<'closed' | 'already_closed' | 'none'>;
}
