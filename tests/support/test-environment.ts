import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTable } from '../../infra/local/create-table';
import { ulid } from 'ulid';
import { createAdapters } from '../../functions/composition/adapters';
import { loadConfig, type Config } from '../../functions/composition';
import { tenantIdSchema, type TenantId } from '../../shared/kernel/tenants';

/** Configuration pointing at the DynamoDB Local, SES, registry and S3 stand-ins of this test run. */
export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({
    TABLE_NAME: inject('tableName'),
    AWS_REGION: 'eu-north-1',
    DYNAMODB_ENDPOINT: inject('dynamoDbEndpoint'),
    SES_ENDPOINT: inject('mailEndpoint'),
    REGISTRY_BASE_URL: inject('registryBaseUrl'),
    S3_ENDPOINT: inject('s3Endpoint'),
    ATTACHMENTS_BUCKET: inject('attachmentsBucket'),
    APP_BASE_URL: 'http://localhost:3000',
    LOG_LEVEL: 'error',
    MAGIC_LINK_SECRET: 'test-signing-secret-of-at-least-32-characters',
    ...overrides,
  });
}

/** Adapters against this run's stand-ins. */
export function testAdapters(config = testConfig()) {
  return createAdapters(config);
}

/** A tenant id no other test uses, so tests need no cleanup and can run in parallel. */
export function freshTenantId(prefix = 't'): TenantId {
  return tenantIdSchema.parse(`${prefix}${ulid().toLowerCase().slice(-12)}`);
}

/**
 * A configuration with a table of its own, for tests that run the outbox sender: the pending list
 * is table-wide, so a shared table would let one file's sender send another file's emails.
 */
export async function ownTableConfig(): Promise<Config> {
  const config = testConfig({ TABLE_NAME: `fordel-${ulid().toLowerCase()}` });
  const admin = new DynamoDBClient({
    endpoint: config.DYNAMODB_ENDPOINT,
    region: config.AWS_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(admin, config.TABLE_NAME);
  admin.destroy();
  return config;
}
