import { handle } from 'hono/aws-lambda';
import { compositionRootOfProcess } from '../../composition';

const root = compositionRootOfProcess();

/** API Gateway HTTP API (payload v2) entry point of the public applicant app. */
export const handler = handle(root.apps.applicant(await root.signingSecret()));
