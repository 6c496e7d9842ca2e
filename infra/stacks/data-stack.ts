import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { privateBucket, privateObjectBucket } from '../constructs/private-bucket';
import { tableDefinition } from '../../shared/table';

/** Props of {@link DataStack}. */
export interface DataStackProps extends StackProps {
  /** Origins whose scripts may upload to and download from the bucket with presigned URLs. */
  readonly browserOrigins: readonly string[];
}

/**
 * The stateful core: the single DynamoDB table and the private bucket for attachments.
 *
 * Both are retained when the stack is deleted; the table also has deletion protection and
 * point-in-time recovery, because losing applications or decisions cannot be undone.
 */
export class DataStack extends Stack {
  readonly table: dynamodb.Table;
  readonly attachmentsBucket: s3.Bucket;
  readonly accessLogsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);

    const attribute = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });

    // Keys and indexes come from shared/table.ts, which DynamoDB Local is built from too.
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: attribute(tableDefinition.partitionKey),
      sortKey: attribute(tableDefinition.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 35 },
      deletionProtection: true,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableDefinition.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    this.accessLogsBucket = privateBucket(this, 'AccessLogsBucket', {
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Access logs name who downloaded which attachment: keep them for audits, not for ever.
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.attachmentsBucket = privateObjectBucket(this, 'AttachmentsBucket', {
      // Versioning lets an overwritten or deleted attachment be restored alongside a table PITR restore.
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'attachments/',
      // Plain form posts need no CORS; this is for the script that enhances the upload field.
      cors: [
        {
          allowedMethods: [s3.HttpMethods.GET, s3.HttpMethods.PUT, s3.HttpMethods.POST],
          allowedOrigins: [...props.browserOrigins],
          allowedHeaders: ['*'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Erased attachments (retention job) must really disappear: old versions go after 90 days.
        { id: 'expire-noncurrent-versions', noncurrentVersionExpiration: Duration.days(90) },
        { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
        {
          id: 'infrequent-access-after-90-days',
          transitions: [{ storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(90) }],
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'AttachmentsBucketName', { value: this.attachmentsBucket.bucketName });
  }
}
