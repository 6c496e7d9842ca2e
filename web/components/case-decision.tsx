import { acceptanceLine } from './grant-answer';
import { acceptanceText } from '../messages/acceptance';
import type { Application } from '../../shared/applications/application';
import { formatKroner } from '../../shared/kernel/money';
import { textTranslator, type Language } from '../i18n';
import { caseText, type CaseTextKey } from '../messages/case';
import { Section } from './section';

/** The assessments in figures, the recommendation and the decision, when there are any. */
export function CaseOutcome(props: { lang: Language; application: Application; oslo: (instant: string) => string; now: Date }) {
  const { lang, application, oslo } = props;
  const acceptance = acceptanceLine(application, lang, props.now);
  const tr = textTranslator(caseText, lang);
  const summary = application.assessmentSummary;
  const recommendation = application.recommendation;
  const decision = application.decision;
  return (
    <Section id="case-outcome" heading={tr('case.assessment')}>
      <p class="ds-paragraph">
        {summary ? tr('case.assessment.summary', { submitted: summary.submitted, required: summary.required, recused: summary.recused }) : tr('case.assessment.none')}
        {summary?.score !== undefined ? ` ${tr('case.assessment.score', { score: summary.score.toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO') })}` : ''}
      </p>
      {recommendation ? (
        <>
          <h3 class="ds-heading" data-size="sm">
            {tr('case.recommendation')}
          </h3>
          <p class="ds-paragraph">
            {tr('case.outcomeLine', {
              outcome: tr(`case.outcome.${recommendation.outcome}` as CaseTextKey),
              amount: formatKroner(recommendation.amount, lang),
              name: recommendation.recommendedByName ?? recommendation.recommendedBy,
              at: oslo(recommendation.recommendedAt),
            })}
          </p>
          <p class="ds-paragraph" data-variant="long">
            {tr('case.reasons')}: {recommendation.reasons}
          </p>
        </>
      ) : null}
      {decision ? (
        <>
          <h3 class="ds-heading" data-size="sm">
            {tr('case.decision')}
          </h3>
          <p class="ds-paragraph">
            {tr('case.outcomeLine', {
              outcome: tr(`case.outcome.${decision.outcome}` as CaseTextKey),
              amount: formatKroner(decision.amount, lang),
              name: decision.decidedByName ?? decision.decidedBy,
              at: oslo(decision.decidedAt),
            })}
          </p>
          {acceptance ? (
            <p class="ds-paragraph" id="case-acceptance">
              {`${textTranslator(acceptanceText, lang)('state.heading')}: ${acceptance}`}
            </p>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}

/** Links to the case's sub-pages that the status and the user's permissions allow now. */
export function CaseActions(props: { lang: Language; links: readonly { kind: string; href: string }[] }) {
  const tr = textTranslator(caseText, props.lang);
  if (props.links.length === 0) return null;
  return (
    <nav aria-labelledby="case-actions-heading" class="stack">
      <h2 id="case-actions-heading" class="ds-heading" data-size="md">
        {tr('case.actions')}
      </h2>
      <ul class="ds-list">
        {props.links.map((link) => (
          <li>
            <a class="ds-link" href={link.href}>
              {tr(`case.link.${link.kind}` as CaseTextKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
