/** When a case takes a caseworker and assessors. */
import type { Application } from '../applications/application';

/** Statuses in which a case can be given people: received and not yet decided. */
export const assignableStatuses = ['submitted', 'under_assessment', 'returned'] as const satisfies readonly Application['status'][];

/** Whether the case takes assignments now. */
export function isAssignable(application: Pick<Application, 'status'>): boolean {
  return (assignableStatuses as readonly string[]).includes(application.status);
}
