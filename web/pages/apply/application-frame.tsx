import type { Child } from 'hono/jsx';
import type { Application, SectionName } from '../../../shared/applications/application';
import type { Call } from '../../../shared/rounds/call';
import { textTranslator } from '../../i18n';
import { Layout, type PageContext } from '../../layout';
import { applicationText } from '../../messages/application-form';
import { Alert } from '../../components/form-fields';
import { RoundNotices } from '../../components/round-notices';

/** The translator for the application journey's texts. */
export function applyText(page: PageContext) {
  return textTranslator(applicationText, page.lang);
}

/** A step of the form and where it lives. */
export type Step = SectionName | 'review';

const steps: Step[] = ['contact', 'project', 'budget', 'attachments', 'questions', 'review'];

/** The address of a step of an application. */
export function stepPath(applicationId: string, step: Step): string {
  return `/applications/${applicationId}/${step}`;
}

/** The step after this one. */
export function nextStep(step: Step): Step {
  return steps[Math.min(steps.indexOf(step) + 1, steps.length - 1)]!;
}

/** What is known about the organisation, and whether the registry check could be made. */
function OrganisationBox(props: { page: PageContext; application: Application }) {
  const tx = applyText(props.page);
  const { application } = props;
  const check = application.registryCheck;
  return (
    <div class="organisation-box">
      <p class="ds-paragraph">
        <strong>{application.organisationName}</strong>
        {` · ${application.orgnr.replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3')}`}
        {check.status === 'verified' ? <span class="ds-paragraph" data-size="sm">{` · ${tx('organisation.verified')}`}</span> : null}
      </p>
      {check.status === 'not_verified' ? <Alert color="warning">{tx('organisation.notVerified')}</Alert> : null}
      {check.status === 'not_in_register' ? <Alert color="danger">{tx('organisation.notInRegister')}</Alert> : null}
    </div>
  );
}

/** The frame of every step: the call, the organisation, the list of steps and the step's content. */
export function ApplicationFrame(props: {
  page: PageContext;
  call: Call;
  application: Application;
  step: Step;
  title: string;
  children: Child;
}) {
  const { page, call, application, step } = props;
  const tx = applyText(page);
  return (
    <Layout page={page} title={`${props.title} – ${call.title[page.lang]}`}>
      <p class="ds-paragraph" data-size="sm">
        {call.title[page.lang]}
      </p>
      <OrganisationBox page={page} application={application} />
      <RoundNotices lang={page.lang} call={call} />
      <nav aria-label={tx('steps.label')} class="step-nav">
        <ol class="step-list">
          {steps.map((each, index) => (
            <li>
              {each === step ? (
                <span aria-current="step" class="step-current">
                  {`${index + 1}. ${tx(`step.${each}`)}`} <span class="ds-sr-only">{tx('step.current')}</span>
                </span>
              ) : (
                <a class="ds-link" href={stepPath(application.applicationId, each)}>
                  {`${index + 1}. ${tx(`step.${each}`)}`}
                </a>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <h1 class="ds-heading" data-size="lg">
        {props.title}
      </h1>
      {props.children}
    </Layout>
  );
}

/** The two buttons under every section: save and continue (primary), or save the draft and stay. */
export function SectionButtons(props: { page: PageContext }) {
  const tx = applyText(props.page);
  return (
    <div class="button-row">
      <button type="submit" name="intent" value="continue" class="ds-button" data-variant="primary">
        {tx('form.saveContinue')}
      </button>
      <button type="submit" name="intent" value="save" class="ds-button" data-variant="secondary">
        {tx('form.saveDraft')}
      </button>
    </div>
  );
}
