import type { Application } from '../../shared/applications/application';
import { budgetTotals } from '../../shared/applications/section-schemas';
import { formatKroner } from '../../shared/kernel/money';
import type { Call } from '../../shared/rounds/call';
import { subGoalNames2024 } from '../../shared/rules/sub-goals';
import { textTranslator, type Language } from '../i18n';
import { caseText, type CaseTextKey } from '../messages/case';
import { DataTable } from './data-table';
import { Section } from './section';

/** A status in the reader's language. */
export function caseStatusLabel(status: Application['status'], lang: Language): string {
  return textTranslator(caseText, lang)(`status.${status}` as CaseTextKey);
}

/** The case at a glance: reference, organisation, status, round and amount. */
export function CaseSummary(props: { lang: Language; application: Application; round: Call; submittedAtOslo?: string }) {
  const { lang, application, round } = props;
  const tr = textTranslator(caseText, lang);
  const rows: [string, string][] = [
    [tr('case.reference'), application.reference],
    [tr('case.organisation'), application.organisationName],
    [tr('case.orgnr'), application.orgnr],
    [tr('case.status'), caseStatusLabel(application.status, lang)],
    [tr('case.round'), round.title[lang]],
    [tr('case.amountApplied'), application.budget ? formatKroner(application.budget.amountApplied, lang) : '–'],
    ...(props.submittedAtOslo ? [[tr('case.submittedAt'), props.submittedAtOslo] as [string, string]] : []),
  ];
  return (
    <Section id="case-summary" heading={tr('case.summary')}>
      <dl class="case-facts">
        {rows.map(([term, value]) => (
          <>
            <dt class="ds-label">{term}</dt>
            <dd class="ds-paragraph">{value}</dd>
          </>
        ))}
      </dl>
    </Section>
  );
}

/** The project and budget as the applicant wrote them. */
export function CaseProject(props: { lang: Language; application: Application }) {
  const { lang, application } = props;
  const tr = textTranslator(caseText, lang);
  const { project, budget } = application;
  return (
    <Section id="case-project" heading={tr('case.project')}>
      {project ? (
        <>
          <h3 class="ds-heading" data-size="sm">
            {project.title}
          </h3>
          <p class="ds-paragraph" data-variant="long">
            {project.description}
          </p>
          <p class="ds-paragraph">
            {tr('case.subGoals')}: {project.subGoals.map((goal) => `${goal} – ${subGoalNames2024[goal][lang]}`).join('; ')}
          </p>
        </>
      ) : null}
      {budget ? (
        <DataTable
          caption={tr('case.budget')}
          size="sm"
          rows={[...budget.costs.map((line) => [line.label, formatKroner(line.amount, lang)] as const), [tr('case.totalCost'), formatKroner(budgetTotals(budget).totalCosts, lang)] as const, [tr('case.amountApplied'), formatKroner(budget.amountApplied, lang)] as const]}
          columns={[
            { header: tr('case.field'), cell: (row) => row[0] },
            { header: tr('case.value'), cell: (row) => row[1] },
          ]}
        />
      ) : null}
    </Section>
  );
}

/** The answers to the call's own questions. */
export function CaseAnswers(props: { lang: Language; application: Application; round: Call }) {
  const { lang, application, round } = props;
  const tr = textTranslator(caseText, lang);
  const answers = Object.entries(application.answers ?? {});
  const questionOf = (id: string) => round.extraQuestions.find((question) => question.id === id)?.label[lang] ?? id;
  return (
    <Section id="case-answers" heading={tr('case.answers')}>
      {answers.length === 0 ? (
        <p class="ds-paragraph">{tr('case.noAnswers')}</p>
      ) : (
        <DataTable
          caption={tr('case.answers')}
          captionHidden
          size="sm"
          rows={answers}
          columns={[
            { header: tr('case.field'), cell: ([id]) => questionOf(id) },
            { header: tr('case.value'), cell: ([, answer]) => answer },
          ]}
        />
      )}
    </Section>
  );
}

/** The attachments, each with a short-lived download link. */
export function CaseAttachments(props: { lang: Language; attachments: { filename: string; kind: string; href: string }[] }) {
  const tr = textTranslator(caseText, props.lang);
  return (
    <Section id="case-attachments" heading={tr('case.attachments')}>
      {props.attachments.length === 0 ? (
        <p class="ds-paragraph">{tr('case.noAttachments')}</p>
      ) : (
        <ul class="ds-list">
          {props.attachments.map((attachment) => (
            <li>
              <a class="ds-link" href={attachment.href} download={attachment.filename}>
                {tr('case.download', { filename: attachment.filename })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
