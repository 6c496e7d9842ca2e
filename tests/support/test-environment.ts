import { inject } from 'vitest';
import { ulid } from 'ulid';
import { createAdapters } from '../../functions/adapters';
import { loadConfig, type Config } from '../../functions/config';
import { tenantIdSchema, type TenantId } from '../../shared/tenants';

/** Configuration pointing at the DynamoDB Local and SES stand-in of this test run. */
export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({
    TABLE_NAME: inject('tableName'),
    AWS_REGION: 'eu-north-1',
    DYNAMODB_ENDPOINT: inject('dynamoDbEndpoint'),
    SES_ENDPOINT: inject('mailEndpoint'),
    APP_BASE_URL: 'http://localhost:3000',
    LOG_LEVEL: 'error',
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
