import type { Call } from '../../shared/calls';
import { callPath } from '../components/call-card';
import { CallFacts } from '../components/call-facts';
import { Layout, type PageContext } from '../layout';
import { RoundStatusTag } from './officer-workspace-page';

/** One round of the officer's own municipality. */
export function OfficerRoundPage(props: { page: PageContext; round: Call }) {
  const { page, round } = props;
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
