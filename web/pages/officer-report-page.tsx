import type { Application } from '../../shared/applications/application';
import { formatDateTime } from '../../shared/kernel/deadlines';
import { formatKroner } from '../../shared/kernel/money';
import type { Call } from '../../shared/rounds/call';
import { amountAwardedOf, reportOf } from '../../shared/reports/report';
import { MAX_REPORT_RETURN_MESSAGE } from '../../shared/reports/use-cases/review-report';
import { subGoalNames2024 } from '../../shared/rules/sub-goals';
import { reportStateLine } from '../components/report-panel';
import { Alert, ErrorSummary, TextArea, type FieldErrors } from '../components/form-fields';
import { textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { reportText } from '../messages/report';
import { returnText } from '../messages/return';
import { officerCasePath } from './officer-return-page';

/** What the review form shows: the message as typed, errors by field, and a notice or complaint about the whole. */
export interface ReportReviewForm {
  readonly message: string;
  readonly errors: FieldErrors;
  readonly formError?: string;
  readonly notice?: string;
}

/**
 * The officer's review of a final report: the report beside the grant and the application's budget
 * (spending per row, total, unspent), the participants by sub-goal, the auditor's confirmation
 * (a download link), and, while it waits for review and the officer may review, one form that
 * approves it or returns it with a message.
 */
export function OfficerReportPage(props: {
  page: PageContext;
  call: Call;
  application: Application;
  mayReview: boolean;
  auditorHref?: string;
  form: ReportReviewForm;
}) {
  const { page, call, application, form } = props;
  const { lang } = page;
  const tr = textTranslator(reportText, lang);
  const back = textTranslator(returnText, lang);
  const report = reportOf(application);
  const content = report?.content;
  const base = `${officerCasePath(application.applicationId)}/report`;
  const title = `${tr('officer.title')} – ${application.reference}`;
  return (
    <Layout page={page} title={title}>
      <p class="ds-paragraph">
        <a class="ds-link" href={officerCasePath(application.applicationId)}>
          {back('officer.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {title}
      </h1>
      {form.notice ? <Alert color="success">{form.notice}</Alert> : null}
      <ErrorSummary title={back('officer.errors')} errors={form.formError ? { message: form.formError, ...form.errors } : form.errors} />
      <dl class="facts">
        <dt>{back('officer.application')}</dt>
        <dd>{`${application.reference} · ${call.title[lang]}`}</dd>
        <dt>{back('officer.organisation')}</dt>
        <dd>{application.organisationName}</dd>
        <dt>{back('officer.status')}</dt>
        <dd>
          <span class="ds-tag" data-color="accent">
            {reportStateLine(application, lang) ?? tr('officer.none')}
          </span>
        </dd>
      </dl>
      {!content ? (
        <p class="ds-paragraph">{tr('officer.none')}</p>
      ) : (
        <>
          <h2 class="ds-heading" data-size="sm">
            {tr('form.activities')}
          </h2>
          <h3 class="ds-heading" data-size="xs">
            {tr('field.whatWasDone')}
          </h3>
          <p class="ds-paragraph preserve-lines">{content.whatWasDone}</p>
          <h3 class="ds-heading" data-size="xs">
            {tr('field.results')}
          </h3>
          <p class="ds-paragraph preserve-lines">{content.results}</p>
          <h2 class="ds-heading" data-size="sm">
            {tr('form.participants')}
          </h2>
          <dl class="facts">
            {content.participants.map(({ subGoal, participants }) => (
              <>
                <dt>{tr('field.participants', { code: subGoal, name: subGoalNames2024[subGoal][lang] })}</dt>
                <dd>{String(participants)}</dd>
              </>
            ))}
            <dt>{tr('field.firstTimeParticipants')}</dt>
            <dd>{String(content.firstTimeParticipants)}</dd>
            <dt>{tr('field.volunteerHours')}</dt>
            <dd>{String(content.volunteerHours)}</dd>
          </dl>
          <table class="ds-table" data-border>
            <caption>{tr('form.spending')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('officer.row')}</th>
                <th scope="col" class="number">{tr('officer.budgeted')}</th>
                <th scope="col" class="number">{tr('receipt.spent')}</th>
              </tr>
            </thead>
            <tbody>
              {content.spending.map((line) => (
                <tr>
                  <th scope="row">{line.label}</th>
                  <td class="number">{formatKroner(line.budgeted, lang)}</td>
                  <td class="number">{formatKroner(line.spent, lang)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{tr('field.totalSpent')}</th>
                <td />
                <td class="number">{formatKroner(content.totalSpent, lang)}</td>
              </tr>
            </tfoot>
          </table>
          <dl class="facts">
            <dt>{tr('field.unspent')}</dt>
            <dd>{`${formatKroner(content.unspent, lang)} (${formatKroner(amountAwardedOf(application), lang)})`}</dd>
            <dt>{tr('officer.auditor')}</dt>
            <dd>
              {props.auditorHref && report?.auditorConfirmation ? (
                <a class="ds-link" href={props.auditorHref}>
                  {report.auditorConfirmation.filename}
                </a>
              ) : (
                tr('officer.auditor.none')
              )}
            </dd>
            <dt>{tr('receipt.sentAt')}</dt>
            <dd>{report?.submittedAt ? formatDateTime(report.submittedAt, lang) : '–'}</dd>
          </dl>
        </>
      )}
      {props.mayReview && report?.status === 'submitted' ? (
        <form method="post" action={`${base}/approve`} class="stack" novalidate>
          <input type="hidden" name="version" value={String(application.version)} />
          <p class="ds-paragraph">
            <button type="submit" class="ds-button" data-variant="primary">
              {tr('officer.approve')}
            </button>
          </p>
          <TextArea name="message" label={tr('officer.message')} value={form.message} error={form.errors.message} maxLength={MAX_REPORT_RETURN_MESSAGE} rows={4} />
          <p class="ds-paragraph">
            <button type="submit" class="ds-button" data-variant="secondary" formaction={`${base}/return`}>
              {tr('officer.return')}
            </button>
          </p>
        </form>
      ) : null}
    </Layout>
  );
}
