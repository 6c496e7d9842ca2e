import type { Application } from '../../shared/applications/application';
import type { FundingEntry } from '../../shared/applications/funding-index';
import { osloDateOf } from '../../shared/kernel/deadlines';
import { formatKroner } from '../../shared/kernel/money';
import { textTranslator, type Language } from '../i18n';
import { caseText } from '../messages/case';
import { caseStatusLabel } from './case-summary';
import { DataTable } from './data-table';
import { Alert } from './form-fields';
import { Section } from './section';

/** The organisation's earlier applications here, with a warning for last year's grant without an approved report. */
export function CaseOrganisationHistory(props: { lang: Language; earlier: readonly Application[]; overdue: readonly Application[]; caseHref: (applicationId: string) => string }) {
  const { lang } = props;
  const tr = textTranslator(caseText, lang);
  return (
    <Section id="case-history" heading={tr('case.history')}>
      {props.overdue.map((grant) => (
        <Alert color="warning" heading={tr('case.history.overdueHeading')}>
          <p class="ds-paragraph">
            {tr('case.history.overdue', { year: grant.grantYear, reference: grant.reference, deadline: osloDateOf(grant.decision!.reportingDeadline!) })}
          </p>
        </Alert>
      ))}
      {props.earlier.length === 0 ? (
        <p class="ds-paragraph">{tr('case.history.none')}</p>
      ) : (
        <DataTable
          caption={tr('case.history')}
          captionHidden
          size="sm"
          rows={props.earlier}
          columns={[
            { header: tr('case.history.year'), cell: (each) => String(each.grantYear) },
            { header: tr('case.reference'), cell: (each) => <a class="ds-link" href={props.caseHref(each.applicationId)}>{each.reference}</a> },
            { header: tr('case.status'), cell: (each) => caseStatusLabel(each.status, lang) },
            { header: tr('case.amountApplied'), cell: (each) => (each.budget ? formatKroner(each.budget.amountApplied, lang) : '–') },
          ]}
        />
      )}
    </Section>
  );
}

/** The same organisation's applications in other municipalities or at IMDi the same year. */
export function CaseDoubleFunding(props: { lang: Language; grantYear: number; entries: readonly FundingEntry[] }) {
  const { lang, grantYear } = props;
  const tr = textTranslator(caseText, lang);
  return (
    <Section id="case-funding" heading={tr('case.funding')}>
      {props.entries.length === 0 ? (
        <p class="ds-paragraph">{tr('case.funding.none', { year: grantYear })}</p>
      ) : (
        <>
          <Alert color="warning">
            <p class="ds-paragraph">{tr('case.funding.warning', { year: grantYear })}</p>
          </Alert>
          <DataTable
            caption={tr('case.funding')}
            captionHidden
            size="sm"
            rows={props.entries}
            columns={[
              { header: tr('case.funding.where'), cell: (entry) => entry.tenantName },
              { header: tr('case.reference'), cell: (entry) => entry.reference },
              { header: tr('case.status'), cell: (entry) => caseStatusLabel(entry.status, lang) },
              { header: tr('case.amountApplied'), cell: (entry) => formatKroner(entry.amountApplied, lang) },
              { header: tr('case.funding.awarded'), cell: (entry) => (entry.amountAwarded === undefined ? '–' : formatKroner(entry.amountAwarded, lang)) },
              { header: tr('case.subGoals'), cell: (entry) => entry.subGoals.join(', ') },
              { header: tr('case.funding.operating'), cell: (entry) => tr(entry.isOperatingGrant ? 'case.yes' : 'case.no') },
            ]}
          />
        </>
      )}
    </Section>
  );
}
