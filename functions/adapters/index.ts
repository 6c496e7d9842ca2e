import type { Config } from '../config';
import { createAggregateRepository } from './aggregate-repository';
import { createApplicationRepository } from './application-repository';
import { createMagicLinkStore } from './magic-link-store';
import { createBrregRegistry } from './brreg-registry';
import { createCallRepository } from './call-repository';
import { createDocumentClient } from './dynamodb-client';
import { createHealthProbe } from './health-probe';
import { createOutboxRepository } from './outbox-repository';
import { createS3AttachmentStore, createS3Client, LOCAL_ATTACHMENTS_BUCKET } from './s3-attachment-store';
import { createSesClient, createSesMailer } from './ses-mailer';
import { createTenantRepository } from './tenant-repository';

/**
 * Builds every adapter from one configuration. Composition roots (the Lambda entry points and the
 * local server) call this once per process, so SDK clients are reused across requests.
 */
export function createAdapters(config: Config) {
  const db = createDocumentClient(config);
  return {
    db,
    calls: createCallRepository(db, config.TABLE_NAME),
    tenants: createTenantRepository(db, config.TABLE_NAME),
    applications: createApplicationRepository(db, config.TABLE_NAME),
    aggregates: createAggregateRepository(db, config.TABLE_NAME),
    magicLinks: createMagicLinkStore(db, config.TABLE_NAME),
    health: createHealthProbe(db, config.TABLE_NAME),
    outbox: createOutboxRepository(db, config.TABLE_NAME),
    mailer: createSesMailer(createSesClient(config), config),
    registry: createBrregRegistry({ baseUrl: config.REGISTRY_BASE_URL, timeoutMs: config.REGISTRY_TIMEOUT_MS }),
    attachments: createS3AttachmentStore(createS3Client(config), {
      bucket: config.ATTACHMENTS_BUCKET ?? LOCAL_ATTACHMENTS_BUCKET,
      serverSideEncryption: config.S3_ENDPOINT === undefined,
    }),
  };
}

/** The adapters of one process. */
export type Adapters = ReturnType<typeof createAdapters>;
