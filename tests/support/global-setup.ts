import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TestProject } from 'vitest/node';
import { ensureTable } from '../../infra/local/create-table';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { startMailLocal } from '../../infra/local/mail-local';
import { freePort } from '../../infra/local/ports';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
    mailEndpoint: string;
    tableName: string;
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

  return async () => {
    await mail.stop();
    await dynamo.stop();
  };
}
