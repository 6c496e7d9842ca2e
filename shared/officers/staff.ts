/**
 * The municipality's staff directory: everyone who has signed in to its workspace, so that a
 * caseworker and the assessors can be picked by name. It holds the user id (the token's opaque
 * subject), the display name the token carries, the roles and when the user was last seen; never
 * an email address. It lives in the tenant's own partition.
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
   * Records (or refreshes) one user of the tenant. Writes at most once per user and Oslo day; a
   * second call the same day changes nothing.
   */
  record(tenantId: TenantId, member: StaffMember): Promise<void>;
  /** Everyone recorded for the tenant, by name. */
  list(tenantId: TenantId): Promise<StaffMember[]>;
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
