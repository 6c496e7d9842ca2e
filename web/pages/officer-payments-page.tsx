import { formatDateTime } from '../../shared/kernel/deadlines';
import { formatKroner, kroner } from '../../shared/kernel/money';
import type { Payment } from '../../shared/payments/payment';
import type { PaymentExportSummary } from '../../shared/payments/payment-file';
import { Alert } from '../components/form-fields';
import { textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { paymentText } from '../messages/payments';
import { officerCasePath } from './officer-return-page';

/** The municipality's payment files page. */
export const officerPaymentsPath = '/officer/payments';

/** Where a payment file is fetched again, byte for byte. */
export function paymentFilePath(exportId: string): string {
  return `${officerPaymentsPath}/exports/${exportId}`;
}

/**
 * The payment file page: the recorded payments waiting for a file, the button that makes one, and
 * the earlier files to fetch again.
 */
export function OfficerPaymentsPage(props: {
  page: PageContext;
  waiting: readonly Payment[];
  exports: readonly PaymentExportSummary[];
  mayExport: boolean;
  notice?: string;
  formError?: string;
}) {
  const { page, waiting, exports } = props;
  const { lang } = page;
  const tx = textTranslator(paymentText, lang);
  const total = kroner(waiting.reduce((sum, p) => sum + p.amount, 0));
  return (
    <Layout page={page} title={tx('file.title')}>
      <p class="ds-paragraph">
        <a class="ds-link" href="/officer">
          {tx('file.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {tx('file.title')}
      </h1>
      <p class="ds-paragraph" data-variant="long">
        {tx('file.lead')}
      </p>
      {props.notice ? <Alert color="success">{props.notice}</Alert> : null}
      {props.formError ? <Alert color="warning">{props.formError}</Alert> : null}
      <section aria-labelledby="waiting-heading" class="stack">
        <h2 id="waiting-heading" class="ds-heading" data-size="md">
          {tx('file.waiting')}
        </h2>
        {waiting.length === 0 ? (
          <p class="ds-paragraph">{tx('file.noneWaiting')}</p>
        ) : (
          <>
            <table class="ds-table" data-size="sm" data-border>
              <caption>{tx('file.waitingCaption', { count: waiting.length, total: formatKroner(total, lang) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{tx('file.col.reference')}</th>
                  <th scope="col">{tx('file.col.organisation')}</th>
                  <th scope="col" class="numeric">{tx('file.col.amount')}</th>
                  <th scope="col">{tx('file.col.recorded')}</th>
                </tr>
              </thead>
              <tbody>
                {waiting.map((payment) => (
                  <tr>
                    <th scope="row">
                      <a class="ds-link" href={`${officerCasePath(payment.applicationId)}/payments`}>
                        {payment.reference}
                      </a>
                    </th>
                    <td>{payment.organisationName}</td>
                    <td class="numeric">{formatKroner(payment.amount, lang)}</td>
                    <td>{formatDateTime(payment.recordedAt, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {props.mayExport ? (
              <form method="post" action={`${officerPaymentsPath}/exports`}>
                <button type="submit" class="ds-button" data-variant="primary">
                  {tx('file.export')}
                </button>
              </form>
            ) : null}
          </>
        )}
      </section>
      <section aria-labelledby="history-heading" class="stack">
        <h2 id="history-heading" class="ds-heading" data-size="md">
          {tx('file.history')}
        </h2>
        {exports.length === 0 ? (
          <p class="ds-paragraph">{tx('file.noHistory')}</p>
        ) : (
          <table class="ds-table" data-size="sm" data-border>
            <caption>{tx('file.historyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{tx('file.col.created')}</th>
                <th scope="col" class="numeric">{tx('file.col.count')}</th>
                <th scope="col" class="numeric">{tx('file.col.total')}</th>
                <th scope="col">{tx('file.col.file')}</th>
              </tr>
            </thead>
            <tbody>
              {exports.map((file) => {
                const at = formatDateTime(file.createdAt, lang);
                return (
                  <tr>
                    <th scope="row">{at}</th>
                    <td class="numeric">{String(file.count)}</td>
                    <td class="numeric">{formatKroner(kroner(file.total), lang)}</td>
                    <td>
                      <a class="ds-link" href={paymentFilePath(file.exportId)} download>
                        {tx('file.download', { at })}
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}
