import { refusalPlacement, refuseAccess } from '../adapters/access-refusal';
import { createApplicationRepository } from '../adapters/application-repository';
import { createAssessmentRepository } from '../adapters/assessment-repository';
import { createBudgetRepository } from '../adapters/budget-repository';
import { createCallRepository } from '../adapters/call-repository';
import { createAppealRepository } from '../adapters/appeal-repository';
import { createDecisionRepository } from '../adapters/decision-repository';
import { createPaymentRepository } from '../adapters/payment-repository';
import type { PaymentRepository } from '../../shared/payments/ports';
import { createRuleSetRepository } from '../adapters/rule-set-repository';
import { createDocumentClient, type DocumentClient } from '../adapters/dynamodb-client';
import { createMagicLinkStore } from '../adapters/magic-link-store';
import { createS3AttachmentStore, createS3Client } from '../adapters/s3-attachment-store';
import { assumedRoleCredentials, createStsClient, type SessionTags } from '../adapters/session-credentials';
import { createStandardTextRepository } from '../adapters/standard-text-repository';
import { createYearReportRepository } from '../adapters/year-report-repository';
import type { YearReportRepository } from '../../shared/year-reports/year-report';
import { createTenantRepository } from '../adapters/tenant-repository';
import { createCaseEventRepository } from '../adapters/case-event-repository';
import { createFundingIndexRepository } from '../adapters/funding-index-repository';
import { createStaffRepository } from '../adapters/staff-repository';
import type { CaseEventReader } from '../../shared/applications/case-events';
import type { FundingIndex } from '../../shared/applications/funding-index';
import type { OrganisationRegistry } from '../../shared/applications/ports';
import type { StaffDirectory } from '../../shared/officers/staff';
import type { RuleSets } from '../../shared/rules/ports';
import { ruleSetsFrom, withCachedVersions } from '../../shared/rules/rule-sets';
import type { ApplicationRepository, AttachmentStore, MagicLinkStore } from '../../shared/applications/ports';
import type { AssessmentRepository } from '../../shared/assessments/ports';
import type { StandardTextRepository } from '../../shared/decisions/standard-texts';
import type { TenantId } from '../../shared/kernel/tenants';
import type { BudgetRepository, TenantRepository } from '../../shared/national/ports';
import type { CallRepository } from '../../shared/rounds/ports';
import type { RuleSetRepository } from '../../shared/rules/ports';
import type { DecisionRepository, GrantAnswerRepository } from '../../shared/decisions/ports';
import type { AppealRepository } from '../../shared/appeals/ports';
import { attachmentStoreOptions, type Adapters } from './adapters';
import type { Config } from './config';

/** The repositories an officer request uses for its tenant. */
export interface TenantRepositories {
  readonly calls: CallRepository;
  readonly applications: ApplicationRepository;
  readonly tenants: TenantRepository;
  readonly attachments: AttachmentStore;
  /** The tenant's budget positions, under its own `T#<tenantId>#BUDGET` partition. */
  readonly budget: BudgetRepository;
  /** The case timeline, from the audit events' index keys in the tenant's own prefix. */
  readonly caseEvents: CaseEventReader;
  /** The tenant's staff directory, `T#<tenantId>#STAFF`. */
  readonly staff: StaffDirectory;
  /** The cross-tenant funding index (`FUNDING#<orgnr>`): the officer role may only Query it. */
  readonly funding: FundingIndex;
  /** Enhetsregisteret: not a table, so not scoped. */
  readonly registry: OrganisationRegistry;
  /** Rule-set versions, read only (`NATIONAL#RULESET#*` GetItem). */
  readonly roundRules: Pick<RuleSets, 'version'>;
  /** The assessments beside the tenant's applications. */
  readonly assessments: AssessmentRepository;
  /** The tenant's standard reason texts, under its own `T#<tenantId>#STANDARD_TEXTS` partition. */
  readonly standardTexts: StandardTextRepository;
  /** The national rule-set versions: read to create and check rounds, and a version locked when a round uses it. */
  readonly ruleSets: RuleSetRepository;
  /** Signing decisions: the application, its letter and the award against the tenant's budget, in one transaction. */
  readonly decisions: DecisionRepository;
  /** Paying accepted grants (beside the application, with the budget's `paid`) and the tenant's payment files. */
  readonly payments: PaymentRepository;
  /** The municipality's appeals: the register and each step, with the application, in one transaction. */
  readonly appeals: AppealRepository;
  /** The municipality's year reports to IMDi, under its own `T#<tenantId>#YEAR_REPORT` partition. */
  readonly yearReports: YearReportRepository;
}

/** The repositories an applicant's signed session uses for its one application. */
export interface ApplicationRepositories {
  readonly calls: CallRepository;
  readonly applications: ApplicationRepository;
  readonly magicLinks: MagicLinkStore;
  readonly attachments: AttachmentStore;
  /** Accepting or declining the grant: the answer, and a decline's money back to the tenant's budget, in one transaction. */
  readonly grants: GrantAnswerRepository;
  /** Lodging an appeal against the application's decision. */
  readonly appeals: AppealRepository;
}

/** What the scopes are built with besides the configuration. */
export interface TenantScopeOptions {
  /**
   * Called with each tenant-scoped DynamoDB client as it is made, to add SDK middleware to it;
   * the isolation tests hold the client to the session role's policy this way.
   */
  readonly onScopedClient?: (client: DocumentClient) => void;
}

/**
 * Officers of about 41 tenants fit with room to spare; applicants' sessions are many, so the least
 * recently used are closed to bound a warm container's memory and sockets.
 */
