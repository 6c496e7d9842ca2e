/**
 * Hostile input over every route of every audience, enumerated from the apps' own route tables
 * (a route added later is covered without touching this file): hostile path parameters, form
 * fields and JSON bodies generated with fast-check — wrong types, huge strings, script and HTML,
 * path traversal — plus wrong content types, deep JSON, 10 MB bodies, forged bearer tokens and
 * forms without their CSRF token or origin. Whatever comes in: never a 5xx, never an unescaped
 * echo, and a refusal is a 4xx in the language the request asked for.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantApp, createCompositionRoot, nationalApp, officerApp } from '../../functions/composition';
import { createAuthentication } from '../../functions/http/common/authentication';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import type { Tenant } from '../../shared/kernel/tenants';
import { eidsvollOrganisation } from '../support/application-form';
import { openCall } from '../support/calls';
import { freshRecipient } from '../support/mail-inbox';
import { cookiesSetBy, signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId } from '../support/test-environment';

/** What must never come back unescaped. */
const markers = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>"];
const unescaped = /<script>alert\(1\)<\/script>|<img src=x onerror=alert\(1\)>|<svg onload=alert\(1\)>/i;

/** Hostile text: script and HTML, path traversal, control characters, huge and odd unicode. */
const hostileText = fc.oneof(
  fc.constantFrom(...markers),
  fc.constantFrom('../../../../etc/passwd', '..%2f..%2fetc%2fpasswd', '..\\..\\windows\\win.ini', '%00', '\u0000', 'C:\\boot.ini'),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 20 }).map((text) => `${text}${markers[0]}`),
  fc.integer().map(String),
  fc.constantFrom('', ' ', 'null', 'undefined', 'NaN', '-1', '1e309', '9'.repeat(400), '{"$ne":null}', "' OR '1'='1"),
  fc.nat({ max: 200_000 }).map((length) => 'x'.repeat(length)),
);

/** Hostile JSON values for an API body: wrong types and hostile text. */
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constantFrom(null, true, -1, 1.5, 1e308, [], {}, [markers[0]], { $gt: '' }),
  fc.dictionary(hostileText.filter((key) => key.length < 50), hostileText, { maxKeys: 5 }),
);

interface Route {
  readonly audience: 'applicant' | 'officer' | 'national';
  readonly method: string;
  readonly path: string;
}

