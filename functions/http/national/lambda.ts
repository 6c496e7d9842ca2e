import { handle } from 'hono/aws-lambda';
import { nationalApp } from '../../composition/national-app';
import { compositionRootOfProcess } from '../../composition/root';

/** API Gateway HTTP API (payload v2) entry point of the national (IMDi) app. */
export const handler = handle(nationalApp(compositionRootOfProcess()));
