import type { Application } from '../../shared/applications/application';
import { decisionOutcomes } from '../../shared/decisions/decision';
import { findingCountsOf } from '../../shared/decisions/ranking';
import { textsFor, type StandardText } from '../../shared/decisions/standard-texts';
import { MAX_CONDITIONS_LENGTH, MAX_REASONS_LENGTH } from '../../shared/decisions/use-cases/recommend';
import { formatKroner, type Kroner } from '../../shared/kernel/money';
import { languageNames, textTranslator } from '../i18n';
import type { Call } from '../../shared/rounds/call';
import { Alert, ErrorSummary, TextArea, TextField, fieldId, type FieldErrors } from '../components/form-fields';
import { Section } from '../components/section';
import { Layout, type PageContext } from '../layout';
import { recommendationText } from '../messages/recommendation';
import { rankingPath } from './officer-ranking-page';

/** Where the recommendation form lives and posts. */
export const recommendationPath = (applicationId: string) => `/officer/applications/${applicationId}/recommendation`;

/** What the form shows: typed values, errors, and the version the case was read at. */
export interface RecommendationFormState {
  readonly values: { outcome?: string; amount?: string; reasons?: string; conditions?: string; texts?: string[] };
  readonly version: number;
  readonly errors?: FieldErrors;
  readonly formError?: string;
}

/**
 * The caseworker's recommendation of one case: the facts that bound it (amount applied, the
 * round's limits, score, findings), the current recommendation, and the form. The standard texts
 * of each outcome are offered in the applicant's language; "Use the chosen texts" is a GET with
 * the whole form, so the page answers with the reasons filled in and nothing typed is lost, with
 * or without JavaScript.
 */
