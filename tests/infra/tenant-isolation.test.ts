import { Template } from 'aws-cdk-lib/assertions';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAllowed, type AccessRequest, type PolicyDocument } from '../support/iam-policy-evaluator';
import { synthFordel } from './synth-fordel';
import { TABLE_ARN, everyRolePolicy, identityPolicies, indexArn, logicalIdOf, objectArn, roleArnOf, trustPolicy } from './template-policies';

const APP = '01JD0000000000000000000000';
const OTHER_APP = '01JD0000000000000000000001';

/** A request on items whose partition keys are `keys`; on an index they are the index's keys. */
const items = (action: string, keys: string[], resource = TABLE_ARN): AccessRequest => ({
  action: `dynamodb:${action}`,
  resource,
  context: { 'dynamodb:LeadingKeys': keys },
});

let fordel: ReturnType<typeof synthFordel>;
let api: Template;
let jobs: Template;
const policiesOf = (template: Template, role: IRole) => identityPolicies(template, logicalIdOf(role));

beforeAll(() => {
  // IAM is all this file reads: bundling is skipped, the other infra tests bundle already.
  fordel = synthFordel({ nag: false, context: { 'aws:cdk:bundling-stacks': [] } });
  api = Template.fromStack(fordel.api);
  jobs = Template.fromStack(fordel.jobs);
});

