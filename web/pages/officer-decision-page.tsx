import type { Application } from '../../shared/applications/application';
import type { BatchItemResult } from '../../shared/decisions/use-cases/sign-decisions';
import { formatKroner, kroner } from '../../shared/kernel/money';
import type { StoredBudgetPosition } from '../../shared/national/budget-position';
import type { Call } from '../../shared/rounds/call';
import { available } from '../../shared/rules/budget';
import { DataTable } from '../components/data-table';
import { Alert, Checkbox, ErrorSummary, type FieldErrors } from '../components/form-fields';
import { Section } from '../components/section';
import { languageNames, textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { decisionText } from '../messages/decision';

/** Where the approver signs one case, and where they sign a round's cases together. */
export const decisionPath = (applicationId: string) => `/officer/applications/${applicationId}/decision`;
export const batchDecisionPath = (roundId: string) => `/officer/rounds/${roundId}/decisions`;
export const letterPath = (applicationId: string) => `/officer/applications/${applicationId}/letter`;

/** The form's state after a refused post: the message about the whole form. */
export interface DecisionFormState {
  readonly formError?: string;
  readonly errors?: FieldErrors;
}

function BudgetLine(props: { page: PageContext; year: number; position: StoredBudgetPosition | undefined }) {
  const tr = textTranslator(decisionText, props.page.lang);
  const open = props.position && props.position.allocationVersion > 0 && !props.position.closed;
  return (
    <p class="ds-paragraph" id="budget-available">
      {open ? tr('budget.available', { year: props.year, available: formatKroner(available(props.position!), props.page.lang) }) : tr('budget.none', { year: props.year })}
    </p>
  );
}

/** Sign one: the recommendation as it stands, what is left in the budget, and the button. */
export function OfficerDecisionPage(props: {
  page: PageContext;
  call: Call;
  application: Application;
  position: StoredBudgetPosition | undefined;
  blocking: boolean;
  state?: DecisionFormState;
}) {
  const { page, call, application } = props;
  const { lang } = page;
  const tr = textTranslator(decisionText, lang);
  const recommendation = application.recommendation;
  const errors: FieldErrors = { ...(props.state?.errors ?? {}), ...(props.state?.formError ? { decision: props.state.formError } : {}) };
  return (
    <Layout page={page} title={tr('sign.title')}>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/officer/applications/${application.applicationId}`}>
          {tr('back.case')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {tr('sign.title')}
      </h1>
      <p class="ds-paragraph" data-size="sm">
        {`${call.title[lang]} · ${application.organisationName}`}
      </p>
      <ErrorSummary title={tr('sign.errors')} errors={errors} />
      <dl class="facts">
        <dt>{tr('field.reference')}</dt>
        <dd>{application.reference}</dd>
        <dt>{tr('field.organisation')}</dt>
        <dd>{application.organisationName}</dd>
        <dt>{tr('field.applied')}</dt>
        <dd>{formatKroner(application.budget?.amountApplied ?? kroner(0), lang)}</dd>
        <dt>{tr('field.language')}</dt>
        <dd>{languageNames[application.language]}</dd>
      </dl>
      {application.decision ? (
        <Alert color="info">
          <p class="ds-paragraph">{tr('sign.decided')}</p>
          <p class="ds-paragraph">
            <a class="ds-link" href={letterPath(application.applicationId)}>
              {tr('letter.link')}
            </a>
          </p>
        </Alert>
      ) : !recommendation ? (
        <Alert color="warning">{tr('sign.noRecommendation')}</Alert>
      ) : (
        <Section id="recommendation" heading={tr('field.outcome')}>
          <dl class="facts">
            <dt>{tr('field.outcome')}</dt>
            <dd>{tr(`outcome.${recommendation.outcome}`)}</dd>
            <dt>{tr('field.amount')}</dt>
            <dd>{formatKroner(recommendation.amount, lang)}</dd>
            <dt>{tr('field.reasons')}</dt>
            <dd>{recommendation.reasons}</dd>
            <dt>{tr('field.conditions')}</dt>
            <dd>{recommendation.conditions.trim() || tr('field.none')}</dd>
            <dt>{tr('field.recommendedBy')}</dt>
            <dd>{recommendation.recommendedByName ?? recommendation.recommendedBy}</dd>
          </dl>
          <BudgetLine page={page} year={application.grantYear} position={props.position} />
          {props.blocking && recommendation.outcome !== 'reject' ? <Alert color="warning">{tr('sign.blocking')}</Alert> : null}
          <p class="ds-paragraph">{tr('sign.lead')}</p>
          <form method="post" action={decisionPath(application.applicationId)} class="stack" novalidate>
            <input type="hidden" name="recommendationSeen" value={recommendation.recommendedAt} />
            <div id={errors.decision ? 'field-decision' : undefined}>
              <button type="submit" class="ds-button" data-variant="primary">
                {tr('sign.submit')}
              </button>
            </div>
          </form>
        </Section>
      )}
    </Layout>
  );
}

/** Sign a batch: the round's recommended, undecided applications with a box each, and the total against what is left. */
export function OfficerBatchDecisionPage(props: {
  page: PageContext;
  call: Call;
  waiting: readonly Application[];
  position: StoredBudgetPosition | undefined;
  state?: DecisionFormState & { readonly selected?: readonly string[] };
  results?: readonly BatchItemResult[];
}) {
  const { page, call, waiting } = props;
  const { lang } = page;
  const tr = textTranslator(decisionText, lang);
  const kr = (amount: number) => formatKroner(kroner(amount), lang);
  const total = waiting.reduce((sum, application) => sum + (application.recommendation?.outcome === 'reject' ? 0 : (application.recommendation?.amount ?? 0)), 0);
  const left = props.position ? available(props.position) : kroner(0);
  const selected = new Set(props.state?.selected ?? []);
  const errors: FieldErrors = { ...(props.state?.errors ?? {}), ...(props.state?.formError ? { applicationId: props.state.formError } : {}) };
  const results = props.results;
  const decidedCount = results?.filter((result) => result.result === 'decided').length ?? 0;
  return (
    <Layout page={page} title={tr('batch.title')}>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/officer/rounds/${call.roundId}`}>
          {tr('back.round')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {tr('batch.title')}
      </h1>
      <p class="ds-paragraph" data-size="sm">
        {call.title[lang]}
      </p>
      {results ? (
        <Section id="batch-results" heading={tr('batch.results')}>
          <Alert color={decidedCount === results.length ? 'success' : 'warning'}>
            <p class="ds-paragraph">{tr('batch.decidedCount', { decided: decidedCount, refused: results.length - decidedCount })}</p>
          </Alert>
          <DataTable
            caption={tr('batch.resultCaption')}
            size="sm"
            rows={results}
            columns={[
              { header: tr('field.reference'), cell: (result) => result.reference ?? result.applicationId },
              {
                header: tr('batch.results'),
                cell: (result) =>
                  result.result === 'decided' ? (
                    <>
                      {tr('batch.result.decided', { outcome: tr(`decided.${result.outcome}`), amount: kr(result.amount) })}{' '}
                      <a class="ds-link" href={letterPath(result.applicationId)}>
                        {tr('letter.link')}
                      </a>
                    </>
                  ) : (
                    tr('batch.result.refused', { reason: result.messages[lang] })
                  ),
              },
            ]}
          />
        </Section>
      ) : null}
      <ErrorSummary title={tr('batch.errors')} errors={errors} />
      <BudgetLine page={page} year={call.grantYear} position={props.position} />
      {waiting.length === 0 ? (
        <p class="ds-paragraph">{tr('batch.none')}</p>
      ) : (
        <form method="post" action={batchDecisionPath(call.roundId)} class="stack" novalidate>
          <p class="ds-paragraph">{tr('batch.lead')}</p>
          <p class="ds-paragraph" id="batch-summary">
            {tr('batch.summary', { count: waiting.length, total: kr(total), available: kr(left) })}
          </p>
          {total > left ? <Alert color="warning">{tr('batch.over', { over: kr(total - left) })}</Alert> : null}
          <fieldset class="ds-fieldset" id="field-applicationId" aria-describedby={errors.applicationId ? 'field-applicationId-error' : undefined}>
            <legend class="ds-sr-only">{tr('batch.caption')}</legend>
            {errors.applicationId ? (
              <p class="ds-validation-message" id="field-applicationId-error" data-color="danger">
                {errors.applicationId}
              </p>
            ) : null}
            <Checkbox name="all" value="yes" label={tr('batch.selectAll')} checked={selected.has('all')} />
            <DataTable
              caption={tr('batch.caption')}
              size="sm"
              rows={waiting}
              columns={[
                {
                  header: tr('batch.select'),
                  cell: (application) => (
                    <>
                      <input
                        class="ds-input"
                        type="checkbox"
                        name="applicationId"
                        value={application.applicationId}
                        id={`select-${application.applicationId}`}
                        aria-label={tr('batch.selectOne', { reference: application.reference })}
                        checked={selected.has(application.applicationId)}
                      />
                      <input type="hidden" name={`seen.${application.applicationId}`} value={application.recommendation!.recommendedAt} />
                    </>
                  ),
                },
                {
                  header: tr('field.reference'),
                  cell: (application) => (
                    <a class="ds-link" href={decisionPath(application.applicationId)}>
                      {application.reference}
                    </a>
                  ),
                },
                { header: tr('field.organisation'), cell: (application) => application.organisationName },
                { header: tr('field.outcome'), cell: (application) => tr(`outcome.${application.recommendation!.outcome}`) },
                { header: tr('field.amount'), cell: (application) => kr(application.recommendation!.amount) },
                { header: tr('field.applied'), cell: (application) => kr(application.budget?.amountApplied ?? 0) },
              ]}
            />
          </fieldset>
          <div>
            <button type="submit" class="ds-button" data-variant="primary">
              {tr('batch.submit')}
            </button>
          </div>
        </form>
      )}
    </Layout>
  );
}
