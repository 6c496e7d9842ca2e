import { handle } from 'hono/aws-lambda';
import { compositionRootOfProcess } from '../../composition';

/** API Gateway HTTP API (payload v2) entry point of the national (IMDi) app. */
export const handler = handle(compositionRootOfProcess().apps.national());
