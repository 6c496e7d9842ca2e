import type { Application } from '../../shared/applications/application';
import type { Call } from '../../shared/rounds/call';
import { formatKroner } from '../../shared/kernel/money';
import { callPath } from '../components/call-card';
import { CallFacts } from '../components/call-facts';
import { DataTable } from '../components/data-table';
import { Section } from '../components/section';
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
      <Section id="round-details" heading={t('officer.round.details')}>
        <p class="ds-paragraph" data-variant="long">
          {round.summary[lang]}
        </p>
        <CallFacts page={page} call={round} full />
      </Section>
      <Section id="round-applications" heading={t('officer.applications.heading')}>
        {applications.length === 0 ? (
          <p class="ds-paragraph">{t('officer.applications.none')}</p>
        ) : (
          <DataTable
            caption={t('officer.applications.heading')}
            captionHidden
            size="sm"
            rows={applications}
            columns={[
              { header: t('officer.applications.reference'), cell: (application) => application.reference },
              { header: t('officer.applications.organisation'), cell: (application) => application.organisationName },
              {
                header: t('officer.applications.status'),
                cell: (application) => t(`officer.applications.status.${application.status === 'withdrawn' ? 'withdrawn' : 'received'}`),
              },
              {
                header: t('officer.applications.amount'),
                cell: (application) => (application.budget ? formatKroner(application.budget.amountApplied, lang) : '–'),
              },
              {
                header: t('officer.applications.registry'),
                cell: (application) => (
                  <span class="ds-tag" data-color={application.registryCheck.status === 'verified' ? 'success' : 'warning'}>
                    {t(`officer.applications.registry.${application.registryCheck.status}`)}
                  </span>
                ),
              },
            ]}
          />
        )}
      </Section>
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
