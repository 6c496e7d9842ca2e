import type { TestProject } from 'vitest/node';
import { startStandIns } from '../../infra/local/stand-ins';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
    mailEndpoint: string;
    tableName: string;
    /** The demo Enhetsregisteret (data/demo-organisations.json). */
    registryBaseUrl: string;
    /** s3rver with the attachments bucket, data in a temporary directory. */
    s3Endpoint: string;
    attachmentsBucket: string;
  }
}

/**
 * Starts the stand-ins once for the whole run (DynamoDB Local in memory, the SES stand-in, the demo
 * registry and s3rver, on free ports), creates the table from the shared definition, and hands
 * the endpoints to the test files. Test files isolate themselves with fresh tenant ids (or a table
 * of their own), so they can run in parallel.
 */
export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const standIns = await startStandIns({ tableName: 'fordel-test' });
  project.provide('dynamoDbEndpoint', standIns.dynamoDbEndpoint);
  project.provide('mailEndpoint', standIns.mailEndpoint);
  project.provide('tableName', standIns.tableName);
  project.provide('registryBaseUrl', standIns.registryBaseUrl);
  project.provide('s3Endpoint', standIns.s3Endpoint);
  project.provide('attachmentsBucket', standIns.attachmentsBucket);
  return standIns.stop;
}