describe('officer tenant role', () => {
  let policies: PolicyDocument[];
  const asT1 = (request: AccessRequest): AccessRequest => ({ ...request, principalTags: { tenantId: 't1' } });
  const allowed = (request: AccessRequest) => isAllowed(policies, asT1(request));

  beforeAll(() => {
    policies = policiesOf(api, fordel.api.sessionRoles.officer);
  });

  it("allows the session's own tenant's items, on the table and on its round lists", () => {
    expect(allowed(items('GetItem', ['T#t1#APP#' + APP]))).toBe(true);
    expect(allowed(items('Query', ['T#t1#ROUNDS']))).toBe(true);
    expect(allowed(items('UpdateItem', ['T#t1#APP#' + APP]))).toBe(true);
    expect(allowed(items('Query', ['T#t1#ROUND#r1#APPS'], indexArn('byList')))).toBe(true);
  });

  it('denies another tenant whose id merely starts with the same characters', () => {
    expect(allowed(items('GetItem', ['T#t10#APP#' + APP]))).toBe(false);
    expect(allowed(items('Query', ['T#t10#ROUND#r1#APPS'], indexArn('byList')))).toBe(false);
    expect(allowed(items('BatchGetItem', ['T#t1#APP#' + APP, 'T#t2#APP#' + APP]))).toBe(false);
  });

  it('denies national data, the cross-tenant indexes, Scan, PartiQL and deletes', () => {
    expect(allowed(items('GetItem', ['NATIONAL#TENANTS']))).toBe(false);
    expect(allowed(items('Query', ['ORG#123456785'], indexArn('byOrganisation')))).toBe(false);
    expect(allowed(items('Query', ['AGG#2027'], indexArn('byYear')))).toBe(false);
    expect(allowed({ action: 'dynamodb:Scan', resource: TABLE_ARN })).toBe(false);
    expect(allowed({ action: 'dynamodb:PartiQLSelect', resource: TABLE_ARN })).toBe(false);
    expect(allowed(items('DeleteItem', ['T#t1#APP#' + APP]))).toBe(false);
  });

  it("reads a rule-set version (a round's rules, a decision letter's appeal rules) and may only lock it, nothing else national", () => {
    const update = (attributes?: string[]) => ({ ...items('UpdateItem', ['NATIONAL#RULESET#2027']), context: { 'dynamodb:LeadingKeys': ['NATIONAL#RULESET#2027'], ...(attributes ? { 'dynamodb:Attributes': attributes } : {}) } });
    expect(allowed(items('GetItem', ['NATIONAL#RULESET#2027']))).toBe(true);
    expect(allowed(items('Query', ['NATIONAL#RULESET#2027']))).toBe(true);
    for (const write of ['PutItem', 'DeleteItem']) expect(allowed(items(write, ['NATIONAL#RULESET#2027'])), write).toBe(false);
    expect(allowed(update(['PK', 'SK', 'locked'])), 'locking').toBe(true);
    expect(allowed(update(['PK', 'SK', 'locked', 'ruleSet'])), 'changing the rules').toBe(false);
    expect(allowed(update()), 'an update naming no attribute').toBe(false);
    expect(allowed(items('GetItem', ['NATIONAL#RULESETS']))).toBe(false);
  });

  it("reaches only the tenant's attachment prefix", () => {
    expect(allowed({ action: 's3:GetObject', resource: objectArn(`t1/${APP}/x-vedtekter.pdf`) })).toBe(true);
    expect(allowed({ action: 's3:PutObject', resource: objectArn(`t1/${APP}/x-vedtak.pdf`) })).toBe(true);
    expect(allowed({ action: 's3:GetObject', resource: objectArn(`t10/${APP}/x-vedtekter.pdf`) })).toBe(false);
    expect(allowed({ action: 's3:DeleteObject', resource: objectArn(`t1/${APP}/x-vedtekter.pdf`) })).toBe(false);
  });

  it('allows nothing to a session opened without the tenant tag', () => {
    expect(isAllowed(policies, items('GetItem', ['T#t1#APP#' + APP]))).toBe(false);
  });

  it('trusts only the officer Lambda, and only with a tenantId tag shaped like a tenant id', () => {
    const trust = trustPolicy(api, logicalIdOf(fordel.api.sessionRoles.officer));
    const officerArn = roleArnOf(logicalIdOf(fordel.api.functions.officer.role));
    const open = (tags: Record<string, string>) =>
      ['sts:AssumeRole', 'sts:TagSession'].every((action) =>
        isAllowed([trust], {
          action,
          resource: '*',
          context: { 'aws:TagKeys': Object.keys(tags), ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:RequestTag/${k}`, v])) },
        }),
      );

    expect(trust.Statement.map((statement) => statement.Principal)).toEqual([{ AWS: officerArn }]);
    expect(trust.Statement[0]!.Condition['ForAllValues:StringEquals']).toEqual({ 'aws:TagKeys': ['tenantId'] });
    expect(open({ tenantId: 'k0301' })).toBe(true);
    expect(open({})).toBe(false);
    expect(open({ tenantId: 'k0301', role: 'national-admin' })).toBe(false);
    expect(open({ tenantId: 'K0301' })).toBe(false);
    expect(open({ tenantId: 'k' })).toBe(false);
  });

  it("leaves the officer Lambda's own role no table or bucket access, only the way into its session role", () => {
    const own = policiesOf(api, fordel.api.functions.officer.role);

    expect(isAllowed(own, items('GetItem', ['T#t1#APP#' + APP]))).toBe(false);
    expect(isAllowed(own, items('Query', ['T#t1#ROUND#r1#APPS'], indexArn('byList')))).toBe(false);
    expect(isAllowed(own, { action: 's3:GetObject', resource: objectArn(`t1/${APP}/x.pdf`) })).toBe(false);
    expect(isAllowed(own, { action: 'sts:AssumeRole', resource: roleArnOf(logicalIdOf(fordel.api.sessionRoles.officer)) })).toBe(true);
    expect(isAllowed(own, { action: 'sts:TagSession', resource: roleArnOf(logicalIdOf(fordel.api.sessionRoles.officer)) })).toBe(true);
  });

  it('gives the officer Lambda the session role ARN in its environment', () => {
    const officer = Object.values(api.findResources('AWS::Lambda::Function')).find((fn) =>
      /officer/i.test(fn.Properties.Description),
    )!;

    expect(officer.Properties.Environment.Variables.OFFICER_TENANT_ROLE_ARN).toEqual({
      'Fn::GetAtt': [logicalIdOf(fordel.api.sessionRoles.officer), 'Arn'],
    });
  });
});

describe('applicant roles', () => {
  it('lets the anonymous applicant read the open calls, a round and the link records, and nothing of any application', () => {
    const own = policiesOf(api, fordel.api.functions.applicant.role);

    expect(isAllowed(own, items('Query', ['CALLS#OPEN'], indexArn('byList')))).toBe(true);
    expect(isAllowed(own, items('GetItem', ['T#t1#ROUNDS']))).toBe(true);
    expect(isAllowed(own, items('UpdateItem', ['T#t1#LINKS']))).toBe(true);
    // A link request is only put; reading or taking one back is the send-outbox job's.
    expect(isAllowed(own, items('PutItem', ['LINK#REQUESTS']))).toBe(true);
    expect(isAllowed(own, items('Query', ['LINK#REQUESTS']))).toBe(false);
    expect(isAllowed(own, items('GetItem', ['LINK#REQUESTS']))).toBe(false);
    expect(isAllowed(own, items('DeleteItem', ['LINK#REQUESTS']))).toBe(false);
    expect(isAllowed(own, items('PutItem', ['LINK#OTHER']))).toBe(false);
    expect(isAllowed(own, items('PutItem', ['T#t1#LINKS']))).toBe(false);
    expect(isAllowed(own, items('Query', ['T#t1#ROUND#r1#APPS'], indexArn('byList')))).toBe(false);
    expect(isAllowed(own, items('GetItem', ['T#t1#APP#' + APP]))).toBe(false);
    expect(isAllowed(own, items('PutItem', ['T#t1#ROUNDS']))).toBe(false);
    expect(isAllowed(own, items('GetItem', ['NATIONAL#TENANTS']))).toBe(false);
    expect(isAllowed(own, { action: 'dynamodb:Scan', resource: TABLE_ARN })).toBe(false);
    expect(isAllowed(own, { action: 's3:GetObject', resource: objectArn(`t1/${APP}/x.pdf`) })).toBe(false);
  });

  it('lets the applicant Lambda read a rule-set version, the rules of a round, and no other national item, and write none', () => {
    const own = policiesOf(api, fordel.api.functions.applicant.role);

    expect(isAllowed(own, items('GetItem', ['NATIONAL#RULESET#2027']))).toBe(true);
    expect(isAllowed(own, items('GetItem', ['NATIONAL#RULESET#2028']))).toBe(true);
    for (const other of ['NATIONAL#TENANTS', 'NATIONAL#RULESETS', 'NATIONAL#ALLOCATION#2027', 'NATIONAL#FRAME#2027', 'NATIONAL#RULESET']) {
      expect(isAllowed(own, items('GetItem', [other])), other).toBe(false);
    }
    for (const write of ['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem']) {
      expect(isAllowed(own, items(write, ['NATIONAL#RULESET#2027'])), write).toBe(false);
    }
    // One version at a time, by its key: no listing of a year's versions, no batch across partitions.
    expect(isAllowed(own, items('Query', ['NATIONAL#RULESET#2027']))).toBe(false);
    expect(isAllowed(own, items('BatchGetItem', ['NATIONAL#RULESET#2027', 'NATIONAL#TENANTS']))).toBe(false);
    // The session role has no national data at all; the rules are read with the Lambda's own role.
    const session = policiesOf(api, fordel.api.sessionRoles.applicant);
    expect(isAllowed(session, { ...items('GetItem', ['NATIONAL#RULESET#2027']), principalTags: { tenantId: 't1', applicationId: APP } })).toBe(false);
  });

  it("holds the applicant session to its own application's items and attachments", () => {
    const session = policiesOf(api, fordel.api.sessionRoles.applicant);
    const allowed = (request: AccessRequest) => isAllowed(session, { ...request, principalTags: { tenantId: 't1', applicationId: APP } });

    expect(allowed(items('GetItem', ['T#t1#APP#' + APP]))).toBe(true);
    expect(allowed(items('PutItem', ['T#t1#OUTBOX']))).toBe(true);
    expect(allowed(items('UpdateItem', ['T#t1#AGGREGATES']))).toBe(true);
    expect(allowed({ action: 's3:PutObject', resource: objectArn(`t1/${APP}/x-vedtekter.pdf`) })).toBe(true);
    expect(allowed(items('GetItem', ['T#t1#APP#' + OTHER_APP]))).toBe(false);
    expect(allowed(items('GetItem', ['T#t10#APP#' + APP]))).toBe(false);
    expect(allowed(items('GetItem', ['NATIONAL#TENANTS']))).toBe(false);
    expect(allowed(items('GetItem', ['T#t1#AUDIT']))).toBe(false);
    expect(allowed({ action: 'dynamodb:Scan', resource: TABLE_ARN })).toBe(false);
    expect(allowed({ action: 's3:GetObject', resource: objectArn(`t1/${OTHER_APP}/x.pdf`) })).toBe(false);
    expect(allowed({ action: 's3:GetObject', resource: objectArn(`t10/${APP}/x.pdf`) })).toBe(false);
  });

  it("lets the applicant session answer its grant: remove its own awaiting entry and return money to its own tenant's budget only", () => {
    const session = policiesOf(api, fordel.api.sessionRoles.applicant);
    const allowed = (request: AccessRequest) => isAllowed(session, { ...request, principalTags: { tenantId: 't1', applicationId: APP } });
    const budgetUpdate = (keys: string[], attributes: string[]) => ({ ...items('UpdateItem', keys), context: { 'dynamodb:LeadingKeys': keys, 'dynamodb:Attributes': attributes } });
    const returnGuard = ['PK', 'SK', 'returned', 'version', 'awarded', 'allocationVersion', 'closedAt'];

    expect(allowed(items('DeleteItem', ['T#t1#APP#' + APP]))).toBe(true);
    expect(allowed(items('GetItem', ['T#t1#BUDGET']))).toBe(true);
    expect(allowed(budgetUpdate(['T#t1#BUDGET'], returnGuard))).toBe(true);
    // Not another application's entry, not another tenant's budget, not the frame or the awards.
    expect(allowed(items('DeleteItem', ['T#t1#APP#' + OTHER_APP]))).toBe(false);
    expect(allowed(budgetUpdate(['T#t10#BUDGET'], returnGuard))).toBe(false);
    expect(allowed(budgetUpdate(['T#t1#BUDGET'], ['PK', 'SK', 'frame']))).toBe(false);
    expect(allowed(budgetUpdate(['T#t1#BUDGET'], ['PK', 'SK', 'adminReserved', 'version']))).toBe(false);
    expect(allowed(items('PutItem', ['T#t1#BUDGET']))).toBe(false);
    expect(allowed(items('DeleteItem', ['T#t1#BUDGET']))).toBe(false);
  });

  it('trusts only the applicant Lambda, with exactly a tenantId and an applicationId tag', () => {
    const trust = trustPolicy(api, logicalIdOf(fordel.api.sessionRoles.applicant));
    const open = (tags: Record<string, string>) =>
      isAllowed([trust], {
        action: 'sts:TagSession',
        resource: '*',
        context: { 'aws:TagKeys': Object.keys(tags), ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:RequestTag/${k}`, v])) },
      });

    expect(trust.Statement.map((statement) => statement.Principal)).toEqual([{ AWS: roleArnOf(logicalIdOf(fordel.api.functions.applicant.role)) }]);
    expect(open({ tenantId: 't1', applicationId: APP })).toBe(true);
    expect(open({ tenantId: 't1' })).toBe(false);
    expect(open({ tenantId: 't1', applicationId: 'x' })).toBe(false);
  });
});

