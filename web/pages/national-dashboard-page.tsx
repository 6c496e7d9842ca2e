import { formatKroner, formatWholeNumber, kroner } from '../../shared/kernel/money';
import { dashboardFigureNames, type DashboardFigures, type DashboardRow, type NationalDashboard } from '../../shared/national/dashboard';
import { BarChart, LineChart } from '../components/charts';
import { DataTable, type Column } from '../components/data-table';
import { textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { dashboardText, figureText } from '../messages/dashboard';
import { nationalYearReportPath } from './national-year-reports-page';

/** IMDi's dashboard of one grant year. */
export function nationalDashboardPath(grantYear: number): string {
  return `/national/dashboard/${grantYear}`;
}

/** One municipality's figures of one grant year. */
export function nationalMunicipalityFiguresPath(grantYear: number, tenantId: string): string {
  return `${nationalDashboardPath(grantYear)}/municipalities/${encodeURIComponent(tenantId)}`;
}

/** The country's totals of one grant year, for the years side by side. */
export interface YearTotals {
  readonly grantYear: number;
  readonly totals: DashboardFigures;
}

/** The dashboard of one year: a text summary, the chart by municipality with its table, and the years side by side. */
export function NationalDashboardPage(props: { page: PageContext; dashboard: NationalDashboard; years: readonly YearTotals[]; yearOptions: readonly number[] }) {
  const { page, dashboard, years } = props;
  const { grantYear, rows, totals } = dashboard;
  const tr = textTranslator(dashboardText, page.lang);
  const money = (value: number) => formatKroner(kroner(value), page.lang);
  const whole = (value: number) => formatWholeNumber(value, page.lang);
  const title = tr('title', { year: grantYear });
  const largest = [...rows].sort((a, b) => b.frame - a.frame)[0];
  const figureColumns: Column<DashboardFigures>[] = dashboardFigureNames.map((name) => ({ header: figureText[name][page.lang], cell: (row) => whole(row[name]) }));
  return (
    <Layout page={page} title={title}>
      <h1 class="ds-heading" data-size="lg">{title}</h1>
      <p class="ds-paragraph">{tr('lead')}</p>
      <form method="get" action="/national/dashboard" class="year-picker">
        <div class="ds-field">
          <label class="ds-label" for="dashboard-year">{tr('year.label')}</label>
          <select class="ds-input" id="dashboard-year" name="year">
            {props.yearOptions.map((year) => <option value={String(year)} selected={year === grantYear}>{String(year)}</option>)}
          </select>
        </div>
        <button class="ds-button" data-variant="secondary" type="submit">{tr('year.show')}</button>
      </form>
      {rows.length === 0 ? (
        <p class="ds-paragraph">{tr('none', { year: grantYear })}</p>
      ) : (
        <>
          <p class="ds-paragraph" id="dashboard-summary">
            {tr('summary', {
              count: rows.length, year: grantYear, frame: money(totals.frame), applications: whole(totals.applications),
              applied: money(totals.amountApplied), awarded: money(totals.amountAwarded), grants: whole(totals.grants), paid: money(totals.amountPaid),
            })}
          </p>
          <BarChart
            id="chart-municipalities"
            title={tr('chart.municipalities.title', { year: grantYear })}
            summary={tr('chart.municipalities.summary', { largest: largest!.name, largestFrame: money(largest!.frame), awarded: money(totals.amountAwarded), frame: money(totals.frame) })}
            categories={rows.map((row) => row.name)}
            series={[{ name: tr('series.frame'), values: rows.map((row) => row.frame) }, { name: tr('series.awarded'), values: rows.map((row) => row.amountAwarded) }]}
            format={money}
          />
          <div class="table-scroll" role="region" aria-label={tr('table.municipalities', { year: grantYear })} tabindex={0}>
            <DataTable<DashboardRow | (DashboardFigures & { total: true })>
              caption={tr('table.municipalities', { year: grantYear })}
              size="sm"
              rows={[...rows, { ...totals, total: true }]}
              columns={[
                { header: tr('column.municipality'), cell: (row) => ('total' in row ? <strong>{tr('total')}</strong> : <a class="ds-link" href={nationalMunicipalityFiguresPath(grantYear, row.tenantId)} aria-label={tr('drill.link', { name: row.name })}>{row.name}</a>) },
                ...(figureColumns as Column<DashboardRow | (DashboardFigures & { total: true })>[]),
              ]}
            />
          </div>
          <p class="ds-paragraph">
            <a class="ds-link" href={`${nationalDashboardPath(grantYear)}/municipalities.csv?lang=${page.lang}`} download>{tr('export.csv')}</a>
          </p>
        </>
      )}
      {years.length > 1 ? <YearsSection page={page} years={years} /> : null}
    </Layout>
  );
}

/** The country's totals across the years: a line chart of awarded and paid, and its table. */
function YearsSection(props: { page: PageContext; years: readonly YearTotals[] }) {
  const { page, years } = props;
  const tr = textTranslator(dashboardText, page.lang);
  const money = (value: number) => formatKroner(kroner(value), page.lang);
  const first = years[0]!;
  const last = years[years.length - 1]!;
  return (
    <section aria-labelledby="years-heading">
      <h2 class="ds-heading" data-size="md" id="years-heading">{tr('table.years')}</h2>
      <LineChart
        id="chart-years"
        title={tr('chart.years.title')}
        summary={tr('chart.years.summary', { first: first.grantYear, last: last.grantYear, firstAwarded: money(first.totals.amountAwarded), lastAwarded: money(last.totals.amountAwarded) })}
        points={years.map((year) => String(year.grantYear))}
        series={[{ name: tr('series.awarded'), values: years.map((year) => year.totals.amountAwarded) }, { name: tr('series.paid'), values: years.map((year) => year.totals.amountPaid) }]}
        format={money}
      />
      <div class="table-scroll" role="region" aria-labelledby="years-heading" tabindex={0}>
        <DataTable<YearTotals>
          caption={tr('table.years')}
          captionHidden
          size="sm"
          rows={years}
          columns={[
            { header: tr('column.year'), cell: (year) => String(year.grantYear) },
            ...dashboardFigureNames.map((name) => ({ header: figureText[name][page.lang], cell: (year: YearTotals) => formatWholeNumber(year.totals[name], page.lang) })),
          ]}
        />
      </div>
    </section>
  );
}

/** One municipality's figures for the year, and its year report once sent: never a case or a person. */
export function NationalMunicipalityFiguresPage(props: { page: PageContext; grantYear: number; row: DashboardRow; yearReportSent: boolean }) {
  const { page, grantYear, row } = props;
  const tr = textTranslator(dashboardText, page.lang);
  const title = tr('drill.title', { name: row.name, year: grantYear });
  return (
    <Layout page={page} title={title}>
      <p class="ds-paragraph"><a class="ds-link" href={nationalDashboardPath(grantYear)}>{tr('drill.back', { year: grantYear })}</a></p>
      <h1 class="ds-heading" data-size="lg">{title}</h1>
      <DataTable<(typeof dashboardFigureNames)[number]>
        caption={title}
        captionHidden
        rows={dashboardFigureNames}
        columns={[
          { header: tr('drill.figure'), cell: (name) => figureText[name][page.lang] },
          { header: tr('drill.value'), cell: (name) => formatWholeNumber(row[name], page.lang) },
        ]}
      />
      <p class="ds-paragraph">
        {props.yearReportSent
          ? <a class="ds-link" href={nationalYearReportPath(grantYear, row.tenantId)}>{tr('drill.yearReport', { year: grantYear })}</a>
          : tr('drill.noYearReport', { year: grantYear })}
      </p>
    </Layout>
  );
}