const MAX_OFFICER_SCOPES = 100;
const MAX_APPLICATION_SCOPES = 200;

interface Scope<R> {
  readonly repositories: R;
  destroy(): void;
}

/**
 * Scopes by key, kept for the life of the process and reused, the least recently used dropped past
 * `max`. Closing a dropped scope's clients is safe in Lambda, where a container serves one request
 * at a time and the scope in use is always the most recent.
 */
function scopeCache<R>(max: number, build: (key: string) => Scope<R>) {
  const scopes = new Map<string, Scope<R>>();
  return (key: string): R => {
    let scope = scopes.get(key);
    if (scope) {
      scopes.delete(key);
    } else {
      scope = build(key);
    }
    scopes.set(key, scope);
    if (scopes.size > max) {
      const [oldestKey, oldest] = scopes.entries().next().value!;
      scopes.delete(oldestKey);
      oldest.destroy();
    }
    return scope.repositories;
  };
}

/**
 * The per-request seams `forTenant` and `forApplication`. With a session role configured (in AWS)
 * each scope gets its own DynamoDB and S3 clients signing with credentials of that role, assumed
 * with the scope's session tags, so IAM and not only the code keeps the request to its tenant (and
 * application). Clients and credentials are made once per scope and process and reused; the
 * credentials are renewed shortly before they expire. Without a role (off AWS) every scope is
 * handed the process's shared adapters.
 */
export function createTenantScopes(config: Config, shared: Adapters, options: TenantScopeOptions = {}) {
  // Made with the first scope, so a process without session roles never builds it.
  let sts: ReturnType<typeof createStsClient> | undefined;

  const sessionClients = (roleArn: string, tags: SessionTags, sessionName: string) => {
    sts ??= createStsClient(config);
    const credentials = assumedRoleCredentials(sts, { roleArn, tags, sessionName });
    const db = createDocumentClient(config, credentials);
    db.middlewareStack.add(refuseAccess, refusalPlacement);
    options.onScopedClient?.(db);
    const s3 = createS3Client(config, credentials);
    s3.middlewareStack.add(refuseAccess, refusalPlacement);
    return {
      db,
      attachments: createS3AttachmentStore(s3, attachmentStoreOptions(config)),
      destroy() {
        db.destroy();
        s3.destroy();
      },
    };
  };

  // Rule-set versions never change once stored, so every tenant's scope shares what was read.
  const roundRulesRead = new Map();
  const officerRole = config.OFFICER_TENANT_ROLE_ARN;
  const officerScope = officerRole
    ? scopeCache<TenantRepositories>(MAX_OFFICER_SCOPES, (tenantId) => {
        const { db, attachments, destroy } = sessionClients(officerRole, { tenantId }, `officer-${tenantId}`);
        return {
          repositories: {
            calls: createCallRepository(db, config.TABLE_NAME),
            applications: createApplicationRepository(db, config.TABLE_NAME),
            tenants: createTenantRepository(db, config.TABLE_NAME),
            budget: createBudgetRepository(db, config.TABLE_NAME),
            caseEvents: createCaseEventRepository(db, config.TABLE_NAME),
            staff: createStaffRepository(db, config.TABLE_NAME),
            funding: createFundingIndexRepository(db, config.TABLE_NAME),
            registry: shared.registry,
            roundRules: withCachedVersions(ruleSetsFrom(createRuleSetRepository(db, config.TABLE_NAME)), roundRulesRead),
            assessments: createAssessmentRepository(db, config.TABLE_NAME),
            standardTexts: createStandardTextRepository(db, config.TABLE_NAME),
            ruleSets: createRuleSetRepository(db, config.TABLE_NAME),
            decisions: createDecisionRepository(db, config.TABLE_NAME),
            payments: createPaymentRepository(db, config.TABLE_NAME),
            appeals: createAppealRepository(db, config.TABLE_NAME),
            yearReports: createYearReportRepository(db, config.TABLE_NAME),
            attachments,
          },
          destroy,
        };
      })
    : undefined;

  const applicantRole = config.APPLICANT_TENANT_ROLE_ARN;
  const applicationScope = applicantRole
    ? scopeCache<ApplicationRepositories>(MAX_APPLICATION_SCOPES, (key) => {
        const [tenantId, applicationId] = key.split('/') as [string, string];
        const { db, attachments, destroy } = sessionClients(applicantRole, { tenantId, applicationId }, `applicant-${applicationId}`);
        return {
          repositories: {
            calls: createCallRepository(db, config.TABLE_NAME),
            applications: createApplicationRepository(db, config.TABLE_NAME),
            magicLinks: createMagicLinkStore(db, config.TABLE_NAME),
            attachments,
            grants: createDecisionRepository(db, config.TABLE_NAME),
            appeals: createAppealRepository(db, config.TABLE_NAME),
          },
          destroy,
        };
      })
    : undefined;

  return {
    /** The repositories of one officer request, for the tenant its verified token names. */
    forTenant(tenantId: TenantId): TenantRepositories {
      return officerScope ? officerScope(tenantId) : shared;
    },
    /**
     * The repositories of one applicant request, once its signed session names the tenant and the
     * application. Tenant ids never contain `/`, so the key cannot be forged from the two parts.
     */
    forApplication(tenantId: TenantId, applicationId: string): ApplicationRepositories {
      return applicationScope ? applicationScope(`${tenantId}/${applicationId}`) : { ...shared, grants: shared.decisions };
    },
  };
}
