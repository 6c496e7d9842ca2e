import { handle } from 'hono/aws-lambda';
import { createAdapters } from '../../adapters';
import { loadConfig } from '../../config';
import { authSettingsFrom, createAuthentication } from '../common/authentication';
import { createLogger } from '../common/logger';
import { createNationalApp } from './app';

// Built once per Lambda container and reused by every invocation it serves.
const config = loadConfig(process.env);
const adapters = createAdapters(config);

/** API Gateway HTTP API (payload v2) entry point of the national (IMDi) app. */
export const handler = handle(
  createNationalApp({
    calls: adapters.calls,
    tenants: adapters.tenants,
    auth: createAuthentication(authSettingsFrom(config)),
    logger: createLogger(config.LOG_LEVEL, { app: 'national' }),
    baseUrl: config.APP_BASE_URL,
  }),
);
