import { formatDateTime } from '../../shared/kernel/deadlines';
import type { StoredYearReport } from '../../shared/year-reports/year-report';
import { YearReportAssessmentsView, YearReportTables } from '../components/year-report-tables';
import { textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { yearReportText } from '../messages/year-reports';

/** IMDi's page of a year's reports. */
export function nationalYearReportsPath(grantYear: number): string {
  return `/national/year-reports/${grantYear}`;
}

/** IMDi's page of one municipality's submitted report. */
export function nationalYearReportPath(grantYear: number, tenantId: string): string {
  return `${nationalYearReportsPath(grantYear)}/${encodeURIComponent(tenantId)}`;
}

/** A managing municipality and what IMDi may know of its report: not started, a draft, or sent (when). */
export interface MunicipalityReportStatus {
  readonly tenantId: string;
  readonly name: string;
  readonly status: 'not_started' | 'draft' | 'submitted';
  readonly submittedAt?: string;
}

/** Every managing municipality of the year with its report's status, and a link to each sent report. */
export function NationalYearReportsPage(props: { page: PageContext; grantYear: number; municipalities: readonly MunicipalityReportStatus[] }) {
  const { page, grantYear, municipalities } = props;
  const tr = textTranslator(yearReportText, page.lang);
  const title = tr('national.title', { year: grantYear });
  return (
    <Layout page={page} title={title}>
      <p class="ds-paragraph">
        <a class="ds-link" href="/national">
          IMDi
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {title}
      </h1>
      <p class="ds-paragraph">{tr('national.lead', { year: grantYear })}</p>
      {municipalities.length === 0 ? (
        <p class="ds-paragraph">{tr('national.none', { year: grantYear })}</p>
      ) : (
        <table class="ds-table" data-size="sm" data-border>
          <caption>{tr('national.caption', { year: grantYear })}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('national.col.municipality')}</th>
              <th scope="col">{tr('col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {municipalities.map((municipality) => (
              <tr>
                <th scope="row">
                  {municipality.status === 'submitted' ? (
                    <a class="ds-link" href={nationalYearReportPath(grantYear, municipality.tenantId)} aria-label={tr('national.read', { name: municipality.name })}>
                      {municipality.name}
                    </a>
                  ) : (
                    municipality.name
                  )}
                </th>
                <td>
                  {municipality.status === 'submitted'
                    ? tr('status.submitted', { at: formatDateTime(municipality.submittedAt!, page.lang) })
                    : municipality.status === 'draft'
                      ? tr('status.draft')
                      : tr('status.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** One municipality's submitted report as IMDi reads it: the frozen figures, the measures and the assessments. */
export function NationalYearReportPage(props: { page: PageContext; name: string; report: StoredYearReport & { status: 'submitted' } }) {
  const { page, name, report } = props;
  const tr = textTranslator(yearReportText, page.lang);
  const title = tr('national.reportTitle', { name, year: report.grantYear });
  return (
    <Layout page={page} title={title}>
      <p class="ds-paragraph">
        <a class="ds-link" href={nationalYearReportsPath(report.grantYear)}>
          {tr('national.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {title}
      </h1>
      <p class="ds-paragraph">{tr('lead.submitted', { at: formatDateTime(report.submittedAt!, page.lang) })}</p>
      <YearReportTables lang={page.lang} figures={report.figures!} measures={report.measures ?? []} />
      <section aria-labelledby="assessments-heading" class="stack">
        <h2 id="assessments-heading" class="ds-heading" data-size="md">
          {tr('assessments.heading')}
        </h2>
        <YearReportAssessmentsView lang={page.lang} assessments={report.assessments} />
      </section>
    </Layout>
  );
}
