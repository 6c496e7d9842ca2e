import { Duration, Stack, TimeZone, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { OSLO_TIME_ZONE } from '../../shared/kernel/deadlines';
import { indexNames } from '../../shared/table';
import { runtimeEnvironment } from '../constructs/runtime-environment';
import { FordelFunction } from '../constructs/fordel-function';
import { grantItemAccess } from '../constructs/table-access';
import type { MailStack } from './mail-stack';

/** One scheduled job: its middy entry and when it runs. */
export interface JobDefinition {
  readonly entry: string;
  readonly description: string;
  readonly schedule: scheduler.ScheduleExpression;
  readonly timeout: Duration;
  /** A run that could not start within this age is dropped to the dead-letter queue; the next run covers it. */
  readonly maxEventAge: Duration;
  /** Whether the job sends e-mail itself. */
  readonly sendsMail: boolean;
  /** The table actions its code calls, and no more (TransactWriteItems is authorised per item action). */
  readonly tableActions: readonly string[];
  /**
   * The indexes its queries use, when fewer than all: only these are granted. Omitted means every
   * index of the table, as {@link grantItemAccess} grants them.
   */
  readonly indexes?: readonly (keyof typeof indexNames)[];
}

/** The scheduled jobs (ARCHITECTURE.md §5); locally the server's scheduler runs the same handlers. */
export const JOBS = {
  closeRounds: {
    entry: 'functions/jobs/close-rounds/lambda.ts',
    description: 'Fordel job: close application rounds whose deadline has passed',
    schedule: scheduler.ScheduleExpression.rate(Duration.minutes(5)),
    timeout: Duration.minutes(2),
    maxEventAge: Duration.minutes(5),
    sendsMail: false,
    // Query the open-calls index; a transaction of the round's update and the audit event's put.
    tableActions: ['dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:PutItem'],
  },
  sendOutbox: {
    entry: 'functions/jobs/send-outbox/lambda.ts',
    description: 'Fordel job: send queued e-mails from the outbox',
    schedule: scheduler.ScheduleExpression.rate(Duration.minutes(1)),
    // Shorter than the interval so two runs rarely overlap (sending is idempotent either way).
    timeout: Duration.seconds(50),
    maxEventAge: Duration.minutes(1),
    sendsMail: true,
    // Query the pending-mail index; conditional updates to claim a message and record the result.
    tableActions: ['dynamodb:Query', 'dynamodb:UpdateItem'],
  },
  reconcileAggregates: {
    entry: 'functions/jobs/reconcile-aggregates/lambda.ts',
    description: 'Fordel job: reconcile the tenant-year aggregates with the applications',
    // At night in Norway, when hardly anyone submits, so a report of drift is rarely a race.
    schedule: scheduler.ScheduleExpression.cron({ minute: '0', hour: '2', timeZone: TimeZone.of(OSLO_TIME_ZONE) }),
    timeout: Duration.minutes(5),
    // A missed night is covered by the next one.
    maxEventAge: Duration.hours(1),
    sendsMail: false,
    // Query the tenant register, each tenant's rounds and (on `byList`) each round's applications;
    // GetItem the aggregate; UpdateItem only for a repair, conditional on the counters read.
    tableActions: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:UpdateItem'],
    indexes: ['byList'],
  },
} as const satisfies Record<string, JobDefinition>;

/** Props of {@link JobsStack}. */
export interface JobsStackProps extends StackProps {
  readonly table: dynamodb.ITable;
  readonly attachmentsBucket: s3.IBucket;
  readonly mail: MailStack;
  readonly appBaseUrl: string;
  readonly logLevel: string;
  readonly logRetention: logs.RetentionDays;
}

/**
 * Scheduled jobs: middy handlers invoked by EventBridge Scheduler.
 *
 * A failed run lands in one dead-letter queue, whether the scheduler could not invoke the function
 * or the function failed after Lambda's own retries, so an operator has one place to look.
 */
export class JobsStack extends Stack {
  readonly deadLetterQueue: sqs.Queue;
  readonly functions: Record<keyof typeof JOBS, FordelFunction>;

  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props);

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    NagSuppressions.addResourceSuppressions(this.deadLetterQueue, [
      { id: 'AwsSolutions-SQS3', reason: 'This queue is the dead-letter queue of the scheduled jobs; it needs no dead-letter queue of its own.' },
    ]);

    const environment = runtimeEnvironment(props);

    const functions: Partial<Record<keyof typeof JOBS, FordelFunction>> = {};
    for (const [name, job] of Object.entries(JOBS) as [keyof typeof JOBS, JobDefinition][]) {
      const id = name[0]!.toUpperCase() + name.slice(1);
      const fn = new FordelFunction(this, id, {
        entry: job.entry,
        description: job.description,
        environment,
        logRetention: props.logRetention,
        timeout: job.timeout,
        memorySize: 512,
        deadLetterQueue: this.deadLetterQueue,
      });
      // Jobs work across tenants (deadlines, outbox), so no key prefix applies; each gets only the
      // actions its code calls, and Scan never: they find their work through the indexes.
      if (job.indexes) {
        // Reconcile reads the tenant register under NATIONAL#TENANTS and every tenant's T# keys, so
        // no LeadingKeys condition can hold it; the actions and the one index keep it narrow instead.
        fn.role.addToPrincipalPolicy(
          new iam.PolicyStatement({
            actions: [...job.tableActions],
            resources: [props.table.tableArn, ...job.indexes.map((index) => `${props.table.tableArn}/index/${indexNames[index]}`)],
          }),
        );
      } else {
        grantItemAccess(fn.role, props.table, { actions: job.tableActions });
      }
      if (job.sendsMail) props.mail.grantSend(fn.role);

      // One role per schedule, next to it, instead of the shared role the target would create.
      const schedulerRole = new iam.Role(this, `${id}SchedulerRole`, {
        assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
          conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
        }),
        description: `Lets EventBridge Scheduler run: ${job.description}`,
      });

      new scheduler.Schedule(this, `${id}Schedule`, {
        description: job.description,
        schedule: job.schedule,
        target: new LambdaInvoke(fn.function, {
          role: schedulerRole,
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 2,
          maxEventAge: job.maxEventAge,
        }),
      });
      // After the schedule: the target adds the role's policy when it binds, and the suppression
      // reaches only children that exist by then.
      NagSuppressions.addResourceSuppressions(
        schedulerRole,
        [
          {
            id: 'AwsSolutions-IAM5',
            reason:
              'Lambda grantInvoke also covers the function\'s versions and aliases (<function arn>:*); the scheduler invokes only this one function.',
            appliesTo: [{ regex: '/^Resource::<.*Function.*\\.Arn>:\\*$/' }],
          },
        ],
        true,
      );
      functions[name] = fn;
    }
    this.functions = functions as Record<keyof typeof JOBS, FordelFunction>;
  }
}
