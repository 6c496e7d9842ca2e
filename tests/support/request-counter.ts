import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** One request as the document client was asked to send it: the command's name and its input. */
export interface RecordedRequest {
  readonly command: string;
  readonly input: Record<string, unknown>;
}

/** What one scope (a journey, a test) sent, in order. */
export class RequestLog {
  readonly requests: RecordedRequest[] = [];
  /** Refusals by kind: an error's name, or a cancelled transaction's reasons (e.g. `TransactionConflict`). */
  readonly refusals: Record<string, number> = {};

  /** How many requests of each command, e.g. `{ GetItem: 6, TransactWriteItems: 7 }`. */
  byCommand(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { command } of this.requests) counts[command] = (counts[command] ?? 0) + 1;
    return counts;
  }

  get total() {
    return this.requests.length;
  }
}

/** `GetCommand` → `GetItem`, `TransactWriteCommand` → `TransactWriteItems`: DynamoDB's own operation names. */
function operationOf(commandName: string): string {
  const name = commandName.replace(/Command$/, '');
  if (name === 'Get' || name === 'Put' || name === 'Update' || name === 'Delete') return `${name}Item`;
  if (name === 'TransactWrite' || name === 'TransactGet' || name === 'BatchGet' || name === 'BatchWrite') return `${name}Items`;
  return name;
}

/**
 * Counts the DynamoDB requests a document client sends, by command, with an SDK middleware (the
 * same one the client's retries pass through once per logical request). Every request is added to
 * the process-wide log and to the log of the scope it was sent in ({@link RequestCounter.scope}),
 * which follows the request through `await`s, so concurrent journeys are told apart.
 */
export function countRequests(client: DynamoDBDocumentClient) {
  const scopes = new AsyncLocalStorage<RequestLog>();
  const all = new RequestLog();
  let recording = true;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (recording) {
        const request = { command: operationOf(context.commandName ?? 'Unknown'), input: args.input as Record<string, unknown> };
        all.requests.push(request);
        scopes.getStore()?.requests.push(request);
      }
      try {
        return await next(args);
      } catch (error) {
        if (recording) {
          const reasons = ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((reason) => reason.Code).filter((code) => code && code !== 'None');
          const kind = reasons.length ? [...new Set(reasons)].join('+') : (error as Error).name;
          for (const log of [all, scopes.getStore()]) if (log) log.refusals[kind] = (log.refusals[kind] ?? 0) + 1;
        }
        throw error;
      }
    },
    { step: 'initialize', name: 'fordelRequestCounter', override: true },
  );
  return {
    all,
    /** Runs `work` with its own log of the requests it causes. */
    async scope<T>(work: () => Promise<T>): Promise<{ result: T; log: RequestLog }> {
      const log = new RequestLog();
      const result = await scopes.run(log, work);
      return { result, log };
    },
    /** Stops (or resumes) recording, e.g. while a bench checks its results. */
    pause(paused = true) {
      recording = !paused;
    },
  };
}

export type RequestCounter = ReturnType<typeof countRequests>;
