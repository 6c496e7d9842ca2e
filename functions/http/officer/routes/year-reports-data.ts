import type { Context } from 'hono';
import { ulid } from 'ulid';
import type { Clock } from '../../../../shared/kernel/ports';
import type { MeasureLine, YearReportFigures } from '../../../../shared/year-reports/figures';
import { currentYearReportFigures } from '../../../../shared/year-reports/source';
import { saveYearReportDraft } from '../../../../shared/year-reports/use-cases/save-year-report-draft';
import { submitYearReport } from '../../../../shared/year-reports/use-cases/submit-year-report';
import type { StoredYearReport, YearReportAssessments } from '../../../../shared/year-reports/year-report';
import { principalOf } from '../../common/authentication';
import type { OfficerEnv } from '../officer-data';

/** A year report as the page and the API show it: the stored report, and the figures it states. */
export interface YearReportView {
  readonly report: StoredYearReport | undefined;
  readonly figures: YearReportFigures;
  readonly measures: readonly MeasureLine[];
}

/** The year's report: a submitted one with its frozen figures, else the figures as the data stands now. */
export async function yearReportView(c: Context<OfficerEnv>, grantYear: number): Promise<YearReportView> {
  const { tenantId } = principalOf(c);
  const report = await c.var.data.yearReports.get(tenantId, grantYear);
  if (report?.status === 'submitted' && report.figures && report.measures) return { report, figures: report.figures, measures: report.measures };
  return { report, ...(await currentYearReportFigures(c.var.data, tenantId, grantYear)) };
}

/** Saves the draft's assessments by the signed-in admin. */
export function saveDraft(c: Context<OfficerEnv>, clock: Clock, input: { grantYear: number; expectedVersion: number; assessments: YearReportAssessments }) {
  const { tenantId, userId } = principalOf(c);
  return saveYearReportDraft({ yearReports: c.var.data.yearReports }, { ...input, tenantId, actor: userId, now: clock(), eventId: ulid() });
}

/** Sends the report by the signed-in admin, with the figures computed at that moment. */
export function submit(c: Context<OfficerEnv>, clock: Clock, input: { grantYear: number; expectedVersion: number; assessments?: YearReportAssessments }) {
  const { tenantId, userId } = principalOf(c);
  return submitYearReport(
    { yearReports: c.var.data.yearReports, currentFigures: () => currentYearReportFigures(c.var.data, tenantId, input.grantYear) },
    { ...input, tenantId, actor: userId, now: clock(), eventId: ulid() },
  );
}
