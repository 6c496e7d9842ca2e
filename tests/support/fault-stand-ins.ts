import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../infra/local/create-table';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb-local';
import { startMailLocal, type MailLocal } from '../../infra/local/mail-local';
import { freePort } from '../../infra/local/ports';
import type { StoredEmail } from './mail-inbox';
import { testConfig } from './test-environment';

/**
 * A DynamoDB Local and an SES stand-in of one test file's own, which the file may stop and start
 * again without disturbing any other file (they all share the run's stand-ins otherwise).
 * DynamoDB Local keeps its data in a temporary folder, so a restart loses nothing, as a real
 * outage of the service would not.
 */
export class FaultyStandIns {
  private dynamo?: DynamoDbLocal;
  private mail?: MailLocal;
  private readonly folder = mkdtempSync(join(tmpdir(), 'fordel-faults-'));

  private constructor(
    readonly dynamoPort: number,
    readonly mailPort: number,
  ) {}

  static async start(): Promise<FaultyStandIns> {
    const standIns = new FaultyStandIns(await freePort(), await freePort());
    await standIns.startDynamoDb();
    await standIns.startMail();
    const config = standIns.config();
    const admin = new DynamoDBClient({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await ensureTable(admin, config.TABLE_NAME);
    admin.destroy();
    return standIns;
  }

  /** The test configuration with this file's DynamoDB Local and SES stand-in (the rest shared). */
  config() {
    return testConfig({
      TABLE_NAME: 'fordel-faults',
      DYNAMODB_ENDPOINT: `http://127.0.0.1:${this.dynamoPort}`,
      SES_ENDPOINT: `http://127.0.0.1:${this.mailPort}`,
    });
  }

  async startDynamoDb() {
    this.dynamo = await startDynamoDbLocal({ port: this.dynamoPort, dataDirectory: this.folder });
  }

  async stopDynamoDb() {
    await this.dynamo?.stop();
    this.dynamo = undefined;
  }

  async startMail() {
    this.mail = await startMailLocal({ port: this.mailPort });
  }

  async stopMail() {
    await this.mail?.stop();
    this.mail = undefined;
  }

  /** The emails this SES stand-in holds for `recipient`. */
  async emailsTo(recipient: string): Promise<StoredEmail[]> {
    const response = await fetch(`http://127.0.0.1:${this.mailPort}/store`);
    const { emails } = (await response.json()) as { emails: StoredEmail[] };
    return emails.filter((email) => email.destination.to.includes(recipient));
  }

  /** Starts whichever of the two is stopped. */
  async ensureRunning() {
    if (!this.dynamo) await this.startDynamoDb();
    if (!this.mail) await this.startMail();
  }

  async stop() {
    await this.stopMail();
    await this.stopDynamoDb();
    rmSync(this.folder, { recursive: true, force: true });
  }
}

/** The hidden fields of the form a page offers (name → values), as a browser would post them again. */
export function hiddenFields(page: string): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const match of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)) {
    const value = match[2]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    (fields[match[1]!] ??= []).push(value);
  }
  return fields;
}