describe('national role', () => {
  let policies: PolicyDocument[];

  beforeAll(() => {
    policies = policiesOf(api, fordel.api.functions.national.role);
  });

  it('reads the aggregates by year and national items, and writes national items, profiles and budget positions', () => {
    expect(isAllowed(policies, items('Query', ['AGG#2027'], indexArn('byYear')))).toBe(true);
    expect(isAllowed(policies, items('Query', ['NATIONAL#TENANTS']))).toBe(true);
    expect(isAllowed(policies, items('PutItem', ['NATIONAL#RULESET']))).toBe(true);
    expect(isAllowed(policies, items('PutItem', ['T#t1#PROFILE']))).toBe(true);
    expect(isAllowed(policies, items('UpdateItem', ['T#t1#BUDGET']))).toBe(true);
  });

  it('publishes an allocation: the version, each budget position, and IMDi’s own audit event and letters, but no municipality’s letters', () => {
    expect(isAllowed(policies, items('PutItem', ['NATIONAL#ALLOCATION#2027']))).toBe(true);
    expect(isAllowed(policies, items('PutItem', ['T#imdi#AUDIT']))).toBe(true);
    expect(isAllowed(policies, items('PutItem', ['T#imdi#OUTBOX']))).toBe(true);
    expect(isAllowed(policies, items('PutItem', ['T#t1#OUTBOX']))).toBe(false);
  });

  it('closes a year: both budget positions and the municipality’s audit events, which it adds but never changes or removes', () => {
    expect(isAllowed(policies, items('GetItem', ['T#t1#BUDGET']))).toBe(true);
    expect(isAllowed(policies, items('UpdateItem', ['T#t1#BUDGET']))).toBe(true);
    expect(isAllowed(policies, items('PutItem', ['T#t1#AUDIT']))).toBe(true);
    expect(isAllowed(policies, items('UpdateItem', ['T#t1#AUDIT']))).toBe(false);
    expect(isAllowed(policies, items('DeleteItem', ['T#t1#AUDIT']))).toBe(false);
    expect(isAllowed(policies, items('UpdateItem', ['T#t1#ROUNDS']))).toBe(false);
    expect(isAllowed(policies, items('UpdateItem', ['T#imdi#AUDIT']))).toBe(false);
  });

  it('reads the municipalities’ year reports by key, and never writes one (the municipality sends its own)', () => {
    expect(isAllowed(policies, items('BatchGetItem', ['T#t1#YEAR_REPORT', 'T#t2#YEAR_REPORT']))).toBe(true);
    expect(isAllowed(policies, items('GetItem', ['T#t1#YEAR_REPORT']))).toBe(true);
    expect(isAllowed(policies, items('PutItem', ['T#t1#YEAR_REPORT']))).toBe(false);
    expect(isAllowed(policies, items('UpdateItem', ['T#t1#YEAR_REPORT']))).toBe(false);
  });

  it('reads every audit partition by query (the audit trail), but no tenant’s applications', () => {
    expect(isAllowed(policies, items('Query', ['T#t1#AUDIT']))).toBe(true);
    expect(isAllowed(policies, items('Query', ['T#imdi#AUDIT']))).toBe(true);
    expect(isAllowed(policies, items('Query', ['T#t1#APP#' + APP]))).toBe(false);
    expect(isAllowed(policies, items('Query', ['T#t1#LINKS']))).toBe(false);
    expect(isAllowed(policies, items('Query', ['T#t1#AUDIT', 'T#t1#APP#' + APP]))).toBe(false);
  });

  it("writes nothing else in a tenant's partitions and reads no applications", () => {
    expect(isAllowed(policies, items('PutItem', ['T#t1#APP#' + APP]))).toBe(false);
    expect(isAllowed(policies, items('GetItem', ['T#t1#APP#' + APP]))).toBe(false);
    expect(isAllowed(policies, items('UpdateItem', ['T#t1#AGGREGATES']))).toBe(false);
    expect(isAllowed(policies, items('Query', ['T#t1#ROUND#r1#APPS'], indexArn('byList')))).toBe(false);
    expect(isAllowed(policies, items('Query', ['ORG#123456785'], indexArn('byOrganisation')))).toBe(false);
    expect(isAllowed(policies, { action: 'dynamodb:Scan', resource: TABLE_ARN })).toBe(false);
    expect(isAllowed(policies, { action: 's3:GetObject', resource: objectArn(`t1/${APP}/x.pdf`) })).toBe(false);
  });
});

