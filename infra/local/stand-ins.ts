import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from './create-table';
import { DamagedDataError, startDynamoDbLocal } from './dynamodb-local';
import { startMailLocal } from './mail-local';
import { freePort } from './ports';
import { startRegistryServer } from './registry-server';
import { startS3Local } from './s3-local';

/** Where the running stand-ins answer. */
export interface StandIns {
  dynamoDbEndpoint: string;
  mailEndpoint: string;
  inboxUrl: string;
  registryBaseUrl: string;
  s3Endpoint: string;
  attachmentsBucket: string;
  tableName: string;
  /** Stops them all, newest first. */
  stop(): Promise<void>;
}

/**
 * Starts the local stand-ins of the AWS services and the registry — DynamoDB Local (with the
 * table), the SES stand-in, the demo Enhetsregisteret and s3rver — for `npm start`, the tests and
 * the benchmarks alike. With `dataDirectory` DynamoDB and S3 keep their data there; without, they
 * live in memory and a temporary folder. A port left out is chosen free. If one fails to start,
 * those already started are stopped before the error is passed on.
 */
export async function startStandIns(options: {
  tableName: string;
  dataDirectory?: string;
  ports?: Partial<Record<'dynamoDb' | 'mail' | 'registry' | 's3', number>>;
}): Promise<StandIns> {
  const ports = options.ports ?? {};
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const each of stoppers.reverse()) await each().catch(() => undefined);
  };
  try {
    const dynamo = await startDynamoDbLocal({
      port: ports.dynamoDb ?? (await freePort()),
      dataDirectory: options.dataDirectory ? resolve(options.dataDirectory, 'dynamodb') : undefined,
    });
    stoppers.push(dynamo.stop);
    const admin = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: 'eu-north-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      await ensureTable(admin, options.tableName);
    } catch (error) {
      // DynamoDB Local answered but cannot create or describe the table: its files are unusable.
      throw new DamagedDataError(`The table could not be created (${(error as Error).name})`);
    } finally {
      admin.destroy();
    }
    const mail = await startMailLocal({ port: ports.mail ?? (await freePort()) });
    stoppers.push(mail.stop);
    const registry = await startRegistryServer({ port: ports.registry ?? (await freePort()) });
    stoppers.push(registry.stop);
    const s3 = await startS3Local({
      port: ports.s3 ?? (await freePort()),
      directory: options.dataDirectory ? resolve(options.dataDirectory, 's3') : undefined,
    });
    stoppers.push(s3.stop);
    return {
      dynamoDbEndpoint: dynamo.endpoint,
      mailEndpoint: mail.endpoint,
      inboxUrl: mail.inboxUrl,
      registryBaseUrl: registry.baseUrl,
      s3Endpoint: s3.endpoint,
      attachmentsBucket: s3.bucket,
      tableName: options.tableName,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
