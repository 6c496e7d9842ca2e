import { describe, expect, it } from 'vitest';
import { AUDIT_TRAILS } from '../../infra/constructs/key-patterns';
import { evaluate, type PolicyDocument } from '../support/iam-policy-evaluator';

const table = 'arn:aws:dynamodb:eu-north-1:111122223333:table/fordel';

const tenantScoped: PolicyDocument = {
  Statement: [
    {
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:Query'],
      Resource: table,
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['T#${aws:PrincipalTag/tenantId}#*'] } },
    },
  ],
};

describe('IAM policy evaluator', () => {
  it('allows a request an Allow statement matches, and denies by default otherwise', () => {
    const policy: PolicyDocument = { Statement: { Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::bucket/a/*' } };

    expect(evaluate([policy], { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/a/x.pdf' })).toBe('Allow');
    expect(evaluate([policy], { action: 'S3:getobject', resource: 'arn:aws:s3:::bucket/a/x.pdf' })).toBe('Allow');
    expect(evaluate([policy], { action: 's3:PutObject', resource: 'arn:aws:s3:::bucket/a/x.pdf' })).toBe('ImplicitDeny');
    expect(evaluate([policy], { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/b/x.pdf' })).toBe('ImplicitDeny');
    expect(evaluate([policy], { action: 's3:GetObject', resource: 'arn:aws:s3:::BUCKET/a/x.pdf' })).toBe('ImplicitDeny');
  });

  it('lets an explicit Deny win over any Allow', () => {
    const allow: PolicyDocument = { Statement: { Effect: 'Allow', Action: '*', Resource: '*' } };
    const deny: PolicyDocument = { Statement: { Effect: 'Deny', Action: 'dynamodb:Scan', Resource: '*' } };

    expect(evaluate([allow, deny], { action: 'dynamodb:Scan', resource: table })).toBe('ExplicitDeny');
    expect(evaluate([allow, deny], { action: 'dynamodb:GetItem', resource: table })).toBe('Allow');
  });

  it('substitutes the session tag so that t1 reaches its own keys and never t10', () => {
    const asT1 = { principalTags: { tenantId: 't1' } };

    expect(evaluate([tenantScoped], { ...asT1, action: 'dynamodb:GetItem', resource: table, context: { 'dynamodb:LeadingKeys': ['T#t1#APP#1'] } })).toBe('Allow');
    expect(evaluate([tenantScoped], { ...asT1, action: 'dynamodb:GetItem', resource: table, context: { 'dynamodb:LeadingKeys': ['T#t10#APP#1'] } })).toBe('ImplicitDeny');
  });

  it('matches nothing when the session lacks the tag a pattern refers to', () => {
    expect(evaluate([tenantScoped], { action: 'dynamodb:GetItem', resource: table, context: { 'dynamodb:LeadingKeys': ['T#t1#APP#1'] } })).toBe('ImplicitDeny');
  });

  it('lets the audit-trail pattern read any tenant’s audit partition and nothing else of the tenant', () => {
    const auditReader: PolicyDocument = {
      Statement: { Effect: 'Allow', Action: 'dynamodb:Query', Resource: table, Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [AUDIT_TRAILS] } } },
    };
    const query = (key: string) => evaluate([auditReader], { action: 'dynamodb:Query', resource: table, context: { 'dynamodb:LeadingKeys': [key] } });

    expect(query('T#k0301#AUDIT')).toBe('Allow');
    expect(query('T#imdi#AUDIT')).toBe('Allow');
    expect(query('T#k0301#APP#01JD0000000000000000000000')).toBe('ImplicitDeny');
    expect(query('T#k0301#AUDITX')).toBe('ImplicitDeny');
    expect(query('NATIONAL#TENANTS')).toBe('ImplicitDeny');
    expect(evaluate([auditReader], { action: 'dynamodb:PutItem', resource: table, context: { 'dynamodb:LeadingKeys': ['T#k0301#AUDIT'] } })).toBe('ImplicitDeny');
  });

  it('takes a tag value literally, not as a wildcard', () => {
    const asStar = { principalTags: { tenantId: '*' } };

    expect(evaluate([tenantScoped], { ...asStar, action: 'dynamodb:GetItem', resource: table, context: { 'dynamodb:LeadingKeys': ['T#t1#APP#1'] } })).toBe('ImplicitDeny');
  });

  it('requires every value to match under ForAllValues, and passes a request without the key', () => {
    const asT1 = { principalTags: { tenantId: 't1' }, action: 'dynamodb:GetItem', resource: table };

    expect(evaluate([tenantScoped], { ...asT1, context: { 'dynamodb:LeadingKeys': ['T#t1#A', 'T#t2#B'] } })).toBe('ImplicitDeny');
    // The reason no Fordel role may hold Scan: a Scan has no leading keys, so ForAllValues passes.
    expect(evaluate([tenantScoped], { ...asT1 })).toBe('Allow');
  });

  it('requires one matching value under ForAnyValue, and fails a request without the key', () => {
    const policy: PolicyDocument = {
      Statement: { Effect: 'Allow', Action: 'sts:TagSession', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['tenantId'] } } },
    };

    expect(evaluate([policy], { action: 'sts:TagSession', resource: 'r', context: { 'aws:TagKeys': ['role', 'tenantId'] } })).toBe('Allow');
    expect(evaluate([policy], { action: 'sts:TagSession', resource: 'r', context: { 'aws:TagKeys': ['role'] } })).toBe('ImplicitDeny');
    expect(evaluate([policy], { action: 'sts:TagSession', resource: 'r' })).toBe('ImplicitDeny');
  });

  it('compares StringEquals exactly and StringLike with * and ?, and fails on a missing key', () => {
    const policy: PolicyDocument = {
      Statement: {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: '*',
        Condition: { StringEquals: { 'aws:RequestTag/kind': 'officer' }, StringLike: { 'aws:RequestTag/tenantId': ['k?*'] } },
      },
    };
    const request = (tags: Record<string, string>) => ({
      action: 'sts:AssumeRole',
      resource: 'r',
      context: Object.fromEntries(Object.entries(tags).map(([key, value]) => [`aws:RequestTag/${key}`, value])),
    });

    expect(evaluate([policy], request({ kind: 'officer', tenantId: 'k0301' }))).toBe('Allow');
    expect(evaluate([policy], request({ kind: 'officers', tenantId: 'k0301' }))).toBe('ImplicitDeny');
    expect(evaluate([policy], request({ kind: 'officer', tenantId: 'k' }))).toBe('ImplicitDeny');
    expect(evaluate([policy], request({ kind: 'officer' }))).toBe('ImplicitDeny');
  });

  it('refuses an operator it does not know instead of guessing', () => {
    const policy: PolicyDocument = {
      Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } },
    };

    expect(() => evaluate([policy], { action: 's3:GetObject', resource: 'r', context: { 'aws:MultiFactorAuthAge': '10' } })).toThrow(/NumericLessThan/);
  });
});
