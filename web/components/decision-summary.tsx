import type { Application } from '../../shared/applications/application';
import { formatDate } from '../../shared/kernel/deadlines';
import { formatKroner } from '../../shared/kernel/money';
import { textTranslator } from '../i18n';
import type { PageContext } from '../layout';
import { decisionText } from '../messages/decision';

/**
 * The decision on the applicant's status page: the outcome, the amount, the appeal deadline in
 * short and the link to the printable letter; before the decision, the preliminary reply if one
 * was sent. Shows nothing while neither exists.
 */
export function DecisionSummary(props: { page: PageContext; application: Application }) {
  const { page, application } = props;
  const tr = textTranslator(decisionText, page.lang);
  const decision = application.decision;
  if (!decision) {
    return application.preliminaryReplyAt ? (
      <p class="ds-paragraph">{tr('status.preliminary', { date: formatDate(application.preliminaryReplyAt, page.lang) })}</p>
    ) : null;
  }
  return (
    <section aria-labelledby="decision-heading" class="stack">
      <h2 id="decision-heading" class="ds-heading" data-size="sm">
        {tr('status.heading')}
      </h2>
      <p class="ds-paragraph">{tr('status.decided', { outcome: tr(`decided.${decision.outcome}`), date: formatDate(decision.decidedAt, page.lang) })}</p>
      {decision.outcome === 'reject' ? null : <p class="ds-paragraph">{tr('status.amount', { amount: formatKroner(decision.amount, page.lang) })}</p>}
      <p class="ds-paragraph">{tr('status.appeal', { weeks: decision.appealDeadlineWeeks })}</p>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/applications/${application.applicationId}/letter`}>
          {tr('status.letter')}
        </a>
      </p>
    </section>
  );
}