describe('job roles', () => {
  const jobPolicies = (name: 'closeRounds' | 'sendOutbox' | 'reconcileAggregates' | 'preliminaryReplies' | 'lapseUnacceptedGrants') => policiesOf(jobs, fordel.jobs.functions[name].role);

  it('lets close-rounds find published and open calls, open or close a round and write its audit event, nothing more', () => {
    const policies = jobPolicies('closeRounds');

    expect(isAllowed(policies, items('Query', ['CALLS#OPEN'], indexArn('byList')))).toBe(true);
    expect(isAllowed(policies, items('Query', ['CALLS#PUBLISHED'], indexArn('byList')))).toBe(true);
    expect(isAllowed(policies, items('UpdateItem', ['T#t1#ROUNDS']))).toBe(true);
    expect(isAllowed(policies, items('PutItem', ['T#t1#AUDIT']))).toBe(true);
    expect(isAllowed(policies, items('Query', ['OUTBOX#PENDING'], indexArn('byList')))).toBe(false);
    expect(isAllowed(policies, items('UpdateItem', ['T#t1#APP#' + APP]))).toBe(false);
    expect(isAllowed(policies, items('PutItem', ['T#t1#ROUNDS']))).toBe(false);
  });

  it('lets preliminary-replies find closed rounds and their applications, and record a reply with its event and email, nothing more', () => {
    const policies = jobPolicies('preliminaryReplies');

    expect(isAllowed(policies, items('Query', ['CALLS#CLOSED'], indexArn('byList')))).toBe(true);
    expect(isAllowed(policies, items('Query', ['T#t1#ROUND#r1#APPS'], indexArn('byList')))).toBe(true);
    expect(isAllowed(policies, items('PutItem', ['T#t1#APP#' + APP]))).toBe(true);
    expect(isAllowed(policies, items('PutItem', ['T#t1#AUDIT']))).toBe(true);
    expect(isAllowed(policies, items('PutItem', ['T#t1#OUTBOX']))).toBe(true);
    expect(isAllowed(policies, items('Query', ['CALLS#OPEN'], indexArn('byList')))).toBe(false);
    expect(isAllowed(policies, items('UpdateItem', ['T#t1#BUDGET']))).toBe(false);
    expect(isAllowed(policies, items('PutItem', ['T#t1#ROUNDS']))).toBe(false);
  });

  it('lets the lapse job find overdue grants by their index and lapse each with its events, notice, counters and returned money, nothing more', () => {
    const policies = jobPolicies('lapseUnacceptedGrants');

    expect(isAllowed(policies, items('Query', ['GRANTS#AWAITING_ANSWER'], indexArn('byList')))).toBe(true);
    expect(isAllowed(policies, items('GetItem', ['T#t1#APP#' + APP]))).toBe(true);
    expect(isAllowed(policies, items('PutItem', ['T#t1#APP#' + APP]))).toBe(true);
    expect(isAllowed(policies, items('DeleteItem', ['T#t1#APP#' + APP]))).toBe(true);
    expect(isAllowed(policies, items('UpdateItem', ['T#t1#BUDGET']))).toBe(true);
    expect(isAllowed(policies, items('UpdateItem', ['T#t1#AGGREGATES']))).toBe(true);
    expect(isAllowed(policies, items('PutItem', ['T#t1#AUDIT']))).toBe(true);
    expect(isAllowed(policies, items('PutItem', ['T#t1#OUTBOX']))).toBe(true);
    expect(isAllowed(policies, { action: 'dynamodb:Scan', resource: TABLE_ARN })).toBe(false);
    expect(isAllowed(policies, items('Query', ['CALLS#OPEN'], indexArn('byList')))).toBe(false);
    expect(isAllowed(policies, items('PutItem', ['T#t1#BUDGET']))).toBe(false);
    expect(isAllowed(policies, items('UpdateItem', ['NATIONAL#TENANTS']))).toBe(false);
  });

  it('lets send-outbox read the pending list, update outbox messages and resolve link requests, nothing more', () => {
    const policies = jobPolicies('sendOutbox');

    expect(isAllowed(policies, items('Query', ['OUTBOX#PENDING'], indexArn('byList')))).toBe(true);
    expect(isAllowed(policies, items('UpdateItem', ['T#t1#OUTBOX']))).toBe(true);
    expect(isAllowed(policies, items('GetItem', ['T#t1#OUTBOX']))).toBe(false);
    expect(isAllowed(policies, items('UpdateItem', ['T#t1#APP#' + APP]))).toBe(false);
    expect(isAllowed(policies, items('Query', ['CALLS#OPEN'], indexArn('byList')))).toBe(false);
  });

  it('lets send-outbox take link requests, find the applications, read their rounds and write links and their emails', () => {
    const policies = jobPolicies('sendOutbox');

    // Each key the resolution touches, with the action it uses.
    expect(isAllowed(policies, items('Query', ['LINK#REQUESTS']))).toBe(true);
    expect(isAllowed(policies, items('DeleteItem', ['LINK#REQUESTS']))).toBe(true);
    expect(isAllowed(policies, items('Query', ['ORG#123456785'], indexArn('byOrganisation')))).toBe(true);
    expect(isAllowed(policies, items('GetItem', ['T#t1#ROUNDS']))).toBe(true);
    expect(isAllowed(policies, items('PutItem', ['T#t1#LINKS']))).toBe(true);
    expect(isAllowed(policies, items('PutItem', ['T#t1#OUTBOX']))).toBe(true);
    // And nothing beside them.
    expect(isAllowed(policies, items('PutItem', ['LINK#REQUESTS']))).toBe(false);
    expect(isAllowed(policies, items('DeleteItem', ['T#t1#LINKS']))).toBe(false);
    expect(isAllowed(policies, items('UpdateItem', ['T#t1#LINKS']))).toBe(false);
    expect(isAllowed(policies, items('GetItem', ['T#t1#LINKS']))).toBe(false);
    expect(isAllowed(policies, items('GetItem', ['T#t1#APP#' + APP]))).toBe(false);
    expect(isAllowed(policies, items('PutItem', ['T#t1#APP#' + APP]))).toBe(false);
    expect(isAllowed(policies, items('Query', ['T#t1#ROUNDS']))).toBe(false);
    expect(isAllowed(policies, items('UpdateItem', ['T#t1#ROUNDS']))).toBe(false);
    expect(isAllowed(policies, items('PutItem', ['T#t1#AUDIT']))).toBe(false);
    expect(isAllowed(policies, items('Query', ['ORG#123456785']))).toBe(false);
    expect(isAllowed(policies, items('GetItem', ['NATIONAL#TENANTS']))).toBe(false);
    expect(isAllowed(policies, { action: 's3:GetObject', resource: objectArn(`t1/${APP}/x.pdf`) })).toBe(false);
  });

  it('lets reconcile-aggregates read the register, rounds and round lists, and get and repair aggregates', () => {
    const policies = jobPolicies('reconcileAggregates');

    expect(isAllowed(policies, items('Query', ['NATIONAL#TENANTS']))).toBe(true);
    expect(isAllowed(policies, items('Query', ['T#t1#ROUNDS']))).toBe(true);
    expect(isAllowed(policies, items('Query', ['T#t1#ROUND#r1#APPS'], indexArn('byList')))).toBe(true);
    expect(isAllowed(policies, items('UpdateItem', ['T#t1#AGGREGATES']))).toBe(true);
    expect(isAllowed(policies, items('Query', ['NATIONAL#RULESETS']))).toBe(false);
    expect(isAllowed(policies, items('GetItem', ['T#t1#APP#' + APP]))).toBe(false);
    expect(isAllowed(policies, items('UpdateItem', ['T#t1#ROUNDS']))).toBe(false);
    expect(isAllowed(policies, items('Query', ['AGG#2027'], indexArn('byYear')))).toBe(false);
  });
});

