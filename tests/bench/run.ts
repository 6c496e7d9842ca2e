/**
 * `npm run bench`: figures, not pass/fail. Prints a table and writes bench/results.json:
 * - each Lambda bundle's size (esbuild, minified ESM, as the CDK bundles them);
 * - the weight of each applicant page (HTML + CSS + JS bytes, raw and gzipped);
 * - request latency of the public pages and API against DynamoDB Local (p50/p95);
 * - the time of a link request for a known and an unknown address, which must not differ.
 * - what tenant-scoped credentials add to an officer request through the officer app, cold and warm
 *   (see tenant-sessions.ts; STS is a local stand-in, so the cold figure excludes real STS's round trip).
 *
 * - the ranking of a 500-application round (page and API, with and without filters): server time and
 *   the DynamoDB requests of each answer (see ranking.ts);
 * - the batch decision of a 500-application round: total and per decision, and DynamoDB requests (decisions.ts);
 * - the deadline surge (see surge.ts): N whole applicant journeys, 32 at a time, a quarter on one
 *   municipality, with DynamoDB requests per journey, efficiency against their raw replay and the
 *   submit latency against its raw transaction; `--surge-applicants=N` changes N (default 1 200).
 *
 * `npm run bench -- --only=link-requests` (or `--only=tenant-sessions`, `--only=ranking`, `--only=decisions`, `--only=surge`) runs just that part.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildLambdaBundles } from '../../infra/lambda-bundles';
import { createLocalApp, listen } from '../../infra/local/local-server';
import { freePort } from '../../infra/local/ports';
import { startStandIns } from '../../infra/local/stand-ins';
import { loadConfig } from '../../functions/composition/config';
import { ApplicantClient } from '../support/applicant-client';
import { linkRequestTiming } from './link-requests';
import { measureTenantSessions } from './tenant-sessions';
import { measureRanking } from './ranking';
import { measureBatchDecisions } from './decisions';
import { measureSurge, surgeTable } from './surge';
import { openCall } from '../support/calls';
import type { TenantId } from '../../shared/kernel/tenants';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** The bundles as deployed: built by the same function and options as the CDK and the bundle tests. */
async function bundleSizes() {
  const bundles = await buildLambdaBundles('.test-artifacts/bench-bundles');
  return bundles.map(({ entry, file, bytes }) => ({ entry, bytes, gzipBytes: gzipSync(readFileSync(file)).length }));
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** `--only=a,b` runs just those parts: bundles, pages, latency, tenant-sessions, link-requests, ranking, decisions, surge. */
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const runs = (part: string) => !only || only.includes(part);
/** Sized so that the whole bench stays within five minutes on two cores. */
const surgeApplicants = Number(process.argv.find((arg) => arg.startsWith('--surge-applicants='))?.slice('--surge-applicants='.length) ?? 1200);

async function main() {
  const bundles = runs('bundles') ? await bundleSizes() : [];
  const standIns = await startStandIns({ tableName: 'fordel-bench' });
  const port = await freePort();
  const config = loadConfig({
    TABLE_NAME: standIns.tableName,
    DYNAMODB_ENDPOINT: standIns.dynamoDbEndpoint,
    SES_ENDPOINT: standIns.mailEndpoint,
    REGISTRY_BASE_URL: standIns.registryBaseUrl,
    S3_ENDPOINT: standIns.s3Endpoint,
    ATTACHMENTS_BUCKET: standIns.attachmentsBucket,
    APP_BASE_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'error',
    MAGIC_LINK_SECRET: 'bench-signing-secret-of-at-least-32-characters',
    AUTH_ISSUER: `http://127.0.0.1:${port}/local-idp`,
    AUTH_CLIENT_ID: 'fordel-local',
  });
  const { app, adapters, compositionRoot, identityProvider } = createLocalApp(config);
  if (!identityProvider) throw new Error('The bench server has no local identity provider');
  const tenantId = 'k3240' as TenantId;
  for (let index = 0; index < 40; index++) {
    await adapters.calls.create(openCall(`bench${index}` as TenantId, { opensAt: '2026-11-01T00:00:00.000Z' }));
  }
  await adapters.calls.create(openCall(tenantId, { opensAt: '2026-11-01T00:00:00.000Z' }));
  const server = await listen(app, port);

  // Page weight: walk the applicant pages as one applicant and weigh HTML plus its stylesheets.
  // The client speaks as a page of localhost:3000; here the app's origin is the bench server's,
  // and its form guard refuses a post naming any other.
  const benchOrigin = `http://127.0.0.1:${port}`;
  const client = new ApplicantClient({
    request: (input, init) => {
      const headers = new Headers(init?.headers);
      if (headers.has('origin')) headers.set('origin', benchOrigin);
      return fetch(input.replace('http://localhost:3000', benchOrigin), { ...init, headers, redirect: 'manual' });
    },
  });
  const css = await Promise.all(['/static/ds/theme.css', '/static/ds/index.css', '/static/app.css'].map(async (path) => Buffer.from(await (await fetch(`http://127.0.0.1:${port}${path}`)).arrayBuffer())));
  const cssBytes = css.reduce((total, file) => total + file.length, 0);
  const cssGzip = css.reduce((total, file) => total + gzipSync(file).length, 0);
  const pages: { page: string; htmlBytes: number; cssBytes: number; jsBytes: number; totalGzipBytes: number }[] = [];
  const weigh = async (name: string, response: Response) => {
    const html = Buffer.from(await response.arrayBuffer());
    pages.push({ page: name, htmlBytes: html.length, cssBytes, jsBytes: 0, totalGzipBytes: gzipSync(html).length + cssGzip });
  };
  if (runs('pages')) {
  await weigh('start page (41 calls)', await client.get('/'));
  await weigh('call page', await client.get(`/calls/${tenantId}/2027-1`));
  await weigh('apply: organisation', await client.get(`/calls/${tenantId}/2027-1/apply`));
  const started = await client.post(`/calls/${tenantId}/2027-1/apply`, { orgnr: '311100386', email: 'bench@example.org' }, { guards: false });
  if (started.status !== 303) throw new Error(`Starting an application answered ${started.status}: ${client.lastPage.slice(0, 2000)}`);
  const applicationPath = started.headers.get('location')!.replace(/\/contact$/, '');
  for (const step of ['contact', 'project', 'budget', 'attachments', 'questions', 'review']) await weigh(`apply: ${step}`, await client.get(`${applicationPath}/${step}`));
  await weigh('status', await client.get(applicationPath));
  }

  // Latency of the public read paths.
  const latency: { path: string; requests: number; p50Ms: number; p95Ms: number }[] = [];
  for (const path of runs('latency') ? ['/', '/api/calls', `/calls/${tenantId}/2027-1`, '/healthz'] : []) {
    const times: number[] = [];
    for (let index = 0; index < 200; index++) {
      const started = performance.now();
      await (await fetch(`http://127.0.0.1:${port}${path}`)).arrayBuffer();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    latency.push({ path, requests: times.length, p50Ms: Number(percentile(times, 50).toFixed(1)), p95Ms: Number(percentile(times, 95).toFixed(1)) });
  }

  const benchTenants = Array.from({ length: 40 }, (_, index) => `bench${index}` as TenantId);
  const tenantSessions = runs('tenant-sessions') ? await measureTenantSessions(config, benchTenants, identityProvider) : undefined;
  const decisions = runs('decisions') ? await measureBatchDecisions(config) : undefined;
  const linkRequests = runs('link-requests') ? await linkRequestTiming(compositionRoot, config.MAGIC_LINK_SECRET!, tenantId) : undefined;
  const ranking = runs('ranking') ? await measureRanking(config, identityProvider) : undefined;
  const surge = runs('surge') ? await measureSurge(standIns, { applicants: surgeApplicants, concurrency: 32 }) : undefined;

  await new Promise<void>((resolve) => server.close(() => resolve()));
  await standIns.stop();

  if (bundles.length) {
    console.log('\nLambda bundles (minified ESM, @aws-sdk external)');
    console.table(bundles.map((row) => ({ entry: row.entry, kB: (row.bytes / 1024).toFixed(0), 'gzip kB': (row.gzipBytes / 1024).toFixed(0) })));
  }
  if (pages.length) {
    console.log('Applicant page weight (HTML + CSS + JS)');
    console.table(pages.map((row) => ({ page: row.page, 'HTML kB': (row.htmlBytes / 1024).toFixed(1), 'CSS kB': (row.cssBytes / 1024).toFixed(0), 'JS kB': 0, 'total gzip kB': (row.totalGzipBytes / 1024).toFixed(0) })));
  }
  if (latency.length) {
    console.log('Latency against DynamoDB Local (sequential requests)');
    console.table(latency);
  }
  if (linkRequests) {
    console.log('Link requests (POST /resume) for an address with an application and one without');
    console.table(linkRequests);
  }
  if (tenantSessions) {
  console.log(`Officer request ${tenantSessions.route} through the officer app, cold and warm (${tenantSessions.assumeRoleCalls} AssumeRole calls for ${tenantSessions.officerRequests} requests)`);
  console.log(`NOTE: ${tenantSessions.note}.`);
  console.table(tenantSessions.rows);
  }
  if (ranking) {
    console.log(`Ranking of a ${ranking.applications}-application round (an earlier year's round of ${ranking.earlierApplications}), server time in process and DynamoDB requests per answer`);
    console.table(ranking.rows);
  }
  if (decisions) {
    console.log('Batch decision of one round (DynamoDB Local; one transaction per decision):');
    const { byCommand, ...figures } = decisions;
    console.table([figures]);
    console.table(byCommand);
  }
  if (surge) {
    console.log('Deadline surge: whole applicant journeys against DynamoDB Local');
    console.table(surgeTable(surge));
  }
  mkdirSync('bench', { recursive: true });
  // A part left out by `--only` keeps its figures from the last run that measured it.
  const earlier = existsSync('bench/results.json') ? (JSON.parse(readFileSync('bench/results.json', 'utf8')) as Record<string, unknown>) : {};
  const measured = Object.fromEntries(
    Object.entries({ bundles, pages, latency, linkRequests, tenantSessions, ranking, decisions, surge }).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  );
  writeFileSync('bench/results.json', `${JSON.stringify({ ...earlier, ...measured, measuredAt: new Date().toISOString() }, null, 2)}
`);
  console.log('Written to bench/results.json');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