export function OfficerRecommendationPage(props: {
  page: PageContext;
  application: Application;
  round: Call;
  texts: readonly StandardText[];
  /** Why the form is not offered (not under assessment, assessments missing), in the user's language. */
  blocked?: string;
  state: RecommendationFormState;
  saved?: boolean;
}) {
  const { page, application, round, texts, state } = props;
  const { lang } = page;
  const tr = textTranslator(recommendationText, lang);
  const kr = (amount: number) => formatKroner(amount as Kroner, lang);
  const applied = application.budget?.amountApplied ?? (0 as Kroner);
  const summary = application.assessmentSummary;
  const findings = findingCountsOf(application);
  const current = application.recommendation;
  const errors = state.errors ?? {};
  const chosen = state.values.texts ?? [];
  const title = tr('recommend.title', { reference: application.reference });
  return (
    <Layout page={page} title={title}>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/officer/applications/${application.applicationId}`}>
          {tr('recommend.back')}
        </a>{' '}
        ·{' '}
        <a class="ds-link" href={rankingPath(round.roundId)}>
          {tr('recommend.ranking')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      {props.saved ? (
        <Alert color="success">
          <p class="ds-paragraph">{tr('recommend.saved')}</p>
        </Alert>
      ) : null}
      <Section id="recommend-facts" heading={tr('recommend.facts')}>
        <dl class="facts">
          <dt>{tr('recommend.organisation')}</dt>
          <dd>{application.organisationName}</dd>
          <dt>{tr('recommend.applied')}</dt>
          <dd>{kr(applied)}</dd>
          <dt>{tr('recommend.limits')}</dt>
          <dd>{tr('recommend.limitsValue', { min: kr(round.minAmount), max: kr(round.maxAmount) })}</dd>
          <dt>{tr('recommend.score')}</dt>
          <dd>
            {summary?.score !== undefined ? String(summary.score) : tr('ranking.noScore')} (
            {tr('ranking.assessments', { submitted: summary?.submitted ?? 0, required: summary?.required ?? round.assessment?.assessorsPerApplication ?? 0 })})
          </dd>
          <dt>{tr('recommend.language')}</dt>
          <dd>{languageNames[application.language]}</dd>
        </dl>
        {findings.blocking > 0 ? (
          <Alert color="warning">
            <p class="ds-paragraph">{tr('recommend.blockingWarning')}</p>
          </Alert>
        ) : null}
        {current ? (
          <p class="ds-paragraph" data-testid="current-recommendation">
            {tr('recommend.current', {
              outcome: tr(`outcome.${current.outcome}`),
              amount: kr(current.amount),
              by: current.recommendedByName ?? current.recommendedBy,
              at: current.recommendedAt.slice(0, 10),
            })}
          </p>
        ) : null}
      </Section>
      {props.blocked ? (
        <Alert color="warning" heading={tr('recommend.blocked.heading')}>
          <p class="ds-paragraph">{props.blocked}</p>
        </Alert>
      ) : (
        <Section id="recommend-form" heading={tr('recommend.form.heading')}>
          {state.formError ? (
            <Alert color="danger">
              <p class="ds-paragraph">{state.formError}</p>
            </Alert>
          ) : null}
          <ErrorSummary title={tr('recommend.errors')} errors={errors} />
          <form method="post" action={recommendationPath(application.applicationId)} class="stack" novalidate>
            <input type="hidden" name="version" value={String(state.version)} />
            <fieldset class="ds-fieldset" id={fieldId('outcome')} aria-invalid={errors.outcome ? 'true' : undefined} aria-describedby={errors.outcome ? `${fieldId('outcome')}-error` : undefined}>
              <legend class="ds-label">{tr('recommend.outcome')}</legend>
              {decisionOutcomes.map((outcome) => (
                <div class="ds-field checkbox-field">
                  <input class="ds-input" type="radio" id={`${fieldId('outcome')}-${outcome}`} name="outcome" value={outcome} checked={state.values.outcome === outcome} />
                  <label class="ds-label" data-weight="regular" for={`${fieldId('outcome')}-${outcome}`}>
                    {tr(`outcome.${outcome}`)}
                  </label>
                </div>
              ))}
              {errors.outcome ? (
                <div class="ds-validation-message" data-color="danger" id={`${fieldId('outcome')}-error`}>
                  {errors.outcome}
                </div>
              ) : null}
            </fieldset>
            <TextField name="amount" label={tr('recommend.amount')} help={tr('recommend.amount.help', { applied: kr(applied) })} value={state.values.amount ?? ''} error={errors.amount} inputmode="numeric" size="md" required />
            <fieldset class="ds-fieldset" id="standard-texts" aria-describedby="standard-texts-help">
              <legend class="ds-label">{tr('recommend.texts')}</legend>
              <div class="ds-paragraph field-help" data-size="sm" id="standard-texts-help">
                {tr('recommend.texts.help')}
              </div>
              {decisionOutcomes.map((outcome) => (
                <fieldset class="ds-fieldset">
                  <legend class="ds-label" data-weight="regular">
                    {tr('recommend.texts.for', { outcome: tr(`outcome.${outcome}`) })}
                  </legend>
                  {textsFor(texts, outcome).map((text) => (
                    <div class="ds-field checkbox-field">
                      <input class="ds-input" type="checkbox" id={`text-${text.id}`} name="text" value={text.id} checked={chosen.includes(text.id)} />
                      <label class="ds-label" data-weight="regular" for={`text-${text.id}`}>
                        {text.text[application.language]}
                      </label>
                    </div>
                  ))}
                </fieldset>
              ))}
              <div>
                <button type="submit" class="ds-button" data-variant="secondary" formmethod="get" formaction={recommendationPath(application.applicationId)} name="prefill" value="1">
                  {tr('recommend.texts.use')}
                </button>
              </div>
            </fieldset>
            <TextArea name="reasons" label={tr('recommend.reasons')} help={tr('recommend.reasons.help')} value={state.values.reasons ?? ''} error={errors.reasons} maxLength={MAX_REASONS_LENGTH} rows={10} required />
            <TextArea name="conditions" label={tr('recommend.conditions')} help={tr('recommend.conditions.help')} value={state.values.conditions ?? ''} error={errors.conditions} maxLength={MAX_CONDITIONS_LENGTH} rows={4} />
            <div>
              <button type="submit" class="ds-button" data-variant="primary">
                {tr('recommend.submit')}
              </button>
            </div>
          </form>
        </Section>
      )}
    </Layout>
  );
}
