import { readFileSync } from 'node:fs';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { repoPath } from '../constructs/repo-path';

/**
 * Everything a deployment may vary, read from CDK context (`cdk.json`, overridden with `-c key=value`).
 *
 * The defaults live in `cdk.json` only; this module refuses a missing key instead of inventing a
 * second default, so the tests (which load the same `cdk.json`) synthesise exactly what `cdk synth` does.
 */
export interface FordelConfig {
  /** Prefix of stack names and of the few physical names we set. */
  readonly appName: string;
  /** Deployment stage, e.g. `dev`, `test`, `prod`; several stages can share one account. */
  readonly stage: string;
  /** Public host name of the service (CloudFront alias when a certificate is given). */
  readonly domainName: string;
  /** Sender address; its domain becomes the SES identity. */
  readonly mailFrom: string;
  /** Absolute base URL used in e-mails and OIDC callbacks. Defaults to `https://<domainName>`. */
  readonly appBaseUrl: string;
  /** ACM certificate in us-east-1 for `domainName`; empty means the default CloudFront host name. */
  readonly certificateArn: string | undefined;
  /** Prefix of the Cognito hosted sign-in domain; must be unique in the region. */
  readonly authDomainPrefix: string;
  readonly logLevel: string;
  readonly logRetention: RetentionDays;
  /** Whether API Gateway verifies the officer and national JWTs before the Lambda does. */
  readonly gatewayJwtAuthorizer: boolean;
  /** An external OpenID Connect provider officers may sign in with; undefined means Cognito accounts only. */
  readonly oidcProvider: OidcProviderConfig | undefined;
}

/** An external OIDC identity provider federated into the user pool: ID-porten or a municipality's own. */
export interface OidcProviderConfig {
  /** Provider name in Cognito and on the hosted sign-in page, e.g. `IDPorten`. */
  readonly name: string;
  readonly issuerUrl: string;
  readonly clientId: string;
  /**
   * Secrets Manager secret (name or ARN) holding the client secret. CloudFormation resolves it at
   * deploy time, so the secret never appears in the template or in the repository.
   */
  readonly clientSecretName: string;
  readonly scopes: readonly string[];
}

const CONTEXT_PREFIX = 'fordel:';

/** The context keys this app reads, with the defaults committed in `cdk.json`. */
export function readCdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(repoPath('cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

/** Reads and validates the `fordel:*` context values of the app. */
export function readConfig(node: Node): FordelConfig {
  const text = (key: string): string => {
    const value: unknown = node.tryGetContext(CONTEXT_PREFIX + key);
    if (value === undefined || value === null) {
      throw new Error(`Missing context value ${CONTEXT_PREFIX}${key}; add it to cdk.json or pass -c ${CONTEXT_PREFIX}${key}=…`);
    }
    return String(value).trim();
  };
  // `-c` values always arrive as strings, cdk.json values as JSON types: accept both.
  const flag = (key: string): boolean => ['true', '1', 'yes'].includes(text(key).toLowerCase());

  const appName = text('appName');
  const stage = text('stage');
  const domainName = text('domainName');
  const mailFrom = text('mailFrom');
  if (!/^[a-z][a-z0-9-]{1,20}$/.test(appName)) throw new Error(`fordel:appName must be lowercase letters, digits, dashes: ${appName}`);
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(stage)) throw new Error(`fordel:stage must be lowercase letters, digits, dashes: ${stage}`);
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(domainName)) throw new Error(`fordel:domainName is not a host name: ${domainName}`);
  if (!/^[^@\s]+@[a-z0-9.-]+\.[a-z]{2,}$/i.test(mailFrom)) throw new Error(`fordel:mailFrom is not an address: ${mailFrom}`);

  const retentionDays = Number(text('logRetentionDays'));
  if (!Object.values(RetentionDays).includes(retentionDays as RetentionDays)) {
    throw new Error(`fordel:logRetentionDays must be a CloudWatch Logs retention, e.g. 30, 90, 365: ${retentionDays}`);
  }

  const logLevel = text('logLevel');
  // The same levels functions/composition/config.ts accepts; a typo would otherwise stop every Lambda at start.
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new Error(`fordel:logLevel must be debug, info, warn or error: ${logLevel}`);
  }

  const appBaseUrl = (text('appBaseUrl') || `https://${domainName}`).replace(/\/+$/, '');
  if (!/^https:\/\//.test(appBaseUrl)) throw new Error(`fordel:appBaseUrl must start with https://: ${appBaseUrl}`);

  return {
    oidcProvider: readOidcProvider(node.tryGetContext(`${CONTEXT_PREFIX}oidcProvider`)),
    appName,
    stage,
    domainName,
    mailFrom,
    appBaseUrl,
    certificateArn: text('certificateArn') || undefined,
    authDomainPrefix: text('authDomainPrefix') || `${appName}-${stage}`,
    logLevel,
    logRetention: retentionDays as RetentionDays,
    gatewayJwtAuthorizer: flag('gatewayJwtAuthorizer'),
  };
}

/**
 * Reads `fordel:oidcProvider`: an object in `cdk.json` or a JSON string from `-c`. It is the one
 * optional key: absent or empty means no federation, so existing deployments need no new setting.
 */
function readOidcProvider(value: unknown): OidcProviderConfig | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const raw = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<Record<keyof OidcProviderConfig, unknown>>;
  const text = (key: 'name' | 'issuerUrl' | 'clientId' | 'clientSecretName') => {
    if (typeof raw[key] !== 'string' || raw[key] === '') throw new Error(`fordel:oidcProvider.${key} is required when federation is on`);
    return raw[key] as string;
  };
  const name = text('name');
  // Cognito's rule for provider names; `COGNITO` and the social names are taken.
  if (!/^[A-Za-z0-9_-]{3,32}$/.test(name)) throw new Error(`fordel:oidcProvider.name must be 3-32 letters, digits, _ or -: ${name}`);
  const issuerUrl = text('issuerUrl');
  if (!/^https:\/\//.test(issuerUrl)) throw new Error(`fordel:oidcProvider.issuerUrl must start with https://: ${issuerUrl}`);
  const scopes = Array.isArray(raw.scopes) ? raw.scopes.map(String) : ['openid', 'profile', 'email'];
  return { name, issuerUrl, clientId: text('clientId'), clientSecretName: text('clientSecretName'), scopes };
}
