/**
 * What a request for more information lets the applicant do: change the sections it names, and
 * nothing else, until the application is sent back.
 */
import type { Application } from './application';
import type { SectionName } from './section-schemas';

/** Whether the applicant may change `section` now: only a returned application's requested sections. */
export function isReturnedSection(application: Pick<Application, 'status' | 'returnRequest'>, section: SectionName): boolean {
  return application.status === 'returned' && (application.returnRequest?.sections.includes(section) ?? false);
}
