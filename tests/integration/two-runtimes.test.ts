import type { APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalApp, listen } from '../../infra/local/local-server';
import { freePort } from '../../infra/local/ports';
import { asHonoEvent, httpApiGetEvent, lambdaContext } from '../support/api-gateway-event';
import { openCall } from '../support/calls';
import { freshTenantId, testAdapters, testConfig } from '../support/test-environment';

describe('the same applicant app in Lambda and on the node server', () => {
  const config = testConfig();
  const tenantId = freshTenantId();
  let baseUrl: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    await testAdapters(config).calls.create(openCall(tenantId));
    const { app } = createLocalApp(config);
    const port = await freePort();
    const server = await listen(app, port);
    baseUrl = `http://127.0.0.1:${port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
    Object.assign(process.env, {
      TABLE_NAME: config.TABLE_NAME,
      DYNAMODB_ENDPOINT: config.DYNAMODB_ENDPOINT,
      AWS_REGION: config.AWS_REGION,
      APP_BASE_URL: config.APP_BASE_URL,
      REGISTRY_BASE_URL: config.REGISTRY_BASE_URL,
      S3_ENDPOINT: config.S3_ENDPOINT,
      ATTACHMENTS_BUCKET: config.ATTACHMENTS_BUCKET,
      MAGIC_LINK_SECRET: config.MAGIC_LINK_SECRET,
      LOG_LEVEL: 'error',
    });
  });

  afterAll(async () => close());

  it('answers a call with the same body through an API Gateway v2 event as over HTTP', async () => {
    // Prepare
    const path = `/api/calls/${tenantId}/2027-1`;
    const { handler } = await import('../../functions/http/applicant/lambda');

    // Act
    const lambdaResult = (await handler(asHonoEvent(httpApiGetEvent(path)), lambdaContext)) as APIGatewayProxyStructuredResultV2;
    const nodeResponse = await fetch(`${baseUrl}${path}`);

    // Assess
    expect(lambdaResult.statusCode).toBe(200);
    expect(nodeResponse.status).toBe(200);
    expect(lambdaResult.headers?.['content-type']).toContain('application/json');
    const nodeBody = await nodeResponse.text();
    expect(lambdaResult.body).toBe(nodeBody);
    expect(JSON.parse(nodeBody)).toMatchObject({ tenantId, roundId: '2027-1', status: 'open' });
  });

  it('renders the start page with the same HTML in both runtimes', async () => {
    // Prepare
    const { handler } = await import('../../functions/http/applicant/lambda');
    const path = `/?kommune=${tenantId}`;

    // Act
    const lambdaResult = (await handler(asHonoEvent(httpApiGetEvent(path, { accept: 'text/html' })), lambdaContext)) as APIGatewayProxyResultV2 &
      APIGatewayProxyStructuredResultV2;
    const nodeBody = await (await fetch(`${baseUrl}${path}`, { headers: { accept: 'text/html' } })).text();

    // Assess
    expect(lambdaResult.statusCode).toBe(200);
    expect(lambdaResult.body).toBe(nodeBody);
    expect(nodeBody).toContain(`Testby ${tenantId} kommune`);
  });

  it('uses API Gateway’s request id as the request id in Lambda', async () => {
    // Prepare
    const { handler } = await import('../../functions/http/applicant/lambda');
    const event = httpApiGetEvent('/healthz');

    // Act
    const result = (await handler(asHonoEvent(event), lambdaContext)) as APIGatewayProxyStructuredResultV2;

    // Assess
    expect(result.statusCode).toBe(200);
    expect(result.headers?.['x-request-id']).toBe(event.requestContext.requestId);
  });
});
