import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { FordelFunction } from './fordel-function';

/** Props of {@link LambdaAlarms}. */
export interface LambdaAlarmsProps {
  readonly functions: readonly FordelFunction[];
  /** A dead-letter queue whose first message is worth a page. */
  readonly deadLetterQueue?: IQueue;
}

/** Where each alarm's runbook is; the alarm description sends the operator there. */
const RUNBOOK = 'docs/operations.md, section Alarms';

/**
 * Alarms an operator acts on, published to one topic per stack that the on-call channel subscribes
 * to: a Lambda that fails or is throttled, and a job run that landed in the dead-letter queue.
 * Each fires on the first occurrence in five minutes: at Fordel's volume any of them is unusual.
 */
export class LambdaAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: LambdaAlarmsProps) {
    super(scope, id);

    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Fordel alarms', enforceSSL: true });
    NagSuppressions.addResourceSuppressions(this.topic, [
      {
        id: 'AwsSolutions-SNS2',
        reason:
          'CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed SNS key, and alarm notifications carry only alarm and function names, no personal data.',
      },
    ]);
    const action = new SnsAction(this.topic);
    const period = Duration.minutes(5);

    for (const fn of props.functions) {
      const name = fn.node.id;
      this.add(`${name}Errors`, fn.function.metricErrors({ period, statistic: 'Sum' }), `${name}: invocations failed (uncaught error, timeout or out of memory).`);
      this.add(`${name}Throttles`, fn.function.metricThrottles({ period, statistic: 'Sum' }), `${name}: invocations throttled (concurrency limit reached).`);
    }
    if (props.deadLetterQueue) {
      this.add(
        'DeadLetters',
        props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
        'A scheduled job run failed after its retries and is waiting in the dead-letter queue.',
      );
    }
    for (const alarm of this.alarms) alarm.addAlarmAction(action);
  }

  private add(id: string, metric: cloudwatch.IMetric, what: string): void {
    this.alarms.push(
      new cloudwatch.Alarm(this, id, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No invocations is not a failure: the apps are idle at night and jobs between runs.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: `${what} See ${RUNBOOK}.`,
      }),
    );
  }
}
