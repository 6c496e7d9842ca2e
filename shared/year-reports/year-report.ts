/**
 * The municipality's year report to IMDi for one grant year: the figures and measures computed
 * from the data (`figures.ts`) and the free-text assessments (vurderinger) IMDi asks for, written
 * by the municipality. A draft keeps only the texts (its figures are computed live, so they are
 * never stale); submission happens once and freezes the figures and measures into the report, so
 * IMDi reads what the municipality reviewed, whatever changes later.
 */
import { z } from 'zod';
import { DomainError } from '../kernel/errors';
import type { TenantId } from '../kernel/tenants';
import type { MeasureLine, YearReportFigures } from './figures';

/** The assessments IMDi asks for, in the order the form shows them. */
export const assessmentTopics = ['experiences', 'cooperation', 'challenges'] as const;

/** One of {@link assessmentTopics}. */
export type AssessmentTopic = (typeof assessmentTopics)[number];

/** The longest assessment; a few paragraphs, as IMDi's report form allows. */
export const MAX_ASSESSMENT_LENGTH = 4000;

/** The texts as saved; a draft may leave any of them empty. */
export type YearReportAssessments = Readonly<Record<AssessmentTopic, string>>;

/** The texts of a report not yet written. */
export const emptyAssessments: YearReportAssessments = { experiences: '', cooperation: '', challenges: '' };

/** A grant year a report can be about. */
export const reportYearSchema = z.coerce.number().int().min(2000).max(2100);

/** What IMDi sees of a submitted report's sending, and who may change a draft until then. */
export type YearReportStatus = 'draft' | 'submitted';

/** The report as stored; `figures` and `measures` only once submitted. */
export interface StoredYearReport {
  readonly tenantId: TenantId;
  readonly grantYear: number;
  readonly status: YearReportStatus;
  readonly assessments: YearReportAssessments;
  /** Raised by every save; 0 is the report never saved. */
  readonly version: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly submittedAt?: string;
  readonly submittedBy?: string;
  readonly figures?: YearReportFigures;
  readonly measures?: readonly MeasureLine[];
}

/** The store of year reports, for the municipality's own officers (tenant-scoped). */
export interface YearReportRepository {
  get(tenantId: TenantId, grantYear: number): Promise<StoredYearReport | undefined>;
  /**
   * Stores `next` (version = the version read + 1) with its audit event in one transaction, if the
   * stored report still has the version before and is a draft; otherwise throws
   * {@link YearReportChangedError} and writes nothing.
   */
  save(next: StoredYearReport, audit: { readonly eventId: string; readonly at: string; readonly actor: string; readonly action: 'save_draft' | 'submit' }): Promise<void>;
}

/** IMDi's reading of every municipality's report of a year (read only, not tenant-scoped). */
export interface YearReportReader {
  /** The stored reports of these tenants for the year; a tenant without one is left out. */
  getMany(tenantIds: readonly TenantId[], grantYear: number): Promise<StoredYearReport[]>;
}

/** The report as IMDi may see it: only once submitted, never a draft. */
export function visibleToImdi(report: StoredYearReport | undefined): report is StoredYearReport & { status: 'submitted' } {
  return report?.status === 'submitted';
}

/** Someone else saved or submitted the report since it was read. */
export class YearReportChangedError extends DomainError {
  constructor() {
    super('year_report.changed_meanwhile', {
      nb: 'Årsrapporten ble endret av noen andre samtidig. Det du skrev, står under; last siden på nytt for å se endringene.',
      nn: 'Årsrapporten vart endra av nokon andre samstundes. Det du skreiv, står under; last sida på nytt for å sjå endringane.',
      en: 'Someone else changed the year report at the same time. What you wrote is below; reload the page to see their changes.',
    });
  }
}

/** The report was already sent to IMDi; it is sent once and then not changed. */
export class YearReportAlreadySubmittedError extends DomainError {
  constructor(grantYear: number, submittedAt?: string) {
    super('year_report.already_submitted', {
      nb: `Årsrapporten for ${grantYear} er allerede sendt til IMDi og kan ikke endres.`,
      nn: `Årsrapporten for ${grantYear} er allereie send til IMDi og kan ikkje endrast.`,
      en: `The year report for ${grantYear} has already been sent to IMDi and cannot be changed.`,
    }, { details: { grantYear, ...(submittedAt ? { submittedAt } : {}) } });
  }
}

/** An assessment is too long (any time) or empty (at submission). */
export class YearReportAssessmentError extends DomainError {
  constructor(fields: readonly { topic: AssessmentTopic; problem: 'required' | 'too_long' }[]) {
    super('year_report.invalid_assessment', {
      nb: 'Noen av vurderingene mangler eller er for lange. Rett feltene som er merket.',
      nn: 'Nokre av vurderingane manglar eller er for lange. Rett felta som er merkte.',
      en: 'Some of the assessments are missing or too long. Correct the marked fields.',
    }, {
      fields: fields.map(({ topic, problem }) => ({
        field: `assessments.${topic}`,
        code: `year_report.${problem}`,
        messages: problem === 'required'
          ? { nb: 'Skriv denne vurderingen før rapporten sendes.', nn: 'Skriv denne vurderinga før rapporten vert send.', en: 'Write this assessment before the report is sent.' }
          : { nb: `Skriv høyst ${MAX_ASSESSMENT_LENGTH} tegn.`, nn: `Skriv høgst ${MAX_ASSESSMENT_LENGTH} teikn.`, en: `Write at most ${MAX_ASSESSMENT_LENGTH} characters.` },
      })),
    });
  }
}

/** The texts trimmed, or the error naming each text that is too long (and, at submission, empty). */
export function checkAssessments(texts: YearReportAssessments, forSubmission: boolean): YearReportAssessments {
  const trimmed = Object.fromEntries(assessmentTopics.map((topic) => [topic, texts[topic].trim()])) as Record<AssessmentTopic, string>;
  const problems = assessmentTopics.flatMap((topic): { topic: AssessmentTopic; problem: 'required' | 'too_long' }[] => {
    if (trimmed[topic].length > MAX_ASSESSMENT_LENGTH) return [{ topic, problem: 'too_long' }];
    if (forSubmission && trimmed[topic] === '') return [{ topic, problem: 'required' }];
    return [];
  });
  if (problems.length > 0) throw new YearReportAssessmentError(problems);
  return trimmed;
}
