import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../functions/composition';
import { publishDemoAllocations } from './demo-allocations';
import { seedDemoData } from './demo-data';
import { DamagedDataError } from './dynamodb-local';
import { LocalEnvironmentError } from './local-error';
import { listen, createLocalApp, localIssuer, LOCAL_CLIENT_ID } from './local-server';
import { isPortFree } from './ports';
import { startLocalScheduler } from './scheduler';
import { startStandIns, type StandIns } from './stand-ins';

/**
 * `npm start`: DynamoDB Local with data in `.data/`, the SES stand-in, the table, demo data on
 * first start, and the web app; prints where to open it. Ctrl-C stops all of it.
 *
 * Flags: `--fresh` deletes the data first. Environment: PORT (3000), DYNAMODB_PORT (8000), MAIL_PORT (8005),
 * REGISTRY_PORT (8006, the demo Enhetsregisteret), S3_PORT (8007, s3rver), FORDEL_DATA_DIR (.data).
 * REGISTRY_BASE_URL=https://data.brreg.no looks organisations up in the real register instead.
 */
const dataDirectory = process.env.FORDEL_DATA_DIR ?? '.data';
const lockFile = join(dataDirectory, 'fordel.pid');
const tableName = 'fordel-local';

async function main(): Promise<void> {
  const started = performance.now();
  const fresh = process.argv.includes('--fresh');
  const appPort = Number(process.env.PORT ?? 3000);
  const dynamoPort = Number(process.env.DYNAMODB_PORT ?? 8000);
  const mailPort = Number(process.env.MAIL_PORT ?? 8005);
  const registryPort = Number(process.env.REGISTRY_PORT ?? 8006);
  const s3Port = Number(process.env.S3_PORT ?? 8007);

  refuseSecondInstance(appPort);
  if (fresh) rmSync(dataDirectory, { recursive: true, force: true });
  for (const [port, what] of [
    [appPort, 'the web app (PORT)'],
    [dynamoPort, 'DynamoDB Local (DYNAMODB_PORT)'],
    [mailPort, 'the email inbox (MAIL_PORT)'],
    [registryPort, 'the demo organisation registry (REGISTRY_PORT)'],
    [s3Port, 'the file store (S3_PORT)'],
  ] as const) {
    if (!(await isPortFree(port))) {
      throw new LocalEnvironmentError(
        `Port ${port} for ${what} is already in use; stop the program using it, or choose another port, e.g. ${what.match(/\((\w+)\)/)?.[1]}=${port + 100} npm start`,
      );
    }
  }

  mkdirSync(dataDirectory, { recursive: true });
  writeFileSync(lockFile, JSON.stringify({ pid: process.pid, port: appPort }));

  const stoppers: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
    rmSync(lockFile, { force: true });
  };
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping Fordel…\n');
    void stopAll().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    let standIns: StandIns;
    try {
      standIns = await startStandIns({
        tableName,
        dataDirectory,
        ports: { dynamoDb: dynamoPort, mail: mailPort, registry: registryPort, s3: s3Port },
      });
    } catch (error) {
      if (error instanceof DamagedDataError) {
        throw new LocalEnvironmentError(
          `The local data in ${dataDirectory}/ cannot be read (it may be damaged); start empty with \`npm start -- --fresh\` (deletes local data), or move ${dataDirectory}/ aside to keep a copy.`,
        );
      }
      throw error;
    }
    stoppers.push(standIns.stop);

    const appBaseUrl = process.env.APP_BASE_URL ?? `http://localhost:${appPort}`;
    const config = loadConfig({
      ...process.env,
      TABLE_NAME: tableName,
      AWS_REGION: 'eu-north-1',
      DYNAMODB_ENDPOINT: standIns.dynamoDbEndpoint,
      SES_ENDPOINT: standIns.mailEndpoint,
      REGISTRY_BASE_URL: process.env.REGISTRY_BASE_URL ?? standIns.registryBaseUrl,
      S3_ENDPOINT: standIns.s3Endpoint,
      ATTACHMENTS_BUCKET: standIns.attachmentsBucket,
      APP_BASE_URL: appBaseUrl,
      // Officers and IMDi sign in at the built-in local identity provider unless told otherwise.
      AUTH_ISSUER: process.env.AUTH_ISSUER ?? localIssuer(appBaseUrl),
      AUTH_CLIENT_ID: process.env.AUTH_CLIENT_ID ?? LOCAL_CLIENT_ID,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      MAGIC_LINK_SECRET: localSigningSecret(dataDirectory),
    });

    const { app, adapters, compositionRoot } = createLocalApp(config);
    const seeded = await seedDemoData(adapters, { now: new Date() });
    if (seeded) await publishDemoAllocations(adapters, { now: new Date(), years: seeded.managingYears });
    const server = await listen(app, appPort);
    stoppers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    // The same job handlers as in AWS (send the outbox, close rounds at their deadline); stopped
    // first on Ctrl-C, so a run in progress finishes before the data store goes away.
    const scheduler = startLocalScheduler(compositionRoot);
    stoppers.push(scheduler.stop);

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      [
        '',
        `Fordel is running (ready in ${seconds} s${seeded ? `; demo data added: ${seeded.tenants} administrators, ${seeded.calls} calls` : ''}).`,
        '',
        `  App            ${config.APP_BASE_URL}/`,
        `  API reference  ${config.APP_BASE_URL}/api/reference`,
        `  Officers       ${config.APP_BASE_URL}/officer   (sign in as a demo user at the local identity provider)`,
        `  IMDi           ${config.APP_BASE_URL}/national`,
        `  Email inbox    ${standIns.inboxUrl}`,
        `  Registry       ${config.REGISTRY_BASE_URL}/enhetsregisteret/api/enheter/310501123 (demo organisations: data/README.md)`,
        '',
        `Data is kept in ${dataDirectory}/ (start empty with \`npm start -- --fresh\`). Press Ctrl-C to stop.`,
        '',
      ].join('\n'),
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * The key that signs applicants' links and sessions, made once and kept with the data, so links
 * emailed before a restart still work after it.
 */
function localSigningSecret(directory: string): string {
  const file = join(directory, 'signing-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** A second `npm start` would fight the first over ports and the data files: say so instead. */
function refuseSecondInstance(appPort: number): void {
  if (!existsSync(lockFile)) return;
  try {
    const { pid, port } = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number; port: number };
    process.kill(pid, 0);
    throw new LocalEnvironmentError(
      `Fordel is already running (process ${pid}) at http://localhost:${port ?? appPort}/; stop it with Ctrl-C in its terminal, or \`kill ${pid}\`.`,
    );
  } catch (error) {
    if (error instanceof LocalEnvironmentError) throw error;
    // The process that wrote the lock is gone (or the lock is unreadable): it is stale.
    rmSync(lockFile, { force: true });
  }
}

main().catch((error: unknown) => {
  if (error instanceof LocalEnvironmentError) {
    process.stderr.write(`fordel: ${error.message}\n`);
  } else {
    process.stderr.write(`fordel: could not start: ${(error as Error)?.message ?? String(error)}\n`);
  }
  process.exit(1);
});
