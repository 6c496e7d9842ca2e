import { formatKroner, kroner, type Kroner } from '../../shared/kernel/money';
import type { StoredBudgetPosition } from '../../shared/national/budget-position';
import { available } from '../../shared/rules/budget';
import { textTranslator, type Language } from '../i18n';
import { budgetText } from '../messages/budget';
import { Alert, ErrorSummary, TextField, type FieldErrors } from './form-fields';

/** Where the municipality's admin posts the year's admin reservation. */
export const adminReservationPath = (year: number) => `/officer/budget/${year}/admin-reservation`;

/** The form's state: what was typed and what was wrong with it, or that it was just saved. */
export interface AdminReservationState {
  readonly values?: Record<string, string>;
  readonly errors?: FieldErrors;
  readonly formError?: string;
  /** The reservation was saved a moment ago (after the 303). */
  readonly saved?: boolean;
}

/** The most the municipality may reserve for administration: under the cap and what is left of the frame. */
export function reservationCeiling(position: StoredBudgetPosition): Kroner {
  return kroner(Math.max(0, Math.min(position.adminCap, position.adminReserved + available(position))));
}

/**
 * The municipality's admin sets how much of the year's frame it keeps for its own administration:
 * one whole-kroner field, with the cap and what is available said beside it, so the limits are
 * known before the form is sent. Errors are summarised above the field and repeated by it.
 */
export function AdminReservationForm(props: { lang: Language; position: StoredBudgetPosition; state?: AdminReservationState }) {
  const { lang, position } = props;
  const tr = textTranslator(budgetText, lang);
  const kr = (amount: number) => formatKroner(kroner(amount) as Kroner, lang);
  const year = position.grantYear;
  const errors = props.state?.errors ?? {};
  const typed = props.state?.values?.amount;
  const fieldErrors = errors.amount || !props.state?.formError ? errors : { ...errors, amount: props.state.formError };
  return (
    <section aria-labelledby="reservation-heading" class="stack">
      <h3 id="reservation-heading" class="ds-heading" data-size="sm">
        {tr('reservation.heading')}
      </h3>
      {props.state?.saved ? (
        <Alert color="success">
          <p class="ds-paragraph">{tr('reservation.saved', { year, amount: kr(position.adminReserved) })}</p>
        </Alert>
      ) : null}
      <ErrorSummary title={tr('reservation.errors')} errors={fieldErrors} />
      <p class="ds-paragraph" id="reservation-limits">
        {tr('reservation.lead', { year, cap: kr(position.adminCap), reserved: kr(position.adminReserved), available: kr(available(position)), max: kr(reservationCeiling(position)) })}
      </p>
      <form method="post" action={adminReservationPath(year)} class="stack" novalidate>
        <TextField
          name="amount"
          label={tr('reservation.amount')}
          help={tr('reservation.amount.help')}
          value={typed ?? String(position.adminReserved)}
          error={fieldErrors.amount}
          inputmode="numeric"
          size="md"
          required
        />
        <div>
          <button type="submit" class="ds-button" data-variant="primary">
            {tr('reservation.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