function deep(depth: number): string {
  return `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;
}

describe('hostile input over every route', () => {
  const tenantId = freshTenantId('hostil');
  const imdi = freshTenantId('hostimdi');
  const tenants: Tenant[] = [
    { tenantId, kind: 'municipality', name: `Fiendeby ${tenantId}`, kommunenummer: '1103', managingYears: [2027] },
    { tenantId: imdi, kind: 'national', name: `IMDi ${imdi}`, managingYears: [2027] },
  ];
  const [officer, nationalAdmin] = demoUsersOf(tenants) as [LocalUser, LocalUser];
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  const routes: Route[] = [];
  const cookies: string[] = [];
  const bearer: Record<string, string> = {};
  let applicationId = '';
  let apps: { applicant: ReturnType<typeof applicantApp>; officer: ReturnType<typeof officerApp>; national: ReturnType<typeof nationalApp> };

  beforeAll(async () => {
    server = await startSignInServer();
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    await server.adapters.calls.create(openCall(tenantId, { deadline: '2027-03-01T11:00:00.000Z', opensAt: '2026-11-01T00:00:00.000Z' }));

    // The route tables, as the apps declare them.
    const auth = createAuthentication({ issuer: server.issuer, clientId: 'fordel-test' }, server.adapters.revokedTokens);
    const composition = createCompositionRoot(server.config);
    apps = {
      applicant: applicantApp(composition, server.config.MAGIC_LINK_SECRET!),
      officer: officerApp(composition, auth),
      national: nationalApp(composition, auth),
    };
    const seen = new Set<string>();
    for (const [audience, app] of Object.entries(apps) as [Route['audience'], (typeof apps)[Route['audience']]][]) {
      for (const route of app.routes) {
        if (route.method === 'ALL' || route.path.includes('*') || route.path.endsWith('/auth/callback')) continue;
        const key = `${route.method} ${route.path}`;
        if (!seen.has(key)) routes.push({ audience, method: route.method, path: route.path });
        seen.add(key);
      }
    }

    // A session of each audience: officer and national through the sign-in, an applicant by starting an application.
    const officerSession = await signIn(server.baseUrl, 'officer', officer.sub);
    const nationalSession = await signIn(server.baseUrl, 'national', nationalAdmin.sub);
    bearer.officer = officerSession.idToken;
    bearer.national = nationalSession.idToken;
    const started = await fetch(`${server.baseUrl}/calls/${tenantId}/2027-1/apply`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ orgnr: eidsvollOrganisation, email: freshRecipient('fiende') }),
    });
    expect(started.status).toBe(303);
    applicationId = started.headers.get('location')!.split('/').at(-2)!;
    const applicantCookies = Object.entries(cookiesSetBy(started)).map(([name, value]) => `${name}=${value}`);
    cookies.push(officerSession.cookie, nationalSession.cookie, ...applicantCookies);
  }, 120_000);

  afterAll(async () => server?.close());

  /** A real value for a parameter in some runs, a hostile one in the rest. */
  function pathOf(route: Route, hostile: string[], real: boolean): string {
    let index = 0;
    return route.path.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => {
      const known: Record<string, string> = { tenantId, roundId: '2027-1', applicationId, year: '2027', version: '1' };
      const value = real && known[name] ? known[name] : (hostile[index++ % hostile.length] ?? 'x');
      return encodeURIComponent(value);
    });
  }

  /** The names of the fields a form page offers, and its CSRF token, to post them back hostile. */
  async function formOf(path: string): Promise<{ names: string[]; csrf?: string }> {
    const page = await fetch(`${server.baseUrl}${path}`, { headers: { cookie: cookies.join('; ') }, redirect: 'manual' });
    const html = page.ok ? await page.text() : '';
    const names = [...new Set([...html.matchAll(/name="([^"]+)"/g)].map((match) => match[1]!))].filter((name) => !['csrf', 'viewport'].includes(name));
    return { names, csrf: /name="csrf" value="([^"]+)"/.exec(html)?.[1] };
  }

  async function send(route: Route, path: string, init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> }, lang: 'nb' | 'nn' | 'en') {
    const headers: Record<string, string> = { cookie: cookies.join('; '), 'accept-language': lang, origin: server.baseUrl, ...init.headers };
    // In-process, each audience's app as API Gateway routes to it: no socket between, so a refusal
    // that does not read a huge body is still seen as the response it is.
    const app = path.startsWith('/officer') ? apps.officer : path.startsWith('/national') ? apps.national : apps.applicant;
    const response = await app.request(`${server.baseUrl}${path}`, { ...init, headers, redirect: 'manual' });
    const text = await response.text();
    const label = `${route.method} ${route.path} → ${path.slice(0, 120)} (${init.headers?.['content-type'] ?? 'no body'})`;
    expect(response.status, `${label}: ${text.slice(0, 300)}`).toBeLessThan(500);
    expect(text, label).not.toMatch(unescaped);
    const type = response.headers.get('content-type') ?? '';
    if (response.status >= 400 && type.includes('text/html')) expect(text, label).toContain(`lang="${lang}"`);
    if (response.status >= 400 && type.includes('problem+json')) {
      const body = JSON.parse(text) as { status: number; title: string };
      expect(body.status, label).toBe(response.status);
      expect(body.title.length, label).toBeGreaterThan(0);
    }
    return response;
  }

  it('finds the routes of all three audiences', () => {
    expect(routes.filter((route) => route.audience === 'applicant').length).toBeGreaterThan(20);
    expect(routes.filter((route) => route.audience === 'officer').length).toBeGreaterThan(5);
    expect(routes.filter((route) => route.audience === 'national').length).toBeGreaterThan(20);
  });

  it('answers hostile path parameters, fields and JSON with never a 5xx and never an unescaped echo', { timeout: 600_000 }, async () => {
    // Signing out takes no input to fuzz, and would end the session every later request uses.
    for (const route of routes.filter((each) => !each.path.endsWith('/auth/sign-out'))) {
      const changes = route.method !== 'GET';
      const form = changes ? await formOf(pathOf({ ...route, method: 'GET' }, [], true).replace(/\/(submit|withdraw|send-link|remove|publish|completion|retirement)$/, '')) : { names: [] as string[] };
      await fc.assert(
        fc.asyncProperty(
          fc.array(hostileText, { minLength: 1, maxLength: 4 }),
          fc.boolean(),
          fc.dictionary(fc.constantFrom(...(form.names.length ? form.names : ['title'])), hostileText, { maxKeys: 12 }),
          hostileJson,
          fc.constantFrom('nb' as const, 'nn' as const, 'en' as const),
          fc.boolean(),
          async (params, real, fields, json, lang, withToken) => {
            const path = pathOf(route, params, real);
            if (!changes) {
              await send(route, `${path}?returnTo=${encodeURIComponent(params[0]!)}&lang=${encodeURIComponent(params.at(-1)!)}`, { method: route.method }, lang);
              return;
            }
            const body = new URLSearchParams(fields);
            if (withToken && form.csrf) body.set('csrf', form.csrf);
            await send(route, path, { method: route.method, body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, lang);
            const authorization: Record<string, string> = route.audience === 'applicant' ? {} : { authorization: `Bearer ${bearer[route.audience]}` };
            await send(route, path, { method: route.method, body: JSON.stringify(json), headers: { 'content-type': 'application/json', ...authorization } }, lang);
          },
        ),
        { numRuns: 10 },
      );
    }
  });

  it('refuses wrong content types, deep JSON, 10 MB bodies, forged tokens and forms without their origin, with a 4xx', { timeout: 600_000 }, async () => {
    const tenMegabytes = 'a'.repeat(10 * 1024 * 1024);
    const forged = [
      'not-a-jwt',
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(`{"sub":"x","custom:tenantId":"${tenantId}"}`).toString('base64url')}.`,
      `${bearer.officer!.split('.').slice(0, 2).join('.')}.${Buffer.from('forged-signature').toString('base64url')}`,
    ];
    for (const route of routes.filter((each) => each.method !== 'GET')) {
      const path = pathOf(route, [], true);
      const authorization: Record<string, string> = route.audience === 'applicant' ? {} : { authorization: `Bearer ${bearer[route.audience]}` };
      const refused = async (init: Omit<RequestInit, 'headers'> & { headers: Record<string, string> }) => {
        const response = await send(route, path, { method: route.method, ...init }, 'en');
        expect(response.status, `${route.method} ${route.path} ${Object.keys(init.headers).join(',')} ${init.headers['content-type']} ${response.headers.get('location')}`).toBeGreaterThanOrEqual(400);
      };
      // Sign-out reads no body: only the foreign origin applies to it.
      const readsBody = !route.path.includes('/auth/');
      if (readsBody) await refused({ body: '<xml>&lt;</xml>', headers: { 'content-type': 'application/xml', ...authorization } });
      if (readsBody) await refused({ body: deep(5_000), headers: { 'content-type': 'application/json', ...authorization } });
      if (readsBody) await refused({ body: tenMegabytes, headers: { 'content-type': 'application/x-www-form-urlencoded', ...authorization } });
      await refused({ body: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', cookie: cookies.join('; ') } });
      // A forged token on the API: a page route ignores bearer tokens and sends to the sign-in instead.
      if (route.audience !== 'applicant' && readsBody && route.path.includes('/api/')) {
        for (const token of forged) await refused({ body: '{}', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, cookie: '' } });
      }
    }
  });

  it('refuses forged, reused and expired magic links in the user\'s language', async () => {
    for (const token of ['forged', `${'a'.repeat(40)}.${'b'.repeat(40)}`, markers[0]!, '../../etc/passwd']) {
      const response = await send({ audience: 'applicant', method: 'GET', path: '/link/:token' }, `/link/${encodeURIComponent(token)}`, { method: 'GET' }, 'en');
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
  });
});
