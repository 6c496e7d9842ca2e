import { Duration, Lazy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { ULID_PATTERN } from './key-patterns';
import { grantKeyScopedAccess, type KeyScopedAccess } from './table-access';

/** Session tags a tenant session role accepts. */
export type SessionTag = 'tenantId' | 'applicationId';

/**
 * IAM `StringLike` has no character classes, so the tenant-id rule (`[a-z0-9][a-z0-9-]{1,39}`,
 * shared/kernel/tenants.ts) is held as far as wildcards can: a valid first character and at least
 * two characters. Isolation does not rest on it: the key patterns end in `#` and a tag value
 * cannot contain `#`, `*` or `?`.
 */
export const TENANT_ID_TAG_PATTERNS = [...'abcdefghijklmnopqrstuvwxyz0123456789'].map((first) => `${first}?*`);

const TAG_VALUE_PATTERNS: Record<SessionTag, readonly string[]> = {
  tenantId: TENANT_ID_TAG_PATTERNS,
  applicationId: [ULID_PATTERN],
};

/** Props of {@link TenantSessionRole}. */
export interface TenantSessionRoleProps {
  readonly description: string;
  /** Tags the caller must set, every one of them, and no others. */
  readonly sessionTags: readonly SessionTag[];
  readonly table: ITable;
  readonly tableAccess: readonly KeyScopedAccess[];
  readonly bucket: IBucket;
  /** Object actions, allowed only under {@link objectKeyPrefix}. */
  readonly objectActions: readonly string[];
  /** Attachment key prefix, written with the session-tag references, ending in `/`. */
  readonly objectKeyPrefix: string;
}

/**
 * A role a Lambda assumes per request with session tags naming the tenant (and, for applicants,
 * the application). Its policies refer to the tags, so IAM itself keeps a session to that
 * tenant's partitions and attachment prefix, whatever the application code asks for.
 */
export class TenantSessionRole extends Construct {
  readonly role: iam.Role;
  private caller?: iam.IRole;

  constructor(scope: Construct, id: string, props: TenantSessionRoleProps) {
    super(scope, id);

    const tagConditions = Object.fromEntries(
      props.sessionTags.map((tag) => [`aws:RequestTag/${tag}`, [...TAG_VALUE_PATTERNS[tag]]]),
    );
    this.role = new iam.Role(this, 'Role', {
      description: props.description,
      // Assumed per request and cached briefly by the caller; an hour bounds a leaked session.
      maxSessionDuration: Duration.hours(1),
      // The caller's role is made with its Lambda, which needs this role's ARN in its environment
      // first, so the trust names the caller once it is known (see allowAssumeBy).
      assumedBy: new iam.PrincipalWithConditions(new iam.SessionTagsPrincipal(new iam.ArnPrincipal(this.callerArn())), {
        'ForAllValues:StringEquals': { 'aws:TagKeys': [...props.sessionTags] },
        // A missing tag fails `StringLike`, so an untagged session cannot be opened at all.
        StringLike: tagConditions,
      }),
    });

    grantKeyScopedAccess(this.role, props.table, props.tableAccess);
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [...props.objectActions],
        resources: [props.bucket.arnForObjects(`${props.objectKeyPrefix}*`)],
      }),
    );
    NagSuppressions.addResourceSuppressions(
      this.role,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'Attachment keys end in a generated id and the file name, so the session reaches the objects under its own prefix, built from its session tags (tenant, and application for applicants), with named actions only.',
          // cdk-nag shows `${aws:PrincipalTag/x}` as `<aws:PrincipalTag/x>`.
          appliesTo: [{ regex: '/^Resource::.*AttachmentsBucket.*\\/<aws:PrincipalTag\\/tenantId>\\/.*\\*$/' }],
        },
      ],
      true,
    );
  }

  /** Lets the one execution role `caller` open tagged sessions of this role, and no other principal. */
  allowAssumeBy(caller: iam.IRole): void {
    if (this.caller) throw new Error(`${this.node.path} is already assumed by ${this.caller.node.path}`);
    this.caller = caller;
    caller.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [this.role.roleArn] }));
  }

  private callerArn(): string {
    return Lazy.string({
      produce: () => {
        if (!this.caller) throw new Error(`${this.node.path} has no caller; call allowAssumeBy`);
        return this.caller.roleArn;
      },
    });
  }
}
