import type { Call } from '../../shared/calls';
import { formatKroner } from '../../shared/money';
import { formatDateTime } from '../../shared/deadlines';
import type { PageContext } from '../layout';

/** The URL of a call; stable, so it can be shared and bookmarked. */
export function callPath(call: Pick<Call, 'tenantId' | 'roundId'>): string {
  return `/calls/${call.tenantId}/${call.roundId}`;
}

/** One call in the national list: who, what, until when, how much. */
export function CallCard(props: { page: PageContext; call: Call }) {
  const { page, call } = props;
  const { t, lang } = page;
  const headingId = `call-${call.tenantId}-${call.roundId}`;
  return (
    <article class="ds-card" data-variant="tinted" aria-labelledby={headingId}>
      <div class="stack">
        <p class="ds-paragraph" data-size="sm">
          {call.administratorName}
        </p>
        <h3 id={headingId} class="ds-heading" data-size="sm">
          <a class="ds-link" href={callPath(call)}>
            {call.title[lang]}
          </a>
        </h3>
        <p class="ds-paragraph">{call.summary[lang]}</p>
        <dl class="facts">
          <dt>{t('call.deadline')}</dt>
          <dd>{formatDateTime(call.deadline, lang)}</dd>
          <dt>{t('call.amounts')}</dt>
          <dd>
            {t('call.amountRange', {
              min: formatKroner(call.minAmount, lang),
              max: formatKroner(call.maxAmount, lang),
            })}
          </dd>
          <dt>{t('call.subGoals')}</dt>
          <dd>
            <ul class="tag-list">
              {call.subGoals.map((code) => (
                <li class="ds-tag" data-color="neutral">
                  {`${code}: ${t(`subGoal.${code}`)}`}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      </div>
    </article>
  );
}
