import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ESM_REQUIRE_BANNER } from '../../infra/constructs/fordel-function';
import { tableDefinition } from '../../shared/table';
import { nagFindings, synthFordel } from './synth-fordel';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

let fordel: ReturnType<typeof synthFordel>;
let data: Template;
let auth: Template;
let mail: Template;
let api: Template;
let jobs: Template;
let web: Template;

beforeAll(() => {
  fordel = synthFordel({ nag: false });
  data = Template.fromStack(fordel.data);
  auth = Template.fromStack(fordel.auth);
  mail = Template.fromStack(fordel.mail);
  api = Template.fromStack(fordel.api);
  jobs = Template.fromStack(fordel.jobs);
  web = Template.fromStack(fordel.web);
});

function only(template: Template, type: string, props: object = {}): Resource {
  const found = Object.values(template.findResources(type, { Properties: props })) as Resource[];
  expect(found, `exactly one ${type}`).toHaveLength(1);
  return found[0]!;
}

/** The role's inline policy statements, found through the policy attached to it. */
function statementsOfRole(template: Template, roleLogicalId: string): Record<string, any>[] {
  const policies = Object.values(
    template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleLogicalId }] } }),
  ) as Resource[];
  return policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

function functionByDescription(template: Template, pattern: RegExp): Resource {
  const found = (Object.values(template.findResources('AWS::Lambda::Function')) as Resource[]).filter((fn) =>
    pattern.test(fn.Properties.Description ?? ''),
  );
  expect(found, String(pattern)).toHaveLength(1);
  return found[0]!;
}

function roleIdOf(fn: Resource): string {
  return fn.Properties.Role['Fn::GetAtt'][0];
}

