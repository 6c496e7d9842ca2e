import { formatKroner, kroner, type Kroner } from '../../shared/kernel/money';
import type { TenantId } from '../../shared/kernel/tenants';
import type { StoredBudgetPosition } from '../../shared/national/budget-position';
import { available } from '../../shared/rules/budget';
import { textTranslator, type Language } from '../i18n';
import { budgetText, type BudgetTextKey } from '../messages/budget';

/** A managing municipality and its position for the year; null before its first frame. */
export interface MunicipalityPosition {
  readonly tenantId: TenantId;
  readonly name: string;
  readonly position: StoredBudgetPosition | null;
}

const columns: [BudgetTextKey, (p: StoredBudgetPosition) => number][] = [
  ['positions.frame', (p) => p.frame],
  ['positions.adminCap', (p) => p.adminCap],
  ['positions.adminReserved', (p) => p.adminReserved],
  ['budget.awarded', (p) => p.awarded],
  ['budget.paid', (p) => p.paid],
  ['budget.returned', (p) => p.returned],
  ['budget.available', (p) => available(p)],
];

/**
 * IMDi's view of every managing municipality's budget for the year: frame, admin cap and
 * reservation, awarded, paid, returned and available, exact to the krone, with the totals.
 */
export function BudgetPositionsTable(props: { lang: Language; year: number; positions: readonly MunicipalityPosition[] }) {
  const { lang, year, positions } = props;
  const tr = textTranslator(budgetText, lang);
  const kr = (amount: number) => formatKroner(kroner(amount) as Kroner, lang);
  const withFrame = positions.map((row) => row.position).filter((p): p is StoredBudgetPosition => p !== null && p.allocationVersion > 0);
  return (
    <section aria-labelledby="positions-heading" class="stack">
      <h2 id="positions-heading" class="ds-heading" data-size="md">
        {tr('positions.heading')}
      </h2>
      {positions.length === 0 ? (
        <p class="ds-paragraph">{tr('positions.none', { year })}</p>
      ) : (
          <table class="ds-table budget-positions-table" data-border data-size="sm">
            <caption>{tr('positions.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('positions.municipality')}</th>
                {columns.map(([key]) => (
                  <th scope="col" class="amount">
                    {tr(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {positions.map(({ name, position }) => (
                <tr>
                  <th scope="row">{name}</th>
                  {position && position.allocationVersion > 0 ? (
                    columns.map(([, value]) => <td class="amount">{kr(value(position))}</td>)
                  ) : (
                    <td colspan={columns.length}>{tr('positions.noFrame')}</td>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{tr('positions.total')}</th>
                {columns.map(([, value]) => (
                  <td class="amount">{kr(withFrame.reduce((sum, p) => sum + value(p), 0))}</td>
                ))}
              </tr>
            </tfoot>
          </table>
      )}
    </section>
  );
}
