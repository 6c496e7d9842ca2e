import type { Application } from '../../shared/applications/application';
import { sectionNames, type SectionName } from '../../shared/applications/section-schemas';
import { MAX_RETURN_MESSAGE_LENGTH } from '../../shared/applications/use-cases/return-to-applicant';
import { formatDateTime } from '../../shared/kernel/deadlines';
import type { Call } from '../../shared/rounds/call';
import { Alert, CheckboxGroup, ErrorSummary, TextArea, type FieldErrors } from '../components/form-fields';
import { textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { returnText, type ReturnTextKey } from '../messages/return';

/** The officer's case page of an application. */
export function officerCasePath(applicationId: string): string {
  return `/officer/applications/${applicationId}`;
}

/** The sections an officer may offer for change: the questions only when the call asks any. */
export function returnableSections(call: Pick<Call, 'extraQuestions'>): SectionName[] {
  return sectionNames.filter((section) => section !== 'questions' || call.extraQuestions.length > 0);
}

/** What the form shows: what was typed (or nothing yet), and the errors by field. */
export interface ReturnFormState {
  readonly message: string;
  readonly sections: string[];
  readonly errors: FieldErrors;
  readonly formError?: string;
}

/**
 * Returning an application to the applicant for more information: the message and the sections
 * the applicant may change. An application that cannot be returned now says why instead.
 */
export function OfficerReturnPage(props: { page: PageContext; call: Call; application: Application; form: ReturnFormState; applicationStatus: string }) {
  const { page, call, application, form } = props;
  const { lang } = page;
  const tx = textTranslator(returnText, lang);
  const returnable = application.status === 'submitted' || application.status === 'under_assessment';
  const title = tx('officer.title');
  return (
    <Layout page={page} title={`${title} – ${application.reference}`}>
      <p class="ds-paragraph">
        <a class="ds-link" href={officerCasePath(application.applicationId)}>
          {tx('officer.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {title}
      </h1>
      <dl class="facts">
        <dt>{tx('officer.application')}</dt>
        <dd>{`${application.reference} · ${call.title[lang]}`}</dd>
        <dt>{tx('officer.organisation')}</dt>
        <dd>{application.organisationName}</dd>
        <dt>{tx('officer.status')}</dt>
        <dd>
          <span class="ds-tag" data-color="accent">
            {props.applicationStatus}
          </span>
        </dd>
      </dl>
      {form.formError ? <Alert color="warning">{form.formError}</Alert> : null}
      <ErrorSummary title={tx('officer.errors')} errors={form.errors} />
      {application.status === 'returned' && application.returnRequest ? (
        <Alert color="info">
          <p class="ds-paragraph">{tx('officer.open', { at: formatDateTime(application.returnRequest.requestedAt, lang) })}</p>
        </Alert>
      ) : null}
      {returnable ? (
        <>
          <p class="ds-paragraph">{tx('officer.lead')}</p>
          <form method="post" class="stack" novalidate>
            <input type="hidden" name="version" value={String(application.version)} />
            <TextArea name="message" label={tx('officer.message')} help={tx('officer.message.help')} value={form.message} error={form.errors.message} maxLength={MAX_RETURN_MESSAGE_LENGTH} rows={8} required />
            <CheckboxGroup
              name="sections"
              legend={tx('officer.sections')}
              help={tx('officer.sections.help')}
              options={returnableSections(call).map((section) => ({ value: section, label: tx(`section.${section}` as ReturnTextKey) }))}
              checked={form.sections}
              error={form.errors.sections}
            />
            <div class="button-row">
              <button type="submit" class="ds-button" data-variant="primary">
                {tx('officer.submit')}
              </button>
            </div>
          </form>
        </>
      ) : application.status !== 'returned' ? (
        <Alert color="info">
          <p class="ds-paragraph">{tx('officer.notReturnable', { status: props.applicationStatus })}</p>
        </Alert>
      ) : null}
      {!returnable && form.message ? (
        // Someone else got there first: what the officer wrote is kept here, to use again.
        <section aria-labelledby="unsent-heading" class="stack">
          <h2 id="unsent-heading" class="ds-heading" data-size="sm">
            {tx('officer.unsent')}
          </h2>
          <p class="ds-paragraph preserve-lines">{form.message}</p>
        </section>
      ) : null}
    </Layout>
  );
}
