import type { EligibilityFinding } from '../../../shared/rules/eligibility';
import type { Call } from '../../../shared/rounds/call';
import { Alert, Checkbox, ErrorSummary, TextField, type FieldErrors } from '../../components/form-fields';
import { Layout, type PageContext } from '../../layout';
import { applyText } from './application-frame';

/** The first page: organisation number and email; the registry check answers at once. */
export function StartApplicationPage(props: {
  page: PageContext;
  call: Call;
  values: { orgnr?: string; email?: string; prefill?: boolean };
  errors: FieldErrors;
  findings?: EligibilityFinding[];
  /** About the form as a whole (too many attempts). */
  formError?: string;
}) {
  const { page, call, values, errors } = props;
  const tx = applyText(page);
  const blocking = (props.findings ?? []).filter((finding) => finding.severity === 'blocking');
  return (
    <Layout page={page} title={`${tx('start.title')} – ${call.title[page.lang]}`}>
      <p class="ds-paragraph" data-size="sm">
        {call.administratorName}
      </p>
      <h1 class="ds-heading" data-size="lg">
        {tx('start.title')}
      </h1>
      <p class="ds-paragraph">{call.title[page.lang]}</p>
      {props.formError ? <Alert color="warning">{props.formError}</Alert> : null}
      <ErrorSummary title={tx('form.errors.title')} errors={errors} />
      {blocking.length > 0 ? (
        <Alert color="danger" heading={tx('start.notEligible')}>
          <ul class="ds-list">
            {blocking.map((finding) => (
              <li>
                {finding.messages[page.lang]}
                <span class="ds-paragraph" data-size="sm">{` (${tx('start.rule')}: ${finding.legalBasis})`}</span>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <p class="ds-paragraph">{tx('start.lead')}</p>
      <form method="post" class="stack" novalidate>
        <TextField
          name="orgnr"
          label={tx('field.orgnr')}
          help={tx('field.orgnr.help')}
          value={values.orgnr}
          error={errors.orgnr}
          inputmode="numeric"
          autocomplete="off"
          maxLength={20}
          size="sm"
          required
        />
        <TextField
          name="email"
          type="email"
          label={tx('field.email')}
          help={tx('field.email.help')}
          value={values.email}
          error={errors.email}
          autocomplete="email"
          maxLength={254}
          required
        />
        <Checkbox name="prefill" value="yes" label={tx('start.prefill')} checked={values.prefill} />
        <button type="submit" class="ds-button" data-variant="primary">
          {tx('start.submit')}
        </button>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href="/resume">
          {tx('start.resume')}
        </a>
      </p>
    </Layout>
  );
}
