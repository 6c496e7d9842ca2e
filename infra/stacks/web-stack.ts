import { existsSync } from 'node:fs';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { privateBucket, privateObjectBucket } from '../constructs/private-bucket';
import { contentSecurityPolicy } from '../../shared/kernel/content-security-policy';

/** Props of {@link WebStack}. */
export interface WebStackProps extends StackProps {
  /** Host name of the HTTP API (`<id>.execute-api.<region>.amazonaws.com`), the default origin. */
  readonly apiDomainName: string;
  /** Public host name, served only when {@link certificateArn} is given. */
  readonly domainName: string;
  /** ACM certificate for {@link domainName} in us-east-1; without it the CloudFront host name is used. */
  readonly certificateArn?: string;
  /** Folder whose files are published under `/static/`; skipped when it does not exist. */
  readonly staticAssetsPath: string;
  /** Prefix of the Cognito hosted sign-in domain in this region, whose logout follows the sign-out form. */
  readonly authDomainPrefix?: string;
}

/**
 * The public front door: one CloudFront distribution in front of the HTTP API (pages, not cached)
 * and of a private S3 bucket for `/static/*` (CSS, scripts, fonts, cached).
 *
 * Security headers are added here once for every response, so no app can forget them.
 */
export class WebStack extends Stack {
  readonly distribution: cloudfront.Distribution;
  readonly assetsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);

    // Standard CloudFront logging still writes with ACLs, so this bucket keeps ACLs enabled.
    const logBucket = privateBucket(this, 'LogBucket', {
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      // Viewer logs hold IP addresses (personal data): long enough to investigate an incident.
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.assetsBucket = privateObjectBucket(this, 'AssetsBucket', {
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 's3-assets/',
      lifecycleRules: [{ id: 'expire-old-asset-versions', noncurrentVersionExpiration: Duration.days(30) }],
      // Assets are rebuilt from the repository on every deploy; nothing here needs keeping.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Fordel security headers',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(
            props.authDomainPrefix ? [`https://${props.authDomainPrefix}.auth.${this.region}.amazoncognito.com`] : [],
          ),
          override: true,
        },
      },
      // The apps may set stricter values themselves; we only drop what gives away the stack.
      removeHeaders: ['Server', 'X-Powered-By'],
    });

    const certificate = props.certificateArn
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn)
      : undefined;

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Fordel',
      defaultBehavior: {
        origin: new origins.HttpOrigin(props.apiDomainName, {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        // Pages are per user (sessions, language); only static files are cached.
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        // API Gateway routes by its own Host name, so the viewer's Host must not be forwarded.
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: securityHeaders,
        compress: true,
      },
      additionalBehaviors: {
        '/static/*': {
          origin: origins.S3BucketOrigin.withOriginAccessControl(this.assetsBucket),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: securityHeaders,
          compress: true,
        },
      },
      domainNames: certificate ? [props.domainName] : undefined,
      certificate,
      // Only a custom certificate lets the policy be chosen; the default one is fixed by CloudFront.
      minimumProtocolVersion: certificate ? cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 : undefined,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Users are in Norway; Europe and North America edges are enough and cheaper.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
      logIncludesCookies: false,
    });

    NagSuppressions.addResourceSuppressions(this.distribution, [
      {
        id: 'AwsSolutions-CFR1',
        reason: 'No geo restriction: Norwegian organisations and their members apply from abroad too, and nothing here is licensed per country.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF yet: the HTTP API has stage throttling and the apps validate every input; a WAF web ACL (us-east-1) is a planned addition, see docs/operations.md.',
      },
      ...(certificate
        ? []
        : [
            {
              id: 'AwsSolutions-CFR4',
              reason:
                'Without a custom certificate CloudFront serves its default *.cloudfront.net certificate, whose policy cannot be set; with fordel:certificateArn the distribution requires TLSv1.2_2021.',
            },
          ]),
    ]);

    if (existsSync(props.staticAssetsPath)) {
      new s3deploy.BucketDeployment(this, 'StaticAssets', {
        sources: [s3deploy.Source.asset(props.staticAssetsPath)],
        destinationBucket: this.assetsBucket,
        destinationKeyPrefix: 'static/',
        distribution: this.distribution,
        distributionPaths: ['/static/*'],
        prune: true,
      });
      this.suppressBucketDeploymentFindings();
    }

    new CfnOutput(this, 'DistributionDomainName', { value: this.distribution.distributionDomainName });
    new CfnOutput(this, 'Url', {
      value: certificate ? `https://${props.domainName}` : `https://${this.distribution.distributionDomainName}`,
    });
  }

  /** The BucketDeployment's handler is a CDK-owned singleton function; its findings are CDK's design. */
  private suppressBucketDeploymentFindings(): void {
    const handlers = this.node.children.filter((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    for (const handler of handlers) {
      NagSuppressions.addResourceSuppressions(
        handler,
        [
          { id: 'AwsSolutions-IAM4', reason: 'CDK BucketDeployment handler uses AWSLambdaBasicExecutionRole for its own logs; it runs only during deployments.' },
          {
            id: 'AwsSolutions-IAM5',
            reason:
              'CDK-generated policy of the BucketDeployment handler: CDK grants action wildcards (s3:GetObject*, s3:List*) on the CDK asset bucket and on this assets bucket, and cloudfront:CreateInvalidation on *; it runs only during deployments.',
          },
          { id: 'AwsSolutions-L1', reason: 'The runtime of the BucketDeployment handler is chosen by aws-cdk-lib and moves with its upgrades.' },
        ],
        true,
      );
    }
  }
}
