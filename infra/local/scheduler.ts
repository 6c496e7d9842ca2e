import type { Context } from 'aws-lambda';
import { ulid } from 'ulid';
import { closeRoundsJob, lapseUnacceptedGrantsJob, preliminaryRepliesJob, reconcileAggregatesJob, sendOutboxJob, type CompositionRoot } from '../../functions/composition';

/** One job the local scheduler runs: the same middy handler EventBridge Scheduler calls in AWS. */
export interface LocalJob {
  readonly name: string;
  readonly everyMs: number;
  readonly handler: (event: unknown, context: Context) => Promise<unknown>;
}

/** A running scheduler. */
export interface LocalScheduler {
  /** Stops scheduling and waits for runs in progress to finish. */
  stop(): Promise<void>;
}

/** A Lambda context for a local run; middy reads the remaining time to end a run before its limit. */
function localContext(job: string, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    awsRequestId: `local-${ulid()}`,
    functionName: `fordel-local-${job}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:fordel-local-${job}`,
    memoryLimitInMB: '512',
    logGroupName: `/local/${job}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/**
 * Runs each job every `everyMs`, the next run timed from the end of the previous one, so two runs
 * of the same job never overlap however slow one is. The first run starts at once (e.g. closing
 * rounds whose deadline passed while the server was stopped). A failed run is left to the job's
 * own logging; the schedule goes on.
 */
export function startScheduler(jobs: readonly LocalJob[]): LocalScheduler {
  let stopped = false;
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();

  const schedule = (job: LocalJob, delayMs: number) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      const run = job
        .handler({ source: 'fordel.local-scheduler', job: job.name }, localContext(job.name, job.everyMs * 10))
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => {
          running.delete(job.name);
          schedule(job, job.everyMs);
        });
      running.set(job.name, run);
    }, delayMs);
    // The scheduler alone must not keep the process alive.
    timer.unref();
    timers.set(job.name, timer);
  };

  for (const job of jobs) schedule(job, 0);

  return {
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.all(running.values());
    },
  };
}

/**
 * How often the jobs run locally: mail at once-ish so a receipt shows up in the inbox while you look;
 * the reconcile report often enough that a drift shows up in the log during a session.
 */
export const LOCAL_JOB_INTERVALS_MS = { sendOutbox: 5_000, closeRounds: 60_000, reconcileAggregates: 600_000, preliminaryReplies: 600_000, lapseUnacceptedGrants: 600_000 } as const;

/** The scheduler of `npm start`, running the same job handlers as the Lambdas, from the same composition root. */
export function startLocalScheduler(root: CompositionRoot): LocalScheduler {
  return startScheduler([
    { name: 'send-outbox', everyMs: LOCAL_JOB_INTERVALS_MS.sendOutbox, handler: sendOutboxJob(root) },
    { name: 'close-rounds', everyMs: LOCAL_JOB_INTERVALS_MS.closeRounds, handler: closeRoundsJob(root) },
    // Report only: the scheduler's event asks for no repair.
    { name: 'reconcile-aggregates', everyMs: LOCAL_JOB_INTERVALS_MS.reconcileAggregates, handler: reconcileAggregatesJob(root) },
    { name: 'preliminary-replies', everyMs: LOCAL_JOB_INTERVALS_MS.preliminaryReplies, handler: preliminaryRepliesJob(root) },
    { name: 'lapse-unaccepted-grants', everyMs: LOCAL_JOB_INTERVALS_MS.lapseUnacceptedGrants, handler: lapseUnacceptedGrantsJob(root) },
  ]);
}
