import type { Call, CallFilter } from '../../shared/rounds/call';
import { subGoalCodes } from '../../shared/rules/sub-goals';
import type { Tenant } from '../../shared/kernel/tenants';
import { CallCard } from '../components/call-card';
import { Layout, type PageContext } from '../layout';

/**
 * The national list of open calls. The filter is a plain GET form so it works without
 * JavaScript and every filtered list has a URL that can be shared.
 */
export function StartPage(props: { page: PageContext; calls: Call[]; administrators: Tenant[]; filter: CallFilter }) {
  const { page, calls, administrators, filter } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('start.title')}>
      <h1 class="ds-heading" data-size="xl">
        {t('start.title')}
      </h1>
      <p class="ds-paragraph" data-variant="long">
        {t('start.lead')}
      </p>

      <section aria-labelledby="filter-heading">
        <h2 id="filter-heading" class="ds-heading" data-size="sm">
          {t('start.filter.heading')}
        </h2>
        <form method="get" action="/" class="filter-form">
          <input type="hidden" name="lang" value={page.lang} />
          <div class="ds-field">
            <label class="ds-label" for="filter-municipality">
              {t('start.filter.municipality')}
            </label>
            <select class="ds-input" id="filter-municipality" name="kommune">
              <option value="">{t('start.filter.municipality.all')}</option>
              {administrators.map((tenant) => (
                <option value={tenant.tenantId} selected={filter.tenantId === tenant.tenantId}>
                  {tenant.name}
                </option>
              ))}
            </select>
          </div>
          <div class="ds-field">
            <label class="ds-label" for="filter-subgoal">
              {t('start.filter.subGoal')}
            </label>
            <select class="ds-input" id="filter-subgoal" name="delmal">
              <option value="">{t('start.filter.subGoal.all')}</option>
              {subGoalCodes.map((code) => (
                <option value={code} selected={filter.subGoal === code}>
                  {`${code}: ${t(`subGoal.${code}`)}`}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="ds-button" data-variant="primary">
            {t('start.filter.submit')}
          </button>
        </form>
      </section>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading" class="ds-heading" data-size="md">
          {t('start.results')}
        </h2>
        <p class="ds-paragraph" role="status">
          {calls.length === 1 ? t('start.count.one') : t('start.count', { count: calls.length })}
        </p>
        {calls.length === 0 ? (
          <p class="ds-paragraph">{t('start.none')}</p>
        ) : (
          <ul class="call-list">
            {calls.map((call) => (
              <li>
                <CallCard page={page} call={call} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}
