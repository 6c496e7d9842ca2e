import type { Application } from '../../shared/applications/application';
import { formatDate, formatDateTime } from '../../shared/kernel/deadlines';
import { formatKroner } from '../../shared/kernel/money';
import type { Call } from '../../shared/rounds/call';
import { mayWriteReport, reportOf } from '../../shared/reports/report';
import { textTranslator } from '../i18n';
import type { PageContext } from '../layout';
import { reportText } from '../messages/report';

/** Where the report stands, in one line, for the status page and the officer's case page. */
export function reportStateLine(application: Application, lang: PageContext['lang']): string | undefined {
  const report = reportOf(application);
  if (!report) return undefined;
  const tr = textTranslator(reportText, lang);
  switch (report.status) {
    case 'due':
      return report.savedAt ? tr('state.draft', { at: formatDateTime(report.savedAt, lang) }) : tr('state.due');
    case 'submitted':
      return tr('state.submitted', { at: formatDateTime(report.submittedAt!, lang) });
    case 'returned_for_changes':
      return tr('state.returned_for_changes', { at: formatDateTime(report.returned!.at, lang) });
    case 'approved':
      return tr('state.approved', { at: formatDateTime(report.approvedAt!, lang) });
  }
}

/**
 * The final report's part of the status page, once the grant is accepted: the deadline (the
 * round's reporting deadline), where the report stands, the municipality's message when it was
 * returned, the way into the form while it may be written, and the receipt once it is sent.
 */
export function ReportPanel(props: { page: PageContext; application: Application; call: Call }) {
  const { page, application, call } = props;
  const { lang } = page;
  const report = reportOf(application);
  if (!report) return null;
  const tr = textTranslator(reportText, lang);
  const content = report.content;
  const writeLabel = report.status === 'returned_for_changes' ? tr('panel.correct') : report.savedAt ? tr('panel.continue') : tr('panel.write');
  return (
    <section aria-labelledby="report-heading" class="stack">
      <h2 id="report-heading" class="ds-heading" data-size="sm">
        {tr('panel.heading')}
      </h2>
      {report.status === 'approved' ? null : <p class="ds-paragraph">{tr('panel.deadline', { deadline: formatDate(call.reportingDeadline, lang) })}</p>}
      <p class="ds-paragraph">
        <span class="ds-tag" data-color={report.status === 'approved' ? 'success' : 'accent'}>
          {reportStateLine(application, lang)}
        </span>
      </p>
      {report.status === 'returned_for_changes' && report.returned ? (
        <div class="ds-alert stack" data-color="warning">
          <h3 class="ds-heading" data-size="xs">
            {tr('returned.heading')}
          </h3>
          <p class="ds-paragraph preserve-lines">{report.returned.message}</p>
        </div>
      ) : null}
      {mayWriteReport(application) ? (
        <p class="ds-paragraph">
          <a class="ds-button" data-variant="primary" href={`/applications/${application.applicationId}/report`}>
            {writeLabel}
          </a>
        </p>
      ) : null}
      {content && report.submittedAt && report.status !== 'returned_for_changes' ? (
        <div class="stack" id="report-receipt">
          <h3 class="ds-heading" data-size="xs">
            {tr('receipt.heading')}
          </h3>
          <dl class="facts">
            <dt>{tr('receipt.sentAt')}</dt>
            <dd>{formatDateTime(report.submittedAt, lang)}</dd>
            <dt>{tr('receipt.spent')}</dt>
            <dd>{formatKroner(content.totalSpent, lang)}</dd>
            <dt>{tr('receipt.unspent')}</dt>
            <dd>{formatKroner(content.unspent, lang)}</dd>
          </dl>
        </div>
      ) : null}
    </section>
  );
}
