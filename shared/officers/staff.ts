/**
 * The municipality's staff directory: everyone who has signed in to its workspace, so that a
 * caseworker and the assessors can be picked by name. It holds the user id (the token's opaque
 * subject), the display name the token carries, the roles and when the user was last seen; never
 * an email address. It lives in the tenant's own partition. Roles are given in the municipality's
 * identity provider, never here: the directory shows them as the latest sign-in carried them.
 */
import type { TenantId } from '../kernel/tenants';
import type { Role } from './permissions';
import { isExternalAssessor } from './permissions';

/** One person in the directory. */
export interface StaffMember {
  readonly userId: string;
  /** The display name from the ID token, when the issuer gives one. */
  readonly name?: string;
  readonly roles: readonly Role[];
  /** When the user was last recorded (ISO-8601 UTC). */
  readonly lastSeenAt: string;
}

/** The directory's store. */
export interface StaffDirectory {
  /**
   * Records (or refreshes) one user of the tenant. Writes at most once per user and Oslo day, and
   * again the same day only when the user's roles changed.
   */
  record(tenantId: TenantId, member: StaffMember): Promise<void>;
  /** Everyone recorded for the tenant, by name. */
  list(tenantId: TenantId): Promise<StaffMember[]>;
  /**
   * Takes one user out of the directory (someone who has left), with an audit event naming who
   * did it, in one write. False when the user was not in it. A user who still has access in the
   * identity provider is recorded again at their next sign-in.
   */
  remove(tenantId: TenantId, userId: string, audit: { readonly eventId: string; readonly at: string; readonly actor: string }): Promise<boolean>;
}

/** Whether the member may be the caseworker: an employee who handles cases. */
export function canBeCaseworker(member: StaffMember): boolean {
  return member.roles.includes('officer');
}

/** Whether the member may be assigned to assess: employees who score, and external assessors. */
export function canAssess(member: StaffMember): boolean {
  return member.roles.some((role) => role === 'officer' || role === 'approver' || role === 'assessor');
}

/** Whether the member is an assessor from outside the administration. */
export function isExternal(member: StaffMember): boolean {
  return isExternalAssessor(member.roles);
}

/** How a user is named on a page: the directory's name, else the id. */
export function nameOf(userId: string, staff: readonly StaffMember[]): string {
  return staff.find((member) => member.userId === userId)?.name ?? userId;
}
