import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { NATIONAL_TENANT_ID } from '../../shared/kernel/tenants';
import { AUDIT_TRAILS, FUNDING_INDEX, INDEX_KEYS, NATIONAL_KEYS, RULE_SET_VERSIONS, SERVICE_KEYS, SESSION_APPLICATION, SESSION_TENANT, tenantKeys } from './key-patterns';
import { grantKeyScopedAccess, grantTableDescription, type KeyScopedAccess } from './table-access';
import { TenantSessionRole } from './tenant-session-role';

const anyTenant = tenantKeys('*');
const sessionTenant = tenantKeys(SESSION_TENANT);

/**
 * The anonymous applicant before a signed session names its tenant: the public list of open calls,
 * a call's round, finding an organisation's applications (start's "use last year's answers"),
 * recording a request for new links, and consuming a single-use link record whose signed token
 * names it. Of national data, only reading a rule-set version: the rules of a call's round.
 */
export const APPLICANT_ACCESS: readonly KeyScopedAccess[] = [
  { on: 'byList', actions: ['dynamodb:Query'], leadingKeys: [INDEX_KEYS.openCalls] },
  { on: 'byOrganisation', actions: ['dynamodb:Query'], leadingKeys: [INDEX_KEYS.applicationsOfAnyOrganisation] },
  { on: 'table', actions: ['dynamodb:GetItem'], leadingKeys: [anyTenant.rounds] },
  // The round's rules, by (year, version): read-only, and no other national partition.
  { on: 'table', actions: ['dynamodb:GetItem'], leadingKeys: [RULE_SET_VERSIONS] },
  { on: 'table', actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], leadingKeys: [anyTenant.links] },
  // Counting starts and link requests against their limits (functions/http/common/rate-limits.ts).
  { on: 'table', actions: ['dynamodb:UpdateItem'], leadingKeys: [SERVICE_KEYS.rateWindows] },
  // Recording a link request, which the send-outbox job resolves; the app never reads one back.
  { on: 'table', actions: ['dynamodb:PutItem'], leadingKeys: [SERVICE_KEYS.linkRequests] },
];

/** The signed-in apps' own execution roles: recording a signed-out token and checking every token against them. */
export const REVOCATION_ACCESS: readonly KeyScopedAccess[] = [
  { on: 'table', actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], leadingKeys: [SERVICE_KEYS.revokedTokens] },
];

/**
 * The applicant's session role, tagged with the tenant and the application: the application itself,
 * and what its transactions add in the tenant's partitions (audit events, queued e-mails, link
 * records, the tenant-year counters), plus the call it belongs to. Answering a grant deletes the
 * grant's entry in the index of grants awaiting an answer (an item in the application's own
 * partition) and, for a decline, gives the money back to the tenant's budget position: read, and
 * updated by the guarded `ADD` that may only add to `returned` (the condition is the code's; IAM
 * cannot name counters), with the budget's audit event beside it.
 */
export const APPLICANT_SESSION_ACCESS: readonly KeyScopedAccess[] = [
  {
    on: 'table',
    actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'],
    leadingKeys: [sessionTenant.application(SESSION_APPLICATION)],
  },
  { on: 'table', actions: ['dynamodb:GetItem'], leadingKeys: [sessionTenant.budget] },
  {
    on: 'table',
    actions: ['dynamodb:UpdateItem'],
    leadingKeys: [sessionTenant.budget],
    // The return guard's update and condition (functions/adapters/budget-repository.ts): it adds to
    // `returned` and `version` only, so the frame and the other counters stay out of reach.
    onlyAttributes: ['PK', 'SK', 'returned', 'version', 'awarded', 'allocationVersion', 'closedAt'],
  },
  { on: 'table', actions: ['dynamodb:PutItem'], leadingKeys: [sessionTenant.audit, sessionTenant.outbox, sessionTenant.links] },
  { on: 'table', actions: ['dynamodb:UpdateItem'], leadingKeys: [sessionTenant.aggregates] },
  { on: 'table', actions: ['dynamodb:GetItem'], leadingKeys: [sessionTenant.rounds] },
  // Submitting puts the application's entry in the cross-tenant funding index in the same
  // transaction (functions/adapters/entities/funding-entry-item.ts). IAM cannot pin the sort key to
  // the session's application, so the role may put entries under any orgnr; it can read none.
  { on: 'table', actions: ['dynamodb:PutItem'], leadingKeys: [FUNDING_INDEX] },
];

/**
 * An officer's session role, tagged with the tenant: that tenant's partitions and round lists; of
 * national data, reading the rule-set versions a round is created and checked under, and locking
 * the version a new round uses — an update that may name no attribute but the keys and `locked`,
 * so an officer can lock a rule set but never change one.
 */
