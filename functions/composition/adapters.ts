import { createAggregateRepository } from '../adapters/aggregate-repository';
import { createAllocationDraftRepository } from '../adapters/allocation-draft-repository';
import { createAllocationRepository } from '../adapters/allocation-repository';
import { createAssessmentRepository } from '../adapters/assessment-repository';
import { createAuditTrailRepository } from '../adapters/audit-trail-repository';
import { createApplicationRepository } from '../adapters/application-repository';
import { createBrregRegistry } from '../adapters/brreg-registry';
import { createBudgetRepository } from '../adapters/budget-repository';
import { createCallRepository } from '../adapters/call-repository';
import { createCaseEventRepository } from '../adapters/case-event-repository';
import { createFundingIndexRepository } from '../adapters/funding-index-repository';
import { createStaffRepository } from '../adapters/staff-repository';
import { ruleSetsFrom, withCachedVersions } from '../../shared/rules/rule-sets';
import { createAppealRepository } from '../adapters/appeal-repository';
import { createDecisionRepository } from '../adapters/decision-repository';
import { createPaymentRepository } from '../adapters/payment-repository';
import { createDocumentClient } from '../adapters/dynamodb-client';
import { createHealthProbe } from '../adapters/health-probe';
import { createLinkRequestQueue } from '../adapters/link-request-queue';
import { createMagicLinkStore } from '../adapters/magic-link-store';
import { createRateCounter } from '../adapters/rate-counter';
import { createRevokedTokenStore } from '../adapters/revoked-token-store';
import { createRuleSetRepository } from '../adapters/rule-set-repository';
import { createOutboxRepository } from '../adapters/outbox-repository';
import { createS3AttachmentStore, createS3Client } from '../adapters/s3-attachment-store';
import { createSesClient, createSesMailer } from '../adapters/ses-mailer';
import { createStandardTextRepository } from '../adapters/standard-text-repository';
import { createTenantRepository } from '../adapters/tenant-repository';
import { createYearCloseRepository } from '../adapters/year-close-repository';
import { createYearReportRepository } from '../adapters/year-report-repository';
import { LOCAL_ATTACHMENTS_BUCKET, type Config } from './config';

/**
 * Builds every adapter from one configuration. The composition root calls this once per process,
 * so SDK clients are reused across requests.
 */
export function createAdapters(config: Config) {
  const db = createDocumentClient(config);
  const ruleSets = createRuleSetRepository(db, config.TABLE_NAME);
  return {
    db,
    calls: createCallRepository(db, config.TABLE_NAME),
    tenants: createTenantRepository(db, config.TABLE_NAME),
    applications: createApplicationRepository(db, config.TABLE_NAME),
    aggregates: createAggregateRepository(db, config.TABLE_NAME),
    budget: createBudgetRepository(db, config.TABLE_NAME),
    assessments: createAssessmentRepository(db, config.TABLE_NAME),
    standardTexts: createStandardTextRepository(db, config.TABLE_NAME),
    allocations: createAllocationRepository(db, config.TABLE_NAME),
    ruleSets,
    /** The rule-set versions as the rounds use them; a version never changes, so reads are kept. */
    roundRules: withCachedVersions(ruleSetsFrom(ruleSets)),
    staff: createStaffRepository(db, config.TABLE_NAME),
    caseEvents: createCaseEventRepository(db, config.TABLE_NAME),
    funding: createFundingIndexRepository(db, config.TABLE_NAME),
    decisions: createDecisionRepository(db, config.TABLE_NAME),
    payments: createPaymentRepository(db, config.TABLE_NAME),
    appeals: createAppealRepository(db, config.TABLE_NAME),
    allocationDrafts: createAllocationDraftRepository(db, config.TABLE_NAME),
    yearClose: createYearCloseRepository(db, config.TABLE_NAME),
    yearReports: createYearReportRepository(db, config.TABLE_NAME),
    auditTrail: createAuditTrailRepository(db, config.TABLE_NAME),
    magicLinks: createMagicLinkStore(db, config.TABLE_NAME),
    linkRequests: createLinkRequestQueue(db, config.TABLE_NAME),
    health: createHealthProbe(db, config.TABLE_NAME),
    revokedTokens: createRevokedTokenStore(db, config.TABLE_NAME),
    rateCounter: createRateCounter(db, config.TABLE_NAME),
    outbox: createOutboxRepository(db, config.TABLE_NAME),
    mailer: createSesMailer(createSesClient(config), config),
    registry: createBrregRegistry({ baseUrl: config.REGISTRY_BASE_URL, timeoutMs: config.REGISTRY_TIMEOUT_MS }),
    attachments: createS3AttachmentStore(createS3Client(config), attachmentStoreOptions(config)),
  };
}

/** Where attachments go: the configured bucket in AWS, where S3 also encrypts; the stand-in's bucket off AWS. */
export function attachmentStoreOptions(config: Config) {
  return { bucket: config.ATTACHMENTS_BUCKET ?? LOCAL_ATTACHMENTS_BUCKET, serverSideEncryption: config.S3_ENDPOINT === undefined };
}

/** The adapters of one process. */
export type Adapters = ReturnType<typeof createAdapters>;
