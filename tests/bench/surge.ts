/**
 * The deadline surge: N applicants across 40 municipalities, a quarter of them on one, each running
 * the whole journey (start → four sections → attachment → review → submit) through the applicant
 * app in-process, with a fixed number of journeys at a time, against DynamoDB Local.
 *
 * Figures, not pass/fail:
 * - journeys per minute, submit latency (p50/p95/p99), errors by kind;
 * - DynamoDB requests per journey by command (an SDK middleware on the app's document client);
 * - efficiency = raw replay time ÷ surge time: the very requests the surge sent, replayed in the same
 *   journeys and order against a fresh table at the same concurrency, with nothing of the product
 *   in between (1.0: the product adds nothing to the database's own work);
 * - the submit latency as a ratio to its floor: the recorded submit transactions (four items:
 *   application, audit event, receipt email, counters) sent raw at the same concurrency;
 * - afterwards a count check: receipts shown = stored submissions = the counters = receipt emails
 *   in the outbox.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../infra/local/create-table';
import type { StandIns } from '../../infra/local/stand-ins';
import { createLogger } from '../../functions/common/logger';
import { applicantApp, createCompositionRoot, loadConfig } from '../../functions/composition';
import { createCallRepository } from '../../functions/adapters/call-repository';
import { queryAll } from '../../functions/adapters/query-all';
import type { TenantId } from '../../shared/kernel/tenants';
import { ApplicantClient } from '../support/applicant-client';
import { eidsvollOrganisation, filledSections, pdfBytes } from '../support/application-form';
import { openCall } from '../support/calls';
import { countRequests, type RecordedRequest, type RequestLog } from '../support/request-counter';

export interface SurgeOptions {
  /** Applicants, each one whole journey. */
  applicants: number;
  /** Journeys at a time. */
  concurrency: number;
  municipalities?: number;
}

const SIGNING_SECRET = 'bench-signing-secret-of-at-least-32-characters';
const GRANT_YEAR = 2027;
const ROUND_ID = `${GRANT_YEAR}-1`;

