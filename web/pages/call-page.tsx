import type { Child } from 'hono/jsx';
import type { Call } from '../../shared/rounds/call';
import { RoundNotices } from '../components/round-notices';
import { callPath } from '../components/call-card';
import { CallFacts } from '../components/call-facts';
import { Section } from '../components/section';
import { isBeforeDeadline } from '../../shared/kernel/deadlines';
import { textTranslator } from '../i18n';
import { applicationText } from '../messages/application-form';
import { Layout, type PageContext } from '../layout';

/**
 * One call, with everything an organisation needs to decide whether to apply, its cancellation and
 * corrections. `preview` marks the officer's preview of a round not yet published.
 */
export function CallPage(props: { page: PageContext; call: Call; baseUrl: string; now: Date; preview?: Child }) {
  const { page, call, baseUrl } = props;
  const tx = textTranslator(applicationText, page.lang);
  const open = call.status === 'open' && isBeforeDeadline(props.now, call.deadline);
  const { t, lang } = page;
  return (
    <Layout page={page} title={call.title[lang]}>
      {props.preview ?? (
        <p class="ds-paragraph">
          <a class="ds-link" href="/">
            {t('call.back')}
          </a>
        </p>
      )}
      <p class="ds-paragraph" data-size="sm">
        {`${t('call.administrator')}: ${call.administratorName}`}
      </p>
      <h1 class="ds-heading" data-size="xl">
        {call.title[lang]}
      </h1>
      <RoundNotices lang={lang} call={call} />
      <Section id="summary" heading={t('call.summary')}>
        <p class="ds-paragraph" data-variant="long">
          {call.summary[lang]}
        </p>
        <CallFacts page={page} call={call} full />
      </Section>
      <Section id="criteria" heading={t('call.criteria')}>
        <ul class="ds-list">
          {call.criteria.map((criterion) => (
            <li>{criterion[lang]}</li>
          ))}
        </ul>
      </Section>
      <Section id="apply" heading={t('call.howToApply')}>
        <p class="ds-paragraph">{t('call.howToApply.text')}</p>
        {open ? (
          <p class="ds-paragraph">
            <a class="ds-button" data-variant="primary" href={`${callPath(call)}/apply`}>
              {tx('call.apply')}
            </a>
          </p>
        ) : (
          <p class="ds-paragraph">{tx('call.closed')}</p>
        )}
        <p class="ds-paragraph" data-size="sm">
          {`${t('call.share')}: `}
          <a class="ds-link" href={callPath(call)}>{`${baseUrl}${callPath(call)}`}</a>
        </p>
      </Section>
    </Layout>
  );
}
