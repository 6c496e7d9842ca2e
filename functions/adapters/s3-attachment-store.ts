import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { AttachmentStore } from '../../shared/applications/ports';
import type { SessionCredentialsProvider } from './session-credentials';

/** S3 caps presigned URLs made with SigV4 at seven days. */
const MAX_PRESIGN_SECONDS = 7 * 24 * 60 * 60;

/**
 * Builds the S3 client. In AWS the Lambda role's credentials and the regional endpoint are used.
 * Locally `S3_ENDPOINT` points at s3rver, which needs three things from the v3 SDK:
 * - path-style URLs (`http://127.0.0.1:8007/bucket/key`), as `bucket.127.0.0.1` does not resolve;
 * - the access key `S3RVER`: s3rver looks the key id up in its one built-in account and answers
 *   `InvalidAccessKeyId` for any other (it does not verify SigV4 signatures, so the region is free);
 * - checksums only when an operation requires them: since 3.729 the SDK adds CRC32 checksums by
 *   default and sends streamed bodies `aws-chunked` with a checksum trailer, which s3rver does not
 *   decode and would store, chunk framing and all, as the object.
 * A tenant session's `credentials` are used in AWS only: s3rver knows no key but its own and has
 * no IAM to hold the session to, so off AWS it keeps `S3RVER`.
 */
export function createS3Client(config: { AWS_REGION: string; S3_ENDPOINT?: string }, credentials?: SessionCredentialsProvider): S3Client {
  return new S3Client({
    region: config.AWS_REGION,
    ...(credentials && !config.S3_ENDPOINT ? { credentials } : {}),
    ...(config.S3_ENDPOINT
      ? {
          endpoint: config.S3_ENDPOINT,
          forcePathStyle: true,
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
          requestChecksumCalculation: 'WHEN_REQUIRED' as const,
          responseChecksumValidation: 'WHEN_REQUIRED' as const,
        }
      : {}),
  });
}

/**
 * `Content-Disposition: attachment` with the name in both forms: `filename*` (RFC 6266/8187,
 * UTF-8, so `Årsmelding.pdf` survives) and a plain ASCII `filename` for clients that ignore it.
 * `attachment` makes browsers save the file rather than render it on our origin.
 */
export function attachmentDisposition(filename?: string): string {
  if (filename === undefined || filename === '') return 'attachment';
  const ascii = filename
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Where attachments go and whether to ask S3 for encryption explicitly. */
export interface S3AttachmentStoreOptions {
  readonly bucket: string;
  /**
   * Send `x-amz-server-side-encryption: AES256` with every upload. The bucket encrypts by default
   * (S3-managed keys); asking per object also makes a bucket policy that denies unencrypted uploads
   * possible. Off for s3rver, which has no encryption.
   */
  readonly serverSideEncryption: boolean;
}

/** Attachments in a private S3 bucket, downloaded through short-lived presigned links. */
export function createS3AttachmentStore(client: S3Client, options: S3AttachmentStoreOptions): AttachmentStore {
  const { bucket } = options;
  return {
    async put(key, bytes, contentType, filename) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: contentType,
          ContentDisposition: attachmentDisposition(filename),
          ...(options.serverSideEncryption ? { ServerSideEncryption: 'AES256' as const } : {}),
        }),
      );
    },

    async getDownloadUrl(key, filename, expiresSeconds) {
      if (!Number.isInteger(expiresSeconds) || expiresSeconds < 1 || expiresSeconds > MAX_PRESIGN_SECONDS) {
        throw new RangeError(`expiresSeconds must be a whole number from 1 to ${MAX_PRESIGN_SECONDS}, got ${expiresSeconds}`);
      }
      // The response override wins over the stored header, so even an object stored without a
      // name (or by another tool) is downloaded, never shown inline.
      return getSignedUrl(
        client,
        new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: attachmentDisposition(filename) }),
        { expiresIn: expiresSeconds },
      );
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
