import { formatDate } from '../../shared/kernel/deadlines';
import { formatKroner, kroner, type Kroner } from '../../shared/kernel/money';
import type { StoredBudgetPosition } from '../../shared/national/budget-position';
import type { FrameHistoryEntry } from '../../shared/national/ports';
import { available } from '../../shared/rules/budget';
import { textTranslator, type Language } from '../i18n';
import { budgetText, type BudgetTextKey } from '../messages/budget';
import { Alert } from './form-fields';
import { AdminReservationForm, type AdminReservationState } from './admin-reservation-form';

/** What the panel shows: the year's position (absent before the first frame) and its frame versions. */
export interface BudgetPanelData {
  readonly grantYear: number;
  readonly position?: StoredBudgetPosition;
  readonly history: readonly FrameHistoryEntry[];
  /** Present for a user who may set the admin reservation (`municipal-admin`): the form's state. */
  readonly reservation?: AdminReservationState;
}

/**
 * The municipality's budget for the year on its workspace start page: frame, admin reservation and
 * cap, committed, paid, returned, carried over and available, exact to the krone, and the history
 * of the frame's versions. Everything comes from the tenant's own budget partition.
 */
export function BudgetPanel(props: { lang: Language; budget: BudgetPanelData }) {
  const { lang, budget } = props;
  const tr = (key: BudgetTextKey, values?: Record<string, string | number>) => textTranslator(budgetText, lang)(key, values);
  const year = budget.grantYear;
  const position = budget.position;
  const kr = (amount: number) => formatKroner(kroner(amount) as Kroner, lang);
  const rows: [BudgetTextKey, number][] = position
    ? [
        ['budget.frame', position.frame],
        ['budget.carriedOver', position.carriedOver],
        ['budget.adminCap', position.adminCap],
        ['budget.adminReserved', position.adminReserved],
        ['budget.awarded', position.awarded],
        ['budget.paid', position.paid],
        ['budget.returned', position.returned],
        ['budget.returnedToImdi', position.returnedToImdi],
      ]
    : [];
  return (
    <section aria-labelledby="budget-heading" class="stack">
      <h2 id="budget-heading" class="ds-heading" data-size="md">
        {tr('budget.heading', { year })}
      </h2>
      {!position || position.allocationVersion === 0 ? (
        <>
          <p class="ds-paragraph">{tr('budget.none', { year })}</p>
          {budget.reservation?.errors?.amount ? (
            <Alert color="danger">
              <p class="ds-paragraph">{budget.reservation.errors.amount}</p>
            </Alert>
          ) : null}
        </>
      ) : (
        <>
          <table class="ds-table budget-table" data-border data-size="sm">
            <caption>{tr('budget.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('budget.item')}</th>
                <th scope="col" class="amount">{tr('budget.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([key, amount]) => (
                <tr>
                  <th scope="row">{tr(key)}</th>
                  <td class="amount">{kr(amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{tr('budget.available')}</th>
                <td class="amount">{kr(available(position))}</td>
              </tr>
            </tfoot>
          </table>
          <p class="ds-paragraph">{tr('budget.versionNote', { version: position.allocationVersion })}</p>
          {budget.reservation && !position.closed ? <AdminReservationForm lang={lang} position={position} state={budget.reservation} /> : null}
          {budget.reservation?.errors?.amount && position.closed ? (
            <Alert color="danger">
              <p class="ds-paragraph">{budget.reservation.errors.amount}</p>
            </Alert>
          ) : null}
        </>
      )}
      {budget.history.length > 0 ? (
        <table class="ds-table" data-border data-size="sm">
          <caption>{tr('history.caption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('history.version')}</th>
              <th scope="col">{tr('history.date')}</th>
              <th scope="col" class="amount">{tr('history.frame')}</th>
              <th scope="col" class="amount">{tr('history.change')}</th>
            </tr>
          </thead>
          <tbody>
            {[...budget.history].reverse().map((entry) => {
              const change = entry.frame - entry.previousFrame;
              return (
                <tr>
                  <th scope="row">{entry.allocationVersion}</th>
                  <td>{formatDate(entry.publishedAt, lang)}</td>
                  <td class="amount">{kr(entry.frame)}</td>
                  <td class="amount">{`${change > 0 ? '+' : ''}${kr(change)}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
