import { appealRegisterPath } from './officer-appeal-pages';
import { appealText } from '../messages/appeal';
import type { Call } from '../../shared/rounds/call';
import { formatDateTime } from '../../shared/kernel/deadlines';
import { BudgetPanel, type BudgetPanelData } from '../components/budget-panel';
import { DataTable } from '../components/data-table';
import { NotManagingNotice } from '../components/managing-notice';
import type { ManagingPeriod } from '../../shared/kernel/tenants';
import { Layout, type PageContext } from '../layout';
import { textTranslator } from '../i18n';
import { roundText } from '../messages/rounds';
import { staffText } from '../messages/staff';
import { staffPath } from './officer-staff-page';
import { officerPaymentsPath } from './officer-payments-page';
import { paymentText } from '../messages/payments';
import { yearReportText } from '../messages/year-reports';
import { officerYearReportPath } from './officer-year-report-page';
import { standardTextsPath } from './officer-standard-texts-page';

/** Where an officer opens one of their rounds. */
export function officerRoundPath(roundId: string): string {
  return `/officer/rounds/${encodeURIComponent(roundId)}`;
}

/** A round's status as a tag, in the user's language. */
export function RoundStatusTag(props: { page: PageContext; status: Call['status'] }) {
  return (
    <span class="ds-tag" data-color="neutral">
      {props.page.t(`round.status.${props.status}`)}
    </span>
  );
}

/**
 * The officer's start page: their municipality's rounds, newest first, each with status and
 * deadline (Oslo time) and a link to the round. Only the signed-in tenant's rounds are ever passed in.
 * `notManaging`: by IMDi's register the municipality does not manage the scheme this year.
 */
export function OfficerWorkspacePage(props: {
  page: PageContext;
  tenantName: string;
  rounds: Call[];
  notManaging?: { year: number; periods: ManagingPeriod[] };
  budget?: BudgetPanelData;
  /** Whether the user may create rounds (the municipality's admin): shows "New round". */
  canCreateRound?: boolean;
  /** Whether the user keeps the standard reason texts and oversees the staff: links to both. */
  canManageTexts?: boolean;
  canManageStaff?: boolean;
  /** Whether the user records payments: links to the payment files. */
  canManagePayments?: boolean;
  /** Whether the user sees the municipality's cases: a link to the appeal register. */
  canReadAppeals?: boolean;
  /** The grant years whose report to IMDi the user writes (the municipality's admin): a link to each. */
  yearReportYears?: readonly number[];
}) {
  const { page, tenantName, rounds } = props;
  const { t, lang } = page;
  const staff = textTranslator(staffText, lang);
  return (
    <Layout page={page} title={`${t('officer.title')}: ${tenantName}`}>
      <h1 class="ds-heading" data-size="xl">
        {`${t('officer.title')}: ${tenantName}`}
      </h1>
      <p class="ds-paragraph">{t('officer.lead', { tenant: tenantName })}</p>
      {props.notManaging ? <NotManagingNotice lang={lang} {...props.notManaging} /> : null}
      {props.budget ? <BudgetPanel lang={lang} budget={props.budget} /> : null}
      {props.canCreateRound ? (
        <p class="ds-paragraph">
          <a class="ds-button" data-variant="primary" href="/officer/rounds/new">
            {textTranslator(roundText, lang)('workspace.new')}
          </a>
        </p>
      ) : null}
      {props.canManageTexts || props.canManageStaff || props.canManagePayments || (props.yearReportYears ?? []).length > 0 ? (
        <nav aria-labelledby="administration-heading">
          <h2 id="administration-heading" class="ds-heading" data-size="sm">
            {staff('workspace.administration')}
          </h2>
          <ul class="ds-list">
            {props.canManageTexts ? (
              <li>
                <a class="ds-link" href={standardTextsPath}>
                  {staff('workspace.standardTexts')}
                </a>
              </li>
            ) : null}
            {props.canManageStaff ? (
              <li>
                <a class="ds-link" href={staffPath}>
                  {staff('staff.title')}
                </a>
              </li>
            ) : null}
            {props.canManagePayments ? (
              <li>
                <a class="ds-link" href={officerPaymentsPath}>
                  {textTranslator(paymentText, lang)('file.title')}
                </a>
              </li>
            ) : null}
            {(props.yearReportYears ?? []).map((year) => (
              <li>
                <a class="ds-link" href={officerYearReportPath(year)}>
                  {textTranslator(yearReportText, lang)('workspaceLink', { year })}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {props.canReadAppeals ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={appealRegisterPath}>
            {textTranslator(appealText, lang)('register.title')}
          </a>
        </p>
      ) : null}
      {rounds.length === 0 ? (
        <p class="ds-paragraph">{t('officer.rounds.none')}</p>
      ) : (
        <DataTable
          caption={t('officer.rounds.caption')}
          class="round-table"
          rows={rounds}
          columns={[
            {
              header: t('officer.rounds.round'),
              cell: (round) => (
                <a class="ds-link" href={officerRoundPath(round.roundId)}>
                  {round.title[lang]}
                </a>
              ),
            },
            { header: t('officer.rounds.status'), cell: (round) => <RoundStatusTag page={page} status={round.status} /> },
            { header: t('officer.rounds.deadline'), cell: (round) => formatDateTime(round.deadline, lang) },
            { header: t('officer.rounds.grantYear'), cell: (round) => round.grantYear },
          ]}
        />
      )}
    </Layout>
  );
}
