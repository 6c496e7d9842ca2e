import { Duration, Stack, TimeZone, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { OSLO_TIME_ZONE } from '../../shared/kernel/deadlines';
import { FordelFunction } from '../constructs/fordel-function';
import { FUNDING_INDEX, INDEX_KEYS, SERVICE_KEYS, TENANT_REGISTER_KEY, tenantKeys } from '../constructs/key-patterns';
import { LambdaAlarms } from '../constructs/lambda-alarms';
import { runtimeEnvironment } from '../constructs/runtime-environment';
import { grantKeyScopedAccess, type KeyScopedAccess } from '../constructs/table-access';
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
  /** Whether the job signs applicants' links, and so reads the signing secret. */
  readonly signsLinks: boolean;
  /**
   * The partitions its code touches and what it does in each, and no more (TransactWriteItems is
   * authorised per item action). Jobs work across tenants, so each names key patterns over every
   * tenant instead of one tenant's prefix.
   */
  readonly tableAccess: readonly KeyScopedAccess[];
}

const anyTenant = tenantKeys('*');

/** The scheduled jobs (ARCHITECTURE.md §5); locally the server's scheduler runs the same handlers. */
export const JOBS = {
  closeRounds: {
    entry: 'functions/jobs/close-rounds/lambda.ts',
    description: 'Fordel job: open published application rounds at their opening time and close application rounds whose deadline has passed',
    schedule: scheduler.ScheduleExpression.rate(Duration.minutes(5)),
    timeout: Duration.minutes(2),
    maxEventAge: Duration.minutes(5),
    sendsMail: false,
    signsLinks: false,
    // Query the published- and open-calls index partitions; a transaction of the round's update and
    // the audit event's put.
    tableAccess: [
      { on: 'byList', actions: ['dynamodb:Query'], leadingKeys: [INDEX_KEYS.openCalls, INDEX_KEYS.publishedCalls] },
      { on: 'table', actions: ['dynamodb:UpdateItem'], leadingKeys: [anyTenant.rounds] },
      { on: 'table', actions: ['dynamodb:PutItem'], leadingKeys: [anyTenant.audit] },
    ],
  },
  sendOutbox: {
    entry: 'functions/jobs/send-outbox/lambda.ts',
    description: 'Fordel job: send queued e-mails from the outbox',
    schedule: scheduler.ScheduleExpression.rate(Duration.minutes(1)),
    // Shorter than the interval so two runs rarely overlap (sending is idempotent either way).
    timeout: Duration.seconds(50),
    maxEventAge: Duration.minutes(1),
    sendsMail: true,
    // It resolves the resume page's link requests into signed links before it sends.
    signsLinks: true,
    // Query the pending-mail index; conditional updates to claim a message and record the result.
    // Link requests: query and take (delete) them; find the organisation's applications on
    // `byOrganisation`; read each one's round; a transaction putting the link record and its email.
    tableAccess: [
      { on: 'byList', actions: ['dynamodb:Query'], leadingKeys: [INDEX_KEYS.pendingMail] },
      { on: 'table', actions: ['dynamodb:UpdateItem'], leadingKeys: [anyTenant.outbox] },
      { on: 'table', actions: ['dynamodb:Query', 'dynamodb:DeleteItem'], leadingKeys: [SERVICE_KEYS.linkRequests] },
      { on: 'byOrganisation', actions: ['dynamodb:Query'], leadingKeys: [INDEX_KEYS.applicationsOfAnyOrganisation] },
      { on: 'table', actions: ['dynamodb:GetItem'], leadingKeys: [anyTenant.rounds] },
      { on: 'table', actions: ['dynamodb:PutItem'], leadingKeys: [anyTenant.links, anyTenant.outbox] },
    ],
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
    signsLinks: false,
    // Query the tenant register, each tenant's rounds and (on `byList`) each round's applications;
    // GetItem the aggregate; UpdateItem only for a repair, conditional on the counters read.
    tableAccess: [
      { on: 'table', actions: ['dynamodb:Query'], leadingKeys: [TENANT_REGISTER_KEY, anyTenant.rounds] },
      { on: 'byList', actions: ['dynamodb:Query'], leadingKeys: [anyTenant.applicationsOfRounds] },
      { on: 'table', actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], leadingKeys: [anyTenant.aggregates] },
    ],
  },
  preliminaryReplies: {
    entry: 'functions/jobs/preliminary-replies/lambda.ts',
    description: 'Fordel job: send preliminary replies (fvl. 11a) for applications still undecided after the round deadline',
    // Every morning in Norway: a reply due today goes out before the working day starts.
    schedule: scheduler.ScheduleExpression.cron({ minute: '0', hour: '6', timeZone: TimeZone.of(OSLO_TIME_ZONE) }),
    timeout: Duration.minutes(5),
    // A missed morning is covered by the next one (a reply is owed until it is sent).
    maxEventAge: Duration.hours(1),
    sendsMail: false,
    signsLinks: false,
    // Query the closed-rounds index and (on `byList`) each round's applications; a transaction of the
    // application's guarded put, its audit event and the reply in the outbox.
    tableAccess: [
      { on: 'byList', actions: ['dynamodb:Query'], leadingKeys: [INDEX_KEYS.closedRounds, anyTenant.applicationsOfRounds] },
      { on: 'table', actions: ['dynamodb:PutItem'], leadingKeys: [anyTenant.application('*'), anyTenant.audit, anyTenant.outbox] },
    ],
  },
  lapseUnacceptedGrants: {
    entry: 'functions/jobs/lapse-unaccepted-grants/lambda.ts',
    description: 'Fordel job: lapse grants not accepted by their deadline and return their money to the municipality',
    // Every night in Norway, when the deadlines of the day before (end of an Oslo day) have passed.
    schedule: scheduler.ScheduleExpression.cron({ minute: '30', hour: '1', timeZone: TimeZone.of(OSLO_TIME_ZONE) }),
    timeout: Duration.minutes(5),
    // A missed night is covered by the next one (an overdue grant stays in the index until it lapses).
    maxEventAge: Duration.hours(1),
    sendsMail: false,
    signsLinks: false,
    // Query the index of grants awaiting an answer; read the application and the budget position;
    // a transaction of the application's guarded put, the index entry's delete, the audit events,
    // the notice in the outbox, the budget's guarded return, the tenant-year counters and the funding index entry.
    tableAccess: [
      { on: 'byList', actions: ['dynamodb:Query'], leadingKeys: [INDEX_KEYS.awaitingAnswers] },
      { on: 'table', actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'], leadingKeys: [anyTenant.application('*')] },
      { on: 'table', actions: ['dynamodb:PutItem'], leadingKeys: [anyTenant.audit, anyTenant.outbox] },
      { on: 'table', actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], leadingKeys: [anyTenant.budget] },
      { on: 'table', actions: ['dynamodb:UpdateItem'], leadingKeys: [anyTenant.aggregates] },
      // The application's entry in the cross-tenant funding index, put again with its new status.
      { on: 'table', actions: ['dynamodb:PutItem'], leadingKeys: [FUNDING_INDEX] },
    ],
  },
} as const satisfies Record<string, JobDefinition>;

