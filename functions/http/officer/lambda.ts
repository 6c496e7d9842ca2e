import { handle } from 'hono/aws-lambda';
import { compositionRootOfProcess } from '../../composition';

/** API Gateway HTTP API (payload v2) entry point of the officer app; the issuer's keys are cached with the container. */
export const handler = handle(compositionRootOfProcess().apps.officer());
