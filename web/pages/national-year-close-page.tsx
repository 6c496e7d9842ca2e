import { formatKroner, type Kroner } from '../../shared/kernel/money';
import { formatDateTime } from '../../shared/kernel/deadlines';
import type { MunicipalityClose, YearCloseSummary } from '../../shared/national/year-close';
import { DataTable } from '../components/data-table';
import { Alert } from '../components/form-fields';
import { textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { nationalBudgetText } from '../messages/national-budget';

/**
 * IMDi's year close: each managing municipality's unspent money and where it goes by the year's
 * rule, the totals still to close and closed, and the button that closes the year (a POST from
 * this page only; the app checks the origin). After the close the same page shows it closed.
 */
export function NationalYearClosePage(props: {
  page: PageContext;
  summary: YearCloseSummary;
  /** The year has ended, so it may be closed. */
  closable: boolean;
  formError?: string;
}) {
  const { page, summary, closable, formError } = props;
  const tx = textTranslator(nationalBudgetText, page.lang);
  const year = summary.grantYear;
  const kr = (amount: Kroner) => formatKroner(amount, page.lang);
  const outcomeText = (line: MunicipalityClose) => tx(`close.outcome.${line.outcome}`, { next: year + 1 });
  const statusText = (line: MunicipalityClose) =>
    line.status === 'closed' ? tx('close.status.closed', { at: formatDateTime(line.closedAt!, page.lang) }) : tx(`close.status.${line.status}`);
  const totals = [
    { label: tx('close.totals.carriedOver'), pending: summary.pending.carriedOver, closed: summary.closed.carriedOver },
    { label: tx('close.totals.returnedToImdi'), pending: summary.pending.returnedToImdi, closed: summary.closed.returnedToImdi },
  ];
  return (
    <Layout page={page} title={tx('close.title', { year })}>
      <h1 class="ds-heading" data-size="xl">
        {tx('close.title', { year })}
      </h1>
      <p class="ds-paragraph">{tx('close.lead', { year, rule: tx(`close.rule.${summary.policy}`) })}</p>
      {formError ? (
        <Alert color="danger" heading={tx('close.error')}>
          <p class="ds-paragraph">{formError}</p>
        </Alert>
      ) : null}
      <DataTable
        caption={tx('close.caption')}
        rows={summary.municipalities}
        columns={[
          { header: tx('close.municipality'), cell: (line) => line.name },
          { header: tx('close.amount'), cell: (line) => <span class="amount">{kr(line.amount)}</span> },
          { header: tx('close.outcome'), cell: (line) => (line.status === 'none' ? '' : outcomeText(line)) },
          { header: tx('close.status'), cell: statusText },
        ]}
      />
      <DataTable
        caption={tx('close.totals.caption')}
        rows={totals}
        columns={[
          { header: tx('close.totals.kind'), cell: (row) => row.label },
          { header: tx('close.totals.pending'), cell: (row) => <span class="amount">{kr(row.pending)}</span> },
          { header: tx('close.totals.closed'), cell: (row) => <span class="amount">{kr(row.closed)}</span> },
        ]}
      />
      {summary.complete ? (
        <Alert color="success">
          <p class="ds-paragraph">{tx('close.complete')}</p>
        </Alert>
      ) : closable ? (
        <form method="post" action={`/national/years/${year}/close`} class="stack">
          <p class="ds-paragraph" id="close-help">
            {tx('close.submit.help')}
          </p>
          <button type="submit" class="ds-button" data-variant="primary" aria-describedby="close-help">
            {tx('close.submit', { year })}
          </button>
        </form>
      ) : (
        <Alert color="info">
          <p class="ds-paragraph">{tx('close.notEnded', { next: year + 1 })}</p>
        </Alert>
      )}
    </Layout>
  );
}
