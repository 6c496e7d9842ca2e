import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { JOB_CONCURRENCY } from '../../infra/stacks/jobs-stack';
import { synthFordel } from './synth-fordel';

type Resource = { Type: string; Properties: Record<string, any> };

let fordel: ReturnType<typeof synthFordel>;
let api: Template;
let jobs: Template;

beforeAll(() => {
  // Alarms, concurrency and log settings only: bundling is skipped, the stack tests bundle already.
  fordel = synthFordel({ nag: false, context: { 'aws:cdk:bundling-stacks': [] } });
  api = Template.fromStack(fordel.api);
  jobs = Template.fromStack(fordel.jobs);
});

const resources = (template: Template, type: string) => Object.entries(template.findResources(type)) as [string, Resource][];

/** The functions each alarm watches, by metric name: `Errors` → [function logical ids]. */
function watchedFunctions(template: Template): Record<string, string[]> {
  const watched: Record<string, string[]> = {};
  for (const [, alarm] of resources(template, 'AWS::CloudWatch::Alarm')) {
    const dimension = (alarm.Properties.Dimensions ?? []).find((d: any) => d.Name === 'FunctionName');
    if (alarm.Properties.Namespace !== 'AWS/Lambda' || !dimension) continue;
    (watched[alarm.Properties.MetricName] ??= []).push(dimension.Value.Ref);
  }
  return watched;
}

describe('Lambda operations', () => {
  it.each(['api', 'jobs'] as const)('alarms on errors and throttles of every Lambda in the %s stack', (key) => {
    const template = key === 'api' ? api : jobs;
    const functionIds = resources(template, 'AWS::Lambda::Function')
      .filter(([, fn]) => /^Fordel /.test(fn.Properties.Description ?? ''))
      .map(([id]) => id)
      .sort();
    const watched = watchedFunctions(template);

    expect(functionIds.length).toBeGreaterThan(0);
    expect(watched.Errors?.sort()).toEqual(functionIds);
    expect(watched.Throttles?.sort()).toEqual(functionIds);
  });

  it('alarms on the first message in the jobs dead-letter queue', () => {
    const [queueId] = resources(jobs, 'AWS::SQS::Queue')[0]!;
    const depth = resources(jobs, 'AWS::CloudWatch::Alarm').filter(([, alarm]) => alarm.Properties.Namespace === 'AWS/SQS');

    expect(depth).toHaveLength(1);
    expect(depth[0]![1].Properties).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it.each(['api', 'jobs'] as const)('sends every alarm of the %s stack to its SSL-only alarm topic, with a pointer to the runbook', (key) => {
    const template = key === 'api' ? api : jobs;
    const [topicId] = resources(template, 'AWS::SNS::Topic')[0]!;
    const alarms = resources(template, 'AWS::CloudWatch::Alarm');

    for (const [, alarm] of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.AlarmDescription).toContain('docs/operations.md');
      expect(alarm.Properties.TreatMissingData).toBe('notBreaching');
    }
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })] },
    });
  });

  it('reserves concurrency for every job, and for no HTTP app', () => {
    for (const [, fn] of resources(jobs, 'AWS::Lambda::Function').filter(([, f]) => /^Fordel job/.test(f.Properties.Description ?? ''))) {
      expect(fn.Properties.ReservedConcurrentExecutions).toBe(JOB_CONCURRENCY);
    }
    for (const [, fn] of resources(api, 'AWS::Lambda::Function')) {
      expect(fn.Properties.ReservedConcurrentExecutions).toBeUndefined();
    }
  });

  it('keeps log retention and source-mapped stack traces on every Fordel Lambda', () => {
    for (const template of [api, jobs]) {
      for (const [, fn] of resources(template, 'AWS::Lambda::Function').filter(([, f]) => /^Fordel /.test(f.Properties.Description ?? ''))) {
        expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
        expect(fn.Properties.LoggingConfig.LogGroup).toBeDefined();
      }
      for (const [, group] of resources(template, 'AWS::Logs::LogGroup')) {
        expect(group.Properties.RetentionInDays).toBe(fordel.config.logRetention);
      }
    }
  });
});