describe('data stack', () => {
  it('builds the table exactly from the shared table definition', () => {
    const table = only(data, 'AWS::DynamoDB::Table');
    const keyNames = [
      tableDefinition.partitionKey,
      tableDefinition.sortKey,
      ...tableDefinition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ];

    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table.Properties.AttributeDefinitions).toEqual(
      expect.arrayContaining(keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
    );
    expect(table.Properties.AttributeDefinitions).toHaveLength(keyNames.length);
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      tableDefinition.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });

  it('protects the table: PITR, deletion protection, retain, on-demand, TTL on expiresAt', () => {
    const table = only(data, 'AWS::DynamoDB::Table');

    expect(table.Properties.PointInTimeRecoverySpecification).toMatchObject({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('keeps attachments private, encrypted, versioned, logged and retained', () => {
    const bucket = only(data, 'AWS::S3::Bucket', { VersioningConfiguration: { Status: 'Enabled' } });

    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.BucketEncryption).toBeDefined();
    expect(bucket.Properties.LoggingConfiguration).toMatchObject({ LogFilePrefix: 'attachments/' });
    expect(bucket.Properties.LifecycleConfiguration.Rules.length).toBeGreaterThan(0);
    expect(bucket.DeletionPolicy).toBe('Retain');
    data.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('auth stack', () => {
  it('creates an admin-only user pool with an immutable tenant attribute, MFA and threat protection', () => {
    const pool = only(auth, 'AWS::Cognito::UserPool');

    expect(pool.Properties.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
    expect(pool.Properties.Schema).toEqual(
      expect.arrayContaining([expect.objectContaining({ Name: 'tenantId', AttributeDataType: 'String', Mutable: false })]),
    );
    expect(pool.Properties.MfaConfiguration).toBe('ON');
    expect(pool.Properties.UserPoolTier).toBe('PLUS');
    expect(pool.Properties.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
    expect(pool.Properties.Policies.PasswordPolicy).toMatchObject({
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
    expect(pool.Properties.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
  });

  it('creates a group per role, and keeps the officer group the officer app admits', () => {
    const groups = Object.values(auth.findResources('AWS::Cognito::UserPoolGroup')) as Resource[];

    expect(groups.map((group) => group.Properties.GroupName).sort()).toEqual([
      'approver',
      'assessor',
      'caseworker',
      'municipal-admin',
      'national-admin',
      'officer',
    ]);
  });

  it('requires TOTP as a second factor for every account and offers no SMS', () => {
    const pool = only(auth, 'AWS::Cognito::UserPool');

    expect(pool.Properties.MfaConfiguration).toBe('ON');
    expect(pool.Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
  });

  it('serves a hosted sign-in domain and federates no provider unless one is configured', () => {
    only(auth, 'AWS::Cognito::UserPoolDomain', { Domain: fordel.config.authDomainPrefix });
    auth.resourceCountIs('AWS::Cognito::UserPoolIdentityProvider', 0);

    expect(only(auth, 'AWS::Cognito::UserPoolClient').Properties.SupportedIdentityProviders).toEqual(['COGNITO']);
  });

  it('has a public OIDC client for the authorisation-code flow that reads but cannot write the tenant', () => {
    const client = only(auth, 'AWS::Cognito::UserPoolClient');

    expect(client.Properties.AllowedOAuthFlows).toEqual(['code']);
    expect(client.Properties.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(client.Properties.AllowedOAuthScopes).toEqual(expect.arrayContaining(['openid']));
    expect(client.Properties.GenerateSecret).toBe(false);
    expect(client.Properties.ReadAttributes).toContain('custom:tenantId');
    expect(client.Properties.WriteAttributes ?? []).not.toContain('custom:tenantId');
    expect(client.Properties.CallbackURLs).toEqual(
      expect.arrayContaining([`${fordel.config.appBaseUrl}/officer/auth/callback`]),
    );
  });

  it('outputs the issuer and the client id', () => {
    const outputs = Object.keys(auth.findOutputs('*'));

    expect(outputs).toEqual(expect.arrayContaining(['Issuer', 'ClientId']));
  });
});

describe('mail stack', () => {
  it('verifies the sender domain with DKIM through a TLS-only configuration set', () => {
    only(mail, 'AWS::SES::EmailIdentity', { EmailIdentity: fordel.config.mailFrom.split('@')[1] });
    only(mail, 'AWS::SES::ConfigurationSet', { DeliveryOptions: { TlsPolicy: 'REQUIRE' } });
  });
});

describe('api stack', () => {
  const audiences = [/applicant/i, /officer/i, /national/i];

  it('runs the three audience Lambdas on Node 22, arm64, with the ESM handler', () => {
    for (const audience of audiences) {
      const fn = functionByDescription(api, audience);

      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.Handler).toBe('index.handler');
    }
  });

  it('bundles each Lambda as minified ESM with the createRequire banner and a source map', () => {
    for (const audience of audiences) {
      const fn = functionByDescription(api, audience);
      const assetDir = join(fordel.app.outdir, `asset.${String(fn.Properties.Code.S3Key).replace(/\.zip$/, '')}`);

      expect(existsSync(join(assetDir, 'index.mjs')), assetDir).toBe(true);
      expect(existsSync(join(assetDir, 'index.mjs.map'))).toBe(true);
      expect(readFileSync(join(assetDir, 'index.mjs'), 'utf8').startsWith(ESM_REQUIRE_BANNER)).toBe(true);
    }
  });

  it('gives every audience its own role', () => {
    const roles = audiences.map((audience) => roleIdOf(functionByDescription(api, audience)));

    expect(new Set(roles).size).toBe(3);
  });

  it('passes the same configuration to every audience', () => {
    for (const audience of audiences) {
      const env = functionByDescription(api, audience).Properties.Environment.Variables;

      expect(Object.keys(env)).toEqual(
        expect.arrayContaining([
          'TABLE_NAME',
          'ATTACHMENTS_BUCKET',
          'MAIL_FROM',
          'APP_BASE_URL',
          'AUTH_ISSUER',
          'AUTH_CLIENT_ID',
          'MAGIC_LINK_SECRET_ARN',
          'OFFICER_TENANT_ROLE_ARN',
          'APPLICANT_TENANT_ROLE_ARN',
          'NODE_OPTIONS',
          'LOG_LEVEL',
        ]),
      );
      expect(env.NODE_OPTIONS).toBe('--enable-source-maps');
    }
  });

  it('grants Scan to no audience', () => {
    for (const audience of audiences) {
      const actions = statementsOfRole(api, roleIdOf(functionByDescription(api, audience))).flatMap((s) => [s.Action].flat());

      expect(actions).not.toContain('dynamodb:Scan');
      expect(actions.filter((a: string) => a.includes('*'))).toEqual([]);
    }
  });

  it('gives the applicant Lambda, of national data, only GetItem on the rule-set versions', () => {
    const statements = statementsOfRole(api, roleIdOf(functionByDescription(api, /applicant/i)));
    const national = statements.filter((s) => JSON.stringify(s.Condition ?? {}).includes('NATIONAL#'));

    expect(national.map((s) => [[s.Action].flat(), [s.Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys']].flat()])).toEqual([
      [['dynamodb:GetItem'], ['NATIONAL#RULESET#*']],
    ]);
  });

  it('lets only the applicant and the officer (who emails a returned application’s link) read the magic-link secret', () => {
    const readers = audiences.filter((audience) =>
      statementsOfRole(api, roleIdOf(functionByDescription(api, audience))).some((s) =>
        [s.Action].flat().includes('secretsmanager:GetSecretValue'),
      ),
    );

    expect(readers).toEqual([/applicant/i, /officer/i]);
  });

  it('lets no HTTP app send e-mail itself: they queue it in the outbox', () => {
    for (const audience of audiences) {
      const actions = statementsOfRole(api, roleIdOf(functionByDescription(api, audience))).flatMap((s) => [s.Action].flat()) as string[];
      expect(actions.filter((a) => a.startsWith('ses:'))).toEqual([]);
    }
  });

  it('lets send-outbox, which signs the links of link requests, read the magic-link secret, and no other job', () => {
    const readsSecret = (pattern: RegExp) =>
      statementsOfRole(jobs, roleIdOf(functionByDescription(jobs, pattern))).some((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue'));
    const env = (pattern: RegExp) => functionByDescription(jobs, pattern).Properties.Environment.Variables;

    expect(readsSecret(/send queued e-mails/)).toBe(true);
    expect(env(/send queued e-mails/).MAGIC_LINK_SECRET_ARN).toBeDefined();
    for (const other of [/close application rounds/, /reconcile the tenant-year/]) {
      expect(readsSecret(other)).toBe(false);
      expect(env(other).MAGIC_LINK_SECRET_ARN).toBeUndefined();
    }
  });

  const authorizationByRoute = (template: Template) =>
    Object.fromEntries(
      (Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as Resource[]).map((r) => [
        r.Properties.RouteKey,
        r.Properties.AuthorizationType ?? 'NONE',
      ]),
    );

  it('leaves token checks to the officer and national apps by default, so cookie-signed-in pages reach them', () => {
    api.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);

    expect(authorizationByRoute(api)).toMatchObject({
      'ANY /officer': 'NONE',
      'ANY /officer/{proxy+}': 'NONE',
      'ANY /national': 'NONE',
      'ANY /national/{proxy+}': 'NONE',
      'ANY /officer/auth/{proxy+}': 'NONE',
      'ANY /national/auth/{proxy+}': 'NONE',
      $default: 'NONE',
    });
  });

  it('puts a Cognito JWT authorizer on the officer and national routes, and none on the public ones, when asked to', () => {
    // Bundling is skipped: this synth is about routes, and the default synth above bundles already.
    const stacks = synthFordel({ context: { 'fordel:gatewayJwtAuthorizer': 'true', 'aws:cdk:bundling-stacks': [] } });
    const withAuthorizer = Template.fromStack(stacks.api);

    expect(nagFindings(stacks.api)).toEqual([]);

    only(withAuthorizer, 'AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT' });
    expect(authorizationByRoute(withAuthorizer)).toMatchObject({
      'ANY /officer': 'JWT',
      'ANY /officer/{proxy+}': 'JWT',
      'ANY /national': 'JWT',
      'ANY /national/{proxy+}': 'JWT',
      'ANY /': 'NONE',
      'ANY /calls/{proxy+}': 'NONE',
      'ANY /api/{proxy+}': 'NONE',
      'ANY /healthz': 'NONE',
      'ANY /static/{proxy+}': 'NONE',
      'ANY /officer/auth/{proxy+}': 'NONE',
      'ANY /national/auth/{proxy+}': 'NONE',
      $default: 'NONE',
    });
  });

  it('logs access on the $default stage and throttles it', () => {
    const stage = only(api, 'AWS::ApiGatewayV2::Stage');

    expect(stage.Properties.StageName).toBe('$default');
    expect(stage.Properties.AutoDeploy).toBe(true);
    expect(stage.Properties.AccessLogSettings.DestinationArn).toBeDefined();
    expect(JSON.parse(stage.Properties.AccessLogSettings.Format)).toMatchObject({ requestId: '$context.requestId' });
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: expect.any(Number),
      ThrottlingBurstLimit: expect.any(Number),
    });
    const retentions = (Object.values(api.findResources('AWS::Logs::LogGroup')) as Resource[]).map(
      (group) => group.Properties.RetentionInDays,
    );
    expect(retentions.every((days) => days === fordel.config.logRetention)).toBe(true);
  });
});

describe('jobs stack', () => {
  it('schedules closing rounds, sending the outbox and reconciling the aggregates with EventBridge Scheduler', () => {
    const schedules = (Object.values(jobs.findResources('AWS::Scheduler::Schedule')) as Resource[]).map((s) => [
      s.Properties.ScheduleExpression,
      s.Properties.ScheduleExpressionTimezone,
    ]);

    expect(schedules).toEqual(
      expect.arrayContaining([
        ['rate(5 minutes)', 'Etc/UTC'],
        ['rate(1 minute)', 'Etc/UTC'],
        // Nightly at 02:00 Norwegian time, summer and winter.
        ['cron(0 2 * * ? *)', 'Europe/Oslo'],
        // Preliminary replies (fvl. § 11a) each morning at 06:00 Norwegian time.
        ['cron(0 6 * * ? *)', 'Europe/Oslo'],
        // Grants not accepted by their deadline (end of an Oslo day) lapse at 01:30 Norwegian time.
        ['cron(30 1 * * ? *)', 'Europe/Oslo'],
      ]),
    );
    expect(schedules).toHaveLength(5);
  });

  it('lets the reconcile job query, get and update on the table and the byList index only, with no mail', () => {
    const fn = functionByDescription(jobs, /reconcile the tenant-year aggregates/);
    const statements = statementsOfRole(jobs, roleIdOf(fn)).filter((s) => [s.Action].flat().some((a: string) => a.startsWith('dynamodb:')));
    const actions = [...new Set(statements.flatMap((s) => [s.Action].flat()) as string[])];
    const resources = JSON.stringify(statements.flatMap((s) => [s.Resource].flat()));

    expect(actions.sort()).toEqual(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    expect(resources).toContain('/index/byList');
    expect(resources).not.toContain('/index/byOrganisation');
    expect(resources).not.toContain('/index/byYear');
    expect(resources).not.toContain('index/*');
    // Named partitions across tenants (tenant-isolation.test.ts evaluates which).
    expect(statements.every((s) => s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'])).toBe(true);
    expect(statementsOfRole(jobs, roleIdOf(fn)).flatMap((s) => [s.Action].flat()).some((a: string) => a.startsWith('ses:'))).toBe(false);
    expect(fn.Properties.Timeout).toBe(300);
  });

  it('grants each job only the table actions its code calls, and SES sending only to send-outbox', () => {
    const actionsOf = (pattern: RegExp) =>
      statementsOfRole(jobs, roleIdOf(functionByDescription(jobs, pattern))).flatMap((s) => [s.Action].flat()) as string[];
    const closeRounds = actionsOf(/close application rounds/);
    const sendOutbox = actionsOf(/send queued e-mails/);

    expect(closeRounds.filter((a) => a.startsWith('dynamodb:')).sort()).toEqual(['dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    expect(closeRounds.some((a) => a.startsWith('ses:'))).toBe(false);
    expect([...new Set(sendOutbox.filter((a) => a.startsWith('dynamodb:')))].sort()).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    expect(sendOutbox).toContain('ses:SendEmail');
  });

  it('sends failed runs to one encrypted dead-letter queue, from the scheduler and from Lambda', () => {
    const queue = only(jobs, 'AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    const queueId = Object.keys(jobs.findResources('AWS::SQS::Queue'))[0]!;
    const schedules = Object.values(jobs.findResources('AWS::Scheduler::Schedule')) as Resource[];
    const functions = Object.values(jobs.findResources('AWS::Lambda::Function')) as Resource[];

    expect(queue).toBeDefined();
    for (const schedule of schedules) {
      expect(schedule.Properties.Target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
    }
    for (const fn of functions) {
      expect(fn.Properties.DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
    }
  });
});

describe('web stack', () => {
  it('fronts the HTTP API uncached and serves /static/* from the private bucket', () => {
    const distribution = only(web, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
    const cachingDisabled = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
    const allViewerExceptHost = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
    const apiOrigin = distribution.Origins.find((o: any) => o.CustomOriginConfig);
    const s3Origin = distribution.Origins.find((o: any) => o.S3OriginConfig);

    expect(distribution.DefaultCacheBehavior).toMatchObject({
      TargetOriginId: apiOrigin.Id,
      CachePolicyId: cachingDisabled,
      OriginRequestPolicyId: allViewerExceptHost,
      ViewerProtocolPolicy: 'redirect-to-https',
    });
    expect(apiOrigin.CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(distribution.CacheBehaviors).toEqual([
      expect.objectContaining({ PathPattern: '/static/*', TargetOriginId: s3Origin.Id }),
    ]);
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    expect(distribution.Logging).toBeDefined();
  });

  it('adds security headers, with a Content-Security-Policy that allows no inline script, to every response', () => {
    const policy = only(web, 'AWS::CloudFront::ResponseHeadersPolicy').Properties.ResponseHeadersPolicyConfig;
    const distribution = only(web, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;

    expect(policy.SecurityHeadersConfig).toMatchObject({
      StrictTransportSecurity: { Override: true, IncludeSubdomains: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { Override: true, ReferrerPolicy: 'strict-origin-when-cross-origin' },
    });
    const csp = JSON.stringify(policy.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self';",
      "style-src 'self';",
      "img-src 'self' data:",
      "frame-ancestors 'none'",
      "form-action 'self' https://fordel-dev.auth.",
      "base-uri 'none'",
      "object-src 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(policy.SecurityHeadersConfig.ContentSecurityPolicy.Override).toBe(true);
    expect(policy.SecurityHeadersConfig.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
    for (const behavior of [distribution.DefaultCacheBehavior, ...distribution.CacheBehaviors]) {
      expect(behavior.ResponseHeadersPolicyId).toBeDefined();
    }
  });
});
