/**
 * Who in a municipality may do what. Roles come only from the verified token's groups; this table
 * turns them into permissions, so each route asks for the permission it needs and never for a
 * role list of its own.
 *
 * - `officer`: the caseworker (saksbehandler): screens, assigns, returns for more information,
 *   assesses and recommends, reviews the final reports and records payments of accepted grants;
 * - `approver`: signs decisions (and may assess);
 * - `municipal-admin`: runs the rounds, the standard texts, the admin reservation and the year report
 *   to IMDi, and oversees the staff directory (who has which role; the roles themselves are given in the identity provider);
 * - `assessor`: someone who is not an employee (e.g. a council member) and may score only the
 *   applications assigned to them.
 */

/** The groups of the officer app's users. */
export const officerRoles = ['officer', 'approver', 'municipal-admin', 'assessor'] as const;

/** Every group a token may carry. */
export const roles = [...officerRoles, 'national-admin'] as const;

/** One of {@link roles}. */
export type Role = (typeof roles)[number];

/** One of {@link officerRoles}. */
export type OfficerRole = (typeof officerRoles)[number];

/** Everything an officer route may require. */
export const officerPermissions = [
  /** See the municipality's rounds, applications and budget. */
  'cases.read',
  /** Create, edit, publish, correct and cancel rounds. */
  'rounds.manage',
  /** Assign the caseworker and the assessors of an application. */
  'cases.assign',
  /** Screen: re-run the registry check, see findings and earlier applications. */
  'cases.screen',
  /** Return an application to the applicant for more information. */
  'cases.return',
  /** Declare impartiality and score an application (an `assessor` only when assigned to it). */
  'assessment.score',
  /** Recommend an outcome with reasons. */
  'cases.recommend',
  /** Sign decisions, one by one or as a batch. */
  'cases.decide',
  /** Review final reports: approve one, or return it to the organisation for changes. */
  'reports.review',
  /**
   * Handle appeals against the municipality's decisions: reverse, uphold and forward, record the
   * appeal body's outcome, dismiss a late appeal. Caseworkers prepare appeals and approvers decide
   * on the municipality's behalf, so both have it.
   */
  'appeals.handle',
  /** Keep the municipality's standard reason texts. */
  'texts.manage',
  /** Set the admin reservation of the budget. */
  'budget.reserve_admin',
  /** Record payments of accepted grants and export the payment file for the accounting system. */
  'payments.manage',
  /** See who works in the municipality's workspace with which roles, and take leavers out. */
  'staff.manage',
  /** Write the year report's assessments and send the report to IMDi (reading it needs only `cases.read`). */
  'year_report.manage',
] as const;

/** One of {@link officerPermissions}. */
export type OfficerPermission = (typeof officerPermissions)[number];

const permissionsOf: Record<OfficerRole, readonly OfficerPermission[]> = {
  officer: ['cases.read', 'cases.assign', 'cases.screen', 'cases.return', 'assessment.score', 'cases.recommend', 'appeals.handle', 'reports.review', 'payments.manage'],
  approver: ['cases.read', 'assessment.score', 'cases.decide', 'appeals.handle'],
  'municipal-admin': ['cases.read', 'rounds.manage', 'cases.assign', 'texts.manage', 'budget.reserve_admin', 'staff.manage', 'payments.manage', 'year_report.manage'],
  assessor: ['assessment.score'],
};

/** Whether a user with these roles has the permission. */
export function can(userRoles: readonly Role[], permission: OfficerPermission): boolean {
  return userRoles.some((role) => role !== 'national-admin' && permissionsOf[role].includes(permission));
}

/**
 * Whether the user may score only the applications assigned to them: an `assessor` without any
 * employee role. Such a user sees no other application, round or figure of the municipality.
 */
export function isExternalAssessor(userRoles: readonly Role[]): boolean {
  return userRoles.includes('assessor') && !userRoles.some((role) => role === 'officer' || role === 'approver' || role === 'municipal-admin');
}
