import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SessionCredentialsProvider } from './session-credentials';

/** The document client every repository is built on. */
export type DocumentClient = DynamoDBDocumentClient;

/**
 * Builds the document client. Locally the endpoint points at DynamoDB Local, which accepts any
 * credentials made of letters and digits; in AWS the Lambda role's credentials are used, or a
 * tenant session's when `credentials` is given (DynamoDB Local accepts those too: it runs with
 * `-sharedDb`, so every access key sees the one table).
 */
export function createDocumentClient(
  config: { AWS_REGION: string; DYNAMODB_ENDPOINT?: string },
  credentials?: SessionCredentialsProvider,
): DynamoDBDocumentClient {
  const local = { accessKeyId: 'local', secretAccessKey: 'local' };
  const client = new DynamoDBClient({
    region: config.AWS_REGION,
    ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
    ...(credentials ? { credentials } : config.DYNAMODB_ENDPOINT ? { credentials: local } : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
