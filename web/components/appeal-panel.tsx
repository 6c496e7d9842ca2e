import type { Appeal } from '../../shared/appeals/appeal';
import { MAX_APPEAL_REASONS_LENGTH, MAX_LATENESS_REASON_LENGTH } from '../../shared/appeals/appeal';
import { appealOptionOf } from '../../shared/appeals/lodging';
import type { Application } from '../../shared/applications/application';
import { formatDate, formatDateTime } from '../../shared/kernel/deadlines';
import { textTranslator } from '../i18n';
import type { PageContext } from '../layout';
import { appealText } from '../messages/appeal';
import { Alert, FormGuards, TextArea, fieldId, type FieldErrors } from './form-fields';

/** What the organisation typed into the appeal form, kept when the form is shown again. */
export interface AppealFormValues {
  readonly reasons?: string;
  readonly latenessReason?: string;
}

/** The steps taken on an appeal, each with when and why, for the status and officer pages. */
export function AppealSteps(props: { lang: PageContext['lang']; appeal: Appeal }) {
  const tr = textTranslator(appealText, props.lang);
  if (props.appeal.steps.length === 0) return null;
  return (
    <ol class="ds-list">
      {props.appeal.steps.map((step) => (
        <li>
          <strong>{tr(`step.${step.action}`, { forwardedOn: step.forwardedOn ? formatDate(`${step.forwardedOn}T12:00:00.000Z`, props.lang) : '' })}</strong>
          {` · ${formatDateTime(step.at, props.lang)}`}
          <p class="ds-paragraph preserve-lines">{step.reasons}</p>
        </li>
      ))}
    </ol>
  );
}

/**
 * The status page's part of an appeal: while the decision may be appealed, the form (with the
 * deadline; after it, why the appeal is late and a field for the reason); once lodged, the appeal,
 * its state and the steps taken. Nothing before there is a decision.
 */
export function AppealPanel(props: { page: PageContext; application: Application; csrf: string; errors: FieldErrors; values?: AppealFormValues; now: Date }) {
  const { page, application, errors } = props;
  const { lang } = page;
  const tr = textTranslator(appealText, lang);
  const option = appealOptionOf(application, props.now);
  // A reversed appeal leaves the case without a decision until the new one: the appeal is still shown.
  const shown = option.kind === 'lodged' ? option.appeal : option.kind === 'none' ? application.appeal : undefined;
  if (option.kind === 'none' && !shown) return null;
  if (shown) {
    const appeal = shown;
    return (
      <section aria-labelledby="appeal-heading" class="stack">
        <h2 id="appeal-heading" class="ds-heading" data-size="sm">
          {tr('heading')}
        </h2>
        <p class="ds-paragraph">
          {tr('lodged', { at: formatDateTime(appeal.lodgedAt, lang) })}
          {appeal.late ? ` ${tr('lodged.late', { deadline: formatDate(appeal.deadline, lang) })}` : ''}
        </p>
        <dl class="facts">
          <dt>{tr('state')}</dt>
          <dd>
            <span class="ds-tag" data-color="accent">{tr(`state.${appeal.status}`)}</span>
          </dd>
          <dt>{tr('yourReasons')}</dt>
          <dd class="preserve-lines">{appeal.reasons}</dd>
        </dl>
        <AppealSteps lang={lang} appeal={appeal} />
        {errors.appeal ? (
          // A second appeal (another tab, a double click) is refused; what was typed is shown, so it is not lost.
          <div class="stack">
            <p class="ds-validation-message" data-color="danger" id={fieldId('appeal')}>
              {errors.appeal}
            </p>
            {props.values?.reasons ? <p class="ds-paragraph preserve-lines">{`${tr('typed')}: ${props.values.reasons}`}</p> : null}
          </div>
        ) : null}
      </section>
    );
  }
  if (option.kind !== 'may_appeal') return null;
  const deadline = formatDate(option.deadline.endsAt, lang);
  return (
    <section aria-labelledby="appeal-heading" class="stack">
      <h2 id="appeal-heading" class="ds-heading" data-size="sm">
        {tr('heading')}
      </h2>
      {option.late ? (
        <Alert color="warning" heading={tr('late.heading')}>
          {tr('late.text', { deadline })}
        </Alert>
      ) : (
        <p class="ds-paragraph">{tr('lead', { deadline })}</p>
      )}
      <form method="post" action={`/applications/${application.applicationId}/appeal`} class="stack" novalidate>
        <FormGuards csrf={props.csrf} version={application.version} />
        {errors.appeal ? (
          <p class="ds-validation-message" data-color="danger" id={fieldId('appeal')}>
            {errors.appeal}
          </p>
        ) : null}
        <TextArea name="reasons" label={tr('field.reasons')} help={tr('field.reasons.help')} value={props.values?.reasons} error={errors.reasons} maxLength={MAX_APPEAL_REASONS_LENGTH} required />
        {option.late ? (
          <TextArea name="latenessReason" label={tr('field.latenessReason')} help={tr('field.latenessReason.help')} value={props.values?.latenessReason} error={errors.latenessReason} maxLength={MAX_LATENESS_REASON_LENGTH} rows={3} required />
        ) : null}
        <p class="ds-paragraph">
          <button type="submit" class="ds-button" data-variant="primary">
            {tr('submit')}
          </button>
        </p>
      </form>
    </section>
  );
}
