import type { TenantId } from '../../kernel/tenants';
import {
  checkAssessments, YearReportAlreadySubmittedError, YearReportChangedError,
  type StoredYearReport, type YearReportAssessments, type YearReportRepository,
} from '../year-report';

/** What {@link saveYearReportDraft} needs. */
export interface SaveYearReportDraftDeps {
  readonly yearReports: YearReportRepository;
}

/**
 * The municipality's admin saves the assessments of the year report as a draft.
 *
 * Primary course: the report is not submitted and still has `expectedVersion` (0: never saved);
 * the texts (trimmed, each at most the limit, any of them empty) are stored as the next version
 * with an audit event in the same write.
 *
 * Alternatives:
 * - A text is too long: `YearReportAssessmentError` (422) naming it; nothing is written.
 * - The report was already submitted: `YearReportAlreadySubmittedError` (409).
 * - Someone saved it since it was read: `YearReportChangedError` (409); nothing is written.
 */
export async function saveYearReportDraft(
  deps: SaveYearReportDraftDeps,
  input: {
    readonly tenantId: TenantId; readonly grantYear: number; readonly expectedVersion: number;
    readonly assessments: YearReportAssessments; readonly actor: string; readonly now: Date; readonly eventId: string;
  },
): Promise<StoredYearReport> {
  const assessments = checkAssessments(input.assessments, false);
  const stored = await deps.yearReports.get(input.tenantId, input.grantYear);
  if (stored?.status === 'submitted') throw new YearReportAlreadySubmittedError(input.grantYear, stored.submittedAt);
  if ((stored?.version ?? 0) !== input.expectedVersion) throw new YearReportChangedError();
  const at = input.now.toISOString();
  const next: StoredYearReport = {
    tenantId: input.tenantId, grantYear: input.grantYear, status: 'draft', assessments,
    version: input.expectedVersion + 1, updatedAt: at, updatedBy: input.actor,
  };
  await deps.yearReports.save(next, { eventId: input.eventId, at, actor: `officer:${input.actor}`, action: 'save_draft' });
  return next;
}
