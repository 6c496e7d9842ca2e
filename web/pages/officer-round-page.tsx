import type { Application } from '../../shared/applications/application';
import type { Call } from '../../shared/rounds/call';
import { formatKroner } from '../../shared/kernel/money';
import { callPath } from '../components/call-card';
import { CallFacts } from '../components/call-facts';
import { Layout, type PageContext } from '../layout';
import { RoundStatusTag } from './officer-workspace-page';

/** One round of the officer's own municipality. */
export function OfficerRoundPage(props: { page: PageContext; round: Call; applications: Application[] }) {
  const { page, round, applications } = props;
  const { t, lang } = page;
  return (
    <Layout page={page} title={round.title[lang]}>
      <p class="ds-paragraph">
        <a class="ds-link" href="/officer">
          {t('officer.round.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="xl">
        {round.title[lang]}
      </h1>
      <p class="ds-paragraph">
        <RoundStatusTag page={page} status={round.status} />
      </p>
      <section aria-labelledby="round-details-heading" class="stack">
        <h2 id="round-details-heading" class="ds-heading" data-size="md">
          {t('officer.round.details')}
        </h2>
        <p class="ds-paragraph" data-variant="long">
          {round.summary[lang]}
        </p>
        <CallFacts page={page} call={round} full />
      </section>
      <section aria-labelledby="round-applications-heading" class="stack">
        <h2 id="round-applications-heading" class="ds-heading" data-size="md">
          {t('officer.applications.heading')}
        </h2>
        {applications.length === 0 ? (
          <p class="ds-paragraph">{t('officer.applications.none')}</p>
        ) : (
          <table class="ds-table" data-size="sm">
            <caption class="ds-sr-only">{t('officer.applications.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('officer.applications.reference')}</th>
                <th scope="col">{t('officer.applications.organisation')}</th>
                <th scope="col">{t('officer.applications.status')}</th>
                <th scope="col">{t('officer.applications.amount')}</th>
                <th scope="col">{t('officer.applications.registry')}</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((application) => (
                <tr>
                  <td>{application.reference}</td>
                  <td>{application.organisationName}</td>
                  <td>{t(`officer.applications.status.${application.status === 'withdrawn' ? 'withdrawn' : 'received'}`)}</td>
                  <td class="amount">{application.budget ? formatKroner(application.budget.amountApplied, lang) : '–'}</td>
                  <td>
                    <span class="ds-tag" data-color={application.registryCheck.status === 'verified' ? 'success' : 'warning'}>
                      {t(`officer.applications.registry.${application.registryCheck.status}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {round.status === 'draft' ? null : (
        <p class="ds-paragraph">
          <a class="ds-link" href={callPath(round)}>
            {t('officer.round.public')}
          </a>
        </p>
      )}
    </Layout>
  );
}
