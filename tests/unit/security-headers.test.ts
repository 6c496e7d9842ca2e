import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../functions/http/common/app-env';
import { createLogger } from '../../functions/common/logger';
import { requestContext } from '../../functions/http/common/request-context';
import { securityHeaders } from '../../functions/http/common/security-headers';

function appAt(baseUrl: string, formTargets?: () => string[]) {
  const app = new Hono<AppEnv>();
  app.use('*', requestContext(createLogger('error')), securityHeaders({ baseUrl, formTargets }));
  app.get('/', (c) => c.html('<p>side</p>'));
  app.get('/fails', () => {
    throw new Error('broken');
  });
  app.onError((_error, c) => c.html('<p>feil</p>', 500));
  return app;
}

describe('the security headers middleware', () => {
  it('sends HSTS when the app is served over https', async () => {
    // Act
    const response = await appAt('https://fordel.example').request('https://fordel.example/');

    // Assess
    expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  });

  it('sends no HSTS for plain http on this machine', async () => {
    // Act
    const response = await appAt('http://localhost:3000').request('http://localhost:3000/');

    // Assess
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets forms go on to the origins it is given, read after the request is handled', async () => {
    // Prepare: the logout origin becomes known while the request is handled (discovery)
    const targets: string[] = [];
    const app = appAt('https://fordel.example', () => targets);
    app.use('/discovers', async (_c, next) => {
      targets.push('https://login.example', 'https://login.example');
      await next();
    });
    app.get('/discovers', (c) => c.html('<p>side</p>'));

    // Act
    const response = await app.request('https://fordel.example/discovers');

    // Assess
    expect(response.headers.get('content-security-policy')).toContain("form-action 'self' https://login.example;");
  });

  it('sends the policy with the error page as well', async () => {
    // Act
    const response = await appAt('https://fordel.example').request('https://fordel.example/fails');

    // Assess
    expect(response.status).toBe(500);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('marks the language cookie Secure over https', async () => {
    // Act
    const response = await appAt('https://fordel.example').request('https://fordel.example/?lang=en');

    // Assess
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('lang='));
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });
});
