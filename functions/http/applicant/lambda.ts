import { handle } from 'hono/aws-lambda';
import { applicantApp } from '../../composition/applicant-app';
import { compositionRootOfProcess } from '../../composition/root';

const root = compositionRootOfProcess();

/** API Gateway HTTP API (payload v2) entry point of the public applicant app. */
export const handler = handle(applicantApp(root, await root.signingSecret()));
