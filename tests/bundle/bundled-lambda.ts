import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, ScheduledEvent } from 'aws-lambda';
import { inject } from 'vitest';
import type { Config } from '../../functions/composition/config';
import { httpApiGetEvent } from '../support/api-gateway-event';

const runtimeScript = fileURLToPath(new URL('./lambda-runtime.mjs', import.meta.url));

type Reply = { id: number; result?: unknown; error?: { name?: string; message?: string; stack?: string } };

/**
 * One built Lambda bundle running in a process of its own, like one warm Lambda container: its
 * module initialisation runs once with the environment given here, then it serves every `invoke`.
 */
export class BundledLambda {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private constructor(
    private readonly child: ChildProcess,
    /** What the bundle logged, for the message of a failed start or invocation. */
    readonly output: string[],
  ) {
    child.on('message', (reply: Reply) => {
      const call = this.waiting.get(reply.id);
      if (!call) return;
      this.waiting.delete(reply.id);
      if (reply.error) call.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name, stack: reply.error.stack }));
      else call.resolve(reply.result);
    });
    child.on('exit', (code) => {
      for (const call of this.waiting.values()) call.reject(new Error(`The bundle stopped (exit ${code}):\n${output.join('')}`));
      this.waiting.clear();
    });
  }

  /** Starts the bundle `name` (`applicant`, `send-outbox`, …) as built by the bundle project's setup. */
  static start(name: string, environment: Record<string, string>): Promise<BundledLambda> {
    const file = inject('lambdaBundles')[name];
    if (!file) throw new Error(`No bundle named ${name}`);
    const output: string[] = [];
    // Only what Lambda would set: nothing of the test process's environment leaks into the bundle.
    const child = fork(runtimeScript, [file, `fordel-${name}`], {
      env: { PATH: process.env.PATH, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...environment },
      execArgv: ['--enable-source-maps'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve(new BundledLambda(child, output)));
      child.once('exit', (code) => reject(new Error(`The ${name} bundle stopped during its initialisation (exit ${code}):\n${output.join('')}`)));
    });
  }

  /** Calls the bundle's `handler` with `event`, as the Lambda service does. */
  invoke<Result>(event: unknown): Promise<Result> {
    const id = ++this.nextId;
    return new Promise<Result>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, event });
    });
  }

  stop(): void {
    this.child.kill();
  }
}

/** The environment a Lambda gets, named as `functions/composition/config.ts` parses it, from a test configuration. */
export function lambdaEnvironment(config: Config): Record<string, string> {
  const defined = Object.entries(config).filter(([, value]) => value !== undefined);
  return Object.fromEntries(defined.map(([name, value]) => [name, String(value)]));
}

/** An API Gateway HTTP API (payload 2.0) event for a request, with cookies and body as the gateway passes them. */
export async function httpApiEvent(request: Request): Promise<APIGatewayProxyEventV2> {
  const url = new URL(request.url);
  const base = httpApiGetEvent(`${url.pathname}${url.search}`);
  const headers: Record<string, string> = { host: url.host };
  request.headers.forEach((value, name) => {
    if (name !== 'cookie') headers[name] = value;
  });
  const cookies = request.headers.get('cookie')?.split(/;\s*/);
  const body = Buffer.from(await request.arrayBuffer());
  return {
    ...base,
    headers,
    ...(cookies ? { cookies } : {}),
    requestContext: { ...base.requestContext, requestId: randomUUID(), http: { ...base.requestContext.http, method: request.method } },
    ...(body.length > 0 ? { body: body.toString('base64'), isBase64Encoded: true } : {}),
  };
}

/** The response API Gateway makes of a payload 2.0 result. */
export function responseOf(result: APIGatewayProxyStructuredResultV2): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(result.headers ?? {})) headers.set(name, String(value));
  for (const cookie of result.cookies ?? []) headers.append('set-cookie', cookie);
  const status = result.statusCode ?? 200;
  const hasBody = result.body !== undefined && status !== 204 && status !== 304;
  const body = hasBody ? (result.isBase64Encoded ? Buffer.from(result.body!, 'base64') : result.body!) : null;
  return new Response(body, { status, headers });
}

/**
 * An HTTP Lambda bundle behind a stand-in for API Gateway, with the `request` signature of a Hono
 * app, so that the clients written for the apps drive the bundle unchanged.
 */
export function behindHttpApi(lambda: BundledLambda) {
  return {
    async request(input: string, init: RequestInit = {}): Promise<Response> {
      const event = await httpApiEvent(new Request(input, init));
      return responseOf(await lambda.invoke<APIGatewayProxyStructuredResultV2>(event));
    },
  };
}

/** The event EventBridge sends a scheduled target. */
export function scheduledEvent(ruleName: string): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '123456789012',
    time: new Date().toISOString(),
    region: 'eu-north-1',
    resources: [`arn:aws:events:eu-north-1:123456789012:rule/${ruleName}`],
    detail: {},
  };
}