describe('every role', () => {
  it('is granted no Scan, no PartiQL, no dynamodb wildcard and no item action without a LeadingKeys condition', () => {
    const problems: string[] = [];
    for (const stack of [fordel.api, fordel.jobs, fordel.data, fordel.web, fordel.auth, fordel.mail]) {
      for (const { roleId, policies, managed } of everyRolePolicy(stack)) {
        // Only CDK's deployment helpers carry a managed policy, and it grants logs only.
        for (const name of managed) if (name !== 'AWSLambdaBasicExecutionRole') problems.push(`${roleId}: managed ${name}`);
        for (const statement of policies.flatMap((policy) => [policy.Statement].flat())) {
          const actions = [statement.Action ?? statement.NotAction ?? []].flat() as string[];
          const dynamo = actions.filter((action) => /^dynamodb:/i.test(action) || action === '*');
          if (statement.NotAction) problems.push(`${roleId}: NotAction`);
          for (const action of dynamo) {
            if (/scan|partiql|\*/i.test(action)) problems.push(`${roleId}: ${action}`);
            const needsKeys = action !== 'dynamodb:DescribeTable';
            if (needsKeys && !statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']) problems.push(`${roleId}: ${action} without LeadingKeys`);
          }
        }
      }
    }

    expect(problems).toEqual([]);
  });
});
