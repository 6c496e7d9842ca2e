import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { LOCAL_ATTACHMENTS_BUCKET } from '../../functions/composition/config';
import { LocalEnvironmentError } from './local-error';

/** A running S3 stand-in with the attachments bucket. */
export interface S3Local {
  /** The endpoint for `S3_ENDPOINT`; presigned download links point here too. */
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

/**
 * Starts s3rver in this process with the attachments bucket. With `directory` the objects are kept
 * there across restarts (`npm start`); without it they go to a temporary directory that `stop()`
 * deletes (tests). The bucket is created on every start; s3rver keeps existing objects.
 */
export async function startS3Local(options: { port: number; directory?: string; bucket?: string }): Promise<S3Local> {
  const bucket = options.bucket ?? LOCAL_ATTACHMENTS_BUCKET;
  const temporary = options.directory === undefined;
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'fordel-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    directory,
    silent: true,
    // The adapter always uses path-style URLs; vhost matching would only misread `127.0.0.1` hosts.
    vhostBuckets: false,
    configureBuckets: [{ name: bucket }],
  });
  try {
    await server.run();
  } catch (error) {
    if (temporary) rmSync(directory, { recursive: true, force: true });
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      throw new LocalEnvironmentError(`The file store (s3rver) could not start: port ${options.port} is already in use.`);
    }
    throw error;
  }
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    bucket,
    async stop() {
      await server.close();
      if (temporary) rmSync(directory, { recursive: true, force: true });
    },
  };
}
