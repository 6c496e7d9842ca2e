import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/**
 * A bucket nobody reaches from the internet: public access blocked, encrypted at rest, TLS only.
 * Every Fordel bucket starts here, so a new one cannot forget one of the three.
 */
export function privateBucket(scope: Construct, id: string, props: s3.BucketProps): s3.Bucket {
  return new s3.Bucket(scope, id, {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    ...props,
  });
}

/** A bucket for objects the product serves or keeps: also TLS 1.2 or newer, owner-enforced and versioned. */
export function privateObjectBucket(scope: Construct, id: string, props: s3.BucketProps): s3.Bucket {
  return privateBucket(scope, id, {
    minimumTLSVersion: 1.2,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: true,
    ...props,
  });
}
