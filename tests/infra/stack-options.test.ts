import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { readConfig, readCdkJsonContext } from '../../infra/bin/config';
import { AuthStack } from '../../infra/stacks/auth-stack';
import { WebStack } from '../../infra/stacks/web-stack';
import { checkWithNag, nagFindings } from './synth-fordel';

function appWith(context: Record<string, unknown> = {}): App {
  return new App({
    context: { ...readCdkJsonContext(), ...context },
    outdir: mkdtempSync(join(tmpdir(), 'fordel-cdk-')),
  });
}

function webStack(app: App, props: { certificateArn?: string; staticAssetsPath: string }): WebStack {
  return new WebStack(app, 'web', {
    apiDomainName: 'abc123.execute-api.eu-north-1.amazonaws.com',
    domainName: 'fordel.example.com',
    ...props,
  });
}

describe('configuration from context', () => {
  it('reads the cdk.json defaults', () => {
    const config = readConfig(appWith().node);

    expect(config).toMatchObject({
      appName: 'fordel',
      stage: 'dev',
      appBaseUrl: `https://${config.domainName}`,
      gatewayJwtAuthorizer: false,
      certificateArn: undefined,
      authDomainPrefix: 'fordel-dev',
      oidcProvider: undefined,
    });
  });

  it('accepts -c values, which always arrive as strings', () => {
    const config = readConfig(
      appWith({ 'fordel:gatewayJwtAuthorizer': 'true', 'fordel:logRetentionDays': '90', 'fordel:stage': 'prod' }).node,
    );

    expect(config).toMatchObject({ gatewayJwtAuthorizer: true, logRetention: 90, stage: 'prod' });
  });

  it('refuses a sender that is not an address, a retention CloudWatch does not offer and an unknown log level', () => {
    expect(() => readConfig(appWith({ 'fordel:mailFrom': 'nobody' }).node)).toThrow(/mailFrom/);
    expect(() => readConfig(appWith({ 'fordel:logRetentionDays': '31' }).node)).toThrow(/logRetentionDays/);
    expect(() => readConfig(appWith({ 'fordel:logLevel': 'verbose' }).node)).toThrow(/logLevel/);
  });
});

describe('web stack variants', () => {
  it('publishes web/static under /static/ when the folder exists, and stays nag-clean', () => {
    const assets = mkdtempSync(join(tmpdir(), 'fordel-static-'));
    mkdirSync(join(assets, 'css'));
    writeFileSync(join(assets, 'css', 'app.css'), 'body{margin:0}');
    const app = appWith();
    const stack = webStack(app, { staticAssetsPath: assets });
    checkWithNag(app);

    const template = Template.fromStack(stack);

    template.resourceCountIs('Custom::CDKBucketDeployment', 1);
    template.hasResourceProperties('Custom::CDKBucketDeployment', { DestinationBucketKeyPrefix: 'static/' });
    expect(nagFindings(stack)).toEqual([]);
  });

  it('skips the deployment when there is no assets folder', () => {
    const stack = webStack(appWith(), { staticAssetsPath: join(tmpdir(), 'fordel-no-such-folder') });

    Template.fromStack(stack).resourceCountIs('Custom::CDKBucketDeployment', 0);
  });

  it('serves the custom domain with TLS 1.2 or newer when a certificate is given, and stays nag-clean', () => {
    const app = appWith();
    const stack = webStack(app, {
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
      staticAssetsPath: join(tmpdir(), 'fordel-no-such-folder'),
    });
    checkWithNag(app);

    const config = Template.fromStack(stack).findResources('AWS::CloudFront::Distribution');
    const distribution = Object.values(config)[0]!.Properties.DistributionConfig;

    expect(distribution.Aliases).toEqual(['fordel.example.com']);
    expect(distribution.ViewerCertificate).toMatchObject({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
    expect(nagFindings(stack)).toEqual([]);
  });
});

const idPorten = {
  name: 'IDPorten',
  issuerUrl: 'https://idporten.no',
  clientId: 'fordel-client',
  clientSecretName: 'fordel/idporten-client-secret',
};

describe('federated sign-in', () => {
  it('reads the OIDC provider from a -c JSON string, and refuses one without https or a secret', () => {
    const config = readConfig(appWith({ 'fordel:oidcProvider': JSON.stringify(idPorten) }).node);

    expect(config.oidcProvider).toEqual({ ...idPorten, scopes: ['openid', 'profile', 'email'] });
    expect(() => readConfig(appWith({ 'fordel:oidcProvider': JSON.stringify({ ...idPorten, issuerUrl: 'http://idporten.no' }) }).node)).toThrow(/issuerUrl/);
    expect(() => readConfig(appWith({ 'fordel:oidcProvider': JSON.stringify({ ...idPorten, clientSecretName: '' }) }).node)).toThrow(/clientSecretName/);
  });

  it('federates the provider with its secret by reference, maps no tenant from it, and stays nag-clean', () => {
    const app = appWith();
    const stack = new AuthStack(app, 'auth', {
      appBaseUrl: 'https://fordel.example.com',
      domainPrefix: 'fordel-test',
      oidcProvider: { ...idPorten, scopes: ['openid', 'profile'] },
    });
    checkWithNag(app);
    const template = Template.fromStack(stack);
    const provider = Object.values(template.findResources('AWS::Cognito::UserPoolIdentityProvider'))[0]!;
    const providerId = Object.keys(template.findResources('AWS::Cognito::UserPoolIdentityProvider'))[0]!;
    const client = Object.values(template.findResources('AWS::Cognito::UserPoolClient'))[0]!;

    expect(provider.Properties).toMatchObject({ ProviderName: 'IDPorten', ProviderType: 'OIDC' });
    expect(provider.Properties.ProviderDetails).toMatchObject({
      oidc_issuer: 'https://idporten.no',
      client_id: 'fordel-client',
      client_secret: '{{resolve:secretsmanager:fordel/idporten-client-secret:SecretString:::}}',
      authorize_scopes: 'openid profile',
    });
    expect(Object.keys(provider.Properties.AttributeMapping).sort()).toEqual(['email', 'name']);
    expect(client.Properties.SupportedIdentityProviders).toEqual(['COGNITO', { Ref: providerId }]);
    expect(client.DependsOn).toContain(providerId);
    expect(nagFindings(stack)).toEqual([]);
  });
});
