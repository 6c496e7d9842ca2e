import type { Application } from '../../shared/applications/application';
import { formatKroner, type Kroner } from '../../shared/kernel/money';
import type { Call } from '../../shared/rounds/call';
import { textTranslator, type Language } from '../i18n';
import { assessmentText } from '../messages/assessment';
import { DataTable } from './data-table';
import { Section } from './section';

/**
 * What an assessor needs to see of an application and nothing more (data minimisation): the
 * project, the budget, the answers to the round's questions, the list of attachments and the
 * screening findings. Never the contact person, the email or the bank account, so the same view
 * serves an external assessor and an employee.
 */
export function AssessmentApplication(props: { lang: Language; application: Application; round: Call }) {
  const { lang, application, round } = props;
  const tr = textTranslator(assessmentText, lang);
  const project = application.project;
  const facts: [string, string | undefined][] = [
    [tr('application.organisation'), application.organisationName],
    [tr('application.title'), project?.title],
    [tr('application.description'), project?.description],
    [tr('application.subGoals'), project?.subGoals.join(', ')],
    [tr('application.targetGroup'), project?.targetGroup],
    [tr('application.activities'), project?.activities],
    [tr('application.location'), project?.location],
    [tr('application.period'), project ? `${project.startDate} – ${project.endDate}` : undefined],
    [tr('application.participants'), project ? String(project.expectedParticipants) : undefined],
    [tr('application.volunteerHours'), project ? String(project.volunteerHours) : undefined],
    [tr('application.partners'), project?.partners || undefined],
  ];
  const kr = (amount: number) => formatKroner(amount as Kroner, lang);
  const budget = application.budget;
  const budgetRows: [string, string][] = budget
    ? [
        ...budget.costs.map((line): [string, string] => [tr('budget.cost', { label: line.label }), kr(line.amount)]),
        ...budget.otherIncome.map((line): [string, string] => [tr('budget.income', { label: line.label }), kr(line.amount)]),
        [tr('budget.own'), kr(budget.ownContribution)],
        [tr('budget.applied'), kr(budget.amountApplied)],
      ]
    : [];
  const answers = Object.entries(application.answers ?? {});
  const check = application.registryCheck;
  return (
    <Section id="assessment-application" heading={tr('application.heading')}>
      <dl class="facts">
        {facts
          .filter((fact): fact is [string, string] => Boolean(fact[1]))
          .map(([term, value]) => (
            <>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </>
          ))}
      </dl>
      {budgetRows.length ? (
        <>
          <h3 class="ds-heading" data-size="xs">
            {tr('budget.heading')}
          </h3>
          <DataTable
            caption={tr('budget.caption')}
            size="sm"
            rows={budgetRows}
            columns={[
              { header: tr('budget.line'), cell: (row) => row[0] },
              { header: tr('budget.amount'), cell: (row) => row[1] },
            ]}
          />
        </>
      ) : null}
      {answers.length ? (
        <>
          <h3 class="ds-heading" data-size="xs">
            {tr('answers.heading')}
          </h3>
          <dl class="facts">
            {answers.map(([id, answer]) => (
              <>
                <dt>{round.extraQuestions.find((question) => question.id === id)?.label[lang] ?? id}</dt>
                <dd>{answer}</dd>
              </>
            ))}
          </dl>
        </>
      ) : null}
      <h3 class="ds-heading" data-size="xs">
        {tr('attachments.heading')}
      </h3>
      {application.attachments.length ? (
        <ul class="ds-list">
          {application.attachments.map((attachment) => (
            <li>{attachment.filename}</li>
          ))}
        </ul>
      ) : (
        <p class="ds-paragraph">{tr('attachments.none')}</p>
      )}
      <h3 class="ds-heading" data-size="xs">
        {tr('findings.heading')}
      </h3>
      {check.status !== 'verified' ? (
        <p class="ds-paragraph">{tr('findings.notVerified')}</p>
      ) : check.findings.length ? (
        <ul class="ds-list">
          {check.findings.map((finding) => (
            <li>{finding.messages[lang]}</li>
          ))}
        </ul>
      ) : (
        <p class="ds-paragraph">{tr('findings.none')}</p>
      )}
    </Section>
  );
}
