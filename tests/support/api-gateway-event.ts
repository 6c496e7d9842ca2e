import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { LambdaEvent } from 'hono/aws-lambda';

/** A real-shaped API Gateway HTTP API (payload format 2.0) event for a GET request. */
export function httpApiGetEvent(
  pathWithQuery: string,
  headers: Record<string, string> = {},
): APIGatewayProxyEventV2 {
  const url = new URL(pathWithQuery, 'https://api.example.test');
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers: { host: 'api.example.test', 'user-agent': 'vitest', accept: 'application/json', ...headers },
    queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abcdef1234',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: { method: 'GET', path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '192.0.2.10', userAgent: 'vitest' },
      requestId: `req-${now.getTime()}`,
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: false,
  };
}

/** The Lambda context fields the handlers read. */
export const lambdaContext = {
  awsRequestId: 'aws-request-1',
  functionName: 'fordel-applicant',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-north-1:123456789012:function:fordel-applicant',
  memoryLimitInMB: '512',
  logGroupName: '/aws/lambda/fordel-applicant',
  logStreamName: 'stream',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
} satisfies Context;

/**
 * Hono declares its own, slightly narrower event type (`body: string | null`) than
 * `@types/aws-lambda`; the event is the real shape, so only the declaration is bridged.
 */
export function asHonoEvent(event: APIGatewayProxyEventV2): LambdaEvent {
  return event as unknown as LambdaEvent;
}
