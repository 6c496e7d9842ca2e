import type { RoundStatus } from '../../shared/rounds/lifecycle';
import type { Tenant } from '../../shared/kernel/tenants';
import { Layout, type PageContext } from '../layout';

/** One administrator in the national overview, with its rounds counted by status. */
export interface AdministratorOverview {
  tenant: Tenant;
  roundsByStatus: Partial<Record<RoundStatus, number>>;
}

/**
 * IMDi's overview: the tenant register (IMDi first, then municipalities by name) with each
 * administrator's number of rounds by status.
 */
export function NationalOverviewPage(props: { page: PageContext; administrators: AdministratorOverview[] }) {
  const { page, administrators } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('national.title')}>
      <h1 class="ds-heading" data-size="xl">
        {t('national.title')}
      </h1>
      <p class="ds-paragraph">{t('national.lead')}</p>
      <p class="ds-paragraph">{t('national.register.count', { count: administrators.length })}</p>
      <table class="ds-table round-table" data-border>
        <caption>{t('national.register.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('national.register.name')}</th>
            <th scope="col">{t('national.register.kommunenummer')}</th>
            <th scope="col">{t('national.register.rounds')}</th>
          </tr>
        </thead>
        <tbody>
          {administrators.map(({ tenant, roundsByStatus }) => {
            const counts = Object.entries(roundsByStatus) as [RoundStatus, number][];
            return (
              <tr>
                <th scope="row">{tenant.name}</th>
                <td>{tenant.kommunenummer ?? t('national.kind.national')}</td>
                <td>
                  {counts.length === 0 ? (
                    t('national.rounds.none')
                  ) : (
                    <ul class="count-list">
                      {counts.map(([status, count]) => (
                        <li>{`${t(`round.status.${status}`)}: ${count}`}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Layout>
  );
}