function percentile(sorted: readonly number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round1 = (value: number) => Number(value.toFixed(1));
const round2 = (value: number) => Number(value.toFixed(2));

/** Runs `work` for every index, `concurrency` at a time. */
async function pool(count: number, concurrency: number, work: (index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

class JourneyError extends Error {
  constructor(readonly kind: string) {
    super(kind);
  }
}

/** One applicant's whole journey, as the form tests walk it; returns the submit's latency. */
async function journey(client: ApplicantClient, tenantId: TenantId, email: string): Promise<number> {
  const expect = (step: string, response: Response, status: number) => {
    if (response.status !== status) throw new JourneyError(`${step}: ${response.status}`);
    return response;
  };
  await client.get(`/calls/${tenantId}/${ROUND_ID}/apply`);
  const started = expect('start', await client.post(`/calls/${tenantId}/${ROUND_ID}/apply`, { orgnr: eidsvollOrganisation, email }), 303);
  const applicationPath = started.headers.get('location')!.replace(/\/contact$/, '');
  for (const [section, fields] of Object.entries(filledSections)) {
    expect(`${section} page`, await client.get(`${applicationPath}/${section}`), 200);
    expect(section, await client.post(`${applicationPath}/${section}`, { ...fields, ...(section === 'contact' ? { email } : {}), intent: 'continue' }), 303);
  }
  expect('attachments page', await client.get(`${applicationPath}/attachments`), 200);
  const form = new FormData();
  form.append('csrf', /name="csrf" value="([^"]+)"/.exec(client.lastPage)![1]!);
  form.append('version', /name="version" value="([^"]+)"/.exec(client.lastPage)![1]!);
  form.append('kind', 'statutes');
  form.append('file', new File([pdfBytes], 'vedtekter.pdf', { type: 'application/pdf' }));
  expect('attachment', await client.request(`${applicationPath}/attachments`, { method: 'POST', body: form }), 303);
  expect('review page', await client.get(`${applicationPath}/review`), 200);
  const before = performance.now();
  const submitted = await client.post(`${applicationPath}/submit`, {});
  const latency = performance.now() - before;
  expect('submit', submitted, 303);
  if (!submitted.headers.get('location')?.endsWith('/receipt')) throw new JourneyError(`submit: to ${submitted.headers.get('location')}`);
  return latency;
}

/** A request's input with every table name replaced, to send it again to another table. */
function retargeted(input: Record<string, unknown>, tableName: string): Record<string, unknown> {
  const copy = structuredClone(input);
  if ('TableName' in copy) copy.TableName = tableName;
  for (const entry of (copy.TransactItems as Record<string, { TableName?: string }>[] | undefined) ?? []) {
    for (const operation of Object.values(entry)) operation.TableName = tableName;
  }
  return copy;
}

const isConflict = (error: unknown) =>
  (error as { name?: string }).name === 'TransactionCanceledException' &&
  ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict');

/**
 * Sends one recorded request raw. Collisions on the counters are part of the database's own work,
 * so they are retried as the unit of work retries them; any other refusal is counted.
 */
async function sendRaw(db: DynamoDBDocumentClient, request: RecordedRequest, tableName: string): Promise<string | undefined> {
  const input = retargeted(request.input, tableName) as never;
  const command =
    request.command === 'GetItem' ? new GetCommand(input)
    : request.command === 'TransactWriteItems' ? new TransactWriteCommand(input)
    : request.command === 'Query' ? new QueryCommand(input)
    : request.command === 'UpdateItem' ? new UpdateCommand(input)
    : request.command === 'PutItem' ? new PutCommand(input)
    : undefined;
  if (!command) return `unreplayable ${request.command}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await db.send(command as never);
      return undefined;
    } catch (error) {
      if (isConflict(error) && attempt < 20) {
        await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 10 * Math.min(attempt, 6))));
        continue;
      }
      return (error as Error).name;
    }
  }
}

/** The submit transaction of a journey without the application's guard, which a fresh table cannot meet. */
function unguardedSubmit(log: RequestLog): RecordedRequest | undefined {
  const submit = log.requests.filter((request) => request.command === 'TransactWriteItems').at(-1);
  if (!submit) return undefined;
  const input = structuredClone(submit.input) as { TransactItems: { Put?: Record<string, unknown> }[] };
  for (const entry of input.TransactItems) {
    if (entry.Put && String((entry.Put.Item as { SK?: string }).SK ?? '').startsWith('APPLICATION') && entry.Put.ConditionExpression) {
      delete entry.Put.ConditionExpression;
      delete entry.Put.ExpressionAttributeNames;
      delete entry.Put.ExpressionAttributeValues;
    }
  }
  return { command: submit.command, input };
}

export async function measureSurge(standIns: StandIns, options: SurgeOptions) {
  const municipalities = options.municipalities ?? 40;
  const suffix = Date.now().toString(36);
  const tables = { surge: `fordel-surge-${suffix}`, replay: `fordel-surge-replay-${suffix}`, floor: `fordel-surge-floor-${suffix}` };
  const admin = new DynamoDBClient({ endpoint: standIns.dynamoDbEndpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  for (const table of Object.values(tables)) await ensureTable(admin, table);
  admin.destroy();

  const config = loadConfig({
    TABLE_NAME: tables.surge,
    DYNAMODB_ENDPOINT: standIns.dynamoDbEndpoint,
    SES_ENDPOINT: standIns.mailEndpoint,
    REGISTRY_BASE_URL: standIns.registryBaseUrl,
    S3_ENDPOINT: standIns.s3Endpoint,
    ATTACHMENTS_BUCKET: standIns.attachmentsBucket,
    APP_BASE_URL: 'http://localhost:3000',
    LOG_LEVEL: 'error',
    MAGIC_LINK_SECRET: SIGNING_SECRET,
  });
  const root = createCompositionRoot(config, { logger: createLogger('error') });
  const app = applicantApp(root, SIGNING_SECRET);
  const db = root.adapters.db;
  const counter = countRequests(db);
  counter.pause();

  const tenants = Array.from({ length: municipalities }, (_, index) => `surge${index}` as TenantId);
  const hot = tenants[0]!;
  const replayCalls = createCallRepository(db, tables.replay);
  for (const tenantId of tenants) {
    const call = openCall(tenantId, { opensAt: '2026-11-01T00:00:00.000Z' });
    await root.adapters.calls.create(call);
    await replayCalls.create(call);
  }
  // A quarter on one municipality, the rest spread over the other 39.
  const tenantOf = (index: number) => (index % 4 === 0 ? hot : tenants[1 + (index % (municipalities - 1))]!);

  const logs: RequestLog[] = [];
  const submitLatencies: number[] = [];
  const errors: Record<string, number> = {};
  counter.pause(false);
  const surgeStarted = performance.now();
  await pool(options.applicants, options.concurrency, async (index) => {
    const client = new ApplicantClient({ request: (input, init) => app.request(input, init) });
    try {
      const { result, log } = await counter.scope(() => journey(client, tenantOf(index), `surge-${index}@example.org`));
      logs.push(log);
      submitLatencies.push(result);
    } catch (error) {
      const kind = error instanceof JourneyError ? error.kind : (error as Error).name;
      errors[kind] = (errors[kind] ?? 0) + 1;
    }
  });
  const surgeMs = performance.now() - surgeStarted;
  counter.pause();

  // The count check: every receipt shown is one stored submission, one count and one email.
  let storedSubmissions = 0;
  let counted = 0;
  let receiptEmails = 0;
  for (const tenantId of tenants) {
    storedSubmissions += (await root.adapters.applications.listSubmittedByRound(tenantId, ROUND_ID)).length;
    counted += (await root.adapters.aggregates.get(tenantId, GRANT_YEAR))?.applicationsSubmitted ?? 0;
    const outbox = await queryAll(db, { TableName: tables.surge, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `T#${tenantId}#OUTBOX` } });
    receiptEmails += outbox.filter((item) => item.kind === 'application-receipt').length;
  }

  // The raw replay: the same journeys' requests, in order within each journey, at the same concurrency.
  const replayErrors: Record<string, number> = {};
  const replayStarted = performance.now();
  await pool(logs.length, options.concurrency, async (index) => {
    for (const request of logs[index]!.requests) {
      const error = await sendRaw(db, request, tables.replay);
      if (error) replayErrors[error] = (replayErrors[error] ?? 0) + 1;
    }
  });
  const replayMs = performance.now() - replayStarted;

  // The floor: the submit transactions alone, raw, at the same concurrency.
  const submits = logs.map(unguardedSubmit).filter((request) => request !== undefined);
  const floorLatencies: number[] = [];
  await pool(submits.length, options.concurrency, async (index) => {
    const before = performance.now();
    await sendRaw(db, submits[index]!, tables.floor);
    floorLatencies.push(performance.now() - before);
  });

  submitLatencies.sort((a, b) => a - b);
  floorLatencies.sort((a, b) => a - b);
  const journeys = logs.length;
  const perJourney: Record<string, number> = {};
  for (const log of logs) for (const [command, count] of Object.entries(log.byCommand())) perJourney[command] = (perJourney[command] ?? 0) + count;
  for (const command of Object.keys(perJourney)) perJourney[command] = round2(perJourney[command]! / Math.max(1, journeys));
  const submit = { p50: percentile(submitLatencies, 50), p95: percentile(submitLatencies, 95), p99: percentile(submitLatencies, 99) };
  const floor = { p50: percentile(floorLatencies, 50), p95: percentile(floorLatencies, 95), p99: percentile(floorLatencies, 99) };
  return {
    applicants: options.applicants,
    concurrency: options.concurrency,
    municipalities,
    onHottestMunicipality: Array.from({ length: options.applicants }, (_, index) => tenantOf(index)).filter((tenantId) => tenantId === hot).length,
    journeys,
    surgeSeconds: round1(surgeMs / 1000),
    journeysPerMinute: Math.round((journeys / surgeMs) * 60_000),
    submitMs: { p50: round1(submit.p50), p95: round1(submit.p95), p99: round1(submit.p99) },
    errors,
    requestsPerJourney: round2(Object.values(perJourney).reduce((sum, count) => sum + count, 0)),
    requestsPerJourneyByCommand: perJourney,
    /** What DynamoDB refused during the surge, e.g. counter collisions the unit of work then retried. */
    dynamoDbRefusals: counter.all.refusals,
    rawReplaySeconds: round1(replayMs / 1000),
    rawReplayErrors: replayErrors,
    efficiency: round2(replayMs / surgeMs),
    submitFloorMs: { p50: round1(floor.p50), p95: round1(floor.p95), p99: round1(floor.p99) },
    submitToFloor: { p50: round2(submit.p50 / floor.p50), p95: round2(submit.p95 / floor.p95), p99: round2(submit.p99 / floor.p99) },
    countCheck: { receipts: submitLatencies.length, storedSubmissions, counters: counted, receiptEmails, consistent: new Set([submitLatencies.length, storedSubmissions, counted, receiptEmails]).size === 1 },
  };
}

