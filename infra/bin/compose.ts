import { existsSync } from 'node:fs';
import { Tags, type App } from 'aws-cdk-lib';
import { repoPath } from '../constructs/repo-path';
import { ApiStack, HTTP_ENTRIES } from '../stacks/api-stack';
import { AuthStack } from '../stacks/auth-stack';
import { DataStack } from '../stacks/data-stack';
import { JOBS, JobsStack } from '../stacks/jobs-stack';
import { MailStack } from '../stacks/mail-stack';
import { WebStack } from '../stacks/web-stack';
import { readConfig, type FordelConfig } from './config';

/** The stacks of one Fordel deployment. */
export interface FordelStacks {
  readonly config: FordelConfig;
  readonly data: DataStack;
  readonly auth: AuthStack;
  readonly mail: MailStack;
  readonly api: ApiStack;
  readonly jobs: JobsStack;
  readonly web: WebStack;
}

/** Options for {@link composeFordel}, for tests that need another assets folder. */
export interface ComposeOptions {
  /** @default web/static in the repository */
  readonly staticAssetsPath?: string;
}

/**
 * Adds every Fordel stack to `app`, configured from its context (`fordel:*` keys).
 *
 * The stacks are environment-agnostic: account and region come from the credentials at deploy
 * time, so `cdk synth` needs no account and does no lookups.
 */
export function composeFordel(app: App, options: ComposeOptions = {}): FordelStacks {
  const config = readConfig(app.node);
  // Name every missing entry at once rather than the first one bundling trips over.
  const entries = [...Object.values(HTTP_ENTRIES), ...Object.values(JOBS).map((job) => job.entry)];
  const missing = entries.filter((entry) => !existsSync(repoPath(entry)));
  if (missing.length > 0) throw new Error(`Lambda entry files missing: ${missing.join(', ')}`);

  const prefix = `${config.appName}-${config.stage}`;
  const common = {
    // Production must be deleted on purpose, by turning this off first.
    terminationProtection: config.stage === 'prod',
  };
  Tags.of(app).add('app', config.appName);
  Tags.of(app).add('stage', config.stage);

  const data = new DataStack(app, `${prefix}-data`, {
    ...common,
    description: 'Fordel: DynamoDB table and attachments bucket',
    browserOrigins: [config.appBaseUrl],
  });
  const auth = new AuthStack(app, `${prefix}-auth`, {
    ...common,
    description: 'Fordel: Cognito user pool for officers and IMDi',
    appBaseUrl: config.appBaseUrl,
    domainPrefix: config.authDomainPrefix,
    oidcProvider: config.oidcProvider,
  });
  const mail = new MailStack(app, `${prefix}-mail`, {
    ...common,
    description: 'Fordel: SES identity and configuration set',
    mailFrom: config.mailFrom,
  });
  const shared = {
    table: data.table,
    attachmentsBucket: data.attachmentsBucket,
    mail,
    appBaseUrl: config.appBaseUrl,
    logLevel: config.logLevel,
    logRetention: config.logRetention,
  };
  const api = new ApiStack(app, `${prefix}-api`, {
    ...common,
    ...shared,
    description: 'Fordel: HTTP API and the applicant, officer and national Lambdas',
    userPool: auth.userPool,
    userPoolClient: auth.userPoolClient,
    issuer: auth.issuer,
    gatewayJwtAuthorizer: config.gatewayJwtAuthorizer,
  });
  const jobs = new JobsStack(app, `${prefix}-jobs`, {
    ...common,
    ...shared,
    magicLinkSecret: api.magicLinkSecret,
    description: 'Fordel: scheduled jobs',
  });
  const web = new WebStack(app, `${prefix}-web`, {
    ...common,
    description: 'Fordel: CloudFront distribution and static assets',
    apiDomainName: api.apiDomainName,
    domainName: config.domainName,
    certificateArn: config.certificateArn,
    staticAssetsPath: options.staticAssetsPath ?? repoPath('web/static'),
    authDomainPrefix: config.authDomainPrefix,
  });

  return { config, data, auth, mail, api, jobs, web };
}
