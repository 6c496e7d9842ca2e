import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TestProject } from 'vitest/node';
import { ensureTable } from '../../infra/local/create-table';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { startMailLocal } from '../../infra/local/mail-local';
import { freePort } from '../../infra/local/ports';
import { startRegistryServer } from '../../infra/local/registry-server';
import { startS3Local } from '../../infra/local/s3-local';

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
 * Starts one DynamoDB Local (in memory) and one SES stand-in on free ports for the whole run,
 * creates the table from the shared definition, and hands the endpoints to the test files.
 * Test files isolate themselves by using fresh tenant ids, so they can run in parallel.
 */
export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const mail = await startMailLocal({ port: await freePort() });
  const registry = await startRegistryServer({ port: await freePort() });
  const s3 = await startS3Local({ port: await freePort() });
  const tableName = 'fordel-test';
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'eu-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, tableName);
  client.destroy();

  project.provide('dynamoDbEndpoint', dynamo.endpoint);
  project.provide('mailEndpoint', mail.endpoint);
  project.provide('tableName', tableName);
  project.provide('registryBaseUrl', registry.baseUrl);
  project.provide('s3Endpoint', s3.endpoint);
  project.provide('attachmentsBucket', s3.bucket);

  return async () => {
    await s3.stop();
    await registry.stop();
    await mail.stop();
    await dynamo.stop();
  };
}
