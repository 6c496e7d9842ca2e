import type { Application } from '../../../shared/applications/application';
import type { Call } from '../../../shared/rounds/call';
import { formatDateTime } from '../../../shared/kernel/deadlines';
import { ReturnRequestPanel, returnEvents } from '../../components/return-request';
import { textTranslator } from '../../i18n';
import { returnText } from '../../messages/return';
import { Alert, Checkbox, ErrorSummary, FormGuards, TextField, type FieldErrors } from '../../components/form-fields';
import { Layout, type PageContext } from '../../layout';
import { DecisionSummary } from '../../components/decision-summary';
import { GrantAnswerPanel } from '../../components/grant-answer';
import { ReportPanel } from '../../components/report-panel';
import { AppealPanel, type AppealFormValues } from '../../components/appeal-panel';
import { appealText } from '../../messages/appeal';
import { acceptanceText } from '../../messages/acceptance';
import { applyText, stepPath } from './application-frame';

/** Status words for applicants: the decision itself is in the decision panel, so decided cases share one word until answered. */
function statusKey(status: Application['status']) {
  switch (status) {
    case 'draft':
    case 'submitted':
    case 'under_assessment':
    case 'withdrawn':
    case 'accepted':
    case 'declined':
    case 'lapsed':
      return `status.${status}` as const;
    default:
      return 'status.decided' as const;
  }
}

