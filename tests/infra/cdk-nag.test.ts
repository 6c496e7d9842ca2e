import { beforeAll, describe, expect, it } from 'vitest';
import { nagFindings, synthFordel } from './synth-fordel';

const stackKeys = ['data', 'auth', 'mail', 'api', 'jobs', 'web'] as const;

describe('cdk-nag AwsSolutions pack', () => {
  let fordel: ReturnType<typeof synthFordel>;

  // One synth for every stack; the pack runs as an aspect, like in infra/bin/app.ts.
  beforeAll(() => {
    fordel = synthFordel();
  });

  it.each(stackKeys)('finds nothing unsuppressed in the %s stack', (key) => {
    expect(nagFindings(fordel[key])).toEqual([]);
  });
});
