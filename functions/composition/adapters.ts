import { createAggregateRepository } from '../adapters/aggregate-repository';
import { createAllocationDraftRepository } from '../adapters/allocation-draft-repository';
import { createAllocationRepository } from '../adapters/allocation-repository';
import { createAuditTrailRepository } from '../adapters/audit-trail-repository';
import { createApplicationRepository } from '../adapters/application-repository';
import { createBrregRegistry } from '../adapters/brreg-registry';
import { createBudgetRepository } from '../adapters/budget-repository';
import { createCallRepository } from '../adapters/call-repository';
import { createDecisionRepository } from '../adapters/decision-repository';
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
import { createTenantRepository } from '../adapters/tenant-repository';
import { createYearCloseRepository } from '../adapters/year-close-repository';
import { ruleSetsFrom, withCachedVersions } from '../../shared/rules/rule-sets';
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
    allocations: createAllocationRepository(db, config.TABLE_NAME),
    ruleSets,
    /** The rule-set version a round was created under, read once per process (a version never changes). */
    roundRules: withCachedVersions(ruleSetsFrom(ruleSets)),
    decisions: createDecisionRepository(db, config.TABLE_NAME),
    allocationDrafts: createAllocationDraftRepository(db, config.TABLE_NAME),
    yearClose: createYearCloseRepository(db, config.TABLE_NAME),
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
