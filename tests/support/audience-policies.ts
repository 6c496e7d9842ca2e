import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AudienceAccess } from '../../infra/constructs/audience-access';
import { identityPolicies, logicalIdOf } from '../infra/template-policies';
import type { PolicyDocument } from './iam-policy-evaluator';

export const ACCOUNT = '111122223333';
export const OFFICER_ROLE = `arn:aws:iam::${ACCOUNT}:role/OfficerSession`;
export const APPLICANT_ROLE = `arn:aws:iam::${ACCOUNT}:role/ApplicantSession`;
/** The applicant Lambda's execution role: what the app may do before a session names an application. */
export const APPLICANT_FUNCTION_ROLE = `arn:aws:iam::${ACCOUNT}:role/ApplicantFunction`;
/** The national Lambda's execution role: IMDi's reads and writes. */
export const NATIONAL_FUNCTION_ROLE = `arn:aws:iam::${ACCOUNT}:role/NationalFunction`;
export const tableArn = (tableName: string) => `arn:aws:dynamodb:eu-north-1:${ACCOUNT}:table/${tableName}`;

/**
 * The session roles' and the applicant Lambda's identity policies, built by the same construct the
 * api stack uses, on this run's table, so every key the entities write meets the policy that is
 * deployed.
 */
export function audiencePolicies(tableName: string): Record<string, PolicyDocument[]> {
  const stack = new Stack(new App(), 'SessionRoles', { env: { account: ACCOUNT, region: 'eu-north-1' } });
  const access = new AudienceAccess(stack, 'Access', {
    table: Table.fromTableArn(stack, 'Table', tableArn(tableName)),
    attachmentsBucket: Bucket.fromBucketName(stack, 'Attachments', 'fordel-attachments'),
  });
  const caller = (id: string) => new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  const applicant = caller('ApplicantFunction');
  const national = caller('NationalFunction');
  access.grantTo({ applicant, officer: caller('OfficerFunction'), national });
  const template = Template.fromStack(stack);
  return {
    [OFFICER_ROLE]: identityPolicies(template, logicalIdOf(access.officerSession.role)),
    [APPLICANT_ROLE]: identityPolicies(template, logicalIdOf(access.applicantSession.role)),
    [APPLICANT_FUNCTION_ROLE]: identityPolicies(template, logicalIdOf(applicant)),
    [NATIONAL_FUNCTION_ROLE]: identityPolicies(template, logicalIdOf(national)),
  };
}
