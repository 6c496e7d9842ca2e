import type { Application, SectionName, SubmissionProblem } from '../../../shared/applications/application';
import { isReturnedSection } from '../../../shared/applications/return-request';
import { textTranslator } from '../../i18n';
import { returnText } from '../../messages/return';
import { budgetTotals } from '../../../shared/applications/application';
import type { Call } from '../../../shared/rounds/call';
import { formatDateTime } from '../../../shared/kernel/deadlines';
import type { EligibilityFinding } from '../../../shared/rules/eligibility';
import { formatKroner } from '../../../shared/kernel/money';
import type { RuleSet } from '../../../shared/rules/rule-set';
import { Alert, FormGuards } from '../../components/form-fields';
import type { PageContext } from '../../layout';
import { ApplicationFrame, applyText, stepPath } from './application-frame';
import { attachmentKindLabel } from './attachments-page';

/** Step 6: everything at a glance, what is missing, what is good to know, and the submit button. */
export function ReviewPage(props: {
  page: PageContext;
  call: Call;
  /** The round's rules: the names of its pots and its audit threshold. */
  rules: RuleSet;
  application: Application;
  problems: SubmissionProblem[];
  findings: EligibilityFinding[];
  deadlinePassed: boolean;
  csrf: string;
  formError?: string;
}) {
  const { page, call, application, problems } = props;
  const tx = applyText(page);
  const { lang } = page;
  const project = application.project;
  const budget = application.budget;
  const totals = budget ? budgetTotals(budget) : undefined;
  // A returned application may change only the sections the municipality named; the rest is read-only here.
  const returned = application.status === 'returned';
  const rtx = textTranslator(returnText, lang);
  const Change = (p: { section: SectionName; label: string }) =>
    returned && !isReturnedSection(application, p.section) ? null : (
      <a class="ds-link" href={stepPath(application.applicationId, p.section)}>
        {tx('review.change', { section: p.label })}
      </a>
    );
  return (
    <ApplicationFrame page={page} call={call} application={application} step="review" title={tx('review.title')}>
      {props.formError ? <Alert color="danger">{props.formError}</Alert> : null}
      {returned ? (
        <p class="ds-paragraph">{rtx('request.deadline')}</p>
      ) : props.deadlinePassed ? (
        <Alert color="danger">{tx('review.deadlinePassed', { deadline: formatDateTime(call.deadline, lang) })}</Alert>
      ) : (
        <p class="ds-paragraph">{tx('review.deadline', { deadline: formatDateTime(call.deadline, lang) })}</p>
      )}
      {problems.length > 0 ? (
        <Alert color="warning" heading={tx('review.missing')}>
          <ul class="ds-list">
            {problems.map((problem) => (
              <li>
                <a class="ds-link" href={stepPath(application.applicationId, problem.section)}>
                  {problem.messages[lang]}
                </a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {props.findings.length > 0 ? (
        <Alert color={props.findings.some((finding) => finding.severity === 'blocking') ? 'danger' : 'info'} heading={tx('review.warnings')}>
          <ul class="ds-list">
            {props.findings.map((finding) => (
              <li>{finding.messages[lang]}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <section class="stack review-section" aria-labelledby="review-contact">
        <h2 id="review-contact" class="ds-heading" data-size="sm">
          {tx('step.contact')}
        </h2>
        {application.contact ? (
          <dl class="facts">
            <dt>{tx('field.contactName')}</dt>
            <dd>{application.contact.contactName}</dd>
            <dt>{tx('field.email')}</dt>
            <dd>{application.contact.email}</dd>
            <dt>{tx('field.phone')}</dt>
            <dd>{application.contact.phone}</dd>
            <dt>{tx('field.accountNumber')}</dt>
            <dd>{application.contact.accountNumber.replace(/(\d{4})(\d{2})(\d{5})/, '$1.$2.$3')}</dd>
          </dl>
        ) : null}
        <Change section="contact" label={tx('step.contact')} />
      </section>

      <section class="stack review-section" aria-labelledby="review-project">
        <h2 id="review-project" class="ds-heading" data-size="sm">
          {tx('step.project')}
        </h2>
        {project ? (
          <dl class="facts">
            <dt>{tx('field.title')}</dt>
            <dd>{project.title}</dd>
            <dt>{tx('field.subGoals')}</dt>
            <dd>{project.subGoals.map((code) => `${code}: ${page.t(`subGoal.${code}`)}`).join('; ')}</dd>
            <dt>{tx('field.description')}</dt>
            <dd class="preserve-lines">{project.description}</dd>
            <dt>{tx('field.targetGroup')}</dt>
            <dd class="preserve-lines">{project.targetGroup}</dd>
            <dt>{tx('field.activities')}</dt>
            <dd class="preserve-lines">{project.activities}</dd>
            <dt>{tx('field.location')}</dt>
            <dd>{project.location}</dd>
            <dt>{`${tx('field.startDate')} – ${tx('field.endDate')}`}</dt>
            <dd>{`${project.startDate || '–'} – ${project.endDate || '–'}`}</dd>
            <dt>{tx('field.expectedParticipants')}</dt>
            <dd>{project.expectedParticipants}</dd>
            <dt>{tx('field.volunteerHours')}</dt>
            <dd>{project.volunteerHours}</dd>
            {project.partners ? (
              <>
                <dt>{tx('field.partners')}</dt>
                <dd class="preserve-lines">{project.partners}</dd>
              </>
            ) : null}
            {project.foundedOn ? (
              <>
                <dt>{tx('field.foundedOn')}</dt>
                <dd>{project.foundedOn}</dd>
              </>
            ) : null}
            {project.localImmigrantOrganisation ? (
              <>
                <dt>{tx('field.countedMembers')}</dt>
                <dd>{`${project.countedMembers ?? '–'} (${tx('field.localImmigrantOrganisation')})`}</dd>
              </>
            ) : null}
            {project.potId ? (
              <>
                <dt>{tx('field.pot')}</dt>
                <dd>{props.rules.pots.find((pot) => pot.id === project.potId)?.name[lang] ?? project.potId}</dd>
              </>
            ) : null}
          </dl>
        ) : null}
        <Change section="project" label={tx('step.project')} />
      </section>

      <section class="stack review-section" aria-labelledby="review-budget">
        <h2 id="review-budget" class="ds-heading" data-size="sm">
          {tx('step.budget')}
        </h2>
        {budget && totals ? (
          <table class="ds-table" data-size="sm">
            <caption class="ds-sr-only">{tx('step.budget')}</caption>
            <tbody>
              {budget.costs.map((line) => (
                <tr>
                  <th scope="row">{line.label}</th>
                  <td class="amount">{formatKroner(line.amount, lang)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{tx('budget.totalCosts')}</th>
                <td class="amount">{formatKroner(totals.totalCosts, lang)}</td>
              </tr>
              {budget.otherIncome.map((line) => (
                <tr>
                  <th scope="row">{line.label}</th>
                  <td class="amount">{formatKroner(line.amount, lang)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{tx('field.ownContribution')}</th>
                <td class="amount">{formatKroner(budget.ownContribution, lang)}</td>
              </tr>
              <tr>
                <th scope="row">{tx('field.amountApplied')}</th>
                <td class="amount">
                  <strong>{formatKroner(budget.amountApplied, lang)}</strong>
                </td>
              </tr>
            </tbody>
          </table>
        ) : null}
        <Change section="budget" label={tx('step.budget')} />
      </section>

      <section class="stack review-section" aria-labelledby="review-attachments">
        <h2 id="review-attachments" class="ds-heading" data-size="sm">
          {tx('step.attachments')}
        </h2>
        <ul class="ds-list">
          {application.attachments.map((file) => (
            <li>{`${attachmentKindLabel(props.page, props.rules, file.kind)}: ${file.filename}`}</li>
          ))}
        </ul>
        <Change section="attachments" label={tx('step.attachments')} />
      </section>

      {call.extraQuestions.length > 0 ? (
        <section class="stack review-section" aria-labelledby="review-questions">
          <h2 id="review-questions" class="ds-heading" data-size="sm">
            {tx('step.questions')}
          </h2>
          <dl class="facts">
            {call.extraQuestions.map((question) => (
              <>
                <dt>{question.label[lang]}</dt>
                <dd class="preserve-lines">{application.answers?.[question.id] ?? '–'}</dd>
              </>
            ))}
          </dl>
          <Change section="questions" label={tx('step.questions')} />
        </section>
      ) : null}

      {returned && problems.length === 0 ? (
        <section aria-labelledby="resubmit-heading" class="stack">
          <h2 id="resubmit-heading" class="ds-heading" data-size="sm">
            {rtx('resubmit.title')}
          </h2>
          <p class="ds-paragraph">{rtx('resubmit.lead')}</p>
          <form method="post" action={`/applications/${application.applicationId}/resubmit`}>
            <FormGuards csrf={props.csrf} version={application.version} />
            <button type="submit" class="ds-button" data-variant="primary">
              {rtx('resubmit.submit')}
            </button>
          </form>
        </section>
      ) : null}
      {!returned && problems.length === 0 && !props.deadlinePassed ? (
        <form method="post" action={`/applications/${application.applicationId}/submit`}>
          <FormGuards csrf={props.csrf} version={application.version} />
          <button type="submit" class="ds-button" data-variant="primary">
            {tx('review.submit')}
          </button>
        </form>
      ) : null}
    </ApplicationFrame>
  );
}
