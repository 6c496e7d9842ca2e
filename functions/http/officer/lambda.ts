import { handle } from 'hono/aws-lambda';
import { officerApp } from '../../composition/officer-app';
import { compositionRootOfProcess } from '../../composition/root';

/** API Gateway HTTP API (payload v2) entry point of the officer app; the issuer's keys are cached with the container. */
export const handler = handle(officerApp(compositionRootOfProcess()));
