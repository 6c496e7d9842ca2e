import { CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import type { OidcProviderConfig } from '../bin/config';

/**
 * Cognito groups, one per role; the officer and national apps read them from the `cognito:groups`
 * claim. A municipal role holds within the user's tenant (custom:tenantId) only.
 */
export const USER_GROUPS = {
  caseworker: 'Case workers of one managing municipality: screen applications and prepare decisions.',
  approver: 'Approvers of one managing municipality: sign decisions prepared by case workers.',
  'municipal-admin': "Administrators of one managing municipality: set up rounds and manage the municipality's users.",
  assessor: 'Reviewers who read and score applications of their tenant without deciding them.',
  'national-admin': 'IMDi staff who manage rule sets, national frames and allocations.',
  officer: 'The older name of the caseworker group, read the same way: a member is a case worker of their municipality.',
} as const;

/** Name of the custom attribute that ties an officer to a tenant; the token claim is `custom:tenantId`. */
export const TENANT_ATTRIBUTE = 'tenantId';

/**
 * Paths of the OIDC redirect endpoints in the officer and national apps, appended to the app's base
 * URL. They must match the routes of `functions/http/{officer,national}`.
 */
export const OIDC_CALLBACK_PATHS = ['/officer/auth/callback', '/national/auth/callback'] as const;
/** Where Cognito may send the browser after sign-out. */
export const OIDC_LOGOUT_PATHS = ['/officer', '/national'] as const;

/** Props of {@link AuthStack}. */
export interface AuthStackProps extends StackProps {
  /** Base URL of the service, e.g. `https://fordel.example.com`. */
  readonly appBaseUrl: string;
  /** Prefix of the hosted sign-in domain `<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domainPrefix: string;
  /** An external OIDC provider (ID-porten, a municipality's own); omitted means Cognito accounts only. */
  readonly oidcProvider?: OidcProviderConfig;
}

/**
 * Sign-in for officers and IMDi staff: a Cognito user pool with the OIDC authorisation-code flow.
 *
 * Accounts are created by administrators only. The tenant is an immutable custom attribute, so it
 * reaches the app as a verified token claim and an officer can never move themselves to another
 * municipality. Applicants do not use Cognito; they sign in with a magic link.
 */
export class AuthStack extends Stack {
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  /** The OIDC issuer (`https://cognito-idp.<region>.amazonaws.com/<pool id>`). */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: {
        [TENANT_ATTRIBUTE]: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
      },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 12,
      },
      // Required: officers see applicants' personal data (contacts, bank accounts) and decide on
      // public money, so a leaked password alone must not be enough. TOTP only, which needs no SMS role.
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // The Plus plan gives threat protection (compromised credentials, risky sign-ins) that cdk-nag
      // asks for; the user count is a few hundred officers, so its per-user price is small.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const [groupName, description] of Object.entries(USER_GROUPS)) {
      this.userPool.addGroup(`Group-${groupName}`, { groupName, description });
    }

    const federated = props.oidcProvider ? this.addOidcProvider(props.oidcProvider) : undefined;

    this.userPool.addDomain('HostedDomain', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
    });

    const attributes = new cognito.ClientAttributes()
      .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
      .withCustomAttributes(TENANT_ATTRIBUTE);

    this.userPoolClient = this.userPool.addClient('WebClient', {
      // A public client with PKCE: the Lambdas then need no client secret to keep and rotate.
      generateSecret: false,
      authFlows: { user: false, userSrp: false, userPassword: false, adminUserPassword: false, custom: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: OIDC_CALLBACK_PATHS.map((path) => props.appBaseUrl + path),
        logoutUrls: OIDC_LOGOUT_PATHS.map((path) => props.appBaseUrl + path),
      },
      supportedIdentityProviders: [
        cognito.UserPoolClientIdentityProvider.COGNITO,
        ...(federated ? [cognito.UserPoolClientIdentityProvider.custom(federated.providerName)] : []),
      ],
      readAttributes: attributes,
      // The tenant is set by administrators only; users may not write it through the client.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(60),
      accessTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.hours(12),
    });

    // The client may name the provider only once it exists.
    if (federated) this.userPoolClient.node.addDependency(federated);

    this.issuer = this.userPool.userPoolProviderUrl;

    new CfnOutput(this, 'Issuer', { value: this.issuer, description: 'OIDC issuer (AUTH_ISSUER)' });
    new CfnOutput(this, 'ClientId', { value: this.userPoolClient.userPoolClientId, description: 'OIDC client id (AUTH_CLIENT_ID)' });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'HostedDomain', {
      value: `${props.domainPrefix}.auth.${this.region}.amazoncognito.com`,
      description: 'Hosted sign-in domain',
    });
  }

  /**
   * Federates an external OIDC provider. Only e-mail and name are taken from it: the tenant is never
   * mapped from a provider's claims, so a municipality's IdP cannot place a user in another
   * municipality. Federated users are linked to an account an administrator created with its tenant
   * (docs/operations.md), and their second factor is the provider's own.
   */
  private addOidcProvider(config: OidcProviderConfig): cognito.UserPoolIdentityProviderOidc {
    return new cognito.UserPoolIdentityProviderOidc(this, 'OidcProvider', {
      userPool: this.userPool,
      name: config.name,
      issuerUrl: config.issuerUrl,
      clientId: config.clientId,
      // A dynamic reference: CloudFormation reads the secret at deploy time; the template holds only its name.
      clientSecret: SecretValue.secretsManager(config.clientSecretName).unsafeUnwrap(),
      scopes: [...config.scopes],
      attributeRequestMethod: cognito.OidcAttributeRequestMethod.GET,
      attributeMapping: {
        email: cognito.ProviderAttribute.other('email'),
        fullname: cognito.ProviderAttribute.other('name'),
      },
    });
  }
}
