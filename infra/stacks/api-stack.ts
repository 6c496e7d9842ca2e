import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { FordelFunction } from '../constructs/fordel-function';
import { runtimeEnvironment } from '../constructs/runtime-environment';
import { AudienceAccess } from '../constructs/audience-access';
import { LambdaAlarms } from '../constructs/lambda-alarms';
import type { MailStack } from './mail-stack';

/** Entry files of the three HTTP Lambdas, one per audience. */
export const HTTP_ENTRIES = {
  applicant: 'functions/http/applicant/lambda.ts',
  officer: 'functions/http/officer/lambda.ts',
  national: 'functions/http/national/lambda.ts',
} as const;

/** Props of {@link ApiStack}. */
export interface ApiStackProps extends StackProps {
  readonly table: dynamodb.ITable;
  readonly attachmentsBucket: s3.IBucket;
  readonly mail: MailStack;
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  readonly issuer: string;
  readonly appBaseUrl: string;
  readonly logLevel: string;
  readonly logRetention: logs.RetentionDays;
  /**
   * Verify officer and national JWTs at API Gateway as well as in the app. API Gateway's JWT
   * authorizer reads only `Authorization: Bearer`, so with it on, the officer and national *pages*
   * (session cookie) are refused before the app sees them; only API-only deployments should turn
   * it on. Off, the apps verify every request themselves with the same code (docs/decisions.md).
   * @default false
   */
  readonly gatewayJwtAuthorizer?: boolean;
}

/**
 * The HTTP API and its three Lambdas: applicant (public, magic-link session), officer (one
 * municipality's data) and national (IMDi). Each Lambda has its own role, so a bug in the public
 * applicant app cannot use the officer's or national permissions, and the reverse.
 */
