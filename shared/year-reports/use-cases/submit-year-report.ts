import type { TenantId } from '../../kernel/tenants';
import type { MeasureLine, YearReportFigures } from '../figures';
import {
  checkAssessments, emptyAssessments, YearReportAlreadySubmittedError, YearReportChangedError,
  type StoredYearReport, type YearReportAssessments, type YearReportRepository,
} from '../year-report';

/** What {@link submitYearReport} needs. */
export interface SubmitYearReportDeps {
  readonly yearReports: YearReportRepository;
  /** The figures and measures as the data stands at submission (`source.ts`). */
  readonly currentFigures: () => Promise<{ figures: YearReportFigures; measures: MeasureLine[] }>;
}

/**
 * The municipality's admin sends the year report to IMDi, once.
 *
 * Primary course: the report is a draft (or never saved) at `expectedVersion`, and every
 * assessment is written (those given here, else the draft's); the figures and measures computed
 * now are frozen into it with the texts, stored as the next version with an audit event in one
 * write. IMDi sees it from then on.
 *
 * Alternatives:
 * - An assessment is empty or too long: `YearReportAssessmentError` (422) naming it.
 * - It was already submitted, also by someone at the same moment: `YearReportAlreadySubmittedError`
 *   (409); exactly one submission is stored.
 * - Someone saved the draft since it was read: `YearReportChangedError` (409).
 */
export async function submitYearReport(
  deps: SubmitYearReportDeps,
  input: {
    readonly tenantId: TenantId; readonly grantYear: number; readonly expectedVersion: number;
    readonly assessments?: YearReportAssessments; readonly actor: string; readonly now: Date; readonly eventId: string;
  },
): Promise<StoredYearReport> {
  const stored = await deps.yearReports.get(input.tenantId, input.grantYear);
  if (stored?.status === 'submitted') throw new YearReportAlreadySubmittedError(input.grantYear, stored.submittedAt);
  if ((stored?.version ?? 0) !== input.expectedVersion) throw new YearReportChangedError();
  const assessments = checkAssessments(input.assessments ?? stored?.assessments ?? emptyAssessments, true);
  const { figures, measures } = await deps.currentFigures();
  const at = input.now.toISOString();
  const next: StoredYearReport = {
    tenantId: input.tenantId, grantYear: input.grantYear, status: 'submitted', assessments,
    version: input.expectedVersion + 1, updatedAt: at, updatedBy: input.actor, submittedAt: at, submittedBy: input.actor, figures, measures,
  };
  try {
    await deps.yearReports.save(next, { eventId: input.eventId, at, actor: `officer:${input.actor}`, action: 'submit' });
  } catch (error) {
    // Two admins submitting at once both read the draft; the loser is told it is sent, not to reload.
    const now = error instanceof YearReportChangedError ? await deps.yearReports.get(input.tenantId, input.grantYear) : undefined;
    if (now?.status === 'submitted') throw new YearReportAlreadySubmittedError(input.grantYear, now.submittedAt);
    throw error;
  }
  return next;
}
