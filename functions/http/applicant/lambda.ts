import { handle } from 'hono/aws-lambda';
import { createAdapters } from '../../adapters';
import { loadSigningSecret } from '../../adapters/signing-secret';
import { applicantApp } from '../../compose';
import { loadConfig } from '../../config';
import { createLogger } from '../common/logger';

// Built once per Lambda container and reused by every invocation it serves.
const config = loadConfig(process.env);
const adapters = createAdapters(config);
const signingSecret = await loadSigningSecret(config);

/** API Gateway HTTP API (payload v2) entry point of the public applicant app. */
export const handler = handle(applicantApp(config, adapters, createLogger(config.LOG_LEVEL, { app: 'applicant' }), signingSecret));