/** Reserved concurrency of every job. */
export const JOB_CONCURRENCY = 1;

/** Props of {@link JobsStack}. */
export interface JobsStackProps extends StackProps {
  readonly table: dynamodb.ITable;
  readonly attachmentsBucket: s3.IBucket;
  readonly mail: MailStack;
  /** The key that signs applicants' links (the api stack's), read by the jobs that sign links. */
  readonly magicLinkSecret: secretsmanager.ISecret;
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
  readonly alarms: LambdaAlarms;

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
        environment: job.signsLinks ? { ...environment, MAGIC_LINK_SECRET_ARN: props.magicLinkSecret.secretArn } : environment,
        logRetention: props.logRetention,
        timeout: job.timeout,
        memorySize: 512,
        deadLetterQueue: this.deadLetterQueue,
      });
      grantKeyScopedAccess(fn.role, props.table, job.tableAccess);
      // One run at a time: a slow run is never overtaken by the next, and a stray loop cannot take
      // the account's concurrency from the HTTP apps. An overlap shows up as a throttle alarm.
      (fn.function.node.defaultChild as CfnFunction).reservedConcurrentExecutions = JOB_CONCURRENCY;
      if (job.sendsMail) props.mail.grantSend(fn.role);
      if (job.signsLinks) props.magicLinkSecret.grantRead(fn.role);

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
    this.alarms = new LambdaAlarms(this, 'Alarms', { functions: Object.values(this.functions), deadLetterQueue: this.deadLetterQueue });
  }
}