export const OFFICER_SESSION_ACCESS: readonly KeyScopedAccess[] = [
  // The national rules: read to create a round, to screen a case and for a decision letter's appeal rules.
  { on: 'table', actions: ['dynamodb:GetItem', 'dynamodb:Query'], leadingKeys: [RULE_SET_VERSIONS] },
  { on: 'table', actions: ['dynamodb:UpdateItem'], leadingKeys: [RULE_SET_VERSIONS], onlyAttributes: ['PK', 'SK', 'locked'] },
  {
    on: 'table',
    actions: [
      'dynamodb:GetItem',
      'dynamodb:BatchGetItem',
      'dynamodb:Query',
      'dynamodb:ConditionCheckItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ],
    leadingKeys: [sessionTenant.all],
  },
  // The one delete an officer may make: the municipal admin takes someone who has left off the staff
  // directory, so personal data is not kept longer than needed. Nothing else of the tenant is ever deleted.
  { on: 'table', actions: ['dynamodb:DeleteItem'], leadingKeys: [sessionTenant.staff] },
  { on: 'byList', actions: ['dynamodb:Query'], leadingKeys: [sessionTenant.all] },
  // The organisation's earlier applications in this tenant: `T#<tenant>#ORG#<orgnr>` in `byYear`.
  // The cross-tenant `ORG#<orgnr>` (`byOrganisation`) stays out of reach.
  { on: 'byYear', actions: ['dynamodb:Query'], leadingKeys: [sessionTenant.organisations] },
  // Deliberately outside the tenant's keys: possible double funding. The funding index's entries
  // hold no personal data (tenant name, round, reference, status, amounts, sub-goals, operating
  // grant or not). A decision puts its application's entry again with the outcome; as for the
  // applicant's submission, IAM cannot pin the sort key to the tenant, so the put is by key pattern.
  { on: 'table', actions: ['dynamodb:Query', 'dynamodb:PutItem'], leadingKeys: [FUNDING_INDEX] },
];

/**
 * IMDi: national data, and of each tenant only what the national overview, the allocation, the year
 * close, the year reports and the audit trail need. It writes national items and, in tenant partitions, only the
 * profile and the budget positions (allocation and year close), new audit events (never changing
 * one) and IMDi's own outbox. It reads the audit partitions by query only.
 */
export const NATIONAL_ACCESS: readonly KeyScopedAccess[] = [
  {
    on: 'table',
    actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
    // Year reports: IMDi reads each municipality's (only a submitted one is shown), never writes one.
    leadingKeys: [NATIONAL_KEYS, anyTenant.profile, anyTenant.budget, anyTenant.rounds, anyTenant.aggregates, anyTenant.yearReports],
  },
  { on: 'byYear', actions: ['dynamodb:Query'], leadingKeys: [INDEX_KEYS.aggregatesOfAnyYear] },
  // The audit trail page and API: one query per tenant's audit partition, by time.
  { on: 'table', actions: ['dynamodb:Query'], leadingKeys: [AUDIT_TRAILS] },
  {
    on: 'table',
    actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
    // IMDi's own outbox: publishing an allocation sends the assignment letters as IMDi, never in
    // a municipality's partitions.
    leadingKeys: [NATIONAL_KEYS, anyTenant.profile, anyTenant.budget, tenantKeys(NATIONAL_TENANT_ID).outbox],
  },
  // Audit events are only ever added: publishing records IMDi's, the year close each municipality's
  // beside the change to its budget positions.
  { on: 'table', actions: ['dynamodb:PutItem'], leadingKeys: [AUDIT_TRAILS] },
];

/** Props of {@link AudienceAccess}. */
export interface AudienceAccessProps {
  readonly table: ITable;
  readonly attachmentsBucket: IBucket;
}

/** The execution roles of the three HTTP Lambdas. */
export interface AudienceRoles {
  readonly applicant: iam.IRole;
  readonly officer: iam.IRole;
  readonly national: iam.IRole;
}

/**
 * What each audience's Lambda may touch, and the session roles through which the applicant and
 * officer apps reach one tenant's data. The officer's execution role gets no data access of its
 * own: until the verified token names the tenant it can do nothing but assume its session role.
 */
export class AudienceAccess extends Construct {
  readonly officerSession: TenantSessionRole;
  readonly applicantSession: TenantSessionRole;

  constructor(scope: Construct, id: string, private readonly props: AudienceAccessProps) {
    super(scope, id);
    const { table, attachmentsBucket: bucket } = props;

    // Attachment keys are `<tenantId>/<applicationId>/<ulid>-<filename>`
    // (shared/applications/attachment-keys.ts), so the prefix pins tenant and application.
    this.applicantSession = new TenantSessionRole(this, 'ApplicantSession', {
      description: "Fordel applicant session: one application's items and attachments",
      sessionTags: ['tenantId', 'applicationId'],
      table,
      tableAccess: APPLICANT_SESSION_ACCESS,
      bucket,
      // Presigned URLs carry the signer's permissions: applicants upload, re-read and (while a
      // draft) remove their own files.
      objectActions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
      objectKeyPrefix: `${SESSION_TENANT}/${SESSION_APPLICATION}/`,
    });

    this.officerSession = new TenantSessionRole(this, 'OfficerSession', {
      description: "Fordel officer session: one managing municipality's items and attachments",
      sessionTags: ['tenantId'],
      table,
      tableAccess: OFFICER_SESSION_ACCESS,
      bucket,
      // Officers read the applicants' files and add decision letters; they never delete them.
      objectActions: ['s3:PutObject', 's3:GetObject'],
      objectKeyPrefix: `${SESSION_TENANT}/`,
    });
  }

  /** The session roles, for the environment every HTTP Lambda gets. */
  get sessionRoles(): { officer: iam.IRole; applicant: iam.IRole } {
    return { officer: this.officerSession.role, applicant: this.applicantSession.role };
  }

  /** Gives each audience's execution role its own access, once the Lambdas exist. */
  grantTo(roles: AudienceRoles): void {
    const { table } = this.props;
    grantKeyScopedAccess(roles.applicant, table, APPLICANT_ACCESS);
    grantTableDescription(roles.applicant, table);
    grantKeyScopedAccess(roles.national, table, NATIONAL_ACCESS);
    grantKeyScopedAccess(roles.officer, table, REVOCATION_ACCESS);
    grantKeyScopedAccess(roles.national, table, REVOCATION_ACCESS);
    this.applicantSession.allowAssumeBy(roles.applicant);
    this.officerSession.allowAssumeBy(roles.officer);
  }
}
