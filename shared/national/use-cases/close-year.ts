import type { Clock } from '../../kernel/ports.js';
import { grantYearStart } from '../../kernel/deadlines.js';
import { YearNotEndedError } from '../../rules/budget-close.js';
import type { UnspentFundsPolicy } from '../../rules/rule-set.js';
import { managingMunicipalitiesOf } from '../managing-municipalities.js';
import { readYearClose, type YearCloseReadDeps, type YearCloseRepository, type YearCloseSummary } from '../year-close.js';

/** What {@link closeYear} needs. */
export interface CloseYearDeps extends YearCloseReadDeps {
  readonly yearClose: YearCloseRepository;
  readonly clock: Clock;
}

/** How many municipalities are closed at once: a handful of round trips for 40. */
const PARALLEL = 5;

/**
 * IMDi closes a grant year's budget.
 *
 * Primary course: once the year has ended (from 1 January 00:00 of the next year, Oslo time), each managing
 * municipality's position of the year is closed in one transaction of its own: what it leaves
 * unspent (`rules/budget-close.ts`: frame + carried over + returned − reserved − awarded − already
 * returned to IMDi) is carried over to next year's position or returned to IMDi by the year's
 * `unspentFunds` rule, with an audit event naming `actor`. IMDi gets the summary with the totals.
 *
 * Alternatives:
 * - Before the year has ended: `YearNotEndedError`, nothing is written.
 * - A position already closed is left as it is; running the close again completes one that stopped
 *   half-way (one municipality's transaction is all or nothing).
 * - A municipality without a position for the year has nothing to close.
 * - An officer awards at the same moment: the close's guard (the position unchanged since read)
 *   fails, the position is read again and closed with the award counted; an award after the close
 *   is refused with `YearClosedError`. No krone is lost or counted twice.
 */
export async function closeYear(
  deps: CloseYearDeps,
  input: { readonly grantYear: number; readonly policy: UnspentFundsPolicy; readonly actor: string },
): Promise<YearCloseSummary> {
  const { grantYear, policy, actor } = input;
  const now = deps.clock();
  // The year lasts to the end of 31 December in Oslo: the whole last second belongs to it.
  const nextYearStarts = grantYearStart(grantYear + 1);
  if (now.getTime() < Date.parse(nextYearStarts)) throw new YearNotEndedError(grantYear, nextYearStarts);
  const at = now.toISOString();
  const managing = managingMunicipalitiesOf(await deps.tenants.list(), grantYear);
  for (let i = 0; i < managing.length; i += PARALLEL) {
    await Promise.all(
      managing.slice(i, i + PARALLEL).map(({ tenantId }) => deps.yearClose.close({ tenantId, grantYear, policy, actor, at })),
    );
  }
  return readYearClose(deps, grantYear, policy);
}
