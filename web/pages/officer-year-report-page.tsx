import { formatDateTime } from '../../shared/kernel/deadlines';
import type { MeasureLine, YearReportFigures } from '../../shared/year-reports/figures';
import { assessmentTopics, MAX_ASSESSMENT_LENGTH, type StoredYearReport, type YearReportAssessments } from '../../shared/year-reports/year-report';
import { Alert, Checkbox, ErrorSummary, TextArea, type FieldErrors } from '../components/form-fields';
import { YearReportAssessmentsView, YearReportTables } from '../components/year-report-tables';
import { textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { yearReportText } from '../messages/year-reports';

/** The officer's page of the year report for one grant year. */
export function officerYearReportPath(grantYear: number): string {
  return `/officer/year-reports/${grantYear}`;
}

/** The assessment form as shown: what is stored, or what was just typed. */
export interface YearReportFormState {
  readonly version: number;
  readonly assessments: YearReportAssessments;
  readonly confirmed?: boolean;
  readonly errors?: FieldErrors;
  readonly formError?: string;
}

/**
 * The municipality's year report to IMDi: the figures (computed live for a draft, frozen once
 * submitted), the measures, and the assessments, which the admin writes, saves and sends with a
 * confirmation; a reader without `year_report.manage` sees the texts as saved.
 */
export function OfficerYearReportPage(props: {
  page: PageContext;
  grantYear: number;
  report: StoredYearReport | undefined;
  figures: YearReportFigures;
  measures: readonly MeasureLine[];
  mayWrite: boolean;
  form: YearReportFormState;
  notice?: string;
}) {
  const { page, grantYear, report, form } = props;
  const { lang } = page;
  const tr = textTranslator(yearReportText, lang);
  const errors = form.errors ?? {};
  const submitted = report?.status === 'submitted';
  const title = tr('title', { year: grantYear });
  return (
    <Layout page={page} title={title}>
      <p class="ds-paragraph">
        <a class="ds-link" href="/officer">
          {tr('back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {title}
      </h1>
      <p class="ds-paragraph">
        <strong>{submitted ? tr('status.submitted', { at: formatDateTime(report.submittedAt!, lang) }) : report ? tr('status.draft') : tr('status.none')}</strong>
      </p>
      <p class="ds-paragraph" data-variant="long">
        {submitted ? tr('lead.submitted', { at: formatDateTime(report.submittedAt!, lang) }) : tr('lead.draft')}
      </p>
      {props.notice ? <Alert color="success">{props.notice}</Alert> : null}
      {form.formError ? (
        <Alert color="danger">
          <p class="ds-paragraph">{form.formError}</p>
        </Alert>
      ) : null}
      <ErrorSummary title={tr('form.errors')} errors={errors} />
      <YearReportTables lang={lang} figures={props.figures} measures={props.measures} />
      <section aria-labelledby="assessments-heading" class="stack">
        <h2 id="assessments-heading" class="ds-heading" data-size="md">
          {tr('assessments.heading')}
        </h2>
        {submitted || !props.mayWrite ? (
          <>
            {!submitted ? <p class="ds-paragraph">{tr('form.readOnly')}</p> : null}
            <YearReportAssessmentsView lang={lang} assessments={form.assessments} />
          </>
        ) : (
          <form method="post" action={officerYearReportPath(grantYear)} class="stack" novalidate>
            <input type="hidden" name="version" value={String(form.version)} />
            {assessmentTopics.map((topic) => (
              <TextArea
                name={`assessments.${topic}`}
                label={tr(`assessments.${topic}`)}
                help={tr(`assessments.${topic}.help`)}
                value={form.assessments[topic]}
                error={errors[`assessments.${topic}`]}
                maxLength={MAX_ASSESSMENT_LENGTH}
                rows={6}
              />
            ))}
            <div>
              <button type="submit" name="action" value="save" class="ds-button" data-variant="secondary">
                {tr('form.save')}
              </button>
            </div>
            <Checkbox name="confirm" value="yes" label={tr('form.confirm')} checked={form.confirmed} error={errors.confirm} />
            <div>
              <button type="submit" name="action" value="submit" class="ds-button" data-variant="primary">
                {tr('form.submit')}
              </button>
            </div>
          </form>
        )}
      </section>
    </Layout>
  );
}
