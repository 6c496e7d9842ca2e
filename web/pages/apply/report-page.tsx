import type { Application } from '../../../shared/applications/application';
import { formatDate } from '../../../shared/kernel/deadlines';
import { formatKroner, kroner } from '../../../shared/kernel/money';
import type { Call } from '../../../shared/rounds/call';
import { needsAuditorConfirmation } from '../../../shared/reports/report';
import { reportFrameOf, reportTextLimits } from '../../../shared/reports/report-form';
import { subGoalNames2024 } from '../../../shared/rules/sub-goals';
import { Alert, ErrorSummary, FormGuards, TextArea, TextField, fieldId, type FieldErrors } from '../../components/form-fields';
import { textTranslator } from '../../i18n';
import { Layout, type PageContext } from '../../layout';
import { reportText } from '../../messages/report';
import { applyText } from './application-frame';

/** What the report page is drawn with. */
export interface ReportPageProps {
  page: PageContext;
  call: Call;
  application: Application;
  /** The year's audit threshold (the round's rule set). */
  auditThreshold: number;
  csrf: string;
  /** What was typed: the posted form, else the saved draft, else the report as last submitted. */
  values: Record<string, string>;
  errors: FieldErrors;
  formError?: string;
  notice?: string;
}

/**
 * The final report form, mirroring the application: what was done and its results, participants
 * by the application's sub-goals, spending on each of the application's budget rows, the total
 * and the unspent grant; and, at or above the audit threshold, the auditor's confirmation as a
 * file. It works without JavaScript; "save" keeps a draft, "send" checks everything.
 */
export function ReportPage(props: ReportPageProps) {
  const { page, call, application, values, errors } = props;
  const { lang } = page;
  const tr = textTranslator(reportText, lang);
  const frame = reportFrameOf(application);
  const base = `/applications/${application.applicationId}/report`;
  const confirmation = application.report?.auditorConfirmation;
  const needsAuditor = needsAuditorConfirmation(frame.awarded, props.auditThreshold);
  const count = (name: string, label: string) => <TextField name={name} label={label} value={values[name]} error={errors[name]} inputmode="numeric" size="sm" />;
  const allErrors = props.formError ? { form: props.formError, ...errors } : errors;
  return (
    <Layout page={page} title={tr('form.title')}>
      <p class="ds-paragraph" data-size="sm">
        {`${call.title[lang]} · ${application.organisationName} · ${application.reference}`}
      </p>
      <h1 class="ds-heading" data-size="lg">
        {tr('form.title')}
      </h1>
      {props.notice ? <Alert color="success">{props.notice}</Alert> : null}
      <ErrorSummary title={applyText(page)('form.errors.title')} errors={allErrors} />
      {props.formError ? (
        <p class="ds-validation-message" data-color="danger" id={fieldId('form')}>
          {props.formError}
        </p>
      ) : null}
      <p class="ds-paragraph">{tr('form.lead', { amount: formatKroner(frame.awarded, lang) })}</p>
      <p class="ds-paragraph">{tr('panel.deadline', { deadline: formatDate(call.reportingDeadline, lang) })}</p>
      {needsAuditor ? (
        <section aria-labelledby="auditor-heading" class="stack">
          <h2 id="auditor-heading" class="ds-heading" data-size="sm">
            {tr('auditor.heading')}
          </h2>
          <p class="ds-paragraph" id="auditor-help">
            {tr('auditor.help', { threshold: formatKroner(kroner(props.auditThreshold), lang) })}
          </p>
          {confirmation ? <p class="ds-paragraph">{tr('auditor.attached', { filename: confirmation.filename })}</p> : null}
          <form method="post" action={`${base}/auditor-confirmation`} enctype="multipart/form-data" class="upload-form" novalidate>
            <FormGuards csrf={props.csrf} version={application.version} />
            <div class="ds-field">
              <label class="ds-label" for={fieldId('auditorConfirmation')}>
                {tr('auditor.file')}
              </label>
              <input
                class="ds-input"
                type="file"
                id={fieldId('auditorConfirmation')}
                name="file"
                accept=".pdf,.odt,.docx,.png,.jpg,.jpeg,application/pdf,application/vnd.oasis.opendocument.text,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/png,image/jpeg"
                aria-describedby={errors.auditorConfirmation ? `auditor-help ${fieldId('auditorConfirmation')}-error` : 'auditor-help'}
                aria-invalid={errors.auditorConfirmation ? 'true' : undefined}
              />
              {errors.auditorConfirmation ? (
                <div class="ds-validation-message" data-color="danger" id={`${fieldId('auditorConfirmation')}-error`}>
                  {errors.auditorConfirmation}
                </div>
              ) : null}
            </div>
            <p class="ds-paragraph">
              <button type="submit" class="ds-button" data-variant="secondary">
                {tr('auditor.upload')}
              </button>
            </p>
          </form>
        </section>
      ) : null}
      <form method="post" action={`${base}/submit`} class="stack" novalidate>
        <FormGuards csrf={props.csrf} version={application.version} />
        <h2 class="ds-heading" data-size="sm">
          {tr('form.activities')}
        </h2>
        <TextArea name="whatWasDone" label={tr('field.whatWasDone')} value={values.whatWasDone} error={errors.whatWasDone} maxLength={reportTextLimits.whatWasDone} />
        <TextArea name="results" label={tr('field.results')} value={values.results} error={errors.results} maxLength={reportTextLimits.results} />
        <fieldset class="ds-fieldset stack">
          <legend class="ds-heading" data-size="sm">
            {tr('form.participants')}
          </legend>
          {frame.subGoals.map((code) => count(`participants.${code}`, tr('field.participants', { code, name: subGoalNames2024[code][lang] })))}
          {count('firstTimeParticipants', tr('field.firstTimeParticipants'))}
          {count('volunteerHours', tr('field.volunteerHours'))}
        </fieldset>
        <fieldset class="ds-fieldset stack" aria-describedby="spending-help">
          <legend class="ds-heading" data-size="sm">
            {tr('form.spending')}
          </legend>
          <p class="ds-paragraph" id="spending-help">
            {tr('form.spending.help')}
          </p>
          {frame.costs.map((line, index) => (
            <TextField name={`spent.${index}`} label={tr('field.spent', { label: line.label, budgeted: formatKroner(line.amount, lang) })} value={values[`spent.${index}`]} error={errors[`spent.${index}`]} inputmode="numeric" size="md" />
          ))}
          <TextField name="totalSpent" label={tr('field.totalSpent')} value={values.totalSpent} error={errors.totalSpent} inputmode="numeric" size="md" />
          <TextField name="unspent" label={tr('field.unspent')} help={tr('field.unspent.help', { amount: formatKroner(frame.awarded, lang) })} value={values.unspent} error={errors.unspent} inputmode="numeric" size="md" />
        </fieldset>
        <p class="ds-paragraph button-row">
          <button type="submit" class="ds-button" data-variant="secondary" formaction={`${base}/draft`}>
            {tr('save')}
          </button>{' '}
          <button type="submit" class="ds-button" data-variant="primary">
            {tr('submit')}
          </button>
        </p>
      </form>
    </Layout>
  );
}