/** The receipt shown right after submitting (and again on a double click or a retry). */
export function ReceiptPage(props: { page: PageContext; call: Call; application: Application }) {
  const { page, call, application } = props;
  const tx = applyText(page);
  return (
    <Layout page={page} title={tx('receipt.title')}>
      <Alert color="success" heading={tx('receipt.title')}>
        <dl class="facts">
          <dt>{tx('receipt.reference')}</dt>
          <dd>
            <strong>{application.reference}</strong>
          </dd>
          <dt>{tx('receipt.submittedAt')}</dt>
          <dd>{application.submittedAt ? formatDateTime(application.submittedAt, page.lang) : ''}</dd>
        </dl>
      </Alert>
      <h1 class="ds-heading" data-size="lg">
        {call.title[page.lang]}
      </h1>
      <p class="ds-paragraph">{tx('receipt.email', { email: application.email })}</p>
      <p class="ds-paragraph">{tx('receipt.next')}</p>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/applications/${application.applicationId}`}>
          {tx('status.link')}
        </a>
      </p>
    </Layout>
  );
}

/**
 * Where the case is, what has happened, and what the applicant can do now. Later steps (accept a
 * grant, report, appeal) add their own sections here as the officer workspace produces them.
 */
export function StatusPage(props: {
  page: PageContext;
  call: Call;
  application: Application;
  csrf: string;
  notice?: string;
  errors: FieldErrors;
  /** The time the page is shown at: whether the grant may still be answered, whether an appeal is late. */
  now: Date;
  /** What was typed into the appeal form, when it is shown again with its complaints. */
  appealValues?: AppealFormValues;
}) {
  const { page, call, application } = props;
  const tx = applyText(page);
  const { lang } = page;
  const events = [
    { at: application.createdAt, text: tx('status.event.created') },
    ...(application.submittedAt ? [{ at: application.submittedAt, text: tx('status.event.submitted') }] : []),
    ...returnEvents(application, lang),
    ...(application.withdrawnAt ? [{ at: application.withdrawnAt, text: tx('status.event.withdrawn') }] : []),
    ...(application.acceptance ? [{ at: application.acceptance.at, text: textTranslator(acceptanceText, lang)(`event.${application.acceptance.outcome}`) }] : []),
    ...[...(application.earlierAppeals ?? []), ...(application.appeal ? [application.appeal] : [])].map((appeal) => ({ at: appeal.lodgedAt, text: textTranslator(appealText, lang)('event.lodged') })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Layout page={page} title={tx('status.title')}>
      <p class="ds-paragraph" data-size="sm">
        {`${call.title[lang]} · ${application.organisationName}`}
      </p>
      <h1 class="ds-heading" data-size="lg">
        {tx('status.title')}
      </h1>
      {props.notice ? <Alert color="success">{props.notice}</Alert> : null}
      <ErrorSummary title={tx('form.errors.title')} errors={props.errors} />
      <dl class="facts">
        <dt>{tx('status.current')}</dt>
        <dd>
          <span class="ds-tag" data-color={application.status === 'withdrawn' ? 'neutral' : 'accent'}>
            {application.status === 'returned' ? textTranslator(returnText, lang)('status.returned') : tx(statusKey(application.status))}
          </span>
        </dd>
        <dt>{tx('receipt.reference')}</dt>
        <dd>{application.reference}</dd>
      </dl>
      <ReturnRequestPanel page={page} application={application} />
      <DecisionSummary page={page} application={application} />
      <GrantAnswerPanel page={page} application={application} call={call} csrf={props.csrf} errors={props.errors} now={props.now} />
      <ReportPanel page={page} application={application} call={call} />
      <AppealPanel page={page} application={application} csrf={props.csrf} errors={props.errors} now={props.now} {...(props.appealValues ? { values: props.appealValues } : {})} />
      <section aria-labelledby="timeline-heading" class="stack">
        <h2 id="timeline-heading" class="ds-heading" data-size="sm">
          {tx('status.timeline')}
        </h2>
        <ol class="ds-list timeline">
          {events.map((event) => (
            <li>
              <time datetime={event.at}>{formatDateTime(event.at, lang)}</time>
              {`: ${event.text}`}
            </li>
          ))}
        </ol>
      </section>
      {application.status === 'draft' ? (
        <p class="ds-paragraph">
          <a class="ds-button" data-variant="primary" href={stepPath(application.applicationId, 'contact')}>
            {tx('status.continue')}
          </a>
        </p>
      ) : null}
      {application.status === 'submitted' || application.status === 'returned' ? (
        <section aria-labelledby="withdraw-heading" class="stack">
          <h2 id="withdraw-heading" class="ds-heading" data-size="sm">
            {tx('status.withdraw')}
          </h2>
          <p class="ds-paragraph">{tx('status.withdraw.help')}</p>
          <form method="post" action={`/applications/${application.applicationId}/withdraw`} class="stack" novalidate>
            <FormGuards csrf={props.csrf} version={application.version} />
            <Checkbox name="confirm" value="yes" label={tx('status.withdraw.confirm')} error={props.errors.confirm} />
            <button type="submit" class="ds-button" data-variant="secondary" data-color="danger">
              {tx('status.withdraw')}
            </button>
          </form>
        </section>
      ) : null}
      {application.status !== 'withdrawn' ? (
        <form method="post" action={`/applications/${application.applicationId}/send-link`}>
          <FormGuards csrf={props.csrf} />
          <button type="submit" class="ds-button" data-variant="tertiary">
            {tx('status.sendLink')}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

/**
 * The page an emailed link opens. Opening the application needs a press of the button (a POST),
 * because mail scanners fetch links and would otherwise use up the single-use link.
 */
export function OpenLinkPage(props: { page: PageContext; token: string }) {
  const tx = applyText(props.page);
  return (
    <Layout page={props.page} title={tx('link.title')}>
      <h1 class="ds-heading" data-size="lg">
        {tx('link.title')}
      </h1>
      <p class="ds-paragraph">{tx('link.lead')}</p>
      <form method="post" action={`/link/${props.token}`}>
        <button type="submit" class="ds-button" data-variant="primary">
          {tx('link.open')}
        </button>
      </form>
    </Layout>
  );
}

/** An explanation and a way out, when a link or a session cannot be used. */
export function AccessProblemPage(props: { page: PageContext; kind: 'link' | 'session'; sessionHours: number }) {
  const tx = applyText(props.page);
  const title = props.kind === 'link' ? tx('link.invalid.title') : tx('session.expired.title');
  return (
    <Layout page={props.page} title={title}>
      <h1 class="ds-heading" data-size="lg">
        {title}
      </h1>
      <p class="ds-paragraph">{props.kind === 'link' ? tx('link.invalid.text') : tx('session.expired.text', { hours: props.sessionHours })}</p>
      <p class="ds-paragraph">
        <a class="ds-button" data-variant="primary" href="/resume">
          {tx('resume.title')}
        </a>
      </p>
    </Layout>
  );
}

/** Asking for a new link by organisation number and email; the answer never says whether either exists. */
export function ResumePage(props: { page: PageContext; values: { orgnr?: string; email?: string }; errors: FieldErrors; sent: boolean; formError?: string }) {
  const { page, values, errors } = props;
  const tx = applyText(page);
  return (
    <Layout page={page} title={tx('resume.title')}>
      <h1 class="ds-heading" data-size="lg">
        {tx('resume.title')}
      </h1>
      {props.sent ? <Alert color="success">{tx('resume.sent')}</Alert> : null}
      {props.formError ? <Alert color="warning">{props.formError}</Alert> : null}
      <ErrorSummary title={tx('form.errors.title')} errors={errors} />
      <p class="ds-paragraph">{tx('resume.lead')}</p>
      <form method="post" class="stack" novalidate>
        <TextField name="orgnr" label={tx('field.orgnr')} help={tx('field.orgnr.help')} value={values.orgnr} error={errors.orgnr} inputmode="numeric" maxLength={20} size="sm" required />
        <TextField name="email" type="email" label={tx('field.email')} value={values.email} error={errors.email} autocomplete="email" maxLength={254} required />
        <button type="submit" class="ds-button" data-variant="primary">
          {tx('resume.submit')}
        </button>
      </form>
    </Layout>
  );
}
