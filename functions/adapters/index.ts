import type { Config } from '../config';
import { createCallRepository } from './call-repository';
import { createDocumentClient } from './dynamodb-client';
import { createHealthProbe } from './health-probe';
import { createOutboxRepository } from './outbox-repository';
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
    health: createHealthProbe(db, config.TABLE_NAME),
    outbox: createOutboxRepository(db, config.TABLE_NAME),
    mailer: createSesMailer(createSesClient(config), config),
  };
}

/** The adapters of one process. */
export type Adapters = ReturnType<typeof createAdapters>;
