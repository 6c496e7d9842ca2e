import type { Application } from '../../shared/applications/application';
import { acceptanceStateOf, mayAnswerGrant } from '../../shared/decisions/acceptance';
import { formatDate, formatDateTime } from '../../shared/kernel/deadlines';
import { formatKroner } from '../../shared/kernel/money';
import type { Call } from '../../shared/rounds/call';
import { decisionLetter } from '../emails/decision-letter';
import { textTranslator } from '../i18n';
import type { PageContext } from '../layout';
import { acceptanceText } from '../messages/acceptance';
import { Checkbox, FormGuards, fieldId, type FieldErrors } from './form-fields';

/**
 * Where the grant stands with its answer, in one line: awaiting until the deadline, accepted,
 * declined or lapsed when, or overdue (the deadline passed, the nightly job has not lapsed it yet).
 * Empty when there is no grant to answer.
 */
export function acceptanceLine(application: Application, lang: PageContext['lang'], now: Date): string | undefined {
  const state = acceptanceStateOf(application);
  if (!state) return undefined;
  const tr = textTranslator(acceptanceText, lang);
  const deadline = state.deadline ? formatDate(state.deadline, lang) : '';
  if (state.kind === 'awaiting') {
    if (!state.deadline) return tr('state.awaiting.noDeadline');
    return mayAnswerGrant(application, now) ? tr('state.awaiting', { deadline }) : tr('state.overdue', { deadline });
  }
  return tr(`state.${state.kind}`, { at: formatDateTime(state.at, lang), deadline });
}

/**
 * The applicant's part of accepting a grant, on the status page: while the grant waits for an
 * answer, its conditions (as the letter states them), the deadline and one form with two buttons —
 * accept, or decline after ticking the box that confirms it; afterwards, the answer.
 */
export function GrantAnswerPanel(props: { page: PageContext; application: Application; call: Call; csrf: string; errors: FieldErrors; now: Date }) {
  const { page, application, call, now } = props;
  const { lang } = page;
  const tr = textTranslator(acceptanceText, lang);
  const decision = application.decision;
  const state = acceptanceStateOf(application);
  if (!decision || !state) return null;
  if (!mayAnswerGrant(application, now)) {
    return (
      <section aria-labelledby="grant-answer-heading" class="stack">
        <h2 id="grant-answer-heading" class="ds-heading" data-size="sm">
          {tr('state.heading')}
        </h2>
        <p class="ds-paragraph">{acceptanceLine(application, lang, now)}</p>
      </section>
    );
  }
  const conditions = decisionLetter({ decision, application, call }).sections.find((section) => section.id === 'conditions');
  const amount = formatKroner(decision.amount, lang);
  const base = `/applications/${application.applicationId}`;
  return (
    <section aria-labelledby="grant-answer-heading" class="stack">
      <h2 id="grant-answer-heading" class="ds-heading" data-size="sm">
        {tr('heading')}
      </h2>
      <p class="ds-paragraph">
        {state.deadline ? tr('lead', { amount, deadline: formatDate(state.deadline, lang) }) : tr('lead.noDeadline', { amount })}
      </p>
      <h3 class="ds-heading" data-size="2xs">
        {tr('conditions')}
      </h3>
      <ul class="ds-list">
        {(conditions?.points ?? []).map((point) => (
          <li>{point}</li>
        ))}
      </ul>
      <p class="ds-paragraph">{tr('lapse')}</p>
      <form method="post" action={`${base}/accept`} class="stack" novalidate>
        <FormGuards csrf={props.csrf} version={application.version} />
        {props.errors.answer ? (
          <p class="ds-validation-message" data-color="danger" id={fieldId('answer')}>
            {props.errors.answer}
          </p>
        ) : null}
        <p class="ds-paragraph">
          <button type="submit" class="ds-button" data-variant="primary">
            {tr('accept')}
          </button>
        </p>
        <p class="ds-paragraph" id="decline-help">
          {tr('decline.help')}
        </p>
        <Checkbox name="confirmDecline" value="yes" label={tr('decline.confirm')} error={props.errors.confirmDecline} />
        <p class="ds-paragraph">
          <button type="submit" class="ds-button" data-variant="secondary" data-color="danger" formaction={`${base}/decline`} aria-describedby="decline-help">
            {tr('decline')}
          </button>
        </p>
      </form>
    </section>
  );
}
