/**
 * The case timeline: every audit event about one application, whichever part of the product wrote
 * it (submission, screening, assignment, assessment, return, recommendation, decision, jobs).
 */
import type { TenantId } from '../kernel/tenants';

/** One event about an application, as the timeline shows it. */
export interface CaseEvent {
  readonly eventId: string;
  readonly at: string;
  /** A user id, or `applicant:<applicationId>` / `system:<job>` (an `officer:` prefix is allowed). */
  readonly actor: string;
  readonly machine: string;
  readonly action: string;
  readonly from?: string;
  readonly to?: string;
}

/** Reads an application's events. */
export interface CaseEventReader {
  /** Oldest first; one Query of the application's index partition, never a Scan. */
  listForApplication(tenantId: TenantId, applicationId: string): Promise<CaseEvent[]>;
}

/** Who did it, as the timeline names the kinds of actor. */
export type ActorKind = { kind: 'applicant' } | { kind: 'system'; job: string } | { kind: 'user'; userId: string };

/** The kind of an event's actor. */
export function actorOf(actor: string): ActorKind {
  if (actor.startsWith('applicant:')) return { kind: 'applicant' };
  if (actor.startsWith('system:')) return { kind: 'system', job: actor.slice('system:'.length) };
  return { kind: 'user', userId: actor.startsWith('officer:') ? actor.slice('officer:'.length) : actor };
}
