/** What the report use cases need from the outside world. */
import type { Application } from '../applications/application';
import type { ApplicationRepository } from '../applications/ports';
import type { Clock, IdGenerator } from '../kernel/ports';
import type { GrantReport } from './report';

/** Which email a report change sends the organisation. */
export type ReportMessageKind = 'submitted' | 'returned' | 'approved';

/** The email of a report change, composed in the applicant's language (`web/emails/report.ts`). */
export type ComposeReportMessage = (input: { kind: ReportMessageKind; application: Application; report: GrantReport }) => {
  subject: string;
  text: string;
  html?: string;
};

/** The store, the clock and ids of every report use case; the application item carries the report. */
export interface ReportDeps {
  readonly applications: Pick<ApplicationRepository, 'get' | 'change'>;
  readonly clock: Clock;
  readonly newId: IdGenerator;
}
