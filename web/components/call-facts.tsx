import type { Call } from '../../shared/rounds/call';
import { formatDate, formatDateTime } from '../../shared/kernel/deadlines';
import { formatKroner } from '../../shared/kernel/money';
import type { PageContext } from '../layout';

/**
 * The facts of a call as a definition list: deadline, amounts and sub-goals, and with `full` also
 * when it opens, the grant year and the reporting deadline. The national list, the public call page
 * and the officer's round page show the same facts the same way.
 */
export function CallFacts(props: { page: PageContext; call: Call; full?: boolean }) {
  const { page, call } = props;
  const { t, lang } = page;
  return (
    <dl class="facts">
      <dt>{t('call.deadline')}</dt>
      <dd>{formatDateTime(call.deadline, lang)}</dd>
      {props.full ? (
        <>
          <dt>{t('call.opensAt')}</dt>
          <dd>{formatDate(call.opensAt, lang)}</dd>
        </>
      ) : null}
      <dt>{t('call.amounts')}</dt>
      <dd>{t('call.amountRange', { min: formatKroner(call.minAmount, lang), max: formatKroner(call.maxAmount, lang) })}</dd>
      {props.full ? (
        <>
          <dt>{t('call.grantYear')}</dt>
          <dd>{call.grantYear}</dd>
          <dt>{t('call.reportingDeadline')}</dt>
          <dd>{formatDate(call.reportingDeadline, lang)}</dd>
        </>
      ) : null}
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
  );
}
