import type { Application } from '../../shared/applications/application';
import { formatDateTime } from '../../shared/kernel/deadlines';
import { formatKroner, kroner } from '../../shared/kernel/money';
import { MAX_CONDITIONS_NOTE_LENGTH, type InstalmentState } from '../../shared/payments/payment';
import type { Instalment } from '../../shared/payments/payment-plan';
import { Alert, ErrorSummary, TextArea, type FieldErrors } from '../components/form-fields';
import { textTranslator, type Language } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { paymentText, type PaymentTextKey } from '../messages/payments';
import { officerCasePath } from './officer-return-page';

/** What the payment form shows again after a refusal: what was typed, and why. */
export interface PaymentFormState {
  readonly conditionsNote: string;
  readonly errors: FieldErrors;
  readonly formError?: string;
}

/** One row of the plan: the instalment, where it stands, and who recorded it (by name). */
export interface PlanRow {
  readonly instalment: Instalment;
  readonly state: InstalmentState;
  readonly recordedByName?: string;
}

function stateText(row: PlanRow, lang: Language): string {
  const tx = textTranslator(paymentText, lang);
  const { state } = row;
  switch (state.kind) {
    case 'paid': {
      if (!state.payment) return tx('state.paidShort');
      const recorded = tx('state.paid', { at: formatDateTime(state.payment.recordedAt, lang), by: row.recordedByName ?? state.payment.recordedBy });
      return state.payment.exportedAt ? `${recorded}, ${tx('state.exported', { at: formatDateTime(state.payment.exportedAt, lang) })}` : recorded;
    }
    case 'ready': return tx('state.ready');
    case 'held': return tx(`state.held.${state.waitsFor}`);
    case 'void': return tx('state.void');
  }
}

/**
 * A case's payments: the decision's plan with each instalment's state, and the form for the next
 * instalment that is ready (one at a time, in the plan's order, so the page has one form).
 */
export function OfficerCasePaymentsPage(props: {
  page: PageContext;
  application: Application;
  roundTitle: string;
  plan: readonly PlanRow[];
  mayPay: boolean;
  form: PaymentFormState;
  notice?: string;
}) {
  const { page, application, plan, form } = props;
  const { lang } = page;
  const tx = textTranslator(paymentText, lang);
  const title = tx('case.title');
  const next = props.mayPay ? plan.find((row) => row.state.kind === 'ready') : undefined;
  const decision = application.decision;
  return (
    <Layout page={page} title={`${title} – ${application.reference}`}>
      <p class="ds-paragraph">
        <a class="ds-link" href={officerCasePath(application.applicationId)}>
          {tx('case.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {title}
      </h1>
      <dl class="facts">
        <dt>{tx('case.application')}</dt>
        <dd>{`${application.reference} · ${props.roundTitle}`}</dd>
        <dt>{tx('case.organisation')}</dt>
        <dd>{`${application.organisationName} (${application.orgnr})`}</dd>
        <dt>{tx('case.awarded')}</dt>
        <dd>{formatKroner(decision?.amount ?? kroner(0), lang)}</dd>
        <dt>{tx('case.paid')}</dt>
        <dd>{formatKroner(application.payout?.amountPaid ?? kroner(0), lang)}</dd>
        <dt>{tx('case.account')}</dt>
        <dd>{application.contact?.accountNumber ?? tx('case.noAccount')}</dd>
      </dl>
      {props.notice ? <Alert color="success">{props.notice}</Alert> : null}
      {form.formError ? <Alert color="warning">{form.formError}</Alert> : null}
      <ErrorSummary title={tx('form.errors')} errors={form.errors} />
      {plan.length === 0 ? (
        <Alert color="info">{tx('case.noGrant')}</Alert>
      ) : (
        <>
          <p class="ds-paragraph">{tx('case.lead')}</p>
          <table class="ds-table" data-size="sm" data-border>
            <caption>{tx('plan.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{tx('plan.col.instalment')}</th>
                <th scope="col" class="numeric">{tx('plan.col.amount')}</th>
                <th scope="col">{tx('plan.col.condition')}</th>
                <th scope="col">{tx('plan.col.state')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.map((row) => (
                <tr>
                  <th scope="row">{tx('plan.instalment', { number: row.instalment.number, count: plan.length })}</th>
                  <td class="numeric">{formatKroner(row.instalment.amount, lang)}</td>
                  <td>{tx(`condition.${row.instalment.condition}` as PaymentTextKey)}</td>
                  <td>{stateText(row, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {next ? (
        <form method="post" class="stack" novalidate aria-labelledby="payment-form-heading">
          <h2 id="payment-form-heading" class="ds-heading" data-size="sm">
            {tx('form.heading', { number: next.instalment.number })}
          </h2>
          <input type="hidden" name="version" value={String(application.version)} />
          <input type="hidden" name="instalment" value={String(next.instalment.number)} />
          {next.state.kind === 'ready' && next.state.needsConfirmation ? (
            <TextArea
              name="conditionsNote"
              label={tx('form.conditionsNote')}
              help={tx('form.conditionsNote.help')}
              value={form.conditionsNote}
              error={form.errors.conditionsNote}
              maxLength={MAX_CONDITIONS_NOTE_LENGTH}
              rows={4}
              required
            />
          ) : null}
          <div class="button-row">
            <button type="submit" class="ds-button" data-variant="primary">
              {tx('form.submit', { amount: formatKroner(next.instalment.amount, lang) })}
            </button>
          </div>
        </form>
      ) : null}
    </Layout>
  );
}
