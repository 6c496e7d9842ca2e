import { handle } from 'hono/aws-lambda';
import { createAdapters } from '../../adapters';
import { loadConfig } from '../../config';
import { authSettingsFrom, createAuthentication } from '../common/authentication';
import { createLogger } from '../common/logger';
import { createOfficerApp } from './app';

// Built once per Lambda container and reused by every invocation it serves; the issuer's keys
// are fetched on the first request and cached with the container.
const config = loadConfig(process.env);
const adapters = createAdapters(config);

/** API Gateway HTTP API (payload v2) entry point of the officer app. */
export const handler = handle(
  createOfficerApp({
    forTenant: () => ({ calls: adapters.calls, applications: adapters.applications, tenants: adapters.tenants }),
    auth: createAuthentication(authSettingsFrom(config)),
    logger: createLogger(config.LOG_LEVEL, { app: 'officer' }),
    baseUrl: config.APP_BASE_URL,
  }),
);
