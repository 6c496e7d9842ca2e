import { handle } from 'hono/aws-lambda';
import { createAdapters } from '../../adapters';
import { loadConfig } from '../../config';
import { createLogger } from '../common/logger';
import { createApplicantApp } from './app';

// Built once per Lambda container and reused by every invocation it serves.
const config = loadConfig(process.env);
const adapters = createAdapters(config);

/** API Gateway HTTP API (payload v2) entry point of the public applicant app. */
export const handler = handle(
  createApplicantApp({
    calls: adapters.calls,
    health: adapters.health,
    logger: createLogger(config.LOG_LEVEL, { app: 'applicant' }),
    baseUrl: config.APP_BASE_URL,
  }),
);
