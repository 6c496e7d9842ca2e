import type { Ranking, RankingFilter } from '../../shared/decisions/ranking';
import { rankingStatuses, subGoalsOf } from '../../shared/decisions/ranking';
import { formatKroner, kroner, type Kroner } from '../../shared/kernel/money';
import { subGoalCodes } from '../../shared/rules/sub-goals';
import type { Call } from '../../shared/rounds/call';
import { Alert } from '../components/form-fields';
import { Section } from '../components/section';
import { textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { recommendationText } from '../messages/recommendation';

/** The path of a round's ranking. */
export const rankingPath = (roundId: string) => `/officer/rounds/${roundId}/ranking`;

function Select(props: { name: string; label: string; value?: string; options: { value: string; label: string }[]; allLabel: string }) {
  const id = `filter-${props.name}`;
  return (
    <div class="ds-field">
      <label class="ds-label" for={id}>
        {props.label}
      </label>
      <select class="ds-input" id={id} name={props.name}>
        <option value="" selected={!props.value}>
          {props.allLabel}
        </option>
        {props.options.map((option) => (
          <option value={option.value} selected={props.value === option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A round's applications in rank order, with the running total of the recommended amounts against
 * what is available of the year's budget; the filter is a plain GET form, so it works without
 * JavaScript and every filtered view has its own address.
 */
export function OfficerRankingPage(props: { page: PageContext; round: Call; ranking: Ranking; filter: RankingFilter }) {
  const { page, round, ranking, filter } = props;
  const { lang } = page;
  const tr = textTranslator(recommendationText, lang);
  const kr = (amount: number) => formatKroner(kroner(amount) as Kroner, lang);
  const all = tr('ranking.filter.all');
  const over = ranking.remaining !== undefined && ranking.remaining < 0 ? -ranking.remaining : 0;
  return (
    <Layout page={page} title={tr('ranking.title', { round: round.title[lang] })}>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/officer/rounds/${round.roundId}`}>
          {tr('ranking.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="xl">
        {tr('ranking.title', { round: round.title[lang] })}
      </h1>
      <p class="ds-paragraph">{tr('ranking.lead')}</p>

      <Section id="ranking-budget" heading={tr('ranking.budget.heading')}>
        {ranking.available === undefined ? (
          <p class="ds-paragraph">{tr('ranking.budget.none', { year: round.grantYear })}</p>
        ) : (
          <dl class="facts">
            <dt>{tr('ranking.budget.available', { year: round.grantYear })}</dt>
            <dd data-testid="available">{kr(ranking.available)}</dd>
            <dt>{tr('ranking.budget.recommended')}</dt>
            <dd data-testid="recommended-total">{kr(ranking.recommendedTotal)}</dd>
            <dt>{tr('ranking.budget.remaining')}</dt>
            <dd data-testid="remaining">{formatKroner(ranking.remaining as Kroner, lang)}</dd>
          </dl>
        )}
        {over > 0 ? (
          <Alert color="warning">
            <p class="ds-paragraph">{tr('ranking.budget.over', { amount: kr(over) })}</p>
          </Alert>
        ) : null}
      </Section>

      <Section id="ranking-filter" heading={tr('ranking.filter.heading')}>
        <form method="get" action={rankingPath(round.roundId)} class="ranking-filter">
          <Select name="subGoal" label={tr('ranking.filter.subGoal')} value={filter.subGoal} allLabel={all} options={subGoalCodes.filter((code) => round.subGoals.includes(code)).map((code) => ({ value: code, label: code }))} />
          <Select name="status" label={tr('ranking.filter.status')} value={filter.status} allLabel={all} options={rankingStatuses.map((status) => ({ value: status, label: tr(`status.${status}`) }))} />
          <Select
            name="findings"
            label={tr('ranking.filter.findings')}
            value={filter.findings}
            allLabel={all}
            options={(['none', 'warnings', 'blocking'] as const).map((value) => ({ value, label: tr(`ranking.filter.findings.${value}`) }))}
          />
          <Select
            name="firstTime"
            label={tr('ranking.filter.firstTime')}
            value={filter.firstTime === undefined ? undefined : filter.firstTime ? 'yes' : 'no'}
            allLabel={all}
            options={[
              { value: 'yes', label: tr('ranking.filter.firstTime.yes') },
              { value: 'no', label: tr('ranking.filter.firstTime.no') },
            ]}
          />
          <Select
            name="recommendation"
            label={tr('ranking.filter.recommendation')}
            value={filter.recommendation}
            allLabel={all}
            options={[
              { value: 'none', label: tr('ranking.filter.recommendation.none') },
              { value: 'any', label: tr('ranking.filter.recommendation.any') },
              { value: 'grant', label: tr('outcome.grant') },
              { value: 'grant_partly', label: tr('outcome.grant_partly') },
              { value: 'reject', label: tr('outcome.reject') },
            ]}
          />
          <div class="ranking-filter-actions">
            <button type="submit" class="ds-button" data-variant="primary">
              {tr('ranking.filter.submit')}
            </button>{' '}
            <a class="ds-link" href={rankingPath(round.roundId)}>
              {tr('ranking.filter.clear')}
            </a>
          </div>
        </form>
      </Section>

      <p class="ds-paragraph" role="status" id="ranking-count">
        {tr('ranking.shown', { shown: ranking.shown.count, total: ranking.total })}
      </p>
      {ranking.rows.length === 0 ? (
        <p class="ds-paragraph">{tr('ranking.none')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="ranking-caption" tabindex={0}>
          <table class="ds-table ranking-table" data-size="sm" data-border>
            <caption id="ranking-caption">{tr('ranking.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('ranking.col.rank')}</th>
                <th scope="col">{tr('ranking.col.reference')}</th>
                <th scope="col">{tr('ranking.col.organisation')}</th>
                <th scope="col">{tr('ranking.col.subGoals')}</th>
                <th scope="col" class="amount">{tr('ranking.col.applied')}</th>
                <th scope="col">{tr('ranking.col.score')}</th>
                <th scope="col">{tr('ranking.col.findings')}</th>
                <th scope="col">{tr('ranking.col.recommendation')}</th>
                <th scope="col" class="amount">{tr('ranking.col.running')}</th>
                <th scope="col">{tr('ranking.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {ranking.rows.map((row) => {
                const { application } = row;
                const summary = application.assessmentSummary;
                const recommendation = application.recommendation;
                return (
                  <>
                    {row.crossesBudget && ranking.available !== undefined ? (
                      <tr class="budget-line" data-testid="budget-line">
                        <td colspan={10}>
                          <strong>{tr('ranking.crossLine', { available: kr(ranking.available) })}</strong>
                        </td>
                      </tr>
                    ) : null}
                    <tr data-reference={application.reference} class={row.overBudget ? 'over-budget' : undefined}>
                      <td>{row.rank ?? '–'}</td>
                      <td>
                        <a class="ds-link" href={`/officer/applications/${application.applicationId}`}>
                          {application.reference}
                        </a>
                      </td>
                      <td>
                        {application.organisationName}
                        {row.firstTime ? (
                          <>
                            {' '}
                            <span class="ds-tag" data-color="info">
                              {tr('ranking.firstTime')}
                            </span>
                          </>
                        ) : null}
                      </td>
                      <td>{subGoalsOf(application).join(', ') || '–'}</td>
                      <td class="amount">{kr(row.amountApplied)}</td>
                      <td>
                        {summary?.score !== undefined ? summary.score.toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : tr('ranking.noScore')}
                        <br />
                        <span class="ds-paragraph" data-size="sm">
                          {tr('ranking.assessments', { submitted: summary?.submitted ?? 0, required: summary?.required ?? round.assessment?.assessorsPerApplication ?? 0 })}
                        </span>
                      </td>
                      <td>
                        {row.findings.blocking === 0 && row.findings.warning === 0 ? tr('ranking.findings.none') : null}
                        {row.findings.blocking > 0 ? (
                          <span class="ds-tag" data-color="danger">
                            {tr('ranking.findings.blocking', { count: row.findings.blocking })}
                          </span>
                        ) : null}{' '}
                        {row.findings.warning > 0 ? (
                          <span class="ds-tag" data-color="warning">
                            {tr('ranking.findings.warning', { count: row.findings.warning })}
                          </span>
                        ) : null}
                      </td>
                      <td>{recommendation ? `${tr(`outcome.${recommendation.outcome}`)}, ${kr(recommendation.amount)}` : tr('ranking.notRecommended')}</td>
                      <td class="amount">
                        {row.rank === undefined ? '–' : kr(row.runningTotal)}
                        {row.overBudget ? (
                          <>
                            <br />
                            <span class="ds-tag" data-color="danger">
                              {tr('ranking.overBudget')}
                            </span>
                          </>
                        ) : null}
                      </td>
                      <td>{tr(`status.${application.status === 'draft' ? 'submitted' : application.status}`)}</td>
                    </tr>
                  </>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colspan={4}>
                  {tr('ranking.totals')}
                </th>
                <td class="amount" data-testid="total-applied">
                  {kr(ranking.shown.amountApplied)}
                </td>
                <td colspan={2}></td>
                <td data-testid="total-recommended">{kr(ranking.shown.recommended)}</td>
                <td colspan={2}></td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </Layout>
  );
}