export type SurgeResult = Awaited<ReturnType<typeof measureSurge>>;

/** The surge as rows for `console.table`. */
export function surgeTable(result: SurgeResult) {
  return [
    { figure: 'applicants (on the busiest municipality)', value: `${result.applicants} (${result.onHottestMunicipality}) across ${result.municipalities}, ${result.concurrency} at a time` },
    { figure: 'journeys completed', value: result.journeys },
    { figure: 'journeys per minute', value: result.journeysPerMinute },
    { figure: 'submit p50 / p95 / p99 ms', value: `${result.submitMs.p50} / ${result.submitMs.p95} / ${result.submitMs.p99}` },
    { figure: 'errors by kind', value: JSON.stringify(result.errors) },
    { figure: 'DynamoDB requests per journey', value: `${result.requestsPerJourney} ${JSON.stringify(result.requestsPerJourneyByCommand)}` },
    { figure: 'DynamoDB refusals in the surge (retried or reported)', value: JSON.stringify(result.dynamoDbRefusals) },
    { figure: 'surge / raw replay s', value: `${result.surgeSeconds} / ${result.rawReplaySeconds}` },
    { figure: 'efficiency (raw ÷ surge)', value: result.efficiency },
    { figure: 'submit floor p50 / p95 / p99 ms (raw 4-item transaction)', value: `${result.submitFloorMs.p50} / ${result.submitFloorMs.p95} / ${result.submitFloorMs.p99}` },
    { figure: 'submit ÷ floor p50 / p95 / p99', value: `${result.submitToFloor.p50} / ${result.submitToFloor.p95} / ${result.submitToFloor.p99}` },
    { figure: 'receipts = stored = counters = emails', value: `${result.countCheck.receipts} = ${result.countCheck.storedSubmissions} = ${result.countCheck.counters} = ${result.countCheck.receiptEmails} ${result.countCheck.consistent ? '✓' : '✗'}` },
  ];
}
