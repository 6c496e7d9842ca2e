import { Stack } from 'aws-cdk-lib';
import type { CfnRole, IRole } from 'aws-cdk-lib/aws-iam';
import { Template } from 'aws-cdk-lib/assertions';
import type { PolicyDocument } from '../support/iam-policy-evaluator';

/** Stand-in ARNs for the resources other stacks export, so policies read as they would in AWS. */
export const ACCOUNT = '111122223333';
export const TABLE_ARN = `arn:aws:dynamodb:eu-north-1:${ACCOUNT}:table/fordel-dev-table`;
export const BUCKET_ARN = 'arn:aws:s3:::fordel-dev-attachments';

/** ARN of one of the table's indexes. */
export const indexArn = (index: string) => `${TABLE_ARN}/index/${index}`;
/** ARN of one attachment object. */
export const objectArn = (key: string) => `${BUCKET_ARN}/${key}`;

type Json = unknown;

/**
 * Resolves the intrinsics CDK writes into policies (`Fn::Join`, `Ref`, `Fn::GetAtt`,
 * `Fn::GetStackOutput`) to plain strings. A reference it cannot place becomes a string no request
 * in the tests names, so it can only ever make a policy stricter, never wider.
 */
export function resolveIntrinsics(value: Json): Json {
  if (Array.isArray(value)) return value.map(resolveIntrinsics);
  if (value === null || typeof value !== 'object') return value;
  const node = value as Record<string, Json>;
  if ('Fn::Join' in node) {
    const [separator, parts] = node['Fn::Join'] as [string, Json[]];
    return parts.map((part) => String(resolveIntrinsics(part))).join(separator);
  }
  if ('Fn::GetStackOutput' in node) {
    const output = String((node['Fn::GetStackOutput'] as { OutputName: string }).OutputName);
    if (/Table.*Arn/.test(output)) return TABLE_ARN;
    if (/AttachmentsBucket.*Arn/.test(output)) return BUCKET_ARN;
    return `unresolved:${output}`;
  }
  if ('Ref' in node) {
    const ref = String(node.Ref);
    return { 'AWS::Partition': 'aws', 'AWS::Region': 'eu-north-1', 'AWS::AccountId': ACCOUNT }[ref] ?? `unresolved:${ref}`;
  }
  if ('Fn::GetAtt' in node) {
    const [logicalId, attribute] = node['Fn::GetAtt'] as [string, string];
    return attribute === 'Arn' ? roleArnOf(logicalId) : `unresolved:${logicalId}.${attribute}`;
  }
  return Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, resolveIntrinsics(inner)]));
}

/** The ARN the tests give a role of the template, by its logical id. */
export const roleArnOf = (logicalId: string) => `arn:aws:iam::${ACCOUNT}:role/${logicalId}`;

/** Logical id of a role in its stack. */
export function logicalIdOf(role: IRole): string {
  return Stack.of(role).getLogicalId(role.node.defaultChild as CfnRole);
}

/**
 * Every identity policy a role has in the template (inline and attached), intrinsics resolved.
 * Managed policies would grant what the template does not show, so a role with one is refused
 * unless the caller accepts them (and checks their names itself).
 */
export function identityPolicies(template: Template, roleLogicalId: string, options: { acceptManaged?: boolean } = {}): PolicyDocument[] {
  const role = template.toJSON().Resources[roleLogicalId];
  if (role?.Type !== 'AWS::IAM::Role') throw new Error(`${roleLogicalId} is not a role`);
  if (!options.acceptManaged && role.Properties.ManagedPolicyArns?.length) throw new Error(`${roleLogicalId} has managed policies`);
  const inline = (role.Properties.Policies ?? []).map((policy: { PolicyDocument: Json }) => policy.PolicyDocument);
  const attached = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleLogicalId }] } })).map(
    (policy) => policy.Properties.PolicyDocument,
  );
  return [...inline, ...attached].map((document) => resolveIntrinsics(document) as PolicyDocument);
}

/** The role's trust policy, intrinsics resolved. */
export function trustPolicy(template: Template, roleLogicalId: string): PolicyDocument & { Statement: Record<string, any>[] } {
  return resolveIntrinsics(template.toJSON().Resources[roleLogicalId].Properties.AssumeRolePolicyDocument) as any;
}

/** Every IAM role of a stack: its logical id, its policy documents and the names of its managed policies. */
export function everyRolePolicy(stack: Stack): { roleId: string; policies: PolicyDocument[]; managed: string[] }[] {
  const template = Template.fromStack(stack);
  return Object.entries(template.findResources('AWS::IAM::Role')).map(([roleId, role]) => ({
    roleId,
    policies: identityPolicies(template, roleId, { acceptManaged: true }),
    managed: (role.Properties.ManagedPolicyArns ?? []).map((arn: unknown) => String(resolveIntrinsics(arn)).split('/').pop()!),
  }));
}
