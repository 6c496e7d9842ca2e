import { existsSync } from 'node:fs';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { nodejsFunctionBundling } from './lambda-bundling';
import { repoPath } from './repo-path';

/** Re-exported: whoever checks this construct's bundles compares them with this banner. */
export { ESM_REQUIRE_BANNER } from './lambda-bundling';

/** Settings of one Fordel Lambda function. */
export interface FordelFunctionProps {
  /** Entry file relative to the repository root; it must export `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly environment: Record<string, string>;
  readonly logRetention: logs.RetentionDays;
  /** @default 1024 — on arm64 more memory mostly buys a faster cold start for the Hono apps. */
  readonly memorySize?: number;
  /** @default 10 seconds, well inside API Gateway's 30-second integration limit. */
  readonly timeout?: Duration;
  /** Where asynchronous invocations go after Lambda's own retries are spent. */
  readonly deadLetterQueue?: IQueue;
}

/**
 * One Fordel Lambda function: Node 22 on arm64, bundled by esbuild as minified ESM with source maps,
 * with its own IAM role and its own log group.
 *
 * The role starts empty except for writing to its own log group, so each audience (applicant,
 * officer, national) and each job gets exactly the data access its stack grants it and nothing more.
 */
export class FordelFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: FordelFunctionProps) {
    super(scope, id);

    const entry = repoPath(props.entry);
    if (!existsSync(entry)) {
      throw new Error(`Lambda entry ${props.entry} does not exist (needed by ${this.node.path})`);
    }

    // An explicit log group instead of the implicit /aws/lambda one: it gets a retention and is
    // removed with the stack, and the role can be limited to it instead of AWSLambdaBasicExecutionRole.
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.description}`,
    });
    // The log group's ARN attribute already ends in `:*`, which covers its log streams.
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    this.function = new NodejsFunction(this, 'Function', {
      entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      deadLetterQueue: props.deadLetterQueue,
      projectRoot: repoPath(),
      depsLockFilePath: repoPath('package-lock.json'),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: nodejsFunctionBundling(),
    });

    NagSuppressions.addResourceSuppressions(this.function, [
      {
        id: 'AwsSolutions-L1',
        reason:
          'Node 22 is pinned on purpose: it is the Node line the code and its dependencies are built and tested for (ARCHITECTURE.md §1); moving to a newer runtime is a deliberate upgrade, not a drift.',
      },
    ]);
  }
}