export class ApiStack extends Stack {
  readonly httpApi: apigw.HttpApi;
  /** Host name of the API's execute-api endpoint, the CloudFront origin. */
  readonly apiDomainName: string;
  readonly functions: Record<keyof typeof HTTP_ENTRIES, FordelFunction>;
  readonly magicLinkSecret: secretsmanager.Secret;
  /** The roles the officer and applicant apps assume per tenant, with session tags. */
  readonly sessionRoles: { readonly officer: iam.Role; readonly applicant: iam.Role };

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);

    this.magicLinkSecret = new secretsmanager.Secret(this, 'MagicLinkSecret', {
      description: 'HMAC key that signs applicant magic links',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    NagSuppressions.addResourceSuppressions(this.magicLinkSecret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'The secret holds a current and a previous key, and a rotation keeps the old key as previous until the last link it signed expires (72 h); that two-step rotation is done by hand (docs/operations.md) rather than by an automatic rotation Lambda.',
      },
    ]);

    const access = new AudienceAccess(this, 'Access', { table: props.table, attachmentsBucket: props.attachmentsBucket });

    const environment = {
      ...runtimeEnvironment({ ...props, sessionRoles: access.sessionRoles }),
      AUTH_ISSUER: props.issuer,
      AUTH_CLIENT_ID: props.userPoolClient.userPoolClientId,
      // Every app gets the same configuration shape; only the applicant and officer roles may read
      // the secret (the officer's return for more information emails the applicant a link to
      // continue), and in the jobs stack send-outbox, which signs the links of link requests.
      MAGIC_LINK_SECRET_ARN: this.magicLinkSecret.secretArn,
    };

    const make = (audience: keyof typeof HTTP_ENTRIES, description: string) =>
      new FordelFunction(this, `${audience[0]!.toUpperCase()}${audience.slice(1)}`, {
        entry: HTTP_ENTRIES[audience],
        description,
        environment,
        logRetention: props.logRetention,
      });
    const applicant = make('applicant', 'Fordel applicant app (public pages, API, magic-link session)');
    const officer = make('officer', 'Fordel officer app (one managing municipality)');
    const national = make('national', 'Fordel national app (IMDi)');
    this.functions = { applicant, officer, national };

    // Data access per audience (infra/constructs/audience-access.ts): the officer's execution role
    // holds none and reaches one tenant only through its tagged session role.
    access.grantTo({ applicant: applicant.role, officer: officer.role, national: national.role });
    this.sessionRoles = { officer: access.officerSession.role, applicant: access.applicantSession.role };
    this.magicLinkSecret.grantRead(applicant.role);
    this.magicLinkSecret.grantRead(officer.role);
    // No SES: the applicant app only queues e-mail (outbox) and records link requests; the
    // send-outbox job sends them.

    new LambdaAlarms(this, 'Alarms', { functions: [applicant, officer, national] });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Fordel: applicant, officer and national apps',
      createDefaultStage: false,
      // Anything not routed below is the applicant app's, so unknown paths get its 404 page.
      defaultIntegration: new HttpLambdaIntegration('ApplicantDefault', applicant.function),
    });
    const stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            method: '$context.httpMethod',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            subject: '$context.authorizer.claims.sub',
          }),
        ),
      },
    });

    const applicantIntegration = new HttpLambdaIntegration('Applicant', applicant.function);
    const officerIntegration = new HttpLambdaIntegration('Officer', officer.function);
    const nationalIntegration = new HttpLambdaIntegration('National', national.function);

    /** Routes without a gateway authorizer, each with the reason it may be open at the gateway. */
    const unauthorizedRoutes: { route: apigw.HttpRoute; reason: string }[] = [];
    const addRoutes = (
      paths: readonly string[],
      integration: HttpLambdaIntegration,
      access: { authorizer: apigw.IHttpRouteAuthorizer } | { reason: string },
    ): apigw.HttpRoute[] => {
      const authorizer = 'authorizer' in access ? access.authorizer : undefined;
      const routes = paths.flatMap((path) =>
        this.httpApi.addRoutes({ path, methods: [apigw.HttpMethod.ANY], integration, authorizer }),
      );
      if ('reason' in access) unauthorizedRoutes.push(...routes.map((route) => ({ route, reason: access.reason })));
      return routes;
    };

    addRoutes(['/', '/healthz', '/calls', '/calls/{proxy+}', '/api/{proxy+}', '/static/{proxy+}'], applicantIntegration, {
      reason:
        'Public by design: the applicant pages and the open JSON API need no login; applicant sessions are magic-link cookies checked in the app.',
    });

    const signedInAccess: { authorizer: apigw.IHttpRouteAuthorizer } | { reason: string } =
      props.gatewayJwtAuthorizer === true
        ? {
            authorizer: new HttpUserPoolAuthorizer('CognitoAuthorizer', props.userPool, {
              userPoolClients: [props.userPoolClient],
              identitySource: ['$request.header.Authorization'],
            }),
          }
        : {
            reason:
              'Signed-in routes: the officer and national apps verify the Cognito token (session cookie or bearer) on every request with the same code, and refuse without one (401, or a redirect to sign-in). The gateway JWT authorizer reads only the Authorization header, so it would refuse every page a browser opens with the session cookie (docs/decisions.md).',
          };
    addRoutes(['/officer', '/officer/{proxy+}'], officerIntegration, signedInAccess);
    addRoutes(['/national', '/national/{proxy+}'], nationalIntegration, signedInAccess);
    // The sign-in redirect arrives before there is a token; the app checks state and PKCE itself.
    const signInReason = 'The OIDC sign-in, callback and sign-out come before there is a token; the app checks state and PKCE itself.';
    addRoutes(['/officer/auth/{proxy+}'], officerIntegration, { reason: signInReason });
    addRoutes(['/national/auth/{proxy+}'], nationalIntegration, { reason: signInReason });

    for (const { route, reason } of unauthorizedRoutes) {
      NagSuppressions.addResourceSuppressions(route, [{ id: 'AwsSolutions-APIG4', reason }]);
    }
    const defaultRoute = this.httpApi.node.tryFindChild('DefaultRoute');
    if (defaultRoute) {
      NagSuppressions.addResourceSuppressions(defaultRoute, [
        { id: 'AwsSolutions-APIG4', reason: 'Catch-all to the public applicant app, which answers its own 404 page.' },
      ]);
    }

    this.apiDomainName = `${this.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`;

    new CfnOutput(this, 'ApiEndpoint', { value: stage.url });
    new CfnOutput(this, 'MagicLinkSecretArn', { value: this.magicLinkSecret.secretArn });
    new CfnOutput(this, 'OfficerTenantRoleArn', { value: access.officerSession.role.roleArn });
    new CfnOutput(this, 'ApplicantTenantRoleArn', { value: access.applicantSession.role.roleArn });
  }
}
