import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { MailStack } from '../stacks/mail-stack';

/** What every Fordel Lambda is told about where its resources are. */
export interface RuntimeResources {
  readonly table: dynamodb.ITable;
  readonly attachmentsBucket: s3.IBucket;
  readonly mail: MailStack;
  readonly appBaseUrl: string;
  readonly logLevel: string;
  /**
   * The session roles the HTTP apps assume per request once they know the tenant; the jobs work
   * across tenants and have none.
   */
  readonly sessionRoles?: { readonly officer: iam.IRole; readonly applicant: iam.IRole };
}

/**
 * The environment variables every Lambda gets, named as `functions/composition/config.ts` parses them, so the
 * HTTP apps and the jobs are configured alike and a new setting is added in one place.
 */
export function runtimeEnvironment(resources: RuntimeResources): Record<string, string> {
  return {
    TABLE_NAME: resources.table.tableName,
    ATTACHMENTS_BUCKET: resources.attachmentsBucket.bucketName,
    MAIL_FROM: resources.mail.mailFrom,
    MAIL_CONFIGURATION_SET: resources.mail.configurationSet.configurationSetName,
    APP_BASE_URL: resources.appBaseUrl,
    LOG_LEVEL: resources.logLevel,
    ...(resources.sessionRoles
      ? {
          OFFICER_TENANT_ROLE_ARN: resources.sessionRoles.officer.roleArn,
          APPLICANT_TENANT_ROLE_ARN: resources.sessionRoles.applicant.roleArn,
        }
      : {}),
  };
}
